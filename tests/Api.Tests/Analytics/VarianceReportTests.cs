using System.Net;
using System.Text.Json;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Analytics;

/// <summary>
/// A bar's week through the HTTP API, from an opening count to a closing count, and the variance report checked
/// against a hand computation to the millilitre and to the cent. 1 US fl oz = 29.5735295625 ml: a 1.5 oz shot is
/// 44.360 ml, 2 oz 59.147 ml, 1 oz 29.574 ml. Every bottle is 750 ml.
/// </summary>
[Collection(SharedProduct.Collection)]
public sealed class VarianceReportTests(SharedProduct product)
{
    [Fact]
    public async Task The_variance_between_two_count_sessions_equals_the_hand_computation_per_product()
    {
        var tenant = await product.NewTenantAsync();
        var admin = tenant.Admin;
        var bar = await tenant.CreateLocationAsync("Cocktail Bar");
        var patio = await tenant.CreateLocationAsync("Patio");
        var supplier = await tenant.CreateSupplierAsync();
        var tequila = await ProductAsync(tenant, "TEQ-750", "Blanco Tequila", cost: 18m, price: 30m, weighed: true);
        var tripleSec = await ProductAsync(tenant, "TRIPLE-750", "Triple Sec", cost: 12m, price: 20m);
        var vodka = await ProductAsync(tenant, "VOD-750", "House Vodka", cost: 15m, price: 25m);
        await MenuAsync(tenant, tequila, tripleSec, vodka);

        // Opening count, an hour ago, by two people in two areas.
        var opening = await SessionAsync(admin, bar, DateTime.UtcNow.AddHours(-1), "Back bar", "Well");
        await LineAsync(admin, opening, "Back bar", tequila, new { units = 2, open = new[] { new { tenths = 4 } } });      // 1,800 ml
        await LineAsync(admin, opening, "Well", tequila, new { open = new[] { new { weightG = 880 } } });                  // (880 - 500) / 0.95 = 400 ml
        await LineAsync(admin, opening, "Back bar", tripleSec, new { units = 3 });                                        // 2,250 ml
        await LineAsync(admin, opening, "Well", vodka, new { units = 4, open = new[] { new { volumeMl = 300 } } });        // 3,300 ml
        await CloseAsync(admin, opening, "Back bar", "Well");

        // The night: POS sales by item with a double and an ignored modifier, a receipt, a transfer and a waste.
        var pos = await PosClient.SetUpAsync(tenant);
        var sold = await pos.SaleCreatedAsync(new
        {
            transactionId = "toast-5001",
            locationId = bar,
            items = new object[]
            {
                new { itemId = "M-1", name = "Margarita", quantity = 2, price = 12.00m },
                new { itemId = "S-TEQ", name = "Tequila shot", quantity = 1, price = 8.00m, modifiers = new[] { new { id = "DBL" }, new { id = "NOICE" } } },
                new { itemId = "S-VOD", name = "Vodka shot", quantity = 3, price = 7.00m },
                new { itemId = "ESPRESSO-MARTINI", name = "Espresso Martini", quantity = 1, price = 14.00m },
            },
        });
        Assert.Equal((3, 1), (sold.Data.GetProperty("linesApplied").GetInt32(), sold.Data.GetProperty("linesUnmapped").GetInt32()));
        (await admin.PostAsync("/api/v1/transactions/purchases", new { locationId = bar, supplierId = supplier, items = new[] { new { productId = vodka, quantity = 2, unitCost = 15.00m } } }))
            .ShouldSucceed(HttpStatusCode.Created);
        (await admin.PostAsync("/api/v1/transactions/transfers", new { fromLocationId = bar, toLocationId = patio, items = new[] { new { productId = tripleSec, quantity = 1 } } }))
            .ShouldSucceed(HttpStatusCode.Created);
        (await admin.PostAsync("/api/v1/transactions/waste", new { locationId = bar, reason = "dropped", items = new[] { new { productId = tequila, quantity = 0.1m } } }))
            .ShouldSucceed(HttpStatusCode.Created);

        // Closing count.
        var closing = await SessionAsync(admin, bar, null, "Back bar");
        await LineAsync(admin, closing, "Back bar", tequila, new { units = 1, open = new[] { new { tenths = 5 } } });       // 1,125 ml
        await LineAsync(admin, closing, "Back bar", tripleSec, new { units = 1, open = new[] { new { volumeOz = 10 } } }); // 750 + 295.735 = 1,045.735 ml
        await LineAsync(admin, closing, "Back bar", vodka, new { units = 5, open = new[] { new { tenths = 2 } } });        // 3,900 ml
        await CloseAsync(admin, closing, "Back bar");

        var report = (await admin.GetAsync($"/api/v1/analytics/variance?locationId={bar}")).ShouldSucceed().Data;

        var rows = report.GetProperty("products").EnumerateArray().ToDictionary(p => p.GetProperty("sku").GetString()!);
        // Tequila: actual 2,200 - 1,125 = 1,075 ml; sold 2 x 59.147 + 2 x 44.360 = 207.014 ml; waste 75 ml; variance 867.986 ml.
        Expect(rows["TEQ-750"], actualMl: 1075m, theoreticalMl: 207.014m, wasteMl: 75m, varianceMl: 867.986m, cost: 20.83m, retail: 34.72m, unexplainedMl: 792.986m);
        // Triple sec: actual 2,250 - 750 (transfer) - 1,045.735 = 454.265 ml; sold 2 x 29.574 = 59.148 ml; variance 395.117 ml.
        Expect(rows["TRIPLE-750"], actualMl: 454.265m, theoreticalMl: 59.148m, wasteMl: 0m, varianceMl: 395.117m, cost: 6.32m, retail: 10.54m, unexplainedMl: 395.117m);
        // Vodka: actual 3,300 + 1,500 (receipt) - 3,900 = 900 ml; sold 3 x 44.360 = 133.080 ml; variance 766.920 ml.
        Expect(rows["VOD-750"], actualMl: 900m, theoreticalMl: 133.080m, wasteMl: 0m, varianceMl: 766.920m, cost: 15.34m, retail: 25.56m, unexplainedMl: 766.920m);
        Assert.Equal(["TEQ-750", "VOD-750", "TRIPLE-750"], report.GetProperty("products").EnumerateArray().Select(p => p.GetProperty("sku").GetString()));
        Assert.Equal(2.93333333m, rows["TEQ-750"].GetProperty("opening").GetProperty("units").GetDecimal());
        Assert.Equal(1.5m, rows["TEQ-750"].GetProperty("closing").GetProperty("units").GetDecimal());
        Assert.Equal(decimal.Round(867.986m / 207.014m * 100m, 1), rows["TEQ-750"].GetProperty("variancePercent").GetDecimal());

        var totals = report.GetProperty("totals").GetProperty("variance");
        Assert.Equal(867.986m + 395.117m + 766.920m, totals.GetProperty("ml").GetDecimal());
        Assert.Equal(20.83m + 6.32m + 15.34m, totals.GetProperty("cost").GetDecimal());
        var unmapped = Assert.Single(report.GetProperty("dataHealth").GetProperty("unmappedPosItems").EnumerateArray());
        Assert.Equal("Espresso Martini", unmapped.GetProperty("what").GetString());
        Assert.Empty(report.GetProperty("dataHealth").GetProperty("soldNotCounted").EnumerateArray());

        var (status, type, csv) = await admin.GetTextAsync($"/api/v1/analytics/variance?locationId={bar}&format=csv");
        Assert.Equal((HttpStatusCode.OK, "text/csv"), (status, type));
        Assert.Contains("product,TEQ-750,Blanco Tequila,spirits,bottle,750,", csv, StringComparison.Ordinal);
        var (_, htmlType, html) = await admin.GetTextAsync($"/api/v1/analytics/variance?locationId={bar}&format=html");
        Assert.Equal("text/html", htmlType);
        Assert.Contains("Blanco Tequila", html, StringComparison.Ordinal);
        Assert.True((await admin.GetAsync("/api/v1/admin/ledger/verify")).ShouldSucceed().Data.GetProperty("balanced").GetBoolean());
    }

