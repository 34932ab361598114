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

/// <summary>One line of a movement request, as a client sends it.</summary>
[GenerateSerializer, Immutable, Alias("ipf.MovementLine.v1")]
public sealed record MovementLine(
    [property: Id(0)] Guid? ProductId = null,
    [property: Id(1)] string? Sku = null,
    [property: Id(2)] int? Quantity = null,
    [property: Id(3)] decimal? UnitPrice = null,
    [property: Id(4)] decimal? UnitCost = null,
    [property: Id(5)] string? Reason = null);

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

/// <summary>One ledger row as written.</summary>
[GenerateSerializer, Immutable, Alias("ipf.LedgerEntry.v1")]
public sealed record LedgerEntry(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid MovementId,
    [property: Id(2)] string Type,
    [property: Id(3)] Guid LocationId,
    [property: Id(4)] Guid ProductId,
    [property: Id(5)] string Sku,
    [property: Id(6)] int Quantity,
    [property: Id(7)] decimal? UnitCost,
    [property: Id(8)] decimal? UnitPrice,
    [property: Id(9)] decimal? TotalAmount,
    [property: Id(10)] string? ReferenceId,
    [property: Id(11)] string? Notes,
    [property: Id(12)] string? Reason,
    [property: Id(13)] Guid? UserId,
    [property: Id(14)] Guid? SupplierId,
    [property: Id(15)] Guid? CounterpartLocationId,
    [property: Id(16)] DateTime OccurredAt,
    [property: Id(17)] DateTime RecordedAt);

/// <summary>The kinds of stock alert: below par, below zero.</summary>
public static class StockAlertKinds
{
    public const string LowStock = "low_stock";
    public const string NegativeStock = "negative_stock";
}

/// <summary>A stock alert raised or cleared by a movement.</summary>
[GenerateSerializer, Immutable, Alias("ipf.StockAlert.v1")]
public sealed record StockAlert(
    [property: Id(0)] string Kind,
    [property: Id(1)] Guid LocationId,
    [property: Id(2)] Guid ProductId,
    [property: Id(3)] int Quantity,
    [property: Id(4)] int ParLevel,
    [property: Id(5)] bool Raised);

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
    [property: Id(2)] int Quantity,
    [property: Id(3)] bool BelowZero);
