namespace InventoryProFlow.Contracts.Stock;

/// <summary>One product at one location, live: the seed's inventory item and what a manager needs beside it.</summary>
[GenerateSerializer, Immutable, Alias("ipf.InventoryItem.v1")]
public sealed record InventoryItem(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid LocationId,
    [property: Id(2)] Guid ProductId,
    [property: Id(3)] string Sku,
    [property: Id(4)] string Name,
    [property: Id(5)] string Category,
    [property: Id(6)] int Quantity,
    [property: Id(7)] int ParLevel,
    [property: Id(8)] int ReorderPoint,
    [property: Id(9)] decimal Cost,
    [property: Id(10)] decimal Price,
    [property: Id(11)] DateTime? LastCountDate,
    [property: Id(12)] Guid? LastCountedBy,
    [property: Id(13)] bool LowStock,
    [property: Id(14)] bool NegativeStock,
    [property: Id(15)] DateTime? UpdatedAt);

/// <summary>Which items of a location to list; <c>Search</c> keeps items whose name or SKU holds every word of it.</summary>
[GenerateSerializer, Immutable, Alias("ipf.InventoryQuery.v1")]
public sealed record InventoryQuery(
    [property: Id(0)] int Page,
    [property: Id(1)] int Limit,
    [property: Id(2)] string? Category = null,
    [property: Id(3)] bool LowStockOnly = false,
    [property: Id(4)] string? Search = null);

/// <summary>Par level and reorder point to set (null keeps the current value).</summary>
[GenerateSerializer, Immutable, Alias("ipf.StockLevels.v1")]
public sealed record StockLevels(
    [property: Id(0)] int? ParLevel = null,
    [property: Id(1)] int? ReorderPoint = null);

/// <summary>A counted quantity: the count replaces the live figure and the difference is recorded as a count movement.</summary>
[GenerateSerializer, Immutable, Alias("ipf.StockCount.v1")]
public sealed record StockCount(
    [property: Id(0)] int? Quantity,
    [property: Id(1)] string? Notes = null);

/// <summary>A product-location difference found by the ledger verification.</summary>
[GenerateSerializer, Immutable, Alias("ipf.LedgerDifference.v1")]
public sealed record LedgerDifference(
    [property: Id(0)] Guid LocationId,
    [property: Id(1)] Guid ProductId,
    [property: Id(2)] int Quantity,
    [property: Id(3)] long LedgerSum);

/// <summary>The proof of promise 3: quantity = sum of ledger for every product-location.</summary>
[GenerateSerializer, Immutable, Alias("ipf.LedgerVerification.v1")]
public sealed record LedgerVerification(
    [property: Id(0)] bool Balanced,
    [property: Id(1)] long ItemsChecked,
    [property: Id(2)] long LedgerRows,
    [property: Id(3)] IReadOnlyList<LedgerDifference> Differences,
    [property: Id(4)] DateTime CheckedAt);
