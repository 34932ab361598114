namespace InventoryProFlow.Grains.Analytics.Forecasting;

/// <summary>Forecast demand of one week with its interval.</summary>
/// <param name="WeekStart">Monday of the week.</param>
/// <param name="Predicted">The point shown as the week's demand: the median, the likeliest-to-be-nearest quantity.</param>
/// <param name="Lower">Lower bound of the interval (never below zero).</param>
/// <param name="Upper">Upper bound of the interval.</param>
/// <param name="Expected">The mean quantity: what orders are sized from, since a sum of medians under-orders lumpy items.</param>
public sealed record ForecastWeek(DateOnly WeekStart, double Predicted, double Lower, double Upper, double Expected);

/// <summary>A series' forecast.</summary>
/// <param name="Key">The series' key.</param>
/// <param name="Weeks">One entry per week from the week after the history.</param>
/// <param name="Confidence">The stated share of weeks whose demand falls inside the interval.</param>
/// <param name="Method">"model", or "fallback: " and why.</param>
/// <param name="Calibrated">Whether the interval width was measured on held-out weeks (false for most fallbacks).</param>
public sealed record DemandForecast(string Key, IReadOnlyList<ForecastWeek> Weeks, decimal Confidence, string Method, bool Calibrated)
{
    /// <summary>The method name of forecasts made by the trained model.</summary>
    public const string ModelMethod = "model";

    /// <summary>Whether the forecast came from the trained model rather than a fallback.</summary>
    public bool FromModel => Method == ModelMethod;
}
