using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Stock;
using Orleans.Core.Internal;

namespace InventoryProFlow.Api.Tests.Stock;

/// <summary>
/// A key's first answer outlives the grain that gave it: a replay that reaches a new activation
/// (after idle collection, a restart or a move) finds the stored answer instead of applying again.
/// </summary>
[Collection(SharedProduct.Collection)]
public sealed class ReplayTests(SharedProduct product)
{
    private Database Db => product.Host.Database;

    [Fact]
    public async Task A_sale_replayed_after_its_grain_is_gone_answers_the_first_reply_and_applies_once()
    {
        var tenant = await product.NewTenantAsync();
        var (location, productId) = await tenant.StockedAsync(20);
        var sale = new { locationId = location, referenceId = "clover-5501", items = new[] { new { productId, quantity = 2, unitPrice = 7.50m } } };
        var first = (await tenant.Admin.PostAsync("/api/v1/transactions/sales", sale)).ShouldSucceed(HttpStatusCode.Created);
        await EndActivation(GrainKeys.Movements(tenant.OrganizationId, new MovementOrder(MovementTypes.Sale, location), new MovementKey("sale", "clover-5501")));
        var before = await Db.CountsAsync();

        var replay = (await tenant.Admin.PostAsync("/api/v1/transactions/sales", sale)).ShouldSucceed(HttpStatusCode.Created);
        var conflicting = await tenant.Admin.PostAsync("/api/v1/transactions/sales", sale with { items = [new { productId, quantity = 3, unitPrice = 7.50m }] });

        Assert.Equal(first.Data.GetRawText(), replay.Data.GetRawText());
        conflicting.ShouldFail(HttpStatusCode.Conflict, "IDEMPOTENCY_CONFLICT");
        Assert.Equal(before, await Db.CountsAsync());
        Assert.Equal(18, await Db.QuantityAsync(location, productId));
    }

    [Fact]
    public async Task A_transfer_replayed_after_the_stock_has_gone_still_answers_the_first_reply()
    {
        var tenant = await product.NewTenantAsync();
        var (from, productId) = await tenant.StockedAsync(6);
        var to = await tenant.CreateLocationAsync("Patio Bar");
        var transfer = new { fromLocationId = from, toLocationId = to, items = new[] { new { productId, quantity = 6 } } };
        var first = (await tenant.Admin.PostAsync("/api/v1/transactions/transfers", transfer, "move-patio-1")).ShouldSucceed(HttpStatusCode.Created);
        await EndActivation(GrainKeys.Movements(tenant.OrganizationId, new MovementOrder(MovementTypes.Transfer, from, to), new MovementKey("request", "move-patio-1")));
        var before = await Db.CountsAsync();

        // Stock is now 0 at the source, so applying it again would be refused: the stored answer must win.
        var replay = (await tenant.Admin.PostAsync("/api/v1/transactions/transfers", transfer, "move-patio-1")).ShouldSucceed(HttpStatusCode.Created);

        Assert.Equal(first.Data.GetRawText(), replay.Data.GetRawText());
        Assert.Equal(before, await Db.CountsAsync());
        Assert.Equal(0, await Db.QuantityAsync(from, productId));
        Assert.Equal(6, await Db.QuantityAsync(to, productId));
    }

    // Its shard's memory of the key goes with it, so the replay must find the stored answer.
    private async Task EndActivation(string movementsKey)
    {
        var grain = product.Host.Grains.GetGrain<IMovementGrain>(movementsKey);
        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();
    }
}
