namespace InventoryProFlow.Contracts.Analytics;

/// <summary>An amount of one product (or a total): units of its stock unit, and millilitres and US fluid ounces for liquids.</summary>
[GenerateSerializer, Immutable, Alias("ipf.Usage.v1")]
public sealed record Usage(
    [property: Id(0)] decimal Units,
    [property: Id(1)] decimal? Ml,
    [property: Id(2)] decimal? Oz);

/// <summary>A variance in amount and money: cost at the product's cost, retail at its price.</summary>
[GenerateSerializer, Immutable, Alias("ipf.VarianceAmount.v1")]
public sealed record VarianceAmount(
    [property: Id(0)] decimal Units,
    [property: Id(1)] decimal? Ml,
    [property: Id(2)] decimal? Oz,
    [property: Id(3)] decimal Cost,
    [property: Id(4)] decimal Retail);

/// <summary>
/// One product between two counts. Actual usage = opening + received + transfers in - transfers out + adjustments -
/// closing; theoretical usage = what the POS sold; variance = actual - theoretical (positive: more left the shelf than
/// was sold); unexplained = variance - waste - comps.
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.ProductVariance.v1")]
public sealed record ProductVariance(
    [property: Id(0)] Guid ProductId,
    [property: Id(1)] string Sku,
    [property: Id(2)] string Name,
    [property: Id(3)] string Category,
    [property: Id(4)] string Unit,
    [property: Id(5)] decimal? SizeMl,
    [property: Id(6)] Usage Opening,
    [property: Id(7)] Usage Received,
    [property: Id(8)] Usage TransfersIn,
    [property: Id(9)] Usage TransfersOut,
    [property: Id(10)] Usage Adjustments,
    [property: Id(11)] Usage Closing,
    [property: Id(12)] Usage ActualUsage,
    [property: Id(13)] Usage TheoreticalUsage,
    [property: Id(14)] Usage Waste,
    [property: Id(15)] Usage Comps,
    [property: Id(16)] VarianceAmount Variance,
    [property: Id(17)] decimal? VariancePercent,
    [property: Id(18)] VarianceAmount Unexplained,
    [property: Id(19)] bool CountedAtClose);

/// <summary>A category's (or the whole report's) usage and variance, summed over its products.</summary>
[GenerateSerializer, Immutable, Alias("ipf.CategoryVariance.v1")]
public sealed record CategoryVariance(
    [property: Id(0)] string Category,
    [property: Id(1)] decimal? ActualMl,
    [property: Id(2)] decimal? TheoreticalMl,
    [property: Id(3)] VarianceAmount Variance,
    [property: Id(4)] decimal? VariancePercent,
    [property: Id(5)] VarianceAmount Unexplained);

/// <summary>One count session at either end of a variance report.</summary>
[GenerateSerializer, Immutable, Alias("ipf.VarianceBound.v1")]
public sealed record VarianceBound(
    [property: Id(0)] Guid SessionId,
    [property: Id(1)] string Name,
    [property: Id(2)] DateTime SnapshotAt);

/// <summary>A line of the data-health section: what makes the report less certain, and how often.</summary>
[GenerateSerializer, Immutable, Alias("ipf.DataHealthItem.v1")]
public sealed record DataHealthItem(
    [property: Id(0)] string What,
    [property: Id(1)] int Lines,
    [property: Id(2)] Guid? ProductId = null);

/// <summary>What the report cannot see: POS items left unmapped, receipts without a cost, products sold but not counted.</summary>
[GenerateSerializer, Immutable, Alias("ipf.VarianceDataHealth.v1")]
public sealed record VarianceDataHealth(
    [property: Id(0)] IReadOnlyList<DataHealthItem> UnmappedPosItems,
    [property: Id(1)] IReadOnlyList<DataHealthItem> ReceiptsWithoutCost,
    [property: Id(2)] IReadOnlyList<DataHealthItem> SoldNotCounted);

/// <summary>The variance report of a location between two completed count sessions, biggest loss in cost first.</summary>
[GenerateSerializer, Immutable, Alias("ipf.VarianceReport.v1")]
public sealed record VarianceReport(
    [property: Id(0)] Guid LocationId,
    [property: Id(1)] string LocationName,
    [property: Id(2)] VarianceBound From,
    [property: Id(3)] VarianceBound To,
    [property: Id(4)] IReadOnlyList<ProductVariance> Products,
    [property: Id(5)] IReadOnlyList<CategoryVariance> Categories,
    [property: Id(6)] CategoryVariance Totals,
    [property: Id(7)] VarianceDataHealth DataHealth,
    [property: Id(8)] string Method);

/// <summary>The variance of a location between two completed count sessions (by default its last two).</summary>
public interface IVarianceGrain : IGrainWithStringKey
{
    Task<VarianceReport> Report(Guid locationId, Guid? fromSessionId, Guid? toSessionId);
}
