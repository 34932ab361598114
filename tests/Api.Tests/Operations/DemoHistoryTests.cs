using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Operations;

/// <summary>
/// The demo of a first `make run` trades for sixteen weeks before anyone signs in, so its screens show stock, sales,
/// deliveries and low stock; that history is ledger rows like any other, and the ledger still balances.
/// </summary>
public sealed class DemoHistoryTests
{
    [Fact]
    public async Task The_demo_has_stock_sales_deliveries_and_low_stock_and_its_ledger_balances()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var host = await ProductHost.StartAsync(connectionString, settings: new Dictionary<string, string?>
        {
            ["Demo:Seed"] = "true",
            ["IPF_ADMIN_PASSWORD"] = "Demo-Admin-Pass-1",
            ["IPF_DEMO_PASSWORD"] = "Demo-Staff-Pass-1",
        });
        var token = (await host.Client().PostAsync("/api/v1/auth/login", new { email = "admin@threerivers.example", password = "Demo-Admin-Pass-1" }))
            .ShouldSucceed(HttpStatusCode.OK).Data.GetProperty("accessToken").GetString()!;
        var admin = host.Client(token);
        var location = (await admin.GetAsync("/api/v1/locations")).ShouldSucceed().Data.GetProperty("items")[0].GetProperty("id").GetGuid();

        var stocked = (await admin.GetAsync($"/api/v1/inventory/items?locationId={location}&limit=1")).ShouldSucceed().Data;
        var low = (await admin.GetAsync($"/api/v1/inventory/items?locationId={location}&lowStock=true&limit=100")).ShouldSucceed().Data;
        var sales = (await admin.GetAsync("/api/v1/analytics/sales")).ShouldSucceed().Data;
        var verified = (await admin.GetAsync("/api/v1/admin/ledger/verify")).ShouldSucceed().Data;

        Assert.Equal(338, stocked.GetProperty("pagination").GetProperty("total").GetInt32());
        var lowItems = low.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(lowItems);
        Assert.All(lowItems, i => Assert.True(i.GetProperty("quantity").GetInt32() < i.GetProperty("parLevel").GetInt32()));
        Assert.True(sales.GetProperty("totalSales").GetDecimal() > 1000m, sales.GetProperty("totalSales").ToString());
        Assert.True(verified.GetProperty("balanced").GetBoolean(), verified.ToString());
        var barItems = await host.Database.ScalarAsync<long>(
            "SELECT count(*) FROM app.inventory i JOIN app.locations l ON l.id = i.location_id WHERE l.location_type = 'bar'");
        Assert.Equal(3 * 338 + barItems, verified.GetProperty("itemsChecked").GetInt64());
        var types = await host.Database.ScalarAsync<string>("SELECT string_agg(DISTINCT type, ',' ORDER BY type) FROM app.transactions");
        Assert.Equal("count,purchase,sale", types);
        Assert.Equal(0L, await host.Database.ScalarAsync<long>("SELECT count(*) FROM app.transactions WHERE type = 'purchase' AND supplier_id IS NULL"));
        Assert.Equal(0L, await host.Database.ScalarAsync<long>("SELECT count(*) FROM app.inventory WHERE quantity < 0"));

        // The cocktail bar: its last week's variance puts the heavy-handed bartender's tequila at the top.
        var bar = (await admin.GetAsync("/api/v1/locations")).ShouldSucceed().Data.GetProperty("items").EnumerateArray()
            .Single(l => l.GetProperty("locationType").GetString() == "bar").GetProperty("id").GetGuid();
        var variance = (await admin.GetAsync($"/api/v1/analytics/variance?locationId={bar}")).ShouldSucceed().Data;
        var top = variance.GetProperty("products")[0];
        Assert.Equal("spirits", top.GetProperty("category").GetString());
        Assert.Contains("Tequila", (await admin.GetAsync($"/api/v1/products/{top.GetProperty("productId").GetGuid()}")).ShouldSucceed().Data.GetProperty("subcategory").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.True(top.GetProperty("variancePercent").GetDecimal() > 15m, top.ToString());
        Assert.True(variance.GetProperty("products").GetArrayLength() >= 15);
        Assert.True((await admin.GetAsync("/api/v1/recipes?limit=100")).ShouldSucceed().Data.GetProperty("pagination").GetProperty("total").GetInt32() >= 30);
        Assert.True((await admin.GetAsync($"/api/v1/count-sessions?locationId={bar}&status=completed")).ShouldSucceed().Data.GetProperty("pagination").GetProperty("total").GetInt32() >= 15);
    }
}
