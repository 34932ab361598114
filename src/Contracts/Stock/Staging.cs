namespace InventoryProFlow.Contracts.Stock;

/// <summary>
/// What a movement asks of one product-location. For a count, Quantity is the counted figure and
/// the grain works out the difference; otherwise it is the signed change.
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.StockChange.v1")]
public sealed record StockChange(
    [property: Id(0)] Guid MovementId,
    [property: Id(1)] Guid EntryId,
    [property: Id(2)] string Type,
    [property: Id(3)] int Quantity,
    [property: Id(4)] bool MayGoNegative,
    [property: Id(5)] decimal? UnitCost,
    [property: Id(6)] decimal? UnitPrice,
    [property: Id(7)] string? ReferenceId,
    [property: Id(8)] string? Notes,
    [property: Id(9)] string? Reason,
    [property: Id(10)] Guid? UserId,
    [property: Id(11)] Guid? SupplierId,
    [property: Id(12)] Guid? CounterpartLocationId,
    [property: Id(13)] DateTime OccurredAt,
    [property: Id(14)] DateTime RecordedAt);

/// <summary>The inventory row as a movement leaves it: a relative change plus the levels and count stamp.</summary>
[GenerateSerializer, Immutable, Alias("ipf.InventoryWrite.v1")]
public sealed record InventoryWrite(
    [property: Id(0)] Guid InventoryId,
    [property: Id(1)] Guid OrganizationId,
    [property: Id(2)] Guid LocationId,
    [property: Id(3)] Guid ProductId,
    [property: Id(4)] int Delta,
    [property: Id(5)] int ParLevel,
    [property: Id(6)] int ReorderPoint,
    [property: Id(7)] DateTime? LastCountDate,
    [property: Id(8)] Guid? LastCountedBy,
    [property: Id(9)] decimal? NewCost);

/// <summary>An alert row to open (Raise) or to close.</summary>
[GenerateSerializer, Immutable, Alias("ipf.AlertWrite.v1")]
public sealed record AlertWrite(
    [property: Id(0)] Guid AlertId,
    [property: Id(1)] Guid OrganizationId,
    [property: Id(2)] StockAlert Alert,
    [property: Id(3)] DateTime At);

/// <summary>A product-location's part of a movement, applied in its grain's memory and waiting for the ledger commit.</summary>
[GenerateSerializer, Immutable, Alias("ipf.StagedChange.v1")]
public sealed record StagedChange(
    [property: Id(0)] LedgerEntry? Entry,
    [property: Id(1)] InventoryWrite Inventory,
    [property: Id(2)] IReadOnlyList<AlertWrite> Alerts,
    [property: Id(3)] StockAfter After);
