using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Stock;

/// <summary>
/// Staff ring the catalogue price; another price (unitPrice or amount) needs a manager or an admin, and a POS keeps its
/// own prices, since its till is the source of truth for them.
/// </summary>
[Collection(SharedProduct.Collection)]
public sealed class PriceOverrideTests(SharedProduct product)
{
    [Fact]
    public async Task Staff_are_refused_another_price_while_managers_admins_and_a_pos_ring_their_own()
    {
        var tenant = await product.NewTenantAsync();
        var (location, vodka) = await tenant.StockedAsync(50);
        var staff = await tenant.SignedInAsync("staff");
        var manager = await tenant.SignedInAsync("manager");
        object Line(object item) => new { locationId = location, items = new[] { item } };

        var cheap = (await staff.PostAsync("/api/v1/transactions/sales", Line(new { productId = vodka, quantity = 1, unitPrice = 1.00m })))
            .ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await staff.PostAsync("/api/v1/transactions/sales", Line(new { productId = vodka, quantity = 2, amount = 5.00m }))).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.Equal("VODKA-750 rings at 20.99 here; ringing it at another price (unitPrice 1.00) needs a manager or an admin. Leave unitPrice and amount out to ring the catalogue price.", cheap.ErrorMessage);
        Assert.Equal(50m, await product.Host.Database.QuantityAsync(location, vodka));

        (await staff.PostAsync("/api/v1/transactions/sales", Line(new { productId = vodka, quantity = 1 }))).ShouldSucceed(HttpStatusCode.Created);
        (await staff.PostAsync("/api/v1/transactions/sales", Line(new { productId = vodka, quantity = 1, unitPrice = 20.99m }))).ShouldSucceed(HttpStatusCode.Created);
        (await manager.PostAsync("/api/v1/transactions/sales", Line(new { productId = vodka, quantity = 1, unitPrice = 10.00m }))).ShouldSucceed(HttpStatusCode.Created);
        (await tenant.Admin.PostAsync("/api/v1/transactions/sales", Line(new { productId = vodka, quantity = 1, amount = 2.50m }))).ShouldSucceed(HttpStatusCode.Created);
        var pos = await PosClient.SetUpAsync(tenant);
        (await pos.SaleCreatedAsync(new { transactionId = "happy-hour-1", locationId = location, items = new[] { new { sku = "VODKA-750", quantity = 1, price = 6m } } }))
            .ShouldSucceed(HttpStatusCode.Created);
        Assert.Equal(45m, await product.Host.Database.QuantityAsync(location, vodka));
    }
}
