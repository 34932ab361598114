namespace InventoryProFlow.Contracts.Analytics;

/// <summary>Which counts to judge: counted between two business dates, at one location or all.</summary>
[GenerateSerializer, Immutable, Alias("ipf.ShrinkageQuery.v1")]
public sealed record ShrinkageQuery(
    [property: Id(0)] DateOnly From,
    [property: Id(1)] DateOnly To,
    [property: Id(2)] Guid? LocationId,
    [property: Id(3)] bool FlaggedOnly);

/// <summary>
/// A product at a location whose counts in the period differed from what the ledger expected (sales, receipts,
/// transfers, waste and comps): units and money lost, and whether a count lay beyond the location's usual
/// variance (robust z, from the median absolute deviation of all its counts).
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.ShrinkageAnomaly.v1")]
public sealed record ShrinkageAnomaly(
    [property: Id(0)] Guid LocationId,
    [property: Id(1)] Guid ProductId,
    [property: Id(2)] string Sku,
    [property: Id(3)] string Name,
    [property: Id(4)] int Counts,
    [property: Id(5)] decimal ExpectedUnits,
    [property: Id(6)] decimal CountedUnits,
    [property: Id(7)] decimal ShortUnits,
    [property: Id(8)] decimal OverUnits,
    [property: Id(9)] decimal MoneyLost,
    [property: Id(10)] decimal WorstRobustZ,
    [property: Id(11)] bool Flagged,
    [property: Id(12)] DateTime LastCountedAt);

/// <summary>The anomalies and the threshold they were judged by.</summary>
[GenerateSerializer, Immutable, Alias("ipf.ShrinkageReport.v1")]
public sealed record ShrinkageReport(
    [property: Id(0)] DateOnly From,
    [property: Id(1)] DateOnly To,
    [property: Id(2)] IReadOnlyList<ShrinkageAnomaly> Items,
    [property: Id(3)] decimal ThresholdZ,
    [property: Id(4)] string Method);

/// <summary>SignalR <c>alert:shrinkage</c>: a count found a variance beyond what the location usually sees.</summary>
[GenerateSerializer, Immutable, Alias("ipf.ShrinkageAlert.v1")]
public sealed record ShrinkageAlert(
    [property: Id(0)] Guid LocationId,
    [property: Id(1)] Guid ProductId,
    [property: Id(2)] string Sku,
    [property: Id(3)] decimal ExpectedUnits,
    [property: Id(4)] decimal CountedUnits,
    [property: Id(5)] decimal MoneyLost,
    [property: Id(6)] decimal RobustZ,
    [property: Id(7)] DateTime CountedAt);
