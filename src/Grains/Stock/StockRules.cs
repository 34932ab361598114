using InventoryProFlow.Contracts.Stock;
using InventoryProFlow.Grains.Validation;

namespace InventoryProFlow.Grains.Stock;

/// <summary>Bounds on stock figures (a bottle count beyond these is a typo, not a delivery), and the money a ledger row records.</summary>
internal static class StockRules
{
    public const decimal MaxQuantity = 100_000;
    public const decimal MaxVolumeMl = 10_000_000;
    public const int MaxLines = 500;
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    /// <summary>A quantity that moves stock: more than nothing, at most <see cref="MaxQuantity"/>, to eight decimals of a unit.</summary>
    public static Violations MovedQuantity(this Violations violations, string field, decimal? quantity) => violations
        .When(quantity is <= 0 or > MaxQuantity, field, $"{field} must be more than 0 and at most {MaxQuantity}.")
        .Decimals(field, quantity, Container.QuantityDecimals);

    /// <summary>When a movement happened (at the till): late is fine, the future (beyond clock drift) and the distant past are not.</summary>
    public static Violations OccurredAt(this Violations violations, DateTime? timestamp, DateTime now) => violations
        .When(timestamp > now + FutureTolerance, "timestamp", "timestamp is more than 5 minutes in the future.")
        .When(timestamp < now.AddYears(-10), "timestamp", "timestamp is more than 10 years in the past.");

    /// <summary>
    /// The money a ledger row records. A sale that names no price is recorded at the catalogue price, and stock
    /// received, wasted, comped or counted without a cost at the catalogue cost: what the POS would have charged and what
    /// the bottles (or a count's variance) were worth, fixed in the ledger so reports never depend on a later price change.
    /// </summary>
    public static (decimal? UnitCost, decimal? UnitPrice) RecordedMoney(StockChange change, decimal catalogueCost, decimal cataloguePrice) =>
        (change.UnitCost ?? (change.Type is MovementTypes.Purchase or MovementTypes.Waste or MovementTypes.Comp or MovementTypes.Count ? catalogueCost : null),
         change.UnitPrice ?? (change.Type == MovementTypes.Sale ? cataloguePrice : null));

    /// <summary>A ledger row's money: the unit's price (or cost) times the units moved, to the cent, half away from zero as PostgreSQL rounds.</summary>
    public static decimal? LineTotal(decimal? perUnit, decimal quantity) =>
        perUnit is { } unit ? decimal.Round(unit * Math.Abs(quantity), 2, MidpointRounding.AwayFromZero) : null;

    /// <summary>The unit price a row's whole money implies (a drink's share over the fraction of a bottle poured), to the cent; none for no units.</summary>
    public static decimal? UnitPriceOf(decimal? total, decimal quantity) =>
        total is { } money && quantity != 0 ? decimal.Round(money / Math.Abs(quantity), 2, MidpointRounding.AwayFromZero) : null;
}
