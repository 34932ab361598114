using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Stock;

[Collection(SharedProduct.Collection)]
public sealed class MovementTests(SharedProduct product)
{
    private Database Db => product.Host.Database;

    [Fact]
    public async Task A_transfer_moves_both_sides_in_one_movement_or_neither()
    {
        var tenant = await product.NewTenantAsync();
        var (from, productId) = await tenant.StockedAsync(10);
        var to = await tenant.CreateLocationAsync("Annex");
        var before = await Db.CountsAsync();

        (await tenant.Admin.PostAsync("/api/v1/transactions/transfers", new { fromLocationId = from, toLocationId = to, items = new[] { new { productId, quantity = 11 } } }))
            .ShouldFail(HttpStatusCode.Conflict, "INSUFFICIENT_STOCK");
        Assert.Equal(before, await Db.CountsAsync());

        var moved = (await tenant.Admin.PostAsync("/api/v1/transactions/transfers", new { fromLocationId = from, toLocationId = to, items = new[] { new { productId, quantity = 4 } } }))
            .ShouldSucceed(HttpStatusCode.Created);
        Assert.Equal(["transfer_out", "transfer_in"], moved.Data.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(6, await Quantity(from, productId));
        Assert.Equal(4, await Quantity(to, productId));
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT count(DISTINCT movement_id) FROM app.transactions WHERE type LIKE 'transfer%' AND product_id = @p", ("p", productId)));
    }

    [Theory]
    [InlineData("waste")]
    [InlineData("comps")]
    public async Task Waste_and_comps_cannot_take_more_than_is_on_hand(string kind)
    {
        var tenant = await product.NewTenantAsync();
        var (location, productId) = await tenant.StockedAsync(2);
        var before = await Db.CountsAsync();

        (await tenant.Admin.PostAsync($"/api/v1/transactions/{kind}", new { locationId = location, reason = "broken", items = new[] { new { productId, quantity = 3 } } }))
            .ShouldFail(HttpStatusCode.Conflict, "INSUFFICIENT_STOCK");
        Assert.Equal(before, await Db.CountsAsync());

        (await tenant.Admin.PostAsync($"/api/v1/transactions/{kind}", new { locationId = location, reason = "broken", items = new[] { new { productId, quantity = 2 } } }))
            .ShouldSucceed(HttpStatusCode.Created);
        Assert.Equal(0, await Quantity(location, productId));
    }

    [Fact]
    public async Task Receiving_from_a_supplier_adds_stock_and_updates_the_cost()
    {
        var tenant = await product.NewTenantAsync();
        var (location, productId) = await tenant.StockedAsync(1);
        var supplier = await tenant.CreateSupplierAsync();

        (await tenant.Admin.PostAsync("/api/v1/transactions/purchases", new { locationId = location, supplierId = supplier, referenceId = "INV-2291", items = new[] { new { productId, quantity = 12, unitCost = 16.25m } } }))
            .ShouldSucceed(HttpStatusCode.Created);

        Assert.Equal(13, await Quantity(location, productId));
        Assert.Equal(16.25m, await Db.ScalarAsync<decimal>("SELECT cost FROM app.products WHERE id = @p", ("p", productId)));
        Assert.Equal(195.00m, await Db.ScalarAsync<decimal>("SELECT total_amount FROM app.transactions WHERE type = 'purchase' AND product_id = @p", ("p", productId)));
        Assert.Equal(supplier, await Db.ScalarAsync<Guid>("SELECT supplier_id FROM app.transactions WHERE type = 'purchase' AND product_id = @p", ("p", productId)));
    }

    [Fact]
    public async Task Adjustments_go_up_or_down_with_a_reason()
    {
        var tenant = await product.NewTenantAsync();
        var (location, productId) = await tenant.StockedAsync(5);

        (await tenant.Admin.PostAsync("/api/v1/transactions/adjustments", new { locationId = location, direction = "increase", reason = "found in cellar", items = new[] { new { productId, quantity = 2 } } }))
            .ShouldSucceed(HttpStatusCode.Created);
        (await tenant.Admin.PostAsync("/api/v1/transactions/adjustments", new { locationId = location, direction = "decrease", reason = "mis-keyed delivery", items = new[] { new { productId, quantity = 4 } } }))
            .ShouldSucceed(HttpStatusCode.Created);

        Assert.Equal(3, await Quantity(location, productId));
        Assert.Equal("mis-keyed delivery", await Db.ScalarAsync<string>("SELECT reason FROM app.transactions WHERE type = 'adjustment' AND quantity = -4 AND product_id = @p", ("p", productId)));
    }

    [Fact]
    public async Task A_count_records_the_variance_as_a_count_movement()
    {
        var tenant = await product.NewTenantAsync();
        var (location, productId) = await tenant.StockedAsync(12);
        var item = await ItemId(location, productId);
        var staff = await tenant.SignedInAsync("staff");

        var counted = (await staff.PutAsync($"/api/v1/inventory/items/{item}/count", new { quantity = 9, notes = "2 a.m. count" })).ShouldSucceed().Data;

        Assert.Equal(-3, counted.GetProperty("variance").GetInt32());
        Assert.Equal(9, counted.GetProperty("item").GetProperty("quantity").GetInt32());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, counted.GetProperty("item").GetProperty("lastCountDate").ValueKind);
        Assert.Equal(9, await Quantity(location, productId));
        Assert.Equal(-3, await Db.ScalarAsync<int>("SELECT quantity FROM app.transactions WHERE type = 'count' AND notes = '2 a.m. count' AND product_id = @p", ("p", productId)));
    }

