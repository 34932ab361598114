using InventoryProFlow.Grains.Analytics.Forecasting;

namespace InventoryProFlow.Grains.Tests.Analytics;

public sealed class WeeklyDemandBuilderTests
{
    [Fact]
    public void Sales_are_summed_by_ISO_week_from_Monday_with_empty_weeks_as_zero()
    {
        var sales = new (DateOnly, double)[]
        {
            (new DateOnly(2024, 1, 1), 3), // Monday
            (new DateOnly(2024, 1, 7), 2), // Sunday, same week
            (new DateOnly(2024, 1, 22), 5), // three weeks later
        };

        var series = WeeklyDemandBuilder.Build("s", sales, through: new DateOnly(2024, 2, 1));

        Assert.Equal(new DateOnly(2024, 1, 1), series.StartWeek);
        Assert.Equal([5.0, 0, 0, 5, 0], series.Quantities);
        Assert.Equal(new DateOnly(2024, 2, 5), series.NextWeek);
    }

    [Fact]
    public void A_week_of_net_returns_is_zero_demand_not_negative()
    {
        var sales = new (DateOnly, double)[] { (new DateOnly(2024, 1, 2), 4), (new DateOnly(2024, 1, 9), 1), (new DateOnly(2024, 1, 10), -3) };

        var series = WeeklyDemandBuilder.Build("s", sales, through: new DateOnly(2024, 1, 14));

        Assert.Equal([4.0, 0], series.Quantities);
    }

    [Fact]
    public void No_sales_gives_an_empty_series_that_forecasts_from_the_next_week()
    {
        var series = WeeklyDemandBuilder.Build("s", [], through: new DateOnly(2024, 1, 10));

        Assert.Equal(0, series.Weeks);
        Assert.Equal(new DateOnly(2024, 1, 15), series.NextWeek);
    }
}
