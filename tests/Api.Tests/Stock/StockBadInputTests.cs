using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Stock;

/// <summary>Promise 7 for stock: a bad movement answers 4xx with the envelope and leaves ledger and inventory as they were.</summary>
[Collection(SharedProduct.Collection)]
public sealed class StockBadInputTests(SharedProduct product)
{
    public static TheoryData<string, string, string> BadMovements => new()
    {
        // path, body ({location}, {product}, {other} are filled in), field named in the answer
        { "sales", "{\"locationId\":\"{location}\",\"items\":[{\"productId\":\"{product}\",\"quantity\":0}]}", "items[0].quantity" },
        { "sales", "{\"locationId\":\"{location}\",\"items\":[{\"productId\":\"{product}\",\"quantity\":-2}]}", "items[0].quantity" },
        { "sales", "{\"locationId\":\"{location}\",\"items\":[{\"productId\":\"{product}\",\"quantity\":100000000}]}", "items[0].quantity" },
        { "sales", "{\"locationId\":\"{location}\",\"items\":[{\"productId\":\"{product}\",\"quantity\":1.123456789}]}", "items[0].quantity" },
        { "sales", "{\"locationId\":\"{location}\",\"items\":[]}", "items" },
        { "sales", "{\"locationId\":\"{location}\"}", "items" },
        { "sales", "{\"items\":[{\"productId\":\"{product}\",\"quantity\":1}]}", "locationId" },
        { "sales", "{\"locationId\":\"{location}\",\"items\":[{\"quantity\":1}]}", "items[0].productId" },
        { "sales", "{\"locationId\":\"{location}\",\"items\":[{\"productId\":\"{other}\",\"quantity\":1}]}", "items[0].productId" },
        { "sales", "{\"locationId\":\"{other}\",\"items\":[{\"productId\":\"{product}\",\"quantity\":1}]}", "locationId" },
        { "sales", "{\"locationId\":\"{location}\",\"items\":[{\"productId\":\"{product}\",\"quantity\":1,\"unitPrice\":-1}]}", "items[0].unitPrice" },
        { "sales", "{\"locationId\":\"not-a-uuid\",\"items\":[]}", "locationId" },
        { "purchases", "{\"locationId\":\"{location}\",\"items\":[{\"productId\":\"{product}\",\"quantity\":1}]}", "supplierId" },
        { "purchases", "{\"locationId\":\"{location}\",\"supplierId\":\"{other}\",\"items\":[{\"productId\":\"{product}\",\"quantity\":1}]}", "supplierId" },
        { "transfers", "{\"fromLocationId\":\"{location}\",\"items\":[{\"productId\":\"{product}\",\"quantity\":1}]}", "toLocationId" },
        { "transfers", "{\"fromLocationId\":\"{location}\",\"toLocationId\":\"{location}\",\"items\":[{\"productId\":\"{product}\",\"quantity\":1}]}", "toLocationId" },
        { "transfers", "{\"fromLocationId\":\"{location}\",\"toLocationId\":\"{other}\",\"items\":[{\"productId\":\"{product}\",\"quantity\":1}]}", "toLocationId" },
        { "adjustments", "{\"locationId\":\"{location}\",\"items\":[{\"productId\":\"{product}\",\"quantity\":1}]}", "direction" },
        { "adjustments", "{\"locationId\":\"{location}\",\"direction\":\"sideways\",\"items\":[{\"productId\":\"{product}\",\"quantity\":1}]}", "direction" },
        { "waste", "{\"locationId\":\"{location}\",\"items\":[{\"productId\":\"{product}\",\"quantity\":\"one\"}]}", "items[0].quantity" },
        { "comps", "[]", "" },
    };

    [Theory]
    [MemberData(nameof(BadMovements))]
    public async Task A_bad_movement_is_400_and_changes_nothing(string path, string body, string field)
    {
        var tenant = await product.NewTenantAsync();
        var (location, productId) = await tenant.StockedAsync(10);
        var other = Guid.NewGuid();
        var before = await product.Host.Database.CountsAsync();

        var response = (await tenant.Admin.SendRawAsync(HttpMethod.Post, $"/api/v1/transactions/{path}", body
                .Replace("{location}", location.ToString(), StringComparison.Ordinal)
                .Replace("{product}", productId.ToString(), StringComparison.Ordinal)
                .Replace("{other}", other.ToString(), StringComparison.Ordinal)))
            .ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal(field.Length == 0 ? [] : [field], response.ErrorFields);
        Assert.Equal(before, await product.Host.Database.CountsAsync());
    }

