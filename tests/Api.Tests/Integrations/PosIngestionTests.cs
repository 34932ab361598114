using System.Net;
using System.Text;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Integrations;

/// <summary>A POS pushing sales: once each, only with its credentials, and no line ever dropped.</summary>
[Collection(SharedProduct.Collection)]
public sealed class PosIngestionTests(SharedProduct product)
{
    private Database Db => product.Host.Database;

    [Fact]
    public async Task The_same_sale_created_delivered_five_times_some_at_once_changes_stock_once()
    {
        var tenant = await product.NewTenantAsync();
        var (location, productId) = await tenant.StockedAsync(20);
        var pos = await PosClient.SetUpAsync(tenant);
        var sale = new { transactionId = "sq-1001", locationId = location, items = new[] { new { sku = "VODKA-750", quantity = 2, price = 9.50m } } };

        var together = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => pos.SaleCreatedAsync(sale)));
        var later = new[] { await pos.SaleCreatedAsync(sale), await pos.SaleCreatedAsync(sale) };

        var replies = together.Concat(later).ToList();
        Assert.All(replies, r => Assert.True(r.Status is HttpStatusCode.Created or HttpStatusCode.OK, r.Body.GetRawText()));
        Assert.Single(replies, r => r.Status == HttpStatusCode.Created);
        Assert.Single(replies.Select(r => r.Data.GetProperty("movementId").GetString()).Distinct());
        Assert.Equal(18, await Db.QuantityAsync(location, productId));
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT count(*) FROM app.transactions WHERE reference_id = 'sq-1001' AND location_id = @l", ("l", location)));
    }

    [Fact]
    public async Task A_missing_credential_a_wrong_key_a_bad_or_stale_signature_or_a_wrong_secret_is_401_and_writes_nothing()
    {
        var tenant = await product.NewTenantAsync();
        var (location, _) = await tenant.StockedAsync(20);
        var pos = await PosClient.SetUpAsync(tenant);
        var other = await PosClient.SetUpAsync(tenant, "Toast, patio");
        var revoked = await PosClient.SetUpAsync(tenant, "Old till");
        var revokedId = (await tenant.Admin.GetAsync("/api/v1/integrations")).ShouldSucceed().Data.GetProperty("items").EnumerateArray()
            .First(i => i.GetProperty("name").GetString() == "Old till").GetProperty("id").GetString();
        (await tenant.Admin.DeleteAsync($"/api/v1/integrations/{revokedId}")).ShouldSucceed(HttpStatusCode.NoContent);
        var payload = new { type = "sale.created", data = new { transactionId = "sq-2001", locationId = location, items = new[] { new { sku = "VODKA-750", quantity = 1 } } } };
        var before = await Db.CountsAsync();

        (await pos.PushAsync(payload, key: "")).ShouldFail(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        (await pos.PushAsync(payload, key: "ipf_pos_not-a-key")).ShouldFail(HttpStatusCode.Unauthorized, "INVALID_API_KEY");
        (await revoked.PushAsync(payload)).ShouldFail(HttpStatusCode.Unauthorized, "INVALID_API_KEY");
        (await pos.PushAsync(payload, sign: false)).ShouldFail(HttpStatusCode.Unauthorized, "INVALID_SIGNATURE");
        (await pos.PushAsync(payload, signedAt: DateTimeOffset.UtcNow.AddMinutes(-10))).ShouldFail(HttpStatusCode.Unauthorized, "INVALID_SIGNATURE");
        (await pos.PushAsync(payload, signWith: "whsec_guessed")).ShouldFail(HttpStatusCode.Unauthorized, "INVALID_SIGNATURE");
        (await pos.PushAsync(payload, key: other.ApiKey)).ShouldFail(HttpStatusCode.Unauthorized, "INVALID_SIGNATURE");

        Assert.Equal(before, await Db.CountsAsync());
    }

    [Fact]
    public async Task An_unknown_sku_is_queued_once_and_applied_once_when_mapped()
    {
        var tenant = await product.NewTenantAsync();
        var (location, vodka) = await tenant.StockedAsync(20);
        var pos = await PosClient.SetUpAsync(tenant);
        var sale = new
        {
            transactionId = "toast-77",
            locationId = location,
            timestamp = DateTime.UtcNow.AddHours(-1),
            items = new object[] { new { sku = "VODKA-750", quantity = 1, price = 9m }, new { sku = "NEW-MEZCAL", quantity = 2, price = 14m } },
        };

        var first = (await pos.SaleCreatedAsync(sale)).ShouldSucceed(HttpStatusCode.Created).Data;
        (await pos.SaleCreatedAsync(sale)).ShouldSucceed(HttpStatusCode.OK);
        Assert.Equal(1, first.GetProperty("linesApplied").GetInt32());
        Assert.Equal(1, first.GetProperty("linesUnmapped").GetInt32());
        Assert.Equal(19, await Db.QuantityAsync(location, vodka));
        var queued = Assert.Single((await tenant.Admin.GetAsync("/api/v1/integrations/unmapped")).ShouldSucceed().Data.GetProperty("items").EnumerateArray());
        Assert.Equal("NEW-MEZCAL", queued.GetProperty("sku").GetString());
        Assert.Equal(2, queued.GetProperty("quantity").GetInt32());
        var itemId = queued.GetProperty("id").GetString();

        // The product is created with the queued sku, and the POS sends the sale once more: the line stays queued, unapplied.
        var mezcal = await tenant.CreateProductAsync("NEW-MEZCAL", "Del Maguey Vida");
        await tenant.StockAsync(location, mezcal, 10);
        (await pos.SaleCreatedAsync(sale)).ShouldSucceed(HttpStatusCode.OK);
        Assert.Equal(10, await Db.QuantityAsync(location, mezcal));
        var mapped = (await tenant.Admin.PostAsync($"/api/v1/integrations/unmapped/{itemId}/map", new { productId = mezcal })).ShouldSucceed().Data;
        (await tenant.Admin.PostAsync($"/api/v1/integrations/unmapped/{itemId}/map", new { productId = mezcal })).ShouldSucceed();
        (await tenant.Admin.PostAsync($"/api/v1/integrations/unmapped/{itemId}/map", new { productId = vodka })).ShouldFail(HttpStatusCode.Conflict, "CONFLICT");

        Assert.Equal("mapped", mapped.GetProperty("status").GetString());
        Assert.Equal(8, await Db.QuantityAsync(location, mezcal));
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT count(*) FROM app.transactions WHERE product_id = @p AND type = 'sale' AND reference_id = 'toast-77'", ("p", mezcal)));
        Assert.Equal(0, (await tenant.Admin.GetAsync("/api/v1/integrations/unmapped")).ShouldSucceed().Data.GetProperty("items").GetArrayLength());
        Assert.Equal(1, (await tenant.Admin.GetAsync("/api/v1/integrations/unmapped?includeMapped=true")).ShouldSucceed().Data.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task The_seeds_top_level_timestamp_is_when_the_sale_happened()
    {
        var tenant = await product.NewTenantAsync();
        var (location, _) = await tenant.StockedAsync(20);
        var pos = await PosClient.SetUpAsync(tenant);
        var now = DateTime.UtcNow;
        var rung = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc).AddDays(-2);

        (await pos.PushAsync(new
        {
            @event = "sale.created",
            timestamp = rung,
            data = new { transactionId = "late-1", locationId = location, items = new[] { new { sku = "VODKA-750", quantity = 1, price = 9m } } },
        })).ShouldSucceed(HttpStatusCode.Created);

        var occurred = await Db.ScalarAsync<DateTime>("SELECT occurred_at FROM app.transactions WHERE reference_id = 'late-1'");
        Assert.Equal(rung, occurred.ToUniversalTime());
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public async Task The_seeds_push_with_its_signature_in_the_body_is_taken_and_a_forged_one_refused(bool indented, bool signatureFirst)
    {
        var tenant = await product.NewTenantAsync();
        var (location, vodka) = await tenant.StockedAsync(20);
        var pos = await PosClient.SetUpAsync(tenant);
        // As a client written from the seed would: the payload serialised, its HMAC added as "signature".
        var json = new System.Text.Json.Nodes.JsonObject
        {
            ["event"] = "sale.created",
            ["timestamp"] = DateTime.UtcNow.AddMinutes(-3).ToString("O"),
            ["data"] = System.Text.Json.Nodes.JsonNode.Parse($$$"""{"transactionId":"seed-{{{indented}}}-{{{signatureFirst}}}","locationId":"{{{location}}}","items":[{"sku":"VODKA-750","quantity":2,"price":9.5}]}"""),
        };
        var options = new System.Text.Json.JsonSerializerOptions { WriteIndented = indented };
        var signed = json.ToJsonString(options);
        var signature = "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(pos.Secret), Encoding.UTF8.GetBytes(signed)));
        string Body(string sig) => signatureFirst
            ? (indented ? "{\n  \"signature\": \"" + sig + "\",\n  " + signed.TrimStart('{').TrimStart() : "{\"signature\":\"" + sig + "\"," + signed[1..])
            : signed[..signed.LastIndexOf('}')].TrimEnd() + (indented ? ",\n  \"signature\": \"" : ",\"signature\":\"") + sig + "\"" + (indented ? "\n}" : "}");

        var forged = await pos.PushUnsignedAsync(Body("sha256=" + new string('0', 64)));
        var taken = await pos.PushUnsignedAsync(Body(signature));

        forged.ShouldFail(HttpStatusCode.Unauthorized, "INVALID_SIGNATURE");
        taken.ShouldSucceed(HttpStatusCode.Created);
        Assert.Equal(18, await Db.QuantityAsync(location, vodka));
    }

    [Fact]
    public async Task A_push_with_neither_signature_is_401_and_writes_nothing()
    {
        var tenant = await product.NewTenantAsync();
        var (location, vodka) = await tenant.StockedAsync(20);
        var pos = await PosClient.SetUpAsync(tenant);

        var response = await pos.PushUnsignedAsync($$$"""{"event":"sale.created","data":{"transactionId":"bare","locationId":"{{{location}}}","items":[{"sku":"VODKA-750","quantity":1}]}}""");

        response.ShouldFail(HttpStatusCode.Unauthorized, "INVALID_SIGNATURE");
        Assert.Equal(20, await Db.QuantityAsync(location, vodka));
    }

    [Fact]
    public async Task A_sale_whose_every_line_is_queued_is_a_replay_when_sent_again_before_and_after_mapping()
    {
        var tenant = await product.NewTenantAsync();
        var (location, _) = await tenant.StockedAsync(20);
        var pos = await PosClient.SetUpAsync(tenant);
        var sale = new { transactionId = "toast-78", locationId = location, items = new object[] { new { sku = "UNKNOWN-GIN", quantity = 1, price = 9m } } };

        var first = (await pos.SaleCreatedAsync(sale)).ShouldSucceed(HttpStatusCode.Created).Data;
        var again = (await pos.SaleCreatedAsync(sale)).ShouldSucceed(HttpStatusCode.OK).Data;

        Assert.Equal("recorded", first.GetProperty("status").GetString());
        Assert.Equal("duplicate", again.GetProperty("status").GetString());
        Assert.Equal(0, again.GetProperty("linesApplied").GetInt32());
        var queued = Assert.Single((await tenant.Admin.GetAsync("/api/v1/integrations/unmapped")).ShouldSucceed().Data.GetProperty("items").EnumerateArray());
        var gin = await tenant.CreateProductAsync("UNKNOWN-GIN", "Monkey 47");
        (await tenant.Admin.PostAsync($"/api/v1/integrations/unmapped/{queued.GetProperty("id").GetString()}/map", new { productId = gin })).ShouldSucceed();
        Assert.Equal("duplicate", (await pos.SaleCreatedAsync(sale)).ShouldSucceed(HttpStatusCode.OK).Data.GetProperty("status").GetString());
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT count(*) FROM app.transactions WHERE product_id = @p AND reference_id = 'toast-78'", ("p", gin)));
    }

    [Fact]
    public async Task A_batch_applies_the_good_sales_and_reports_each_bad_one()
    {
        var tenant = await product.NewTenantAsync();
        var (location, vodka) = await tenant.StockedAsync(20);
        var gin = await tenant.CreateProductAsync("GIN-750", "Tanqueray", barcode: "081128006167");
        await tenant.StockAsync(location, gin, 10);
        var pos = await PosClient.SetUpAsync(tenant);
        var before = await Db.ScalarAsync<long>("SELECT count(*) FROM app.transactions");

        var answer = (await pos.BatchAsync(
            new { transactionId = "b-1", locationId = location, items = new[] { new { sku = "VODKA-750", quantity = 2 } } },
            new { transactionId = "b-2", locationId = Guid.NewGuid(), items = new[] { new { sku = "VODKA-750", quantity = 1 } } },
            new { transactionId = "b-3", locationId = location, items = new[] { new { sku = "VODKA-750", quantity = 0 } } },
            new { transactionId = "b-4", locationId = location, items = new[] { new { barcode = "0081128006167", quantity = 3 } } },
            null!)).ShouldSucceed().Data;

        var results = answer.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["recorded", "rejected", "rejected", "recorded", "rejected"], results.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal("NOT_FOUND", results[1].GetProperty("errorCode").GetString());
        Assert.Equal("VALIDATION_FAILED", results[2].GetProperty("errorCode").GetString());
        Assert.Equal(2, answer.GetProperty("recorded").GetInt32());
        Assert.Equal(3, answer.GetProperty("rejected").GetInt32());
        Assert.Equal(18, await Db.QuantityAsync(location, vodka));
        Assert.Equal(7, await Db.QuantityAsync(location, gin));
        Assert.Equal(before + 2, await Db.ScalarAsync<long>("SELECT count(*) FROM app.transactions"));
    }

    [Fact]
    public async Task A_body_that_is_not_a_sale_is_400_and_an_empty_batch_too()
    {
        var tenant = await product.NewTenantAsync();
        var pos = await PosClient.SetUpAsync(tenant);
        var before = await Db.CountsAsync();

        (await pos.PushAsync(new { type = "sale.refunded", data = new { transactionId = "r-1" } })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        (await pos.PushAsync(new { hello = "world" })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        (await pos.PushAsync(new { sales = Array.Empty<object>() })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        (await pos.SaleCreatedAsync(new { transactionId = "x-1", locationId = Guid.NewGuid(), items = new[] { new { sku = "A", quantity = 1 } } }))
            .ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");

        Assert.Equal(before, await Db.CountsAsync());
    }

    [Fact]
    public async Task Bad_integration_and_mapping_requests_are_refused_and_change_nothing()
    {
        var tenant = await product.NewTenantAsync();
        var other = await product.NewTenantAsync();
        var (location, _) = await tenant.StockedAsync(5);
        var pos = await PosClient.SetUpAsync(tenant);
        (await pos.SaleCreatedAsync(new { transactionId = "t-9", locationId = location, items = new[] { new { sku = "UNKNOWN-1", quantity = 1 } } }))
            .ShouldSucceed(HttpStatusCode.Created);
        var queued = (await tenant.Admin.GetAsync("/api/v1/integrations/unmapped")).ShouldSucceed().Data.GetProperty("items")[0].GetProperty("id").GetString();
        var manager = await tenant.SignedInAsync("manager");
        var staff = await tenant.SignedInAsync("staff");
        var before = await Db.CountsAsync();

        (await tenant.Admin.PostAsync("/api/v1/integrations", new { name = "" })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        (await tenant.Admin.PostAsync("/api/v1/integrations", new { name = "ERP", kind = "erp" })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        (await manager.PostAsync("/api/v1/integrations", new { name = "Toast" })).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await manager.GetAsync("/api/v1/integrations")).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await tenant.Admin.DeleteAsync($"/api/v1/integrations/{Guid.NewGuid()}")).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        (await staff.GetAsync("/api/v1/integrations/unmapped")).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await tenant.Admin.PostAsync($"/api/v1/integrations/unmapped/{queued}/map", new { })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        (await tenant.Admin.PostAsync($"/api/v1/integrations/unmapped/{queued}/map", new { productId = Guid.NewGuid() })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        (await tenant.Admin.PostAsync($"/api/v1/integrations/unmapped/{Guid.NewGuid()}/map", new { productId = Guid.NewGuid() })).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        (await other.Admin.PostAsync($"/api/v1/integrations/unmapped/{queued}/map", new { productId = Guid.NewGuid() })).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Equal(0, (await other.Admin.GetAsync("/api/v1/integrations/unmapped")).ShouldSucceed().Data.GetProperty("items").GetArrayLength());

        Assert.Equal(before, await Db.CountsAsync());
    }
}
