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
        Assert.Equal(3 * 338, verified.GetProperty("itemsChecked").GetInt32());
        var types = await host.Database.ScalarAsync<string>("SELECT string_agg(DISTINCT type, ',' ORDER BY type) FROM app.transactions");
        Assert.Equal("count,purchase,sale", types);
        Assert.Equal(0L, await host.Database.ScalarAsync<long>("SELECT count(*) FROM app.transactions WHERE type = 'purchase' AND supplier_id IS NULL"));
        Assert.Equal(0L, await host.Database.ScalarAsync<long>("SELECT count(*) FROM app.inventory WHERE quantity < 0"));
    }
}
