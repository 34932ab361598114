using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;
using InventoryProFlow.Grains.Integrations;

namespace InventoryProFlow.Api.Tests.Webhooks;

/// <summary>Outgoing webhooks: signed, from an outbox written with the change, retried until the receiver is back, logged.</summary>
[Collection(SharedProduct.Collection)]
public sealed class WebhookDeliveryTests(SharedProduct product)
{
    [Fact]
    public async Task A_receiver_gets_each_event_signed_with_its_secret()
    {
        var tenant = await product.NewTenantAsync();
        var (location, productId) = await tenant.StockedAsync(10, parLevel: 9);
        await using var receiver = await WebhookReceiver.StartAsync();
        var secret = await Subscribe(tenant, receiver, "sale.created", "inventory.updated", "alert.lowStock");

        (await tenant.Admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, referenceId = "hook-1", items = new[] { new { productId, quantity = 2, unitPrice = 10m } } }))
            .ShouldSucceed(HttpStatusCode.Created);

        var sale = await receiver.NextAsync(r => r.Event == "sale.created");
        var stock = await receiver.NextAsync(r => r.Event == "inventory.updated");
        var alert = await receiver.NextAsync(r => r.Event == "alert.lowStock");
        foreach (var delivery in new[] { sale, stock, alert })
        {
            Assert.Null(WebhookSignature.Problem(delivery.Signature, secret, DateTimeOffset.UtcNow, delivery.Body));
            Assert.Equal(delivery.DeliveryId, delivery.Json.GetProperty("id").GetString());
            Assert.Equal(tenant.OrganizationId.ToString(), delivery.Json.GetProperty("organizationId").GetString());
        }

        Assert.Equal("hook-1", sale.Json.GetProperty("data").GetProperty("referenceId").GetString());
        Assert.Equal(20m, sale.Json.GetProperty("data").GetProperty("totalAmount").GetDecimal());
        Assert.Equal(8, stock.Json.GetProperty("data").GetProperty("newQuantity").GetInt32());
        Assert.Equal(9, alert.Json.GetProperty("data").GetProperty("parLevel").GetInt32());
    }

    [Fact]
    public async Task A_receiver_that_fails_three_times_gets_the_event_when_it_is_back_and_the_log_shows_every_try()
    {
        var tenant = await product.NewTenantAsync();
        var (location, productId) = await tenant.StockedAsync(10);
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 3);
        await Subscribe(tenant, receiver, "sale.created");
        var webhookId = (await tenant.Admin.GetAsync("/api/v1/webhooks")).ShouldSucceed().Data.GetProperty("items")[0].GetProperty("id").GetString();

        (await tenant.Admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, referenceId = "hook-2", items = new[] { new { productId, quantity = 1 } } }))
            .ShouldSucceed(HttpStatusCode.Created);
        var delivered = await receiver.NextAsync(r => r.Event == "sale.created");

        Assert.Equal(4, receiver.All.Count(r => r.DeliveryId == delivered.DeliveryId));
        var log = await Poll(async () =>
        {
            var items = (await tenant.Admin.GetAsync($"/api/v1/webhooks/{webhookId}/deliveries")).ShouldSucceed().Data.GetProperty("items");
            return items.GetArrayLength() == 4 ? items : (System.Text.Json.JsonElement?)null;
        });
        Assert.Equal([200, 503, 503, 503], log.EnumerateArray().Select(d => d.GetProperty("statusCode").GetInt32()));
        Assert.Equal([4, 3, 2, 1], log.EnumerateArray().Select(d => d.GetProperty("attempt").GetInt32()));
        Assert.Equal([null, "http_503", "http_503", "http_503"], log.EnumerateArray().Select(d => d.GetProperty("errorCategory").GetString()));
        Assert.Equal([null, "The receiver answered 503.", "The receiver answered 503.", "The receiver answered 503."], log.EnumerateArray().Select(d => d.GetProperty("error").GetString()));
        Assert.All(log.EnumerateArray(), d => Assert.Equal(delivered.DeliveryId, d.GetProperty("outboxId").GetString()));

        // An admin can send it again by hand; that try is logged too.
        var again = (await tenant.Admin.PostAsync($"/api/v1/webhooks/{webhookId}/deliveries/{delivered.DeliveryId}/redeliver", new { })).ShouldSucceed().Data;
        Assert.True(again.GetProperty("manual").GetBoolean());
        Assert.Equal(200, again.GetProperty("statusCode").GetInt32());
        Assert.Equal(5, receiver.All.Count(r => r.DeliveryId == delivered.DeliveryId));
    }

    [Fact]
    public async Task The_seeds_configuration_body_subscribes_with_the_secret_the_caller_chose()
    {
        var tenant = await product.NewTenantAsync();
        var (location, productId) = await tenant.StockedAsync(10);
        await using var receiver = await WebhookReceiver.StartAsync();
        const string chosen = "whsec_seed_example_secret_4f9a2c";

        // The seed's body, field for field: webhookUrl, events, and a secret of the caller's.
        var created = (await tenant.Admin.PostAsync("/api/v1/webhooks", new { webhookUrl = receiver.Url, events = new[] { "sale.created" }, secret = chosen }))
            .ShouldSucceed(HttpStatusCode.Created).Data;
        (await tenant.Admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, referenceId = "hook-seed", items = new[] { new { productId, quantity = 1 } } }))
            .ShouldSucceed(HttpStatusCode.Created);
        var sale = await receiver.NextAsync(r => r.Event == "sale.created");

        Assert.Equal(chosen, created.GetProperty("secret").GetString());
        Assert.Equal(receiver.Url.AbsoluteUri, created.GetProperty("url").GetString());
        Assert.Null(WebhookSignature.Problem(sale.Signature, chosen, DateTimeOffset.UtcNow, sale.Body));
    }

    [Fact]
    public async Task A_receiver_written_from_the_docs_verifies_and_parses_a_sale_in_the_seeds_shape()
    {
        var tenant = await product.NewTenantAsync();
        var (location, productId) = await tenant.StockedAsync(10);
        await using var receiver = await WebhookReceiver.StartAsync();
        var secret = await Subscribe(tenant, receiver, "sale.created", "inventory.updated");

        (await tenant.Admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, referenceId = "sq-1001", items = new[] { new { productId, quantity = 2, unitPrice = 9.5m } } }))
            .ShouldSucceed(HttpStatusCode.Created);
        var sale = await receiver.NextAsync(r => r.Event == "sale.created");
        var stock = await receiver.NextAsync(r => r.Event == "inventory.updated");

        Assert.True(ReceiverFromTheDocs.IsSignedBy(sale.Body, secret));
        Assert.True(ReceiverFromTheDocs.IsSignedBy(stock.Body, secret));
        Assert.False(ReceiverFromTheDocs.IsSignedBy(sale.Body, secret + "x"));
        var tampered = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(sale.Body).Replace("\"quantity\":2", "\"quantity\":3", StringComparison.Ordinal));
        Assert.False(ReceiverFromTheDocs.IsSignedBy(tampered, secret));
        var seed = sale.Json;
        Assert.Equal("sale.created", seed.GetProperty("event").GetString());
        Assert.True(seed.GetProperty("timestamp").GetDateTime() > DateTime.UtcNow.AddMinutes(-5));
        Assert.Equal("sq-1001", seed.GetProperty("data").GetProperty("transactionId").GetString());
        Assert.Equal(location, seed.GetProperty("data").GetProperty("locationId").GetGuid());
        var item = Assert.Single(seed.GetProperty("data").GetProperty("items").EnumerateArray().ToList());
        Assert.Equal(("VODKA-750", 2m, 9.5m), (item.GetProperty("sku").GetString(), item.GetProperty("quantity").GetDecimal(), item.GetProperty("price").GetDecimal()));
        Assert.StartsWith("sha256=", seed.GetProperty("signature").GetString());
    }

    [Fact]
    public async Task A_receiver_that_is_not_listening_is_logged_as_connection_refused_with_a_fixed_message()
    {
        var tenant = await product.NewTenantAsync();
        var (location, productId) = await tenant.StockedAsync(10);
        var url = $"http://127.0.0.1:{Loopback.FreePort()}/hooks/ipf";
        var webhookId = (await tenant.Admin.PostAsync("/api/v1/webhooks", new { url, events = new[] { "sale.created" } }))
            .ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetString();

        (await tenant.Admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, referenceId = "hook-down", items = new[] { new { productId, quantity = 1 } } }))
            .ShouldSucceed(HttpStatusCode.Created);
        var first = await Poll(async () =>
        {
            var items = (await tenant.Admin.GetAsync($"/api/v1/webhooks/{webhookId}/deliveries")).ShouldSucceed().Data.GetProperty("items");
            return items.GetArrayLength() > 0 ? items[items.GetArrayLength() - 1] : (System.Text.Json.JsonElement?)null;
        });

        Assert.Equal(
            (System.Text.Json.JsonValueKind.Null, "connection_refused", "The receiver refused the connection."),
            (first.GetProperty("statusCode").ValueKind, first.GetProperty("errorCategory").GetString(), first.GetProperty("error").GetString()));
    }

    [Theory]
    [InlineData("short_secret", "secret")]
    [InlineData("whsec_with a space in the middle_0123", "secret")]
    [InlineData(null, "webhookUrl")]
    public async Task A_bad_secret_or_a_second_different_url_is_refused(string? secret, string field)
    {
        var tenant = await product.NewTenantAsync();
        var before = await product.Host.Database.ScalarAsync<long>("SELECT count(*) FROM app.webhooks");
        object body = secret is null
            ? new { url = "https://hooks.example.com/a", webhookUrl = "https://hooks.example.com/b", events = new[] { "sale.created" } }
            : new { webhookUrl = "https://hooks.example.com/a", events = new[] { "sale.created" }, secret };

        var refused = (await tenant.Admin.PostAsync("/api/v1/webhooks", body)).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Contains(field, refused.ErrorFields);
        Assert.Equal(before, await product.Host.Database.ScalarAsync<long>("SELECT count(*) FROM app.webhooks"));
    }

    [Fact]
    public async Task Bad_subscriptions_are_refused_and_other_roles_and_organisations_see_nothing()
    {
        var tenant = await product.NewTenantAsync();
        var other = await product.NewTenantAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        await Subscribe(tenant, receiver, "sale.created");
        var webhookId = (await tenant.Admin.GetAsync("/api/v1/webhooks")).ShouldSucceed().Data.GetProperty("items")[0].GetProperty("id").GetString();
        var manager = await tenant.SignedInAsync("manager");
        var before = await product.Host.Database.ScalarAsync<long>("SELECT count(*) FROM app.webhooks");

        (await tenant.Admin.PostAsync("/api/v1/webhooks", new { url = "not a url", events = new[] { "sale.created" } })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        (await tenant.Admin.PostAsync("/api/v1/webhooks", new { url = "ftp://example.com/x", events = new[] { "sale.created" } })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        (await tenant.Admin.PostAsync("/api/v1/webhooks", new { url = receiver.Url, events = new[] { "sale.deleted" } })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        (await tenant.Admin.PostAsync("/api/v1/webhooks", new { url = receiver.Url, events = Array.Empty<string>() })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        (await manager.PostAsync("/api/v1/webhooks", new { url = receiver.Url, events = new[] { "sale.created" } })).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await other.Admin.GetAsync($"/api/v1/webhooks/{webhookId}/deliveries")).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        (await other.Admin.DeleteAsync($"/api/v1/webhooks/{webhookId}")).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");

        Assert.Equal(before, await product.Host.Database.ScalarAsync<long>("SELECT count(*) FROM app.webhooks"));
        Assert.Equal(0, (await other.Admin.GetAsync("/api/v1/webhooks")).ShouldSucceed().Data.GetProperty("items").GetArrayLength());
    }

    private static async Task<string> Subscribe(Tenant tenant, WebhookReceiver receiver, params string[] events) =>
        (await tenant.Admin.PostAsync("/api/v1/webhooks", new { url = receiver.Url, events, description = "back office" }))
            .ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("secret").GetString()!;

    private static async Task<T> Poll<T>(Func<Task<T?>> read)
        where T : struct
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (await read() is { } value)
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold in time.");
            await Task.Delay(50);
        }
    }

    /// <summary>The receiver's check exactly as docs/API.md (Webhooks, "Verifying the body's signature") gives it.</summary>
    private static class ReceiverFromTheDocs
    {
        public static bool IsSignedBy(byte[] body, string secret)
        {
            var marker = System.Text.Encoding.UTF8.GetBytes(",\"signature\":\"sha256=");
            var at = body.AsSpan().LastIndexOf(marker);
            if (at < 0 || body.Length != at + marker.Length + 66)
            {
                return false; // 64 hex digits, then "}
            }

            byte[] signed = [.. body.AsSpan(0, at), (byte)'}'];
            var expected = System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret), signed);
            var hex = System.Text.Encoding.ASCII.GetString(body, at + marker.Length, 64);
            return hex.All(Uri.IsHexDigit) && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Convert.FromHexString(hex), expected);
        }
    }
}
