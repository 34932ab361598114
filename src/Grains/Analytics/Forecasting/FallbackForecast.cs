namespace InventoryProFlow.Grains.Analytics.Forecasting;

/// <summary>Forecasts for series the trained model does not serve, each naming why.</summary>
internal static class FallbackForecast
{
    public static DemandForecast Zero(WeeklyDemand history, int horizonWeeks, decimal confidence, string reason) =>
        new(history.Key, Weeks(history, horizonWeeks, _ => new(0, 0, 0)), confidence, "fallback: " + reason, Calibrated: false);

    /// <summary>
    /// The mean of the weeks since the first sale, with a band from zero to the larger of twice that mean
    /// and the busiest week seen: too few weeks exist to measure a calibrated band.
    /// </summary>
    public static DemandForecast MovingAverage(WeeklyDemand history, int firstSale, int horizonWeeks, decimal confidence, string reason)
    {
        var weeks = history.Quantities.Skip(firstSale).ToArray();
        var mean = weeks.Average();
        var upper = Math.Max(2 * mean, weeks.Max());
        return new(
            history.Key,
            Weeks(history, horizonWeeks, _ => new(mean, 0, upper)),
            confidence,
            $"fallback: moving average of {weeks.Length} weeks ({reason}); interval not calibrated",
            Calibrated: false);
    }

    private static ForecastWeek[] Weeks(WeeklyDemand history, int horizonWeeks, Func<int, (double Predicted, double Lower, double Upper)> at)
    {
        var weeks = new ForecastWeek[horizonWeeks];
        for (var h = 0; h < horizonWeeks; h++)
        {
            var (predicted, lower, upper) = at(h);
            // Too few weeks to tell a median from a mean: both points are the same.
            weeks[h] = new ForecastWeek(history.NextWeek.AddDays(7 * h), predicted, lower, upper, predicted);
        }

        return weeks;
    }
}
