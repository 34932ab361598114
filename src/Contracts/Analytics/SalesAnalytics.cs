namespace InventoryProFlow.Contracts.Analytics;

/// <summary>Which sales to sum: business dates (both included) in each location's time zone, one location or all.</summary>
[GenerateSerializer, Immutable, Alias("ipf.SalesAnalyticsQuery.v1")]
public sealed record SalesAnalyticsQuery(
    [property: Id(0)] DateOnly StartDate,
    [property: Id(1)] DateOnly EndDate,
    [property: Id(2)] Guid? LocationId,
    [property: Id(3)] int Top);

/// <summary><c>GET /analytics/sales</c>: the seed's shape (totals, top products, daily breakdown) and more.</summary>
[GenerateSerializer, Immutable, Alias("ipf.SalesAnalytics.v1")]
public sealed record SalesAnalytics(
    [property: Id(0)] DateOnly StartDate,
    [property: Id(1)] DateOnly EndDate,
    [property: Id(2)] Guid? LocationId,
    [property: Id(3)] decimal TotalSales,
    [property: Id(4)] long TotalTransactions,
    [property: Id(5)] decimal AverageTransaction,
    [property: Id(6)] decimal TotalUnits,
    [property: Id(7)] IReadOnlyList<TopProduct> TopProducts,
    [property: Id(8)] IReadOnlyList<DailySales> DailyBreakdown,
    [property: Id(9)] IReadOnlyList<CategorySales> ByCategory,
    [property: Id(10)] IReadOnlyList<LocationSales> ByLocation,
    [property: Id(11)] PeriodComparison PreviousPeriod);

/// <summary>A product by the money it took in; ties by units, then sku.</summary>
[GenerateSerializer, Immutable, Alias("ipf.TopProduct.v1")]
public sealed record TopProduct(
    [property: Id(0)] Guid ProductId,
    [property: Id(1)] string Sku,
    [property: Id(2)] string Name,
    [property: Id(3)] decimal Quantity,
    [property: Id(4)] decimal Revenue);

/// <summary>One business day; days without a sale are listed with zeros, so a chart has no gaps.</summary>
[GenerateSerializer, Immutable, Alias("ipf.DailySales.v1")]
public sealed record DailySales(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] decimal Sales,
    [property: Id(2)] long Transactions,
    [property: Id(3)] decimal Units);

[GenerateSerializer, Immutable, Alias("ipf.CategorySales.v1")]
public sealed record CategorySales(
    [property: Id(0)] string Category,
    [property: Id(1)] decimal Sales,
    [property: Id(2)] long Transactions,
    [property: Id(3)] decimal Units);

[GenerateSerializer, Immutable, Alias("ipf.LocationSales.v1")]
public sealed record LocationSales(
    [property: Id(0)] Guid LocationId,
    [property: Id(1)] string Name,
    [property: Id(2)] decimal Sales,
    [property: Id(3)] long Transactions,
    [property: Id(4)] decimal Units);

/// <summary>The same number of days just before, and the change in percent (null when the earlier figure is zero).</summary>
[GenerateSerializer, Immutable, Alias("ipf.PeriodComparison.v1")]
public sealed record PeriodComparison(
    [property: Id(0)] DateOnly StartDate,
    [property: Id(1)] DateOnly EndDate,
    [property: Id(2)] decimal TotalSales,
    [property: Id(3)] long TotalTransactions,
    [property: Id(4)] decimal? SalesChangePercent,
    [property: Id(5)] decimal? TransactionsChangePercent);

/// <summary>An organisation's figures, summed from the ledger, and shrinkage found in its counts. Stateless.</summary>
public interface IAnalyticsGrain : IGrainWithStringKey
{
    Task<SalesAnalytics> Sales(SalesAnalyticsQuery query);

    /// <summary>Counts whose variance lies beyond the location's usual, ranked by money lost.</summary>
    Task<ShrinkageReport> Shrinkage(ShrinkageQuery query);

    /// <summary>
    /// After counts that found stock missing (one count, or every short line of a count sheet or batch): judges them all
    /// in one query and raises <c>alert:shrinkage</c> for each shortfall beyond its location's usual.
    /// </summary>
    [Orleans.Concurrency.OneWay]
    Task CountsRecorded(IReadOnlyList<RecordedCount> recorded);
}

/// <summary>A count entry in the ledger that found stock missing, to be judged against its location's usual variance.</summary>
[GenerateSerializer, Immutable, Alias("ipf.RecordedCount.v1")]
public sealed record RecordedCount([property: Id(0)] Guid LocationId, [property: Id(1)] Guid EntryId);
