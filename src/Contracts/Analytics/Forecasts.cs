namespace InventoryProFlow.Contracts.Analytics;

[GenerateSerializer, Immutable, Alias("ipf.ForecastRequest.v1")]
public sealed record ForecastRequest(
    [property: Id(0)] Guid? ProductId = null,
    [property: Id(1)] Guid? LocationId = null,
    [property: Id(2)] int? ForecastDays = null);

/// <summary>One day of a forecast: the week's forecast spread over its days, with the interval stated at <c>confidence</c>.</summary>
/// <param name="Date">The day.</param>
/// <param name="PredictedDemand">The median: the demand most likely to be nearest what sells (for an item bought every few weeks, often below the mean).</param>
/// <param name="Confidence">The share of weeks whose demand the interval is meant to hold.</param>
/// <param name="LowerBound">Lower end of the interval.</param>
/// <param name="UpperBound">Upper end of the interval.</param>
/// <param name="ExpectedDemand">The mean demand: what orders are sized from, since over many days it is the total that sells.</param>
[GenerateSerializer, Immutable, Alias("ipf.DailyForecast.v1")]
public sealed record DailyForecast(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] decimal PredictedDemand,
    [property: Id(2)] decimal Confidence,
    [property: Id(3)] decimal LowerBound,
    [property: Id(4)] decimal UpperBound,
    [property: Id(5)] decimal ExpectedDemand);

/// <summary><c>POST /analytics/forecast</c>: the seed's shape (forecast, recommendedOrderQuantity, recommendedOrderDate) and how it was made.</summary>
[GenerateSerializer, Immutable, Alias("ipf.DemandForecastAnswer.v1")]
public sealed record DemandForecastAnswer(
    [property: Id(0)] Guid ProductId,
    [property: Id(1)] Guid LocationId,
    [property: Id(2)] IReadOnlyList<DailyForecast> Forecast,
    [property: Id(3)] int RecommendedOrderQuantity,
    [property: Id(4)] DateOnly? RecommendedOrderDate,
    [property: Id(5)] string Method,
    [property: Id(6)] DateTime? ModelTrainedAt,
    [property: Id(7)] decimal OnHand,
    [property: Id(8)] int ReorderPoint,
    [property: Id(9)] int OrderUpTo,
    [property: Id(10)] int SafetyStock,
    [property: Id(11)] int LeadTimeDays,
    [property: Id(12)] int ReviewDays,
    [property: Id(13)] int? CasePack);

/// <summary>A product to order at a location, from its forecast: a line of <c>GET /analytics/reorder</c>.</summary>
[GenerateSerializer, Immutable, Alias("ipf.ReorderLine.v1")]
public sealed record ReorderLine(
    [property: Id(0)] Guid ProductId,
    [property: Id(1)] string Sku,
    [property: Id(2)] string Name,
    [property: Id(3)] decimal OnHand,
    [property: Id(4)] int ReorderPoint,
    [property: Id(5)] int Quantity,
    [property: Id(6)] DateOnly? OrderBy,
    [property: Id(7)] decimal EstimatedCost,
    [property: Id(8)] string Method);

[GenerateSerializer, Immutable, Alias("ipf.SupplierOrder.v1")]
public sealed record SupplierOrder(
    [property: Id(0)] Guid? SupplierId,
    [property: Id(1)] string SupplierName,
    [property: Id(2)] IReadOnlyList<ReorderLine> Lines,
    [property: Id(3)] decimal EstimatedCost);

[GenerateSerializer, Immutable, Alias("ipf.ReorderList.v1")]
public sealed record ReorderList(
    [property: Id(0)] Guid LocationId,
    [property: Id(1)] DateOnly AsOf,
    [property: Id(2)] IReadOnlyList<SupplierOrder> Suppliers,
    [property: Id(3)] int LeadTimeDays,
    [property: Id(4)] int ReviewDays,
    [property: Id(5)] decimal ServiceLevel);

/// <summary>How long a call that may train first is waited for: training a large organisation on a busy silo takes minutes, not seconds.</summary>
public static class ForecastTraining
{
    public const string Timeout = "00:10:00";
}

/// <summary>An organisation's demand model: trained on its ledger, stored in PostgreSQL, retrained weekly by a reminder.</summary>
// Each call may train the model first (three LightGBM fits: a minute or more for a large ledger on two cores),
// longer than the default 30 s an Orleans call may take.
public interface IForecastGrain : IGrainWithStringKey
{
    [ResponseTimeout(ForecastTraining.Timeout)]
    Task<DemandForecastAnswer> Forecast(ForecastRequest request);

    [ResponseTimeout(ForecastTraining.Timeout)]
    Task<ReorderList> Reorder(Guid locationId);

    /// <summary>Trains on the ledger now and stores the model; answers the number of series it learned from.</summary>
    [ResponseTimeout(ForecastTraining.Timeout)]
    Task<int> Retrain();
}
