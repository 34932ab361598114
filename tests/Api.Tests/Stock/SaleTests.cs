using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Stock;

[Collection(SharedProduct.Collection)]
public sealed class SaleTests(SharedProduct product)
{
    private Database Db => product.Host.Database;

    [Fact]
    public async Task A_thousand_concurrent_one_unit_sales_lower_stock_by_exactly_a_thousand()
    {
        var tenant = await product.NewTenantAsync();
        var (location, productId) = await tenant.StockedAsync(5000);
        using var start = new SemaphoreSlim(0);

        var sales = Enumerable.Range(0, 1000).Select(async i =>
        {
            await start.WaitAsync();
            return await tenant.Admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, referenceId = $"till-1-{i}", items = new[] { new { productId, quantity = 1 } } });
        }).ToList();
        start.Release(1000);
        var replies = await Task.WhenAll(sales);

        Assert.All(replies, r => r.ShouldSucceed(HttpStatusCode.Created));
        Assert.Equal(4000, await Quantity(location, productId));
        Assert.Equal(4000, (await tenant.Admin.GetAsync($"/api/v1/inventory/items?locationId={location}")).ShouldSucceed().Data.GetProperty("items")[0].GetProperty("quantity").GetInt32());
        Assert.Equal(1000L, await Db.ScalarAsync<long>("SELECT count(*) FROM app.transactions WHERE location_id = @l AND type = 'sale'", ("l", location)));
        Assert.True((await tenant.Admin.GetAsync("/api/v1/admin/ledger/verify")).ShouldSucceed().Data.GetProperty("balanced").GetBoolean());
    }

    [Fact]
    public async Task A_thousand_concurrent_pours_lower_stock_by_exactly_their_volume()
    {
        var tenant = await product.NewTenantAsync();
        var (location, productId) = await tenant.StockedAsync(100);
        using var start = new SemaphoreSlim(0);

        var pours = Enumerable.Range(0, 1000).Select(async i =>
        {
            await start.WaitAsync();
            return await tenant.Admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, referenceId = $"pour-{i}", items = new[] { new { productId, volumeMl = 44.36m } } });
        }).ToList();
        start.Release(1000);
        var replies = await Task.WhenAll(pours);

        // 100 bottles of 750 ml less 1,000 shots of 44.36 ml: 75,000 - 44,360 = 30,640 ml; each shot is 0.05914667 of a bottle.
        Assert.All(replies, r => r.ShouldSucceed(HttpStatusCode.Created));
        Assert.Equal(30_640m, await Db.ScalarAsync<decimal>("SELECT volume_ml FROM app.inventory WHERE location_id = @l", ("l", location)));
        Assert.Equal(100m - 1000 * 0.05914667m, await Quantity(location, productId));
        Assert.True((await tenant.Admin.GetAsync("/api/v1/admin/ledger/verify")).ShouldSucceed().Data.GetProperty("balanced").GetBoolean());
    }

    [Fact]
    public async Task The_same_sale_replayed_ten_times_in_parallel_applies_once_and_every_reply_is_the_first()
    {
        var tenant = await product.NewTenantAsync();
        var (location, productId) = await tenant.StockedAsync(100);
        var sale = new { locationId = location, referenceId = "square-order-77", items = new[] { new { productId, quantity = 3, unitPrice = 9.00m } } };

        var replies = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => tenant.Admin.PostAsync("/api/v1/transactions/sales", sale)));

        Assert.All(replies, r => r.ShouldSucceed(HttpStatusCode.Created));
        Assert.Single(replies.Select(r => r.Data.GetRawText()).Distinct());
        Assert.Equal(97, await Quantity(location, productId));
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT count(*) FROM app.transactions WHERE reference_id = 'square-order-77' AND location_id = @l", ("l", location)));
    }

    [Fact]
    public async Task The_same_referenceId_with_a_different_body_is_409_and_changes_nothing()
    {
        var tenant = await product.NewTenantAsync();
        var (location, productId) = await tenant.StockedAsync(100);
        (await tenant.Admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, referenceId = "toast-1", items = new[] { new { productId, quantity = 1 } } }))
            .ShouldSucceed(HttpStatusCode.Created);
        var before = await Db.CountsAsync();

        (await tenant.Admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, referenceId = "toast-1", items = new[] { new { productId, quantity = 2 } } }))
            .ShouldFail(HttpStatusCode.Conflict, "IDEMPOTENCY_CONFLICT");

        Assert.Equal(before, await Db.CountsAsync());
        Assert.Equal(99, await Quantity(location, productId));
    }

    [Fact]
    public async Task A_sale_of_several_lines_is_applied_whole_or_not_at_all()
    {
        var tenant = await product.NewTenantAsync();
        var (location, vodka) = await tenant.StockedAsync(10);
        var gin = await tenant.CreateProductAsync("GIN-750", "Tanqueray");
        await tenant.StockAsync(location, gin, 10);
        var before = await Db.CountsAsync();

        var refused = (await tenant.Admin.PostAsync("/api/v1/transactions/sales", new
        {
            locationId = location,
            items = new object[] { new { productId = vodka, quantity = 1 }, new { sku = "NO-SUCH-SKU", quantity = 1 }, new { productId = gin, quantity = 1 } },
        })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal(["items[1].sku"], refused.ErrorFields);
        Assert.Equal(before, await Db.CountsAsync());

        var sold = (await tenant.Admin.PostAsync("/api/v1/transactions/sales", new
        {
            locationId = location,
            items = new object[] { new { productId = vodka, quantity = 2 }, new { sku = "GIN-750", quantity = 3 } },
        })).ShouldSucceed(HttpStatusCode.Created);
        Assert.Equal(2, sold.Data.GetProperty("entries").GetArrayLength());
        Assert.Equal(8, await Quantity(location, vodka));
        Assert.Equal(7, await Quantity(location, gin));
        Assert.Equal(1L, await Db.ScalarAsync<long>(
            "SELECT count(DISTINCT movement_id) FROM app.transactions WHERE location_id = @l AND type = 'sale'", ("l", location)));
    }

    [Fact]
    public async Task A_sale_below_zero_is_recorded_flagged_and_alerted_once()
    {
        var tenant = await product.NewTenantAsync();
        var (location, productId) = await tenant.StockedAsync(1);

        var first = (await tenant.Admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, items = new[] { new { productId, quantity = 3 } } })).ShouldSucceed(HttpStatusCode.Created);
        (await tenant.Admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, items = new[] { new { productId, quantity = 1 } } })).ShouldSucceed(HttpStatusCode.Created);

        Assert.True(first.Data.GetProperty("stock")[0].GetProperty("belowZero").GetBoolean());
        Assert.Equal("negative_stock", first.Data.GetProperty("alerts")[0].GetProperty("kind").GetString());
        Assert.Equal(-3, await Quantity(location, productId));
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT count(*) FROM app.stock_alerts WHERE location_id = @l AND kind = 'negative_stock'", ("l", location)));
        var item = (await tenant.Admin.GetAsync($"/api/v1/inventory/items?locationId={location}&lowStock=true")).ShouldSucceed().Data.GetProperty("items")[0];
        Assert.True(item.GetProperty("negativeStock").GetBoolean());
    }

    [Fact]
    public async Task A_late_sale_keeps_when_it_happened_and_a_future_one_is_refused()
    {
        var tenant = await product.NewTenantAsync();
        var (location, productId) = await tenant.StockedAsync(10);
        // The day before yesterday, 18:00 UTC: a day of sales sent late by a POS.
        var happened = DateTime.UtcNow.Date.AddDays(-1).AddHours(-6);

        (await tenant.Admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, timestamp = happened, items = new[] { new { productId, quantity = 1 } } }))
            .ShouldSucceed(HttpStatusCode.Created);
        var before = await Db.CountsAsync();
        var future = (await tenant.Admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, timestamp = DateTime.UtcNow.AddMinutes(10), items = new[] { new { productId, quantity = 1 } } }))
            .ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal(["timestamp"], future.ErrorFields);
        Assert.Equal(before, await Db.CountsAsync());
        Assert.Equal(happened, await Db.ScalarAsync<DateTime>("SELECT occurred_at FROM app.transactions WHERE location_id = @l AND type = 'sale'", ("l", location)));
        Assert.True(await Db.ScalarAsync<bool>("SELECT recorded_at > occurred_at + interval '23 hours' FROM app.transactions WHERE location_id = @l AND type = 'sale'", ("l", location)));
    }

    private Task<decimal> Quantity(Guid location, Guid productId) => Db.QuantityAsync(location, productId);
}
