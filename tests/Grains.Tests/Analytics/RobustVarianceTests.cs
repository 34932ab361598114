using InventoryProFlow.Grains.Analytics;

namespace InventoryProFlow.Grains.Tests.Analytics;

public sealed class RobustVarianceTests
{
    [Fact]
    public void A_few_large_losses_do_not_move_the_usual_they_are_judged_by()
    {
        var usual = RobustVariance.Of([0, -1, 1, 0, -2, 0, 1, -1, -40]);

        Assert.Equal(0m, usual.Median);
        Assert.Equal(1.4826m, usual.Scale);
        Assert.Equal(-26.98m, usual.Z(-40));
        Assert.True(RobustVariance.Flagged(usual.Z(-40)));
        Assert.False(RobustVariance.Flagged(usual.Z(-2)));
    }

    [Fact]
    public void Where_counts_are_usually_exact_one_bottle_off_is_not_an_anomaly_and_ten_are()
    {
        var usual = RobustVariance.Of([0, 0, 0, 0, 0, -1]);

        Assert.Equal(1m, usual.Scale);
        Assert.False(RobustVariance.Flagged(usual.Z(-1)));
        Assert.True(RobustVariance.Flagged(usual.Z(-10)));
    }

    [Fact]
    public void An_even_number_of_counts_takes_the_middle_two()
    {
        var usual = RobustVariance.Of([-4, -2, 2, 4]);

        Assert.Equal(0m, usual.Median);
        Assert.Equal(1.4826m * 3m, usual.Scale);
    }
}
