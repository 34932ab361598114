using InventoryProFlow.Grains.Analytics.Forecasting;

namespace InventoryProFlow.Grains.Tests.Analytics;

// Training is the slow part (a few seconds), so one model serves the whole class.
public sealed class TrainedSeasonalModel
{
    public List<WeeklyDemand> Series { get; } = SyntheticDemand.Seasonal(count: 40, weeks: 160, seed: 3);

    public DemandModel Model { get; }

    public TrainedSeasonalModel() =>
        Model = DemandModel.Train(Series.Select(s => s.Before(140)).ToList(), SyntheticDemand.SmallOptions);
}

public sealed class DemandModelTests(TrainedSeasonalModel trained) : IClassFixture<TrainedSeasonalModel>
{
    [Fact]
    public void A_seasonal_series_is_forecast_better_than_the_naive_last_week()
    {
        double ours = 0, naive = 0;
        foreach (var s in trained.Series)
        {
            var forecast = trained.Model.Forecast(s.Before(140), 8, 0.8m);
            for (var h = 0; h < 8; h++)
            {
                var actual = s.Quantities[140 + h];
                ours += Math.Abs(actual - forecast.Weeks[h].Predicted);
                naive += Math.Abs(actual - s.Quantities[139]);
            }
        }

        Assert.True(ours < 0.8 * naive, $"model error {ours:F0} vs naive {naive:F0}");
    }

    [Fact]
    public void Each_week_has_its_Monday_and_an_interval_around_the_prediction_never_below_zero()
    {
        var history = trained.Series[0].Before(140);

        var forecast = trained.Model.Forecast(history, 13, 0.8m);

        Assert.Equal(DemandForecast.ModelMethod, forecast.Method);
        Assert.True(forecast.Calibrated);
        Assert.Equal(13, forecast.Weeks.Count);
        Assert.Equal(history.NextWeek, forecast.Weeks[0].WeekStart);
        Assert.Equal(history.NextWeek.AddDays(7 * 12), forecast.Weeks[12].WeekStart);
        Assert.All(forecast.Weeks, w =>
        {
            Assert.True(w.Lower >= 0);
            Assert.True(w.Lower <= w.Predicted && w.Predicted <= w.Upper, $"{w.Lower} <= {w.Predicted} <= {w.Upper}");
        });
    }

    [Fact]
    public void A_higher_confidence_gives_a_band_at_least_as_wide()
    {
        var history = trained.Series[1].Before(140);

        var narrow = trained.Model.Forecast(history, 4, 0.5m);
        var wide = trained.Model.Forecast(history, 4, 0.95m);

        for (var h = 0; h < 4; h++)
        {
            Assert.True(wide.Weeks[h].Upper - wide.Weeks[h].Lower >= narrow.Weeks[h].Upper - narrow.Weeks[h].Lower);
        }
    }

    [Fact]
    public void The_stated_confidence_is_close_to_the_share_of_held_out_weeks_inside_the_band()
    {
        int inside = 0, total = 0;
        foreach (var s in trained.Series)
        {
            var forecast = trained.Model.Forecast(s.Before(140), 4, 0.8m);
            for (var h = 0; h < 4; h++)
            {
                total++;
                var actual = s.Quantities[140 + h];
                if (actual >= forecast.Weeks[h].Lower && actual <= forecast.Weeks[h].Upper)
                {
                    inside++;
                }
            }
        }

        var coverage = (double)inside / total;
        Assert.InRange(coverage, 0.65, 0.95);
    }

    [Fact]
    public void A_saved_and_loaded_model_forecasts_exactly_the_same()
    {
        var history = trained.Series[2].Before(140);

        var loaded = DemandModel.Load(trained.Model.Save());

        Assert.Equal(trained.Model.Forecast(history, 13, 0.8m).Weeks, loaded.Forecast(history, 13, 0.8m).Weeks);
        Assert.Equal(trained.Model.Summary, loaded.Summary);
    }

    [Fact]
    public void An_empty_history_gets_the_zero_fallback_with_its_reason()
    {
        var forecast = trained.Model.Forecast(new WeeklyDemand("new", SyntheticDemand.Start, []), 3, 0.8m);

        Assert.Equal("fallback: no sales in the history", forecast.Method);
        Assert.False(forecast.Calibrated);
        Assert.All(forecast.Weeks, w => Assert.Equal(new ForecastWeek(w.WeekStart, 0, 0, 0, 0), w));
    }

    [Fact]
    public void A_short_history_gets_the_moving_average_fallback_named()
    {
        var history = new WeeklyDemand("young", SyntheticDemand.Start, [0, 4, 6, 8]);

        var forecast = trained.Model.Forecast(history, 2, 0.8m);

        Assert.Equal("fallback: moving average of 3 weeks (fewer than 13 weeks since the first sale); interval not calibrated", forecast.Method);
        Assert.Equal(new ForecastWeek(SyntheticDemand.Start.AddDays(28), 6, 0, 12, 6), forecast.Weeks[0]);
    }

    [Fact]
    public void A_series_dormant_for_a_year_forecasts_zero_and_says_why()
    {
        var history = new WeeklyDemand("dormant", SyntheticDemand.Start, [.. Enumerable.Repeat(5.0, 20), .. Enumerable.Repeat(0.0, 60)]);

        var forecast = trained.Model.Forecast(history, 1, 0.8m);

        Assert.Equal("fallback: no sales in the last 52 weeks", forecast.Method);
        Assert.Equal(0, forecast.Weeks[0].Predicted);
    }

    [Fact]
    public void An_organisation_with_too_little_history_gets_a_model_without_trees_that_falls_back()
    {
        var tiny = SyntheticDemand.Seasonal(count: 1, weeks: 20, seed: 1);

        var model = DemandModel.Load(DemandModel.Train(tiny, SyntheticDemand.SmallOptions).Save());

        Assert.False(model.HasTrees);
        Assert.StartsWith("fallback: moving average of 20 weeks", model.Forecast(tiny[0], 2, 0.8m).Method);
    }

    [Fact]
    public void A_confidence_outside_zero_to_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => trained.Model.Forecast(trained.Series[0], 2, 1m));
    }
}

public sealed class LumpyDemandTests
{
    [Fact]
    public void A_lumpy_item_shows_its_median_week_and_keeps_its_mean_for_ordering()
    {
        // 12 bottles in three weeks of ten: the median week sells nothing, the mean is 3.6 a week.
        var series = SyntheticDemand.Lumpy(count: 40, weeks: 120, orderShare: 0.3, lot: 12, seed: 5);
        var model = DemandModel.Train(series, SyntheticDemand.SmallOptions);

        var weeks = series.SelectMany(s => model.Forecast(s, 4, 0.8m).Weeks).ToList();

        Assert.All(weeks, w => Assert.True(w.Expected >= 0 && w.Predicted >= 0));
        Assert.InRange(weeks.Average(w => w.Predicted), 0, 1.2);
        Assert.InRange(weeks.Average(w => w.Expected), 2.6, 4.6);
    }
}
