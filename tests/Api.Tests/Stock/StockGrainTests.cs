using InventoryProFlow.Api.Tests.Infrastructure;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Stock;

namespace InventoryProFlow.Api.Tests.Stock;

/// <summary>
/// The rules of a product at a location and of a movement, at the grains, on Orleans' in-process test cluster: all
/// lines or none, nothing below zero that may not go there, a key applied once, a count as of a snapshot.
/// </summary>
public sealed class StockGrainTests(StockCluster cluster) : IClassFixture<StockCluster>
{
    private static readonly Actor Manager = new(null, "manager");

    [Fact]
    public async Task A_pour_stages_commits_and_leaves_memory_equal_to_the_ledger()
    {
        var tequila = await cluster.ProductAsync("TEQ-" + Guid.NewGuid().ToString("N")[..6]);
        var grain = ProductAt(cluster.Bar, tequila);
        await grain.Stock(new StockLevels(ParLevel: 2), 4m, Manager);

        var receipt = await Movements("pour-1").Execute(new MovementKey("sale", "pour-1"), Sale(cluster.Bar, tequila, volumeMl: 44.36m), Actor.Integration);
        var item = await grain.Get();

        Assert.Equal((-0.05914667m, -44.36m), (receipt.Receipt.Entries[0].Quantity, receipt.Receipt.Entries[0].VolumeMl));
        Assert.Equal((3.94085333m, 2955.64m), (item.Quantity, item.VolumeMl));
        Assert.Equal(item.Quantity, await cluster.Database.QuantityAsync(cluster.Bar, tequila));
        Assert.Equal(item.VolumeMl, await cluster.Database.ScalarAsync<decimal>("SELECT sum(volume_ml) FROM app.transactions WHERE product_id = @p", ("p", tequila)));
    }

    [Fact]
    public async Task A_movement_with_one_refused_line_applies_none_and_undoes_what_was_staged()
    {
        var gin = await cluster.ProductAsync("GIN-" + Guid.NewGuid().ToString("N")[..6]);
        var rum = await cluster.ProductAsync("RUM-" + Guid.NewGuid().ToString("N")[..6]);
        await ProductAt(cluster.Bar, gin).Stock(new StockLevels(), 5m, Manager);
        await ProductAt(cluster.Bar, rum).Stock(new StockLevels(), 0.5m, Manager);
        var order = new MovementOrder(MovementTypes.Waste, cluster.Bar, Reason: "broken", Items: [new MovementLine(gin, Quantity: 1), new MovementLine(rum, Quantity: 1)]);

        var refused = await Assert.ThrowsAsync<ConflictException>(() => Movements("waste-1").Execute(null, order, Manager));

        Assert.Equal(ErrorCodes.InsufficientStock, refused.Code);
        Assert.Equal(5m, (await ProductAt(cluster.Bar, gin).Get()).Quantity);
        Assert.Equal(0.5m, (await ProductAt(cluster.Bar, rum).Get()).Quantity);
        Assert.Equal(0L, await cluster.Database.ScalarAsync<long>("SELECT count(*) FROM app.transactions WHERE product_id = ANY(@p) AND type = 'waste'", ("p", new[] { gin, rum })));
    }

    [Fact]
    public async Task A_closed_location_takes_no_stock_and_a_key_applies_once()
    {
        var vodka = await cluster.ProductAsync("VOD-" + Guid.NewGuid().ToString("N")[..6]);
        await ProductAt(cluster.Bar, vodka).Stock(new StockLevels(), 10m, Manager);
        var key = new MovementKey("sale", "till-9");

        var closed = await Assert.ThrowsAsync<ValidationFailedException>(() => Movements("closed").Execute(null, Sale(cluster.Closed, vodka, quantity: 1), Manager));
        var first = await Movements("till-9").Execute(key, Sale(cluster.Bar, vodka, quantity: 2), Actor.Integration);
        var again = await Movements("till-9").Execute(key, Sale(cluster.Bar, vodka, quantity: 2), Actor.Integration);
        var other = await Assert.ThrowsAsync<ConflictException>(() => Movements("till-9").Execute(key, Sale(cluster.Bar, vodka, quantity: 3), Actor.Integration));

        Assert.Contains(closed.Details, d => d.Field == "locationId");
        Assert.Equal(first.Receipt.MovementId, again.Receipt.MovementId);
        Assert.True(again.Replayed);
        Assert.Equal(ErrorCodes.IdempotencyConflict, other.Code);
        Assert.Equal(8m, (await ProductAt(cluster.Bar, vodka).Get()).Quantity);
    }

    [Fact]
    public async Task A_recount_records_the_difference_from_the_snapshot_and_keeps_later_sales()
    {
        var rye = await cluster.ProductAsync("RYE-" + Guid.NewGuid().ToString("N")[..6]);
        await ProductAt(cluster.Bar, rye).Stock(new StockLevels(), 6m, Manager);
        await Movements("rye-sale").Execute(null, Sale(cluster.Bar, rye, quantity: 1), Manager);
        var snapshot = DateTime.UtcNow.AddMinutes(-1);

        // Counted 5.5 at a snapshot when the ledger held 6 (the sale came after it): half a bottle missing.
        var key = new MovementKey("count-session", Guid.NewGuid().ToString("D"));
        var recount = new MovementOrder(MovementTypes.Count, cluster.Bar, Timestamp: snapshot, Items: [new MovementLine(rye, Quantity: -0.5m, VolumeMl: -375m)]);
        var result = await Movements(key.Key).Recount(key, recount, Manager);

        Assert.Equal((-0.5m, -375m), (result.Receipt.Entries[0].Quantity, result.Receipt.Entries[0].VolumeMl));
        Assert.Equal(snapshot, result.Receipt.Entries[0].OccurredAt);
        Assert.Equal((4.5m, 3375m), ((await ProductAt(cluster.Bar, rye).Get()).Quantity, (await ProductAt(cluster.Bar, rye).Get()).VolumeMl));
    }

    private IProductAtLocationGrain ProductAt(Guid location, Guid product) =>
        cluster.Grains.GetGrain<IProductAtLocationGrain>(GrainKeys.ProductAtLocation(cluster.OrganizationId, location, product));

    private IMovementGrain Movements(string key) =>
        cluster.Grains.GetGrain<IMovementGrain>(GrainKeys.Movements(cluster.OrganizationId, new MovementOrder(MovementTypes.Sale, cluster.Bar), new MovementKey("test", key)));

    private static MovementOrder Sale(Guid location, Guid product, decimal? quantity = null, decimal? volumeMl = null) =>
        new(MovementTypes.Sale, location, Items: [new MovementLine(product, Quantity: quantity, VolumeMl: volumeMl)]);
}
