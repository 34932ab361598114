using InventoryProFlow.Grains.Analytics;
using InventoryProFlow.Grains.Stock;

namespace InventoryProFlow.Grains.Tests.Analytics;

/// <summary>The variance arithmetic by hand: a 750 ml tequila at $18 cost and $30 price, and lime wedges counted as each.</summary>
public sealed class VarianceSheetTests
{
    [Fact]
    public void A_liquids_variance_is_actual_minus_theoretical_and_its_money_follows_the_millilitres()
    {
        var row = VarianceSheet.Product(Tequila(opening: new(4m, 3000m), received: new(2m, 1500m), sold: new(0.5m, 375m), wasted: new(0.1m, 75m), closing: new(4.5m, 3375m)));

        // Actual 3,000 + 1,500 - 3,375 = 1,125 ml; sold 375 ml; variance 750 ml = one bottle = $18.00 cost, $30.00 retail.
        Assert.Equal((1.5m, 1125m), (row.ActualUsage.Units, row.ActualUsage.Ml));
        Assert.Equal((1m, 750m, 18.00m, 30.00m), (row.Variance.Units, row.Variance.Ml, row.Variance.Cost, row.Variance.Retail));
        Assert.Equal(25.36m, row.Variance.Oz);
        Assert.Equal(200.0m, row.VariancePercent);
        Assert.Equal((0.9m, 675m), (row.Unexplained.Units, row.Unexplained.Ml));
    }

    [Fact]
    public void A_product_counted_as_each_has_units_and_no_volume()
    {
        var none = new Measure(0m, null);
        var limes = VarianceSheet.Product(new ProductFlows(
            Guid.NewGuid(), "LIME", "Lime wedge", "other", "each", null, 0.10m, 0m,
            new(100m, null), none, none, none, none, new(40m, null), none, none, new(50m, null), CountedAtClose: true));

        Assert.Null(limes.Variance.Ml);
        Assert.Equal((10m, 1.00m), (limes.Variance.Units, limes.Variance.Cost));
        Assert.Equal(25.0m, limes.VariancePercent);
    }

    [Fact]
    public void Nothing_sold_gives_no_percentage_and_totals_sum_their_products()
    {
        var idle = VarianceSheet.Product(Tequila(opening: new(2m, 1500m), received: Zero, sold: Zero, wasted: Zero, closing: new(1.9m, 1425m)));
        var busy = VarianceSheet.Product(Tequila(opening: new(4m, 3000m), received: Zero, sold: new(1m, 750m), wasted: Zero, closing: new(2.5m, 1875m)));

        var total = VarianceSheet.Total("spirits", [idle, busy]);

        Assert.Null(idle.VariancePercent);
        Assert.Equal((75m + 375m, 1.80m + 9.00m), (total.Variance.Ml, total.Variance.Cost));
        Assert.Equal(60.0m, total.VariancePercent);
    }

    private static readonly Measure Zero = new(0m, 0m);

    private static ProductFlows Tequila(Measure opening, Measure received, Measure sold, Measure wasted, Measure closing) => new(
        Guid.NewGuid(), "TEQ-750", "Blanco Tequila", "spirits", "bottle", 750m, 18.00m, 30.00m,
        opening, received, Zero, Zero, Zero, sold, wasted, Zero, closing, CountedAtClose: true);
}
