using InventoryProFlow.Contracts.Analytics;
using InventoryProFlow.Grains.Analytics.Forecasting;

namespace InventoryProFlow.Grains.Analytics;

/// <summary>
/// A weekly forecast as days: each day is a seventh of its week (stores order, and bars sell, in weekly rhythms
/// the model sees; it does not see the weekday). The interval is the week's, a seventh of it per day: calibrated
/// per week, not per day.
/// </summary>
public static class DailyDemand
{
    public static IReadOnlyList<DailyForecast> From(DemandForecast forecast, DateOnly today, int days)
    {
        var byWeek = forecast.Weeks.ToDictionary(w => w.WeekStart);
        var last = forecast.Weeks.Count > 0 ? forecast.Weeks[^1] : new ForecastWeek(WeeklyDemand.WeekOf(today), 0, 0, 0, 0);
        return Enumerable.Range(0, days).Select(i =>
        {
            var day = today.AddDays(i);
            // Past the model's longest horizon, the last week forecast stands for the weeks after it.
            var week = byWeek.GetValueOrDefault(WeeklyDemand.WeekOf(day)) ?? last;
            // A calibrated interval can sit to one side of the point when the model leans one way; a chart that
            // shows the forecast outside its own band reads as a bug, so the band is widened to hold it.
            return new DailyForecast(
                day,
                PerDay(week.Predicted),
                forecast.Confidence,
                PerDay(Math.Min(week.Lower, week.Predicted)),
                PerDay(Math.Max(week.Upper, week.Predicted)),
                PerDay(week.Expected));
        }).ToList();
    }

    private static decimal PerDay(double weekly) => decimal.Round((decimal)weekly / 7m, 3, MidpointRounding.AwayFromZero);
}