    [Fact]
    public async Task Sales_rung_while_people_count_stay_in_the_stock_after_the_count()
    {
        var tenant = await product.NewTenantAsync();
        var (bar, vodka) = await tenant.StockedAsync(10);
        var session = await SessionAsync(tenant.Admin, bar, null, "Main");

        // Sold after the snapshot, while the count is under way: the count is as of the snapshot.
        (await tenant.Admin.PostAsync("/api/v1/transactions/sales", new { locationId = bar, items = new[] { new { productId = vodka, quantity = 2 } } }))
            .ShouldSucceed(HttpStatusCode.Created);
        await LineAsync(tenant.Admin, session, "Main", vodka, new { units = 9 });
        var completed = await CloseAsync(tenant.Admin, session, "Main");
        var again = (await tenant.Admin.PostAsync($"/api/v1/count-sessions/{session}/complete", new { })).ShouldSucceed().Data;

        // 10 held at the snapshot, 9 counted: one missing; the 2 sold since are still gone, so 7 are on hand.
        Assert.Equal(7m, await product.Host.Database.QuantityAsync(bar, vodka));
        Assert.Equal(-1m, await product.Host.Database.ScalarAsync<decimal>(
            "SELECT quantity FROM app.transactions WHERE movement_id = @m", ("m", completed.GetProperty("movementId").GetGuid())));
        Assert.Equal(completed.GetProperty("movementId").GetGuid(), again.GetProperty("movementId").GetGuid());
        (await tenant.Admin.PutAsync($"/api/v1/count-sessions/{session}/lines", new { area = "Main", productId = vodka, units = 1 }))
            .ShouldFail(HttpStatusCode.Conflict, "CONFLICT");
    }

