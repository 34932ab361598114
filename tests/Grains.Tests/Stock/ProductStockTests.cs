using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Stock;
using InventoryProFlow.Grains.Stock;

namespace InventoryProFlow.Grains.Tests.Stock;

/// <summary>The stock of one product at one location, decided in memory: staging, settling, undo and alerts, with no grain and no database.</summary>
public sealed class ProductStockTests
{
    private static readonly DateTime Now = new(2026, 3, 14, 23, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Organization = Guid.NewGuid();
    private static readonly Guid Location = Guid.NewGuid();
    private static readonly Guid Product = Guid.NewGuid();

    [Fact]
    public void A_pour_takes_its_volume_and_its_fraction_of_a_bottle()
    {
        var stock = Stocked(quantity: 10, par: 0);

        var staged = stock.Stage(Change(MovementTypes.Sale, volumeMl: -44.36m), Now, stagedAt: 1);

        Assert.Equal(-44.36m, staged.Entry!.VolumeMl);
        Assert.Equal(-0.05914667m, staged.Entry.Quantity);
        Assert.Equal(9.94085333m, staged.After.Quantity);
        Assert.Equal(7455.64m, staged.After.VolumeMl);
        Assert.Equal(-44.36m, staged.Inventory.VolumeDeltaMl);
    }

    [Fact]
    public void A_count_records_the_difference_from_the_live_figure_in_units_and_millilitres()
    {
        var stock = Stocked(quantity: 10, par: 0);
        stock.Stage(Change(MovementTypes.Sale, volumeMl: -44.36m), Now, stagedAt: 1);

        var counted = stock.Stage(Change(MovementTypes.Count, quantity: 9.5m, volumeMl: 7125m), Now, stagedAt: 2);

        Assert.Equal(9.5m - 9.94085333m, counted.Entry!.Quantity);
        Assert.Equal(7125m - 7455.64m, counted.Entry.VolumeMl);
        Assert.Equal(new Measure(9.5m, 7125m), new Measure(stock.Row!.Quantity, stock.Row.VolumeMl));
    }

    [Fact]
    public void Waste_beyond_what_is_on_hand_is_refused_and_changes_nothing()
    {
        var stock = Stocked(quantity: 0.4m, par: 0);

        var refused = Assert.Throws<ConflictException>(() => stock.Stage(Change(MovementTypes.Waste, quantity: -1, mayGoNegative: false), Now, stagedAt: 1));

        Assert.Equal(ErrorCodes.InsufficientStock, refused.Code);
        Assert.Contains("Only 0.4 of", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0.4m, stock.Row!.Quantity);
        Assert.False(stock.HasPending);
    }

    [Fact]
    public void A_change_that_never_reached_the_ledger_is_undone()
    {
        var stock = Stocked(quantity: 5, par: 0);
        var movement = Guid.NewGuid();

        stock.Stage(Change(MovementTypes.Sale, quantity: -2, movementId: movement), Now, stagedAt: 1);
        var announce = stock.Settle(movement, committed: false);

        Assert.False(announce);
        Assert.Equal(new Measure(5m, 3750m), new Measure(stock.Row!.Quantity, stock.Row.VolumeMl));
        Assert.False(stock.HasPending);
    }

    [Fact]
    public void Undoing_an_earlier_change_keeps_a_later_one()
    {
        var stock = Stocked(quantity: 5, par: 0);
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        stock.Stage(Change(MovementTypes.Sale, quantity: -2, movementId: first), Now, stagedAt: 1);
        stock.Stage(Change(MovementTypes.Sale, volumeMl: -375, movementId: second), Now, stagedAt: 2);

        stock.Settle(first, committed: false);
        stock.Settle(second, committed: true);

        Assert.Equal(new Measure(4.5m, 3375m), new Measure(stock.Row!.Quantity, stock.Row.VolumeMl));
        Assert.True(stock.ReloadNeeded);
    }

    [Fact]
    public void Low_stock_is_raised_once_when_stock_crosses_below_par_and_cleared_when_it_is_back()
    {
        var stock = Stocked(quantity: 3, par: 2.5m);

        var crossing = stock.Stage(Change(MovementTypes.Sale, quantity: -0.6m), Now, stagedAt: 1);
        var further = stock.Stage(Change(MovementTypes.Sale, quantity: -0.4m), Now, stagedAt: 2);
        var refilled = stock.Stage(Change(MovementTypes.Purchase, quantity: 6), Now, stagedAt: 3);

        var raised = Assert.Single(crossing.Alerts);
        Assert.True(raised.Alert.Raised);
        Assert.Equal((StockAlertKinds.LowStock, 2.4m, 2.5m), (raised.Alert.Kind, raised.Alert.Quantity, raised.Alert.ParLevel));
        Assert.Empty(further.Alerts);
        var cleared = Assert.Single(refilled.Alerts);
        Assert.False(cleared.Alert.Raised);
        Assert.Equal(raised.AlertId, cleared.AlertId);
    }

    [Fact]
    public void A_sale_is_recorded_at_the_catalogue_price_to_the_cent()
    {
        var stock = Stocked(quantity: 5, par: 0);

        var staged = stock.Stage(Change(MovementTypes.Sale, quantity: -0.05914667m), Now, stagedAt: 1);

        // 0.05914667 x 30.00 = 1.7744001, kept as 1.77.
        Assert.Equal(30.00m, staged.Entry!.UnitPrice);
        Assert.Equal(1.77m, staged.Entry.TotalAmount);
    }

    [Fact]
    public void Changes_left_unsettled_past_their_deadline_are_named_once()
    {
        var stock = Stocked(quantity: 5, par: 0);
        var old = Guid.NewGuid();
        var recent = Guid.NewGuid();
        stock.Stage(Change(MovementTypes.Sale, quantity: -1, movementId: old), Now, stagedAt: 10);
        stock.Stage(Change(MovementTypes.Sale, quantity: -1, movementId: old), Now, stagedAt: 11);
        stock.Stage(Change(MovementTypes.Sale, quantity: -1, movementId: recent), Now, stagedAt: 90);

        Assert.Equal([old], stock.Overdue(stagedAt => stagedAt < 50));
        Assert.Empty(stock.Overdue(stagedAt => stagedAt < 5));
    }

    [Fact]
    public void Stock_beyond_a_billion_either_way_or_a_line_beyond_the_largest_amount_is_refused_and_changes_nothing()
    {
        var stock = Stocked(quantity: 999_999_999m, par: 0);

        var tooMuch = Assert.Throws<ValidationFailedException>(() => stock.Stage(Change(MovementTypes.Purchase, quantity: 2), Now, stagedAt: 1));
        var tooDear = Assert.Throws<ValidationFailedException>(() => stock.Stage(Change(MovementTypes.Sale, quantity: -100_000) with { UnitPrice = 9_999_999_999.99m, MayOverridePrice = true }, Now, stagedAt: 2));

        Assert.Equal(["quantity"], tooMuch.Details.Select(d => d.Field));
        Assert.Equal("TEQ-750: this would make 1000000001 on hand at this location; a product holds at most 1000000000 either way of zero.", tooMuch.Message);
        Assert.Equal(["unitPrice"], tooDear.Details.Select(d => d.Field));
        Assert.Equal(999_999_999m, stock.Row!.Quantity);
        Assert.False(stock.HasPending);
        // Exactly at the bound is still stock.
        Assert.Equal(1_000_000_000m, stock.Stage(Change(MovementTypes.Purchase, quantity: 1), Now, stagedAt: 3).After.Quantity);
    }

    private static ProductStock Stocked(decimal quantity, decimal par)
    {
        var stock = new ProductStock(Organization, Location, Product, Guid.NewGuid);
        stock.Load(new ProductAtLocationRow
        {
            LocationActive = true,
            ProductLive = true,
            Sku = "TEQ-750",
            Name = "Blanco Tequila",
            Category = "spirits",
            Cost = 18.00m,
            Price = 30.00m,
            Container = new Container(StockUnits.Bottle, 750m),
            InventoryId = Guid.NewGuid(),
            Quantity = quantity,
            VolumeMl = quantity * 750m,
            ParLevel = par,
        });
        return stock;
    }

    private static StockChange Change(string type, decimal? quantity = null, decimal? volumeMl = null, bool mayGoNegative = true, Guid? movementId = null) => new()
    {
        MovementId = movementId ?? Guid.NewGuid(),
        EntryId = Guid.NewGuid(),
        Type = type,
        Quantity = quantity,
        VolumeMl = volumeMl,
        MayGoNegative = mayGoNegative,
        OccurredAt = Now,
        RecordedAt = Now,
    };
}
