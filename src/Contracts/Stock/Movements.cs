using InventoryProFlow.Contracts.Paging;

namespace InventoryProFlow.Contracts.Stock;

/// <summary>The movement types of the ledger, as stored in app.transactions.type.</summary>
public static class MovementTypes
{
    public const string Sale = "sale";
    public const string Purchase = "purchase";
    public const string TransferIn = "transfer_in";
    public const string TransferOut = "transfer_out";
    public const string Transfer = "transfer";
    public const string Adjustment = "adjustment";
    public const string Count = "count";
    public const string Waste = "waste";
    public const string Comp = "comp";

    public static IReadOnlyList<string> Ledger { get; } = [Sale, Purchase, TransferIn, TransferOut, Adjustment, Count, Waste, Comp];
}

/// <summary>
/// One line of a movement request, as a client sends it: a quantity in the product's unit, or for a pour a volume
/// in millilitres (one of the two); Amount, when given, is the line's money (a drink's share of what the till took).
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.MovementLine.v1")]
public sealed record MovementLine(
    [property: Id(0)] Guid? ProductId = null,
    [property: Id(1)] string? Sku = null,
    [property: Id(2)] decimal? Quantity = null,
    [property: Id(3)] decimal? UnitPrice = null,
    [property: Id(4)] decimal? UnitCost = null,
    [property: Id(5)] string? Reason = null,
    [property: Id(6)] decimal? VolumeMl = null,
    [property: Id(7)] decimal? Amount = null);

/// <summary>
/// A stock movement as the client asked for it: a sale, purchase (receiving), transfer, adjustment,
/// waste or comp. Which fields are required depends on the type.
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.MovementOrder.v1")]
public sealed record MovementOrder(
    [property: Id(0)] string Type,
    [property: Id(1)] Guid? LocationId = null,
    [property: Id(2)] Guid? ToLocationId = null,
    [property: Id(3)] Guid? SupplierId = null,
    [property: Id(4)] string? ReferenceId = null,
    [property: Id(5)] DateTime? Timestamp = null,
    [property: Id(6)] string? Notes = null,
    [property: Id(7)] string? Reason = null,
    [property: Id(8)] string? Direction = null,
    [property: Id(9)] IReadOnlyList<MovementLine>? Items = null);

/// <summary>Who asked, for the ledger's "who".</summary>
[GenerateSerializer, Immutable, Alias("ipf.Actor.v1")]
public sealed record Actor([property: Id(0)] Guid? UserId, [property: Id(1)] string Role)
{
    /// <summary>A system pushing movements with its own credential (a POS), not a person: the ledger names no user.</summary>
    public static Actor Integration { get; } = new(null, "integration");
}

/// <summary>
/// One ledger row as written. Quantity is in the product's stock unit (bottles, cans, kegs, each) and may
/// hold decimals; a liquid's row also carries its volume, exact as poured or counted.
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.LedgerEntry.v1")]
public sealed record LedgerEntry
{
    [Id(0)] public required Guid Id { get; init; }
    [Id(1)] public required Guid MovementId { get; init; }
    [Id(2)] public required string Type { get; init; }
    [Id(3)] public required Guid LocationId { get; init; }
    [Id(4)] public required Guid ProductId { get; init; }
    [Id(5)] public required string Sku { get; init; }
    [Id(6)] public required decimal Quantity { get; init; }
    [Id(18)] public decimal? VolumeMl { get; init; }
    [Id(7)] public decimal? UnitCost { get; init; }
    [Id(8)] public decimal? UnitPrice { get; init; }
    [Id(9)] public decimal? TotalAmount { get; init; }
    [Id(10)] public string? ReferenceId { get; init; }
    [Id(11)] public string? Notes { get; init; }
    [Id(12)] public string? Reason { get; init; }
    [Id(13)] public Guid? UserId { get; init; }
    [Id(14)] public Guid? SupplierId { get; init; }
    [Id(15)] public Guid? CounterpartLocationId { get; init; }
    [Id(16)] public required DateTime OccurredAt { get; init; }
    [Id(17)] public required DateTime RecordedAt { get; init; }
}

/// <summary>The kinds of stock alert: below par, below zero.</summary>
public static class StockAlertKinds
{
    public const string LowStock = "low_stock";
    public const string NegativeStock = "negative_stock";

    public static IReadOnlyList<string> All { get; } = [LowStock, NegativeStock];
}

/// <summary>A stock alert raised or cleared by a movement.</summary>
[GenerateSerializer, Immutable, Alias("ipf.StockAlert.v1")]
public sealed record StockAlert(
    [property: Id(0)] string Kind,
    [property: Id(1)] Guid LocationId,
    [property: Id(2)] Guid ProductId,
    [property: Id(3)] decimal Quantity,
    [property: Id(4)] decimal ParLevel,
    [property: Id(5)] bool Raised);

/// <summary>
/// A stock alert still open: a product that went below its par level (low_stock) or below zero (negative_stock) at a
/// location, with the figures when it was raised and the quantity on hand now.
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.OpenStockAlert.v1")]
public sealed record OpenStockAlert(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] Guid LocationId,
    [property: Id(3)] string LocationName,
    [property: Id(4)] Guid ProductId,
    [property: Id(5)] string Sku,
    [property: Id(6)] string Name,
    [property: Id(7)] decimal Quantity,
    [property: Id(8)] decimal ParLevel,
    [property: Id(9)] DateTime RaisedAt,
    [property: Id(10)] decimal QuantityNow);

/// <summary>Which open stock alerts to list.</summary>
[GenerateSerializer, Immutable, Alias("ipf.StockAlertQuery.v1")]
public sealed record StockAlertQuery(
    [property: Id(0)] PageRequest Page,
    [property: Id(1)] Guid? LocationId = null,
    [property: Id(2)] string? Kind = null);

/// <summary>The answer to a movement: its ledger rows, the stock after it and any alert it raised or cleared.</summary>
[GenerateSerializer, Immutable, Alias("ipf.MovementReceipt.v1")]
public sealed record MovementReceipt(
    [property: Id(0)] Guid MovementId,
    [property: Id(1)] string Type,
    [property: Id(2)] string? ReferenceId,
    [property: Id(3)] DateTime OccurredAt,
    [property: Id(4)] DateTime RecordedAt,
    [property: Id(5)] IReadOnlyList<LedgerEntry> Entries,
    [property: Id(6)] IReadOnlyList<StockAfter> Stock,
    [property: Id(7)] IReadOnlyList<StockAlert> Alerts);

/// <summary>A product-location's quantity once the movement is applied.</summary>
[GenerateSerializer, Immutable, Alias("ipf.StockAfter.v1")]
public sealed record StockAfter(
    [property: Id(0)] Guid LocationId,
    [property: Id(1)] Guid ProductId,
    [property: Id(2)] decimal Quantity,
    [property: Id(3)] bool BelowZero,
    [property: Id(4)] decimal? VolumeMl = null);
