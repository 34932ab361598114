using InventoryProFlow.Contracts.Analytics;
using InventoryProFlow.Grains.Analytics;

namespace InventoryProFlow.Grains.Tests.Analytics;

public sealed class ReorderPolicyTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly ReorderSettings Weekly = new(LeadTimeDays: 7, ReviewDays: 7, ServiceLevel: 0.95m);

    [Fact]
    public void Stock_below_the_reorder_point_orders_today_up_to_two_weeks_and_safety_in_whole_cases()
    {
        // Two a day, known exactly (a band of zero width): no safety stock.
        var advice = ReorderPolicy.Advise(Days(2m, 2m, 2m, 28), onHand: 10, casePack: 6, Weekly, Today);

        Assert.Equal((14, 28, 0), (advice.ReorderPoint, advice.OrderUpTo, advice.SafetyStock));
        Assert.Equal(Today, advice.OrderDate);
        Assert.Equal(18, advice.Quantity);
    }

    [Fact]
    public void Plenty_on_hand_orders_the_day_projected_stock_reaches_the_reorder_point()
    {
        var advice = ReorderPolicy.Advise(Days(2m, 2m, 2m, 28), onHand: 30, casePack: null, Weekly, Today);

        // 30 - 2 a day reaches 14 after 8 days; then it is 14 on hand, and 28 - 14 = 14 to order.
        Assert.Equal(Today.AddDays(8), advice.OrderDate);
        Assert.Equal(14, advice.Quantity);
    }

    [Fact]
    public void A_wider_band_means_more_safety_stock()
    {
        var narrow = ReorderPolicy.Advise(Days(2m, 1.8m, 2.2m, 28), 10, null, Weekly, Today);
        var wide = ReorderPolicy.Advise(Days(2m, 0.5m, 3.5m, 28), 10, null, Weekly, Today);

        Assert.True(wide.SafetyStock > narrow.SafetyStock);
        Assert.True(wide.ReorderPoint > narrow.ReorderPoint);
    }

    [Fact]
    public void Orders_are_sized_from_the_mean_demand_not_the_median_shown()
    {
        // An item bought in lumps: the typical day sells nothing (median 0), the mean is two a day.
        var lumpy = Enumerable.Range(0, 28).Select(i => new DailyForecast(Today.AddDays(i), 0m, 0.8m, 2m, 2m, ExpectedDemand: 2m)).ToList();

        var advice = ReorderPolicy.Advise(lumpy, onHand: 10, casePack: 6, Weekly, Today);

        Assert.Equal((14, 28, 0), (advice.ReorderPoint, advice.OrderUpTo, advice.SafetyStock));
        Assert.Equal((18, Today), (advice.Quantity, advice.OrderDate));
    }

    [Fact]
    public void No_demand_orders_nothing()
    {
        var advice = ReorderPolicy.Advise(Days(0m, 0m, 0m, 28), 5, 12, Weekly, Today);

        Assert.Equal((0, null), (advice.Quantity, advice.OrderDate));
    }

    [Fact]
    public void A_forecast_of_nothing_for_an_item_that_has_sold_orders_it_at_its_past_rate()
    {
        // Half a bottle a day over its history, none forecast: 5 on hand last until the reorder point at 0.5 a day.
        var advice = ReorderPolicy.Advise(Days(0m, 0m, 0m, 28), 5, null, Weekly, Today, pastDailyRate: 0.5m);

        Assert.Equal((4, 7), (advice.ReorderPoint, advice.OrderUpTo));
        Assert.Equal(Today.AddDays(2), advice.OrderDate);
        Assert.Equal(3, advice.Quantity);
    }

    [Fact]
    public void The_normal_quantile_matches_the_tables()
    {
        Assert.Equal(1.6449, Math.Round(NormalQuantile.Of(0.95), 4));
        Assert.Equal(1.2816, Math.Round(NormalQuantile.Of(0.90), 4));
        Assert.Equal(-2.3263, Math.Round(NormalQuantile.Of(0.01), 4));
        Assert.Equal(0d, NormalQuantile.Of(0.5), 9);
    }

    private static List<DailyForecast> Days(decimal predicted, decimal lower, decimal upper, int count) =>
        Enumerable.Range(0, count).Select(i => new DailyForecast(Today.AddDays(i), predicted, 0.8m, lower, upper, predicted)).ToList();
}