    [Theory]
    [InlineData("/api/v1/inventory/items/{item}/count", "PUT", "{\"quantity\":-1}", "quantity")]
    [InlineData("/api/v1/inventory/items/{item}/count", "PUT", "{}", "quantity")]
    [InlineData("/api/v1/inventory/items/{item}", "PATCH", "{\"parLevel\":-5}", "parLevel")]
    [InlineData("/api/v1/inventory/items/{item}", "PATCH", "{\"reorderPoint\":1000000}", "reorderPoint")]
    [InlineData("/api/v1/inventory/items", "POST", "{\"locationId\":\"{location}\"}", "productId")]
    [InlineData("/api/v1/inventory/items", "POST", "{\"locationId\":\"{location}\",\"productId\":\"{product}\",\"quantity\":-3}", "quantity")]
    public async Task Bad_counts_and_levels_are_400_and_change_nothing(string path, string method, string body, string field)
    {
        var tenant = await product.NewTenantAsync();
        var (location, productId) = await tenant.StockedAsync(10, parLevel: 4);
        var item = await product.Host.Database.ScalarAsync<Guid>("SELECT id FROM app.inventory WHERE location_id = @l", ("l", location));
        var before = await product.Host.Database.CountsAsync();

        var response = (await tenant.Admin.SendRawAsync(new HttpMethod(method), path.Replace("{item}", item.ToString(), StringComparison.Ordinal), body
                .Replace("{location}", location.ToString(), StringComparison.Ordinal)
                .Replace("{product}", productId.ToString(), StringComparison.Ordinal)))
            .ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal([field], response.ErrorFields);
        Assert.Equal(before, await product.Host.Database.CountsAsync());
    }

    [Theory]
    [InlineData("/api/v1/inventory/items?locationId=abc")]
    [InlineData("/api/v1/inventory/items?lowStock=maybe")]
    [InlineData("/api/v1/transactions?type=theft")]
    [InlineData("/api/v1/transactions?from=yesterday")]
    [InlineData("/api/v1/transactions?productId=12")]
    public async Task Bad_stock_queries_are_400(string path)
    {
        var tenant = await product.NewTenantAsync();

        (await tenant.Admin.GetAsync(path)).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
    }

    [Fact]
    public async Task An_inactive_location_takes_no_stock_and_no_sales()
    {
        var tenant = await product.NewTenantAsync();
        var (location, productId) = await tenant.StockedAsync(10);
        var other = await tenant.CreateProductAsync("OTHER-1", "Other");
        (await tenant.Admin.DeleteAsync($"/api/v1/locations/{location}")).ShouldSucceed(HttpStatusCode.NoContent);
        var before = await product.Host.Database.CountsAsync();

        var stocking = (await tenant.Admin.PostAsync("/api/v1/inventory/items", new { locationId = location, productId = other, quantity = 5 }))
            .ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        var sale = (await tenant.Admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, items = new[] { new { productId, quantity = 1 } } }))
            .ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal(["locationId"], stocking.ErrorFields);
        Assert.Equal(["locationId"], sale.ErrorFields);
        Assert.Equal(before, await product.Host.Database.CountsAsync());
    }

    [Fact]
    public async Task A_deleted_product_takes_no_more_sales_even_where_its_stock_is_live()
    {
        var tenant = await product.NewTenantAsync();
        var (location, productId) = await tenant.StockedAsync(10);
        (await tenant.Admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, items = new[] { new { productId, quantity = 1 } } }))
            .ShouldSucceed(HttpStatusCode.Created);
        (await tenant.Admin.DeleteAsync($"/api/v1/products/{productId}")).ShouldSucceed(HttpStatusCode.NoContent);
        var before = await product.Host.Database.CountsAsync();

        var sale = (await tenant.Admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, items = new[] { new { productId, quantity = 1 } } }))
            .ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal(["items[0].productId"], sale.ErrorFields);
        Assert.Equal(before, await product.Host.Database.CountsAsync());
        Assert.Equal(0, (await tenant.Admin.GetAsync($"/api/v1/inventory/items?locationId={location}")).ShouldSucceed().Data.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_transfer_to_a_closed_location_is_refused_on_that_side()
    {
        var tenant = await product.NewTenantAsync();
        var (from, productId) = await tenant.StockedAsync(10);
        var to = await tenant.CreateLocationAsync("Closed Annex");
        await tenant.StockAsync(to, productId, 1);
        (await tenant.Admin.DeleteAsync($"/api/v1/locations/{to}")).ShouldSucceed(HttpStatusCode.NoContent);
        var before = await product.Host.Database.CountsAsync();

        var transfer = (await tenant.Admin.PostAsync("/api/v1/transactions/transfers", new { fromLocationId = from, toLocationId = to, items = new[] { new { productId, quantity = 1 } } }))
            .ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal(["toLocationId"], transfer.ErrorFields);
        Assert.Equal(before, await product.Host.Database.CountsAsync());
        Assert.Equal(10, await product.Host.Database.QuantityAsync(from, productId));
    }

    [Fact]
    public async Task Staff_cannot_receive_transfer_or_adjust()
    {
        var tenant = await product.NewTenantAsync();
        var (location, productId) = await tenant.StockedAsync(10);
        var staff = await tenant.SignedInAsync("staff");
        var before = await product.Host.Database.CountsAsync();

        foreach (var kind in new[] { "purchases", "transfers", "adjustments" })
        {
            (await staff.PostAsync($"/api/v1/transactions/{kind}", new { locationId = location, items = new[] { new { productId, quantity = 1 } } }))
                .ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        }

        Assert.Equal(before, await product.Host.Database.CountsAsync());
    }
}