    [Fact]
    public async Task Crossing_below_par_raises_one_alert_per_crossing()
    {
        var tenant = await product.NewTenantAsync();
        var (location, productId) = await tenant.StockedAsync(10, parLevel: 5);
        var supplier = await tenant.CreateSupplierAsync();
        async Task Sell(int quantity) => (await tenant.Admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, items = new[] { new { productId, quantity } } })).ShouldSucceed(HttpStatusCode.Created);

        await Sell(3);
        await Sell(3);
        await Sell(1);
        await Sell(1);
        (await tenant.Admin.PostAsync("/api/v1/transactions/purchases", new { locationId = location, supplierId = supplier, items = new[] { new { productId, quantity = 10 } } }))
            .ShouldSucceed(HttpStatusCode.Created);
        await Sell(9);

        Assert.Equal(3, await Quantity(location, productId));
        Assert.Equal(2L, await Db.ScalarAsync<long>("SELECT count(*) FROM app.stock_alerts WHERE location_id = @l AND kind = 'low_stock'", ("l", location)));
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT count(*) FROM app.stock_alerts WHERE location_id = @l AND kind = 'low_stock' AND cleared_at IS NULL", ("l", location)));
        var item = (await tenant.Admin.GetAsync($"/api/v1/inventory/items/{await ItemId(location, productId)}")).ShouldSucceed().Data;
        Assert.True(item.GetProperty("lowStock").GetBoolean());
    }

    [Fact]
    public async Task An_Idempotency_Key_makes_any_movement_apply_once()
    {
        var tenant = await product.NewTenantAsync();
        var (location, productId) = await tenant.StockedAsync(10);
        StringContent Body() => new(
            System.Text.Json.JsonSerializer.Serialize(new { locationId = location, reason = "dropped", items = new[] { new { productId, quantity = 1 } } }),
            System.Text.Encoding.UTF8, "application/json");

        var first = await tenant.Admin.SendAsync(HttpMethod.Post, "/api/v1/transactions/waste", Body(), r => r.Headers.Add("Idempotency-Key", "waste-key-1"));
        var again = await tenant.Admin.SendAsync(HttpMethod.Post, "/api/v1/transactions/waste", Body(), r => r.Headers.Add("Idempotency-Key", "waste-key-1"));

        first.ShouldSucceed(HttpStatusCode.Created);
        again.ShouldSucceed(HttpStatusCode.Created);
        Assert.Equal(first.Data.GetRawText(), again.Data.GetRawText());
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(9, await Quantity(location, productId));
    }

    [Fact]
    public async Task The_ledger_lists_movements_with_filters_and_refuses_to_be_rewritten()
    {
        var tenant = await product.NewTenantAsync();
        var (location, productId) = await tenant.StockedAsync(10);
        (await tenant.Admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, items = new[] { new { productId, quantity = 2 } } })).ShouldSucceed(HttpStatusCode.Created);

        var sales = (await tenant.Admin.GetAsync($"/api/v1/transactions?type=sale&locationId={location}")).ShouldSucceed().Data;
        var all = (await tenant.Admin.GetAsync($"/api/v1/transactions?productId={productId}")).ShouldSucceed().Data;

        Assert.Equal(1, sales.GetProperty("pagination").GetProperty("total").GetInt64());
        Assert.Equal(["sale", "count"], all.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => Db.ScalarAsync<object>("UPDATE app.transactions SET quantity = 100 WHERE product_id = @p", ("p", productId)));
        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stock_of_another_organisation_is_404_or_refused_and_unchanged()
    {
        var a = await product.NewTenantAsync();
        var b = await product.NewTenantAsync();
        var (location, productId) = await b.StockedAsync(10);
        var item = await ItemId(location, productId);
        var before = await Db.CountsAsync();

        (await a.Admin.GetAsync($"/api/v1/inventory/items?locationId={location}")).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        (await a.Admin.GetAsync($"/api/v1/inventory/items/{item}")).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        (await a.Admin.PutAsync($"/api/v1/inventory/items/{item}/count", new { quantity = 0 })).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        (await a.Admin.PatchAsync($"/api/v1/inventory/items/{item}", new { parLevel = 99 })).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        (await a.Admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, items = new[] { new { productId, quantity = 1 } } }))
            .ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal(0, (await a.Admin.GetAsync($"/api/v1/transactions?locationId={location}")).ShouldSucceed().Data.GetProperty("pagination").GetProperty("total").GetInt64());

        Assert.Equal(before, await Db.CountsAsync());
    }

    private Task<decimal> Quantity(Guid location, Guid productId) => Db.QuantityAsync(location, productId);

    private Task<Guid> ItemId(Guid location, Guid productId) =>
        Db.ScalarAsync<Guid>("SELECT id FROM app.inventory WHERE location_id = @l AND product_id = @p", ("l", location), ("p", productId));
}
