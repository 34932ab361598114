using System.Net;
using System.Text.Json;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Stock;

/// <summary>
/// A bartender counts an open bottle in tenths, in millilitres or ounces, or on a scale: each lands on the same exact
/// quantity and volume as a hand computation, and the ledger stays the sum of its rows in units and millilitres.
/// </summary>
[Collection(SharedProduct.Collection)]
public sealed class PartialCountTests(SharedProduct product)
{
    private Database Db => product.Host.Database;

    [Fact]
    public async Task An_open_bottle_counted_in_tenths_by_volume_and_by_weight_equals_the_hand_computation()
    {
        var tenant = await product.NewTenantAsync();
        var (item, location, _) = await WeighedBottleAsync(tenant, opening: 6);

        // 3 full + 0.4 of a 750 ml bottle = 3.4 bottles = 2,550 ml; 6 were on hand, so 2.6 bottles (1,950 ml) are missing.
        var tenths = await CountAsync(tenant, item, new { units = 3, open = new[] { new { tenths = 4 } } });
        Assert.Equal((3.4m, 2550m), Stock(tenths.GetProperty("item")));
        Assert.Equal((-2.6m, -1950m), (tenths.GetProperty("variance").GetDecimal(), tenths.GetProperty("varianceMl").GetDecimal()));

        // (880 g - 500 g) / 0.95 g/ml = 400 ml, and 400 / 750 = 0.53333333 of a bottle.
        var weighed = await CountAsync(tenant, item, new { units = 2, open = new[] { new { weightG = 880 } } });
        Assert.Equal((2.53333333m, 1900m), Stock(weighed.GetProperty("item")));

        // 300 ml and 10 US fl oz (295.735 ml) in two open bottles beside one full: 750 + 300 + 295.735 = 1,345.735 ml.
        var byVolume = await CountAsync(tenant, item, new { units = 1, open = new object[] { new { volumeMl = 300 }, new { volumeOz = 10 } } });
        Assert.Equal((1.79431333m, 1345.735m), Stock(byVolume.GetProperty("item")));

        var plain = await CountAsync(tenant, item, new { quantity = 3.4m });
        Assert.Equal((3.4m, 2550m), Stock(plain.GetProperty("item")));

        Assert.Equal(3.4m, await Db.QuantityAsync(location, await ProductOf(item)));
        Assert.Equal(2550m, await Db.ScalarAsync<decimal>("SELECT volume_ml FROM app.inventory WHERE id = @i", ("i", item)));
        Assert.Equal(2550m, await Db.ScalarAsync<decimal>("SELECT sum(volume_ml) FROM app.transactions WHERE location_id = @l", ("l", location)));
        Assert.True((await tenant.Admin.GetAsync("/api/v1/admin/ledger/verify")).ShouldSucceed().Data.GetProperty("balanced").GetBoolean());
    }

    [Fact]
    public async Task A_pour_sale_and_a_half_bottle_of_waste_move_stock_by_decimals_and_replay_once()
    {
        var tenant = await product.NewTenantAsync();
        var (_, location, productId) = await WeighedBottleAsync(tenant, opening: 2);
        var sale = new { locationId = location, referenceId = "till-1-0042", items = new[] { new { productId, quantity = 0.05914667m } } };

        var first = (await tenant.Admin.PostAsync("/api/v1/transactions/sales", sale)).ShouldSucceed(HttpStatusCode.Created);
        var replay = (await tenant.Admin.PostAsync("/api/v1/transactions/sales", sale)).ShouldSucceed(HttpStatusCode.Created);
        (await tenant.Admin.PostAsync("/api/v1/transactions/waste", new { locationId = location, reason = "broken", items = new[] { new { productId, quantity = 0.5m } } }))
            .ShouldSucceed(HttpStatusCode.Created);

        Assert.Equal(first.Data.GetProperty("movementId").GetGuid(), replay.Data.GetProperty("movementId").GetGuid());
        var entry = first.Data.GetProperty("entries")[0];
        Assert.Equal((-0.05914667m, -44.36m), (entry.GetProperty("quantity").GetDecimal(), entry.GetProperty("volumeMl").GetDecimal()));
        Assert.Equal(1.44085333m, await Db.QuantityAsync(location, productId));
        Assert.Equal(1080.64m, await Db.ScalarAsync<decimal>("SELECT volume_ml FROM app.inventory WHERE location_id = @l", ("l", location)));
        Assert.True((await tenant.Admin.GetAsync("/api/v1/admin/ledger/verify")).ShouldSucceed().Data.GetProperty("balanced").GetBoolean());
    }

    [Theory]
    [InlineData("{\"units\":1,\"open\":[{\"tenths\":4,\"volumeMl\":300}]}", "open[0]")]
    [InlineData("{\"units\":1,\"open\":[{}]}", "open[0]")]
    [InlineData("{\"units\":1,\"open\":[{\"tenths\":11}]}", "open[0].tenths")]
    [InlineData("{\"units\":1,\"open\":[{\"volumeMl\":751}]}", "open[0].volumeMl")]
    [InlineData("{\"units\":1,\"open\":[{\"weightG\":499}]}", "open[0].weightG")]
    [InlineData("{\"units\":1.5}", "units")]
    [InlineData("{\"quantity\":3,\"units\":3}", "quantity")]
    [InlineData("{\"quantity\":3.123456789}", "quantity")]
    [InlineData("{\"units\":-1}", "units")]
    public async Task A_count_that_says_how_much_in_a_broken_way_is_400_and_changes_nothing(string body, string field)
    {
        var tenant = await product.NewTenantAsync();
        var (item, _, _) = await WeighedBottleAsync(tenant, opening: 6);
        var before = await Db.CountsAsync();

        var refused = (await tenant.Admin.SendRawAsync(HttpMethod.Put, $"/api/v1/inventory/items/{item}/count", body)).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Contains(field, refused.ErrorFields);
        Assert.Equal(before, await Db.CountsAsync());
    }

