using System.Net;
using System.Text;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Stock;

[Collection(SharedProduct.Collection)]
public sealed class BatchTests(SharedProduct product)
{
    private Database Db => product.Host.Database;

    [Fact]
    public async Task A_batch_applies_good_rows_and_reports_each_rejected_one()
    {
        var tenant = await product.NewTenantAsync();
        var (location, vodka) = await tenant.StockedAsync(10);
        var gin = await tenant.CreateProductAsync("GIN-1", "Gin");
        var item = await Db.ScalarAsync<Guid>("SELECT id FROM app.inventory WHERE location_id = @l", ("l", location));

        var report = (await tenant.Admin.PostAsync("/api/v1/inventory/batch", new
        {
            rows = new object[]
            {
                new { itemId = item, count = 7 },
                new { locationId = location, sku = "GIN-1", count = 4, parLevel = 6 },
                new { locationId = location, sku = "NOPE", count = 1 },
                new { locationId = location, productId = vodka, count = -1 },
                new { locationId = location, productId = vodka },
            },
        })).ShouldSucceed().Data;

        Assert.Equal(2, report.GetProperty("applied").GetInt32());
        Assert.Equal(3, report.GetProperty("rejected").GetInt32());
        var results = report.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([true, true, false, false, false], results.Select(r => r.GetProperty("applied").GetBoolean()));
        Assert.Equal(-3, results[0].GetProperty("variance").GetInt32());
        Assert.Contains("NOPE", results[2].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("VALIDATION_FAILED", results[3].GetProperty("errorCode").GetString());
        Assert.Equal(7, await Db.ScalarAsync<int>("SELECT quantity FROM app.inventory WHERE location_id = @l AND product_id = @p", ("l", location), ("p", vodka)));
        Assert.Equal(4, await Db.ScalarAsync<int>("SELECT quantity FROM app.inventory WHERE location_id = @l AND product_id = @p", ("l", location), ("p", gin)));
        Assert.Equal(6, await Db.ScalarAsync<int>("SELECT par_level FROM app.inventory WHERE location_id = @l AND product_id = @p", ("l", location), ("p", gin)));
        Assert.True((await tenant.Admin.GetAsync("/api/v1/admin/ledger/verify")).ShouldSucceed().Data.GetProperty("balanced").GetBoolean());
    }

    [Fact]
    public async Task A_batch_of_five_thousand_counts_is_accepted_and_more_is_refused_whole()
    {
        var tenant = await product.NewTenantAsync();
        var location = await tenant.CreateLocationAsync();
        var products = new List<Guid>();
        for (var i = 0; i < 40; i++)
        {
            products.Add(await tenant.CreateProductAsync($"BULK-{i}", $"Bulk {i}"));
        }

        var rows = Enumerable.Range(0, 5000).Select(i => new { locationId = location, productId = products[i % products.Count], count = i }).ToArray();

        var report = (await tenant.Admin.PostAsync("/api/v1/inventory/batch", new { rows })).ShouldSucceed().Data;
        var before = await Db.CountsAsync();
        var tooMany = (await tenant.Admin.PostAsync("/api/v1/inventory/batch", new { rows = rows.Append(rows[0]).ToArray() })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal(5000, report.GetProperty("applied").GetInt32());
        Assert.Equal(["rows"], tooMany.ErrorFields);
        Assert.Equal(before, await Db.CountsAsync());
        Assert.Equal(5000L, await Db.ScalarAsync<long>("SELECT count(*) FROM app.transactions WHERE location_id = @l AND type = 'count'", ("l", location)));
        // Each product's last row in sheet order is its count.
        Assert.Equal(4960 + 39, await Db.ScalarAsync<int>("SELECT quantity FROM app.inventory WHERE location_id = @l AND product_id = @p", ("l", location), ("p", products[39])));
        Assert.True((await tenant.Admin.GetAsync("/api/v1/admin/ledger/verify")).ShouldSucceed().Data.GetProperty("balanced").GetBoolean());
    }

    [Fact]
    public async Task A_count_sheet_from_a_spreadsheet_is_imported_with_a_report_of_rejected_lines()
    {
        var tenant = await product.NewTenantAsync();
        var location = await tenant.CreateLocationAsync();
        await tenant.CreateProductAsync("BOURBON-1", "Buffalo Trace", barcode: "080244009236");
        await tenant.CreateProductAsync("RUM-1", "Bacardi");
        const string sheet = "SKU;Barcode;Qty;Par Level;Notes\n" +
            "BOURBON-1;;12;6;back bar\n" +
            ";80244009236;3;;upc without its leading zero\n" +
            "RUM-1;;two;;typo\n" +
            "GHOST-9;;1;;\n" +
            ";080244009237;1;;bad check digit\n" +
            "\n";

        var report = (await tenant.Admin.SendRawAsync(HttpMethod.Post, $"/api/v1/inventory/import?locationId={location}", sheet, "text/csv")).ShouldSucceed().Data;

        var results = report.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([2, 3, 4, 5, 6], results.Select(r => r.GetProperty("row").GetInt32()));
        Assert.Equal([true, true, false, false, false], results.Select(r => r.GetProperty("applied").GetBoolean()));
        Assert.Contains("two", results[2].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("GHOST-9", results[3].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("check digit", results[4].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, await Db.ScalarAsync<int>("SELECT i.quantity FROM app.inventory i JOIN app.products p ON p.id = i.product_id WHERE i.location_id = @l AND p.sku = 'BOURBON-1'", ("l", location)));
        Assert.Equal(6, await Db.ScalarAsync<int>("SELECT i.par_level FROM app.inventory i JOIN app.products p ON p.id = i.product_id WHERE i.location_id = @l AND p.sku = 'BOURBON-1'", ("l", location)));
    }

    [Theory]
    [InlineData("text/csv", "", "csv")]
    [InlineData("text/csv", "name,colour\nx,red\n", "csv")]
    [InlineData("text/csv", "sku,count\nA\u0000,1\n", "csv")]
    public async Task A_count_sheet_that_cannot_be_read_is_400_and_changes_nothing(string contentType, string sheet, string field)
    {
        var tenant = await product.NewTenantAsync();
        var location = await tenant.CreateLocationAsync();
        var before = await Db.CountsAsync();

        var response = (await tenant.Admin.SendAsync(HttpMethod.Post, $"/api/v1/inventory/import?locationId={location}", new StringContent(sheet, Encoding.UTF8, contentType)))
            .ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal([field], response.ErrorFields);
        Assert.Equal(before, await Db.CountsAsync());
    }

    [Fact]
    public async Task A_batch_with_an_Idempotency_Key_applies_once()
    {
        var tenant = await product.NewTenantAsync();
        var (location, vodka) = await tenant.StockedAsync(10);
        StringContent Body(int count) => new(System.Text.Json.JsonSerializer.Serialize(new { rows = new[] { new { locationId = location, productId = vodka, count } } }), Encoding.UTF8, "application/json");

        var first = (await tenant.Admin.SendAsync(HttpMethod.Post, "/api/v1/inventory/batch", Body(4), r => r.Headers.Add("Idempotency-Key", "count-night-1"))).ShouldSucceed();
        var replay = (await tenant.Admin.SendAsync(HttpMethod.Post, "/api/v1/inventory/batch", Body(4), r => r.Headers.Add("Idempotency-Key", "count-night-1"))).ShouldSucceed();
        (await tenant.Admin.SendAsync(HttpMethod.Post, "/api/v1/inventory/batch", Body(5), r => r.Headers.Add("Idempotency-Key", "count-night-1")))
            .ShouldFail(HttpStatusCode.Conflict, "IDEMPOTENCY_CONFLICT");

        Assert.Equal(first.Data.GetRawText(), replay.Data.GetRawText());
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(2L, await Db.ScalarAsync<long>("SELECT count(*) FROM app.transactions WHERE location_id = @l AND type = 'count'", ("l", location)));
        Assert.Equal(4, await Db.ScalarAsync<int>("SELECT quantity FROM app.inventory WHERE location_id = @l", ("l", location)));
    }

    [Fact]
    public async Task A_count_sheet_sent_as_json_is_415()
    {
        var tenant = await product.NewTenantAsync();
        var location = await tenant.CreateLocationAsync();

        (await tenant.Admin.SendRawAsync(HttpMethod.Post, $"/api/v1/inventory/import?locationId={location}", "{}")).ShouldFail(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
    }
}
