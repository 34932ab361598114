using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Identity;
using InventoryProFlow.Contracts.Json;
using InventoryProFlow.Contracts.Stock;
using InventoryProFlow.Grains.Validation;

namespace InventoryProFlow.Grains.Stock;

/// <summary>Bounds on stock figures (a bottle count beyond these is a typo, not a delivery), and the money a ledger row records.</summary>
internal static class StockRules
{
    public const decimal MaxQuantity = 100_000;
    public const decimal MaxVolumeMl = 10_000_000;
    public const int MaxLines = 500;

    /// <summary>
    /// The most a product-location may hold, either way of zero: a thousandth of what app.inventory.quantity (numeric(20, 8))
    /// can store, so sums of ledger rows never reach the column's limit, and the volume beside it (at most
    /// <see cref="InventoryProFlow.Grains.Catalogue.CatalogueRules.MaxBottleMl"/> a unit) stays far inside numeric(20, 3).
    /// </summary>
    public const decimal MaxOnHand = 1_000_000_000;

    /// <summary>The most money one ledger row records (a unit's price or cost, a line's total): what an amount may be.</summary>
    public const decimal MaxAmount = 9_999_999_999.99m;
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

    /// <summary>
    /// Who may ring a sale at a price other than the catalogue's: managers and admins, and systems (a POS pushing with
    /// its key, an integration client), whose till holds the real prices of the night (happy hour, a comped round).
    /// </summary>
    public static bool MayOverridePrice(Actor actor) => actor.Role is Roles.Admin or Roles.Manager || actor.Role == Actor.Integration.Role;

    /// <summary>FORBIDDEN for a sale line priced other than the catalogue by someone who may not set prices.</summary>
    public static void RefusePriceOverride(StockChange change, ProductAtLocationRow row, decimal units)
    {
        if (change.Type != MovementTypes.Sale || change.MayOverridePrice)
        {
            return;
        }

        var catalogueTotal = LineTotal(row.Price, units);
        if ((change.UnitPrice is { } price && price != row.Price) || (change.TotalAmount is { } amount && amount != catalogueTotal))
        {
            throw new ForbiddenException(
                $"{row.Sku} rings at {row.Price:0.00} here; ringing it at another price ({(change.UnitPrice is { } p ? $"unitPrice {p:0.00}" : $"amount {change.TotalAmount:0.00}")}) " +
                "needs a manager or an admin. Leave unitPrice and amount out to ring the catalogue price.");
        }
    }

    /// <summary>
    /// Refuses (400, each problem named) a change whose figures the ledger cannot hold: stock on hand beyond
    /// <see cref="MaxOnHand"/>, or money beyond <see cref="MaxAmount"/>. Decimal arithmetic never wraps; without this the
    /// database would refuse the commit and the caller would get a 500 for its own absurd input.
    /// </summary>
    public static void RefuseUnrecordable(StockChange change, LedgerEntry entry, decimal onHandAfter)
    {
        var money = change.UnitPrice is not null ? "unitPrice" : change.UnitCost is not null ? "unitCost" : change.TotalAmount is not null ? "amount" : "quantity";
        new Violations()
            .When(Math.Abs(onHandAfter) > MaxOnHand, "quantity",
                $"{entry.Sku}: this would make {ShortestDecimal.Text(onHandAfter)} on hand at this location; a product holds at most {MaxOnHand:0} either way of zero.")
            .When(entry.TotalAmount > MaxAmount || entry.UnitPrice > MaxAmount || entry.UnitCost > MaxAmount, money,
                $"{entry.Sku}: the line's money comes to more than {MaxAmount}, the most one ledger row records; check the quantity and price.")
            .ThrowIfAny();
    }

    /// <summary>A ledger row's money: the unit's price (or cost) times the units moved, to the cent, half away from zero as PostgreSQL rounds.</summary>
    public static decimal? LineTotal(decimal? perUnit, decimal quantity) =>
        perUnit is { } unit ? decimal.Round(unit * Math.Abs(quantity), 2, MidpointRounding.AwayFromZero) : null;

    /// <summary>The unit price a row's whole money implies (a drink's share over the fraction of a bottle poured), to the cent; none for no units.</summary>
    public static decimal? UnitPriceOf(decimal? total, decimal quantity) =>
        total is { } money && quantity != 0 ? decimal.Round(money / Math.Abs(quantity), 2, MidpointRounding.AwayFromZero) : null;
}
