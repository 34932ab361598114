using Microsoft.Extensions.Configuration;

namespace InventoryProFlow.Grains.Analytics;

/// <summary>
/// Forecasting and ordering defaults (configuration section "Forecasting"): the interval stated with each forecast,
/// how often a model is retrained, and how orders are sized until suppliers carry their own lead times.
/// </summary>
public sealed record ForecastSettings(decimal Confidence, TimeSpan RetrainEvery, ReorderSettings Reorder)
{
    public static ForecastSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Forecasting");
        return new ForecastSettings(
            section.GetValue("Confidence", 0.8m),
            TimeSpan.FromDays(section.GetValue("RetrainDays", 7d)),
            new ReorderSettings(section.GetValue("LeadTimeDays", 7), section.GetValue("ReviewDays", 7), section.GetValue("ServiceLevel", 0.95m)));
    }
}
