using System.Globalization;
using System.Net;
using System.Text.Json;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Analytics;

/// <summary>
/// Forecasts from the organisation's own model: a year and more of weekly sales for a range of products, then a
/// product with that history, one with three weeks, and one with none.
/// </summary>
[Collection(SharedProduct.Collection)]
public sealed class ForecastTests(SharedProduct product)
{
    private const int HistoryWeeks = 60;
    private const int OnHandAfter = 12;

    [Fact]
    public async Task A_product_with_history_is_forecast_by_the_model_and_little_or_no_history_gets_a_stated_fallback()
    {
        var tenant = await product.NewTenantAsync();
        var location = await tenant.CreateLocationAsync();
        var supplier = await tenant.CreateSupplierAsync("Johnson Brothers");
        (await tenant.Admin.PutAsync($"/api/v1/suppliers/{supplier}", new { leadTimeDays = 10 })).ShouldSucceed();
        var lastMonday = Monday(DateOnly.FromDateTime(DateTime.UtcNow)).AddDays(-7);
        var steady = new List<(Guid Id, string Sku, int Base)>();
        for (var k = 0; k < 8; k++)
        {
            var sku = $"STEADY-{k}";
            steady.Add((await Product(tenant, sku, supplier), sku, 8 + (2 * k)));
        }

        var young = await Product(tenant, "YOUNG-1", supplier);
        var none = await Product(tenant, "NONE-1", supplier);
        foreach (var (id, _, weekly) in steady)
        {
            await tenant.StockAsync(location, id, Enumerable.Range(0, HistoryWeeks).Sum(w => Weekly(weekly, w)) + OnHandAfter);
        }

        await tenant.StockAsync(location, young, 100);
        await tenant.StockAsync(location, none, 100);
        for (var w = 0; w < HistoryWeeks; w++)
        {
            var tuesday = lastMonday.AddDays((7 * (w - HistoryWeeks + 1)) + 1);
            var lines = steady.Select(p => new { sku = p.Sku, quantity = Weekly(p.Base, w) }).ToList();
            if (w >= HistoryWeeks - 3)
            {
                lines.Add(new { sku = "YOUNG-1", quantity = 4 });
            }

            (await tenant.Admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, timestamp = IowaSales.Noon(tuesday), items = lines }))
                .ShouldSucceed(HttpStatusCode.Created);
        }

        var manager = await tenant.SignedInAsync("manager");
        var withHistory = (await manager.PostAsync("/api/v1/analytics/forecast", new { productId = steady[3].Id, locationId = location, forecastDays = 28 })).ShouldSucceed().Data;
        Assert.Equal("model", withHistory.GetProperty("method").GetString());
        var days = withHistory.GetProperty("forecast").EnumerateArray().ToList();
        Assert.Equal(28, days.Count);
        Assert.All(days, d =>
        {
            Assert.Equal(0.8m, d.GetProperty("confidence").GetDecimal());
            Assert.InRange(d.GetProperty("predictedDemand").GetDecimal(), d.GetProperty("lowerBound").GetDecimal(), d.GetProperty("upperBound").GetDecimal());
        });
        // The product sold 14 to 17 a week: four weeks of forecast land near that, not at zero or tenfold.
        Assert.InRange(days.Sum(d => d.GetProperty("predictedDemand").GetDecimal()), 4 * 8m, 4 * 28m);
        // 12 on hand is below a week's demand: order now, whole cases of 6.
        Assert.Equal(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTime.UtcNow, IowaSales.Chicago)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            withHistory.GetProperty("recommendedOrderDate").GetString());
        Assert.Equal((10, 7), (withHistory.GetProperty("leadTimeDays").GetInt32(), withHistory.GetProperty("reviewDays").GetInt32()));
        var quantity = withHistory.GetProperty("recommendedOrderQuantity").GetInt32();
        Assert.True(quantity > 0 && quantity % 6 == 0, $"Expected whole cases of 6, got {quantity}.");
        // Orders come from the mean demand (expectedDemand), summed the way the policy sums it, over lead time and lead time + review.
        Assert.All(days, d => Assert.True(d.GetProperty("expectedDemand").GetDecimal() >= 0m));
        double Expected(int first) => days.Take(first).Sum(d => (double)d.GetProperty("expectedDemand").GetDecimal());
        var safety = withHistory.GetProperty("safetyStock").GetInt32();
        Assert.Equal((int)Math.Ceiling(Expected(10)) + safety, withHistory.GetProperty("reorderPoint").GetInt32());
        Assert.Equal((int)Math.Ceiling(Expected(17)) + safety, withHistory.GetProperty("orderUpTo").GetInt32());

        var little = (await manager.PostAsync("/api/v1/analytics/forecast", new { productId = young, locationId = location })).ShouldSucceed().Data;
        Assert.StartsWith("fallback", little.GetProperty("method").GetString(), StringComparison.Ordinal);
        Assert.Equal(30, little.GetProperty("forecast").GetArrayLength());

        var nothing = (await manager.PostAsync("/api/v1/analytics/forecast", new { productId = none, locationId = location })).ShouldSucceed().Data;
        Assert.Equal("fallback: no sales in the history", nothing.GetProperty("method").GetString());
        Assert.All(nothing.GetProperty("forecast").EnumerateArray(), d =>
            Assert.Equal((0m, 0m), (d.GetProperty("predictedDemand").GetDecimal(), d.GetProperty("expectedDemand").GetDecimal())));
        Assert.Equal((0, JsonValueKind.Null), (nothing.GetProperty("recommendedOrderQuantity").GetInt32(), nothing.GetProperty("recommendedOrderDate").ValueKind));

        var reorder = (await manager.GetAsync($"/api/v1/analytics/reorder?locationId={location}")).ShouldSucceed().Data;
        var order = Assert.Single(reorder.GetProperty("suppliers").EnumerateArray());
        Assert.Equal("Johnson Brothers", order.GetProperty("supplierName").GetString());
        var skus = order.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("sku").GetString()).ToList();
        Assert.Contains("STEADY-3", skus);
        Assert.DoesNotContain("NONE-1", skus);
    }

    [Fact]
    public async Task Bad_forecast_requests_get_the_field_and_staff_are_refused()
    {
        var tenant = await product.NewTenantAsync();
        var (location, bottle) = await tenant.StockedAsync(10);
        foreach (var (body, field) in new (object, string)[]
        {
            (new { locationId = location }, "productId"),
            (new { productId = bottle }, "locationId"),
            (new { productId = bottle, locationId = location, forecastDays = 0 }, "forecastDays"),
            (new { productId = bottle, locationId = location, forecastDays = 91 }, "forecastDays"),
        })
        {
            var failure = (await tenant.Admin.PostAsync("/api/v1/analytics/forecast", body)).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
            Assert.Contains(failure.Body.GetProperty("error").GetProperty("details").EnumerateArray(), d => d.GetProperty("field").GetString() == field);
        }

        (await tenant.Admin.PostAsync("/api/v1/analytics/forecast", new { productId = Guid.NewGuid(), locationId = location })).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        (await tenant.Admin.GetAsync("/api/v1/analytics/reorder")).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        var supplier = await tenant.CreateSupplierAsync();
        var badLeadTime = (await tenant.Admin.PutAsync($"/api/v1/suppliers/{supplier}", new { leadTimeDays = 400 })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal("leadTimeDays", badLeadTime.Body.GetProperty("error").GetProperty("details")[0].GetProperty("field").GetString());
        (await (await tenant.SignedInAsync("staff")).PostAsync("/api/v1/analytics/forecast", new { productId = bottle, locationId = location }))
            .ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        var other = await product.NewTenantAsync();
        (await other.Admin.PostAsync("/api/v1/analytics/forecast", new { productId = bottle, locationId = location })).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    /// <summary>A steady product's week: its base, rising and falling a little over a four-week cycle.</summary>
    private static int Weekly(int baseline, int week) => baseline + new[] { 0, 2, 3, 1 }[week % 4];

    private static DateOnly Monday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static async Task<Guid> Product(Tenant tenant, string sku, Guid supplier) =>
        Guid.Parse((await tenant.Admin.PostAsync("/api/v1/products", new
        {
            sku,
            name = "Bottle " + sku,
            category = "spirits",
            sizeMl = 750,
            abv = 40m,
            cost = 12m,
            price = 25m,
            supplierId = supplier,
            casePack = 6,
        })).ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetString()!);
}
