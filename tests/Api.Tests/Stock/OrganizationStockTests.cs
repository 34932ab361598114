using System.Net;
using System.Text.Json;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Stock;

/// <summary>
/// A chain owner's view: the inventory list without a location (the seed's own example) answers every open location's
/// items, and the open stock alerts are listed, across the organisation and by location.
/// </summary>
[Collection(SharedProduct.Collection)]
public sealed class OrganizationStockTests(SharedProduct product)
{
    [Fact]
    public async Task The_list_without_a_location_answers_every_location_and_low_stock_across_them()
    {
        var tenant = await product.NewTenantAsync();
        var downtown = await tenant.CreateLocationAsync("Downtown");
        var airport = await tenant.CreateLocationAsync("Airport");
        var closed = await tenant.CreateLocationAsync("Closed Bar");
        var gin = await tenant.CreateProductAsync("GIN-1", "Hendrick's Gin");
        var vodka = await tenant.CreateProductAsync("VOD-1", "Tito's Vodka");
        await tenant.StockAsync(downtown, gin, 12, parLevel: 6);
        await tenant.StockAsync(airport, gin, 7, parLevel: 6);
        await tenant.StockAsync(airport, vodka, 3);
        await tenant.StockAsync(closed, vodka, 9);
        (await tenant.Admin.DeleteAsync($"/api/v1/locations/{closed}")).ShouldSucceed(HttpStatusCode.NoContent);
        (await tenant.Admin.PostAsync("/api/v1/transactions/sales", new { locationId = airport, items = new[] { new { productId = gin, quantity = 2 } } }))
            .ShouldSucceed(HttpStatusCode.Created);
        var other = await product.NewTenantAsync();
        await other.StockedAsync(5);

        var all = (await tenant.Admin.GetAsync("/api/v1/inventory/items")).ShouldSucceed().Data;
        var low = (await tenant.Admin.GetAsync("/api/v1/inventory/items?lowStock=true")).ShouldSucceed().Data;
        var searched = (await tenant.Admin.GetAsync("/api/v1/inventory/items?q=tito")).ShouldSucceed().Data;
        var paged = (await tenant.Admin.GetAsync("/api/v1/inventory/items?limit=2&page=2")).ShouldSucceed().Data;

        Assert.Equal(
            [("Hendrick's Gin", airport, 5m), ("Hendrick's Gin", downtown, 12m), ("Tito's Vodka", airport, 3m)],
            Rows(all).Select(r => (r.GetProperty("name").GetString()!, r.GetProperty("locationId").GetGuid(), r.GetProperty("quantity").GetDecimal())));
        Assert.Equal(3, all.GetProperty("pagination").GetProperty("total").GetInt64());
        var alone = Assert.Single(Rows(low));
        Assert.Equal((gin, airport, true), (alone.GetProperty("productId").GetGuid(), alone.GetProperty("locationId").GetGuid(), alone.GetProperty("lowStock").GetBoolean()));
        Assert.Equal([vodka], Rows(searched).Select(r => r.GetProperty("productId").GetGuid()));
        Assert.Equal([vodka], Rows(paged).Select(r => r.GetProperty("productId").GetGuid()));
        Assert.Equal(1, (await other.Admin.GetAsync("/api/v1/inventory/items")).ShouldSucceed().Data.GetProperty("pagination").GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Open_stock_alerts_are_listed_newest_first_with_what_is_on_hand_now()
    {
        var tenant = await product.NewTenantAsync();
        var (bar, gin) = await tenant.StockedAsync(10, parLevel: 5, sku: "GIN-2");
        var cellar = await tenant.CreateLocationAsync("Cellar");
        await tenant.StockAsync(cellar, gin, 1);
        async Task Sell(Guid location, int quantity) =>
            (await tenant.Admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, items = new[] { new { productId = gin, quantity } } }))
                .ShouldSucceed(HttpStatusCode.Created);

        await Sell(bar, 6);
        await Sell(bar, 1);
        await Sell(cellar, 2);

        var alerts = Rows((await tenant.Admin.GetAsync("/api/v1/inventory/alerts")).ShouldSucceed().Data).ToList();
        var atBar = Rows((await tenant.Admin.GetAsync($"/api/v1/inventory/alerts?locationId={bar}")).ShouldSucceed().Data).ToList();
        var negative = Rows((await tenant.Admin.GetAsync("/api/v1/inventory/alerts?kind=negative_stock")).ShouldSucceed().Data).ToList();

        Assert.Equal([("negative_stock", cellar), ("low_stock", bar)], alerts.Select(a => (a.GetProperty("kind").GetString()!, a.GetProperty("locationId").GetGuid())));
        var lowAtBar = Assert.Single(atBar);
        Assert.Equal((4m, 5m, 3m), (lowAtBar.GetProperty("quantity").GetDecimal(), lowAtBar.GetProperty("parLevel").GetDecimal(), lowAtBar.GetProperty("quantityNow").GetDecimal()));
        Assert.Equal("GIN-2", lowAtBar.GetProperty("sku").GetString());
        Assert.Equal(-1m, Assert.Single(negative).GetProperty("quantityNow").GetDecimal());
        Assert.Equal(0, (await (await product.NewTenantAsync()).Admin.GetAsync("/api/v1/inventory/alerts")).ShouldSucceed().Data.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/v1/inventory/alerts?kind=ugly", HttpStatusCode.BadRequest, "VALIDATION_FAILED")]
    [InlineData("/api/v1/inventory/alerts?locationId=abc", HttpStatusCode.BadRequest, "VALIDATION_FAILED")]
    [InlineData("/api/v1/inventory/alerts?locationId={other}", HttpStatusCode.NotFound, "NOT_FOUND")]
    [InlineData("/api/v1/inventory/items?locationId={other}", HttpStatusCode.NotFound, "NOT_FOUND")]
    public async Task Bad_filters_are_refused(string path, HttpStatusCode status, string code)
    {
        var tenant = await product.NewTenantAsync();
        var other = await product.NewTenantAsync();
        var (otherLocation, _) = await other.StockedAsync(1);

        (await tenant.Admin.GetAsync(path.Replace("{other}", otherLocation.ToString(), StringComparison.Ordinal))).ShouldFail(status, code);
    }

    private static IEnumerable<JsonElement> Rows(JsonElement page) => page.GetProperty("items").EnumerateArray();
}
