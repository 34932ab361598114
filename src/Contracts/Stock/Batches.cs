namespace InventoryProFlow.Contracts.Stock;

/// <summary>
/// One row of a bulk change: a count and/or new levels for a product at a location. The product is
/// named by itemId, or by productId or sku together with locationId. A count is <c>count</c>, or whole
/// <c>units</c> and <c>open</c> containers as on <c>PUT /inventory/items/{id}/count</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.BatchRow.v1")]
public sealed record BatchRow(
    [property: Id(0)] Guid? ItemId = null,
    [property: Id(1)] Guid? LocationId = null,
    [property: Id(2)] Guid? ProductId = null,
    [property: Id(3)] string? Sku = null,
    [property: Id(4)] decimal? Count = null,
    [property: Id(5)] decimal? ParLevel = null,
    [property: Id(6)] decimal? ReorderPoint = null,
    [property: Id(7)] string? Notes = null,
    [property: Id(8)] decimal? Units = null,
    [property: Id(9)] IReadOnlyList<OpenContainer>? Open = null);

/// <summary>What happened to one row: applied (with the count's variance) or rejected (with why).</summary>
[GenerateSerializer, Immutable, Alias("ipf.BatchRowResult.v1")]
public sealed record BatchRowResult(
    [property: Id(0)] int Row,
    [property: Id(1)] bool Applied,
    [property: Id(2)] Guid? ItemId,
    [property: Id(3)] decimal? Quantity,
    [property: Id(4)] decimal? Variance,
    [property: Id(5)] string? ErrorCode,
    [property: Id(6)] string? Error);

/// <summary>The report of a bulk change or a count-sheet import.</summary>
[GenerateSerializer, Immutable, Alias("ipf.BatchReport.v1")]
public sealed record BatchReport(
    [property: Id(0)] int Rows,
    [property: Id(1)] int Applied,
    [property: Id(2)] int Rejected,
    [property: Id(3)] IReadOnlyList<BatchRowResult> Results);

/// <summary>A bulk change's report, and whether it is the replay of an earlier request with the same Idempotency-Key.</summary>
[GenerateSerializer, Immutable, Alias("ipf.BulkResult.v1")]
public sealed record BulkResult([property: Id(0)] BatchReport Report, [property: Id(1)] bool Replayed);

/// <summary>
/// A bulk change named by an Idempotency-Key: applied once; a replay answers the first report,
/// and the same key with another body is IDEMPOTENCY_CONFLICT.
/// </summary>
public interface IBulkChangeGrain : IGrainWithStringKey
{
    Task<BulkResult> ApplyBatch(IReadOnlyList<BatchRow> rows, Actor actor);

    Task<BulkResult> ImportCountSheet(Guid locationId, string csv, Actor actor);

    /// <summary>
    /// One count of an inventory item, applied once: a phone that lost the answer sends it again with the
    /// same key and gets the first receipt, so a sale recorded in between is not counted over.
    /// </summary>
    Task<CountResult> Count(InventoryItem item, StockCount count, Actor actor);
}

/// <summary>An idempotent count's receipt, and whether it answers an earlier request with the same key.</summary>
[GenerateSerializer, Immutable, Alias("ipf.CountResult.v1")]
public sealed record CountResult([property: Id(0)] MovementReceipt Receipt, [property: Id(1)] bool Replayed);