    [Fact]
    public async Task A_session_counts_only_in_its_open_areas_and_completes_only_when_every_area_is_finished()
    {
        var tenant = await product.NewTenantAsync();
        var (bar, vodka) = await tenant.StockedAsync(10);
        var session = await SessionAsync(tenant.Admin, bar, null, "Back bar", "Cellar");
        await LineAsync(tenant.Admin, session, "Back bar", vodka, new { units = 3 });
        (await tenant.Admin.PostAsync($"/api/v1/count-sessions/{session}/areas/Back bar/finish", new { })).ShouldSucceed();

        (await tenant.Admin.PutAsync($"/api/v1/count-sessions/{session}/lines", new { area = "Back bar", productId = vodka, units = 4 }))
            .ShouldFail(HttpStatusCode.Conflict, "CONFLICT");
        (await tenant.Admin.PutAsync($"/api/v1/count-sessions/{session}/lines", new { area = "Office", productId = vodka, units = 4 }))
            .ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        var refused = (await tenant.Admin.PostAsync($"/api/v1/count-sessions/{session}/complete", new { })).ShouldFail(HttpStatusCode.Conflict, "CONFLICT");
        Assert.Contains("Cellar", refused.ErrorMessage, StringComparison.Ordinal);
        (await tenant.Admin.GetAsync($"/api/v1/analytics/variance?locationId={bar}")).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        (await tenant.Admin.PostAsync("/api/v1/count-sessions", new { locationId = bar, areas = new[] { "Well", "well" } })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        (await tenant.Admin.PostAsync("/api/v1/count-sessions", new { locationId = Guid.NewGuid() })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal(10m, await product.Host.Database.QuantityAsync(bar, vodka));
    }

    private static void Expect(JsonElement row, decimal actualMl, decimal theoreticalMl, decimal wasteMl, decimal varianceMl, decimal cost, decimal retail, decimal unexplainedMl)
    {
        var variance = row.GetProperty("variance");
        Assert.Equal(actualMl, row.GetProperty("actualUsage").GetProperty("ml").GetDecimal());
        Assert.Equal(theoreticalMl, row.GetProperty("theoreticalUsage").GetProperty("ml").GetDecimal());
        Assert.Equal(wasteMl, row.GetProperty("waste").GetProperty("ml").GetDecimal());
        Assert.Equal(varianceMl, variance.GetProperty("ml").GetDecimal());
        Assert.Equal(decimal.Round(varianceMl / 29.5735295625m, 2, MidpointRounding.AwayFromZero), variance.GetProperty("oz").GetDecimal());
        Assert.Equal((cost, retail), (variance.GetProperty("cost").GetDecimal(), variance.GetProperty("retail").GetDecimal()));
        Assert.Equal(unexplainedMl, row.GetProperty("unexplained").GetProperty("ml").GetDecimal());
    }

    private static async Task<Guid> ProductAsync(Tenant tenant, string sku, string name, decimal cost, decimal price, bool weighed = false) =>
        Guid.Parse((await tenant.Admin.PostAsync("/api/v1/products", weighed
            ? new { sku, name, category = "spirits", sizeMl = 750, abv = 40m, cost, price, fullWeightG = (decimal?)1250m, emptyWeightG = (decimal?)500m, densityGPerMl = (decimal?)0.95m }
            : new { sku, name, category = "spirits", sizeMl = 750, abv = 40m, cost, price, fullWeightG = (decimal?)null, emptyWeightG = (decimal?)null, densityGPerMl = (decimal?)null }))
            .ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetString()!);

    private static async Task MenuAsync(Tenant tenant, Guid tequila, Guid tripleSec, Guid vodka)
    {
        var shot = Id((await tenant.Admin.PostAsync("/api/v1/serving-sizes", new { name = "Shot", volumeOz = 1.5m })).ShouldSucceed(HttpStatusCode.Created).Data);
        var margarita = Id((await tenant.Admin.PostAsync("/api/v1/recipes", new
        {
            name = "Margarita",
            ingredients = new object[] { new { productId = tequila, volumeOz = 2 }, new { productId = tripleSec, volumeOz = 1 }, new { name = "Lime juice", volumeOz = 1 } },
        })).ShouldSucceed(HttpStatusCode.Created).Data);
        (await tenant.Admin.PostAsync("/api/v1/pos-items", new { posItemId = "M-1", name = "Margarita", recipeId = margarita })).ShouldSucceed(HttpStatusCode.Created);
        (await tenant.Admin.PostAsync("/api/v1/pos-items", new { posItemId = "S-TEQ", name = "Tequila shot", productId = tequila, servingSizeId = shot })).ShouldSucceed(HttpStatusCode.Created);
        (await tenant.Admin.PostAsync("/api/v1/pos-items", new { posItemId = "S-VOD", name = "Vodka shot", productId = vodka, servingSizeId = shot })).ShouldSucceed(HttpStatusCode.Created);
        (await tenant.Admin.PostAsync("/api/v1/pos-modifiers", new { posModifierId = "DBL", name = "Double", action = "multiply", factor = 2 })).ShouldSucceed(HttpStatusCode.Created);
        (await tenant.Admin.PostAsync("/api/v1/pos-modifiers", new { posModifierId = "NOICE", name = "No ice", action = "ignore" })).ShouldSucceed(HttpStatusCode.Created);
    }

    private static async Task<Guid> SessionAsync(ApiClient admin, Guid location, DateTime? snapshotAt, params string[] areas) =>
        Id((await admin.PostAsync("/api/v1/count-sessions", new { locationId = location, snapshotAt, areas })).ShouldSucceed(HttpStatusCode.Created).Data);

    private static async Task LineAsync(ApiClient client, Guid session, string area, Guid productId, object count)
    {
        var body = JsonSerializer.SerializeToElement(count).EnumerateObject().ToDictionary(p => p.Name, p => (object)p.Value);
        body["area"] = area;
        body["productId"] = productId;
        (await client.PutAsync($"/api/v1/count-sessions/{session}/lines", body)).ShouldSucceed();
    }

    private static async Task<JsonElement> CloseAsync(ApiClient admin, Guid session, params string[] areas)
    {
        foreach (var area in areas)
        {
            (await admin.PostAsync($"/api/v1/count-sessions/{session}/areas/{Uri.EscapeDataString(area)}/finish", new { })).ShouldSucceed();
        }

        var completed = (await admin.PostAsync($"/api/v1/count-sessions/{session}/complete", new { })).ShouldSucceed().Data;
        Assert.Equal("completed", completed.GetProperty("status").GetString());
        return completed;
    }

    private static Guid Id(JsonElement data) => Guid.Parse(data.GetProperty("id").GetString()!);
}