    [Fact]
    public async Task Weighing_a_product_without_its_weights_is_400_naming_what_is_missing()
    {
        var tenant = await product.NewTenantAsync();
        var (location, _) = await tenant.StockedAsync(4);
        var item = await Db.ScalarAsync<Guid>("SELECT id FROM app.inventory WHERE location_id = @l", ("l", location));

        var refused = (await tenant.Admin.PutAsync($"/api/v1/inventory/items/{item}/count", new { open = new[] { new { weightG = 900 } } }))
            .ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Contains("open[0].weightG", refused.ErrorFields);
        Assert.Contains("full and empty weights", refused.Body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_keg_named_by_its_size_holds_fifteen_and_a_half_US_gallons()
    {
        var tenant = await product.NewTenantAsync();

        var keg = (await tenant.Admin.PostAsync("/api/v1/products", new
        {
            sku = "IPA-HALF",
            name = "House IPA",
            category = "beer",
            unit = "keg",
            kegSize = "half_barrel",
            abv = 6.5m,
            cost = 180m,
            price = 7m,
        })).ShouldSucceed(HttpStatusCode.Created).Data;

        Assert.Equal("keg", keg.GetProperty("unit").GetString());
        Assert.Equal(58673.883m, keg.GetProperty("sizeMl").GetDecimal());
        (await tenant.Admin.PostAsync("/api/v1/products", new { sku = "IPA-X", name = "x", category = "beer", unit = "keg", kegSize = "hogshead", abv = 6.5m, cost = 1m, price = 1m }))
            .ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        (await tenant.Admin.PostAsync("/api/v1/products", new { sku = "IPA-Y", name = "x", category = "beer", sizeMl = 750, abv = 6.5m, cost = 1m, price = 1m, fullWeightG = 1250 }))
            .ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
    }

    [Fact]
    public async Task A_batch_row_counts_open_bottles_as_the_single_count_does()
    {
        var tenant = await product.NewTenantAsync();
        var (item, _, _) = await WeighedBottleAsync(tenant, opening: 6);

        // Count mode syncs its counts in batches: 3 full + 0.4 of a 750 ml bottle, as in the single count above.
        var report = (await tenant.Admin.PostAsync("/api/v1/inventory/batch", new
        {
            rows = new object[]
            {
                new { itemId = item, units = 3, open = new[] { new { tenths = 4 } }, notes = "back bar" },
                new { itemId = item, units = 1, count = 2, open = new[] { new { tenths = 4 } } },
                new { itemId = item, open = Array.Empty<object>() },
            },
        })).ShouldSucceed().Data;

        var results = report.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([true, false, false], results.Select(r => r.GetProperty("applied").GetBoolean()));
        Assert.Equal(3.4m, results[0].GetProperty("quantity").GetDecimal());
        Assert.Equal(-2.6m, results[0].GetProperty("variance").GetDecimal());
        Assert.Equal("VALIDATION_FAILED", results[1].GetProperty("errorCode").GetString());
        Assert.Contains("nothing to change", results[2].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(3.4m, await Db.ScalarAsync<decimal>("SELECT quantity FROM app.inventory WHERE id = @i", ("i", item)));
        Assert.Equal("back bar", await Db.ScalarAsync<string>(
            "SELECT notes FROM app.transactions WHERE type = 'count' AND product_id = @p ORDER BY occurred_at DESC, id DESC LIMIT 1", ("p", await ProductOf(item))));
    }

    private static (decimal Quantity, decimal VolumeMl) Stock(JsonElement item) =>
        (item.GetProperty("quantity").GetDecimal(), item.GetProperty("volumeMl").GetDecimal());

    private static async Task<JsonElement> CountAsync(Tenant tenant, Guid item, object body) =>
        (await tenant.Admin.PutAsync($"/api/v1/inventory/items/{item}/count", body)).ShouldSucceed().Data;

    private Task<Guid> ProductOf(Guid item) => Db.ScalarAsync<Guid>("SELECT product_id FROM app.inventory WHERE id = @i", ("i", item));

    // The bottle: 750 ml, 1,250 g full, 500 g empty, 0.95 g/ml.
    private static async Task<(Guid Item, Guid Location, Guid Product)> WeighedBottleAsync(Tenant tenant, int opening)
    {
        var location = await tenant.CreateLocationAsync();
        var productId = Guid.Parse((await tenant.Admin.PostAsync("/api/v1/products", new
        {
            sku = "TEQ-750",
            name = "Blanco Tequila",
            category = "spirits",
            sizeMl = 750,
            abv = 40m,
            cost = 18m,
            price = 30m,
            fullWeightG = 1250,
            emptyWeightG = 500,
            densityGPerMl = 0.95m,
        })).ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetString()!);
        var item = await tenant.StockAsync(location, productId, opening);
        return (item, location, productId);
    }
}
