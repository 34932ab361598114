namespace InventoryProFlow.Contracts.Stock;

/// <summary>
/// One product at one location, live: the seed's inventory item and what a manager needs beside it. Quantity,
/// par level and reorder point are in the product's stock unit and may hold decimals (3.4 bottles); a liquid's
/// volume on hand is given in millilitres too.
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.InventoryItem.v1")]
public sealed record InventoryItem
{
    [Id(0)] public required Guid Id { get; init; }
    [Id(1)] public required Guid LocationId { get; init; }
    [Id(2)] public required Guid ProductId { get; init; }
    [Id(3)] public required string Sku { get; init; }
    [Id(4)] public required string Name { get; init; }
    [Id(5)] public required string Category { get; init; }
    [Id(16)] public string Unit { get; init; } = Catalogue.StockUnits.Bottle;
    [Id(6)] public required decimal Quantity { get; init; }
    [Id(17)] public decimal? VolumeMl { get; init; }
    [Id(7)] public required decimal ParLevel { get; init; }
    [Id(8)] public required decimal ReorderPoint { get; init; }
    [Id(9)] public required decimal Cost { get; init; }
    [Id(10)] public required decimal Price { get; init; }
    [Id(11)] public DateTime? LastCountDate { get; init; }
    [Id(12)] public Guid? LastCountedBy { get; init; }
    [Id(13)] public bool LowStock { get; init; }
    [Id(14)] public bool NegativeStock { get; init; }
    [Id(15)] public DateTime? UpdatedAt { get; init; }

    /// <summary>False for a product no longer carried: kept with its history, left out of lists and counting unless asked for.</summary>
    [Id(18)] public bool IsActive { get; init; } = true;
}

/// <summary>Which items of a location to list; <c>Search</c> keeps items whose name or SKU holds every word of it.</summary>
[GenerateSerializer, Immutable, Alias("ipf.InventoryQuery.v1")]
public sealed record InventoryQuery(
    [property: Id(0)] int Page,
    [property: Id(1)] int Limit,
    [property: Id(2)] string? Category = null,
    [property: Id(3)] bool LowStockOnly = false,
    [property: Id(4)] string? Search = null,
    [property: Id(5)] bool IncludeInactive = false);

/// <summary>Par level and reorder point to set (null keeps the current value).</summary>
[GenerateSerializer, Immutable, Alias("ipf.StockLevels.v1")]
public sealed record StockLevels(
    [property: Id(0)] decimal? ParLevel = null,
    [property: Id(1)] decimal? ReorderPoint = null);

/// <summary>
/// A count: the count replaces the live figure and the difference is recorded as a count movement. Either the
/// whole Quantity in stock units (3.4 bottles), or whole Units plus the Open containers, each measured the way
/// a bartender measures it. Every form lands as the same exact quantity and volume.
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.StockCount.v1")]
public sealed record StockCount(
    [property: Id(0)] decimal? Quantity = null,
    [property: Id(1)] string? Notes = null,
    [property: Id(2)] decimal? Units = null,
    [property: Id(3)] IReadOnlyList<OpenContainer>? Open = null);

/// <summary>One open bottle (or keg) as counted: in tenths, in millilitres or ounces left, or by its gross weight in grams. One of the four.</summary>
[GenerateSerializer, Immutable, Alias("ipf.OpenContainer.v1")]
public sealed record OpenContainer(
    [property: Id(0)] decimal? Tenths = null,
    [property: Id(1)] decimal? VolumeMl = null,
    [property: Id(2)] decimal? VolumeOz = null,
    [property: Id(3)] decimal? WeightG = null);


/// <summary>A product-location difference found by the ledger verification.</summary>
[GenerateSerializer, Immutable, Alias("ipf.LedgerDifference.v1")]
public sealed record LedgerDifference(
    [property: Id(0)] Guid LocationId,
    [property: Id(1)] Guid ProductId,
    [property: Id(2)] decimal Quantity,
    [property: Id(3)] decimal LedgerSum,
    [property: Id(4)] decimal? VolumeMl = null,
    [property: Id(5)] decimal? LedgerVolumeMl = null);

/// <summary>The proof of promise 3: quantity = sum of ledger for every product-location.</summary>
[GenerateSerializer, Immutable, Alias("ipf.LedgerVerification.v1")]
public sealed record LedgerVerification(
    [property: Id(0)] bool Balanced,
    [property: Id(1)] long ItemsChecked,
    [property: Id(2)] long LedgerRows,
    [property: Id(3)] IReadOnlyList<LedgerDifference> Differences,
    [property: Id(4)] DateTime CheckedAt);
