using System.Globalization;
using System.Net;
using System.Text.Json;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Analytics;

/// <summary>
/// Sales analytics against real sales: October 2019 of an Iowa store (Central City 2, Des Moines), with the last
/// days of September for the comparison, replayed through the sales API and checked against the file.
/// </summary>
[Collection(SharedProduct.Collection)]
public sealed class SalesAnalyticsTests(SharedProduct product)
{
    private static readonly DateOnly First = new(2019, 10, 1);
    private static readonly DateOnly Last = new(2019, 10, 31);

    [Fact]
    public async Task A_month_of_real_sales_gives_the_totals_top_products_and_days_computed_from_the_file()
    {
        var tenant = await product.NewTenantAsync("liquor_store");
        var location = await tenant.CreateLocationAsync("Central City 2");
        var elsewhere = await tenant.CreateLocationAsync("Airport kiosk");
        var iowa = IowaSales.Of("4829", new DateOnly(2019, 9, 25), Last);
        var ids = await iowa.ReplayAsync(tenant.Admin, location, await tenant.CreateSupplierAsync("Iowa ABD"), received: 0);
        // One sale at another location: in the organisation's figures, not in the store's.
        (await tenant.Admin.PostAsync("/api/v1/transactions/sales", new
        {
            locationId = elsewhere,
            timestamp = IowaSales.Noon(new DateOnly(2019, 10, 15)),
            items = new[] { new { sku = IowaSales.Sku(iowa.Items[0]), quantity = 1, unitPrice = 1000m } },
        })).ShouldSucceed(HttpStatusCode.Created);

        var figures = (await tenant.Admin.GetAsync($"/api/v1/analytics/sales?startDate=2019-10-01&endDate=2019-10-31&locationId={location}")).ShouldSucceed().Data;

        var sales = iowa.Sales().Where(s => s.Date >= First && s.Date <= Last).ToList();
        var lines = sales.SelectMany(s => s.Lines).ToList();
        Assert.True(lines.Count > 1000, $"October 2019 should have over 1,000 joined lines; found {lines.Count}.");
        var total = lines.Sum(l => l.Dollars);
        Assert.Equal(total, figures.GetProperty("totalSales").GetDecimal());
        Assert.Equal(sales.Count, figures.GetProperty("totalTransactions").GetInt64());
        Assert.Equal(lines.Sum(l => (long)l.Bottles), figures.GetProperty("totalUnits").GetInt64());
        Assert.Equal(decimal.Round(total / sales.Count, 2, MidpointRounding.AwayFromZero), figures.GetProperty("averageTransaction").GetDecimal());

        var expectedTop = lines.GroupBy(l => IowaSales.Sku(l.Item))
            .Select(g => (Sku: g.Key, Revenue: g.Sum(l => l.Dollars), Quantity: g.Sum(l => (long)l.Bottles)))
            .OrderByDescending(p => p.Revenue).ThenByDescending(p => p.Quantity).ThenBy(p => p.Sku, StringComparer.Ordinal)
            .Take(10).ToList();
        var top = figures.GetProperty("topProducts").EnumerateArray().ToList();
        Assert.Equal(expectedTop.Select(p => (p.Sku, p.Revenue, p.Quantity)), top.Select(p => (p.GetProperty("sku").GetString()!, p.GetProperty("revenue").GetDecimal(), p.GetProperty("quantity").GetInt64())));
        Assert.Equal(ids[expectedTop[0].Sku].ToString(), top[0].GetProperty("productId").GetString());
        Assert.Equal(iowa.Catalogue[expectedTop[0].Sku[3..]].Name, top[0].GetProperty("name").GetString());

        var days = figures.GetProperty("dailyBreakdown").EnumerateArray().ToList();
        Assert.Equal(31, days.Count);
        foreach (var day in days)
        {
            var date = DateOnly.ParseExact(day.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var ofDay = sales.Where(s => s.Date == date).ToList();
            Assert.Equal(ofDay.SelectMany(s => s.Lines).Sum(l => l.Dollars), day.GetProperty("sales").GetDecimal());
            Assert.Equal(ofDay.Count, day.GetProperty("transactions").GetInt64());
        }

        var spirits = Assert.Single(figures.GetProperty("byCategory").EnumerateArray());
        Assert.Equal(("spirits", total), (spirits.GetProperty("category").GetString(), spirits.GetProperty("sales").GetDecimal()));
        Assert.Equal(location.ToString(), Assert.Single(figures.GetProperty("byLocation").EnumerateArray()).GetProperty("locationId").GetString());
        var previous = figures.GetProperty("previousPeriod");
        Assert.Equal(("2019-08-31", "2019-09-30"), (previous.GetProperty("startDate").GetString(), previous.GetProperty("endDate").GetString()));
        Assert.Equal(iowa.Sales().Where(s => s.Date < First).SelectMany(s => s.Lines).Sum(l => l.Dollars), previous.GetProperty("totalSales").GetDecimal());

        // The whole organisation: the kiosk's sale is in, by location.
        var all = (await tenant.Admin.GetAsync("/api/v1/analytics/sales?startDate=2019-10-01&endDate=2019-10-31")).ShouldSucceed().Data;
        Assert.Equal(total + 1000m, all.GetProperty("totalSales").GetDecimal());
        Assert.Equal(2, all.GetProperty("byLocation").GetArrayLength());

        var csv = await tenant.Admin.GetTextAsync($"/api/v1/analytics/sales?startDate=2019-10-01&endDate=2019-10-31&locationId={location}&format=csv");
        var rows = csv.Text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(("text/csv", "date,sales,transactions,units", 32), (csv.MediaType, rows[0], rows.Length));
    }

    [Fact]
    public async Task Staff_are_refused_bad_queries_get_the_field_and_another_organisation_is_not_found()
    {
        var tenant = await product.NewTenantAsync();
        var location = await tenant.CreateLocationAsync();
        var staff = await tenant.SignedInAsync("staff");
        var manager = await tenant.SignedInAsync("manager");

        (await staff.GetAsync("/api/v1/analytics/sales")).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        var empty = (await manager.GetAsync("/api/v1/analytics/sales")).ShouldSucceed().Data;
        Assert.Equal((0m, 0L, 0m, 30), (empty.GetProperty("totalSales").GetDecimal(), empty.GetProperty("totalTransactions").GetInt64(),
            empty.GetProperty("averageTransaction").GetDecimal(), empty.GetProperty("dailyBreakdown").GetArrayLength()));
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("previousPeriod").GetProperty("salesChangePercent").ValueKind);

        foreach (var (query, field) in new[]
        {
            ("startDate=2019-13-01", "startDate"), ("endDate=yesterday", "endDate"), ("startDate=2019-10-31&endDate=2019-10-01", "endDate"),
            ("startDate=2015-01-01&endDate=2019-10-01", "endDate"), ("top=0", "top"), ("top=ten", "top"), ("top=101", "top"),
            ("locationId=42", "locationId"), ("format=xml", "format"),
        })
        {
            var failure = (await tenant.Admin.GetAsync($"/api/v1/analytics/sales?{query}")).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
            Assert.Contains(failure.Body.GetProperty("error").GetProperty("details").EnumerateArray(), d => d.GetProperty("field").GetString() == field);
        }

        var other = await product.NewTenantAsync();
        (await other.Admin.GetAsync($"/api/v1/analytics/sales?locationId={location}")).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
    }
}
