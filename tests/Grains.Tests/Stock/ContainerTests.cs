using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Stock;
using InventoryProFlow.Grains.Stock;

namespace InventoryProFlow.Grains.Tests.Stock;

/// <summary>Every way a bartender says how much lands on the same exact quantity and volume (COMPLIANCE.md's US fluid ounce, by hand).</summary>
public sealed class ContainerTests
{
    // The bottle: 750 ml, 1,250 g full, 500 g empty, a liquid of 0.95 g/ml.
    private static readonly Container Weighed = new(StockUnits.Bottle, 750m, 1250m, 500m, 0.95m);

    [Fact]
    public void Three_bottles_and_four_tenths_are_3_4_bottles_and_2550_ml()
    {
        var counted = Weighed.Counted(new StockCount(Units: 3, Open: [new OpenContainer(Tenths: 4)]));

        Assert.Equal(3.4m, counted.Quantity);
        Assert.Equal(2550m, counted.VolumeMl);
    }

    [Fact]
    public void Tenths_millilitres_and_a_quantity_agree_on_one_bottle()
    {
        var byTenths = Weighed.Counted(new StockCount(Units: 3, Open: [new OpenContainer(Tenths: 4)]));
        var byVolume = Weighed.Counted(new StockCount(Units: 3, Open: [new OpenContainer(VolumeMl: 300)]));
        var byQuantity = Weighed.Counted(new StockCount(Quantity: 3.4m));

        Assert.Equal(byTenths, byVolume);
        Assert.Equal(byTenths, byQuantity);
    }

    [Fact]
    public void A_weighed_bottle_is_its_liquid_weight_over_the_density()
    {
        // (880 g - 500 g) / 0.95 g/ml = 400 ml; 400 / 750 = 0.53333333 of a bottle, to eight places.
        var counted = Weighed.Counted(new StockCount(Units: 2, Open: [new OpenContainer(WeightG: 880)]));

        Assert.Equal(1900m, counted.VolumeMl);
        Assert.Equal(2.53333333m, counted.Quantity);
    }

    [Fact]
    public void Without_a_density_the_full_bottles_liquid_weight_over_its_size_is_used()
    {
        var bottle = new Container(StockUnits.Bottle, 750m, 1250m, 500m);

        // (1,250 - 500) / 750 = 1 g/ml, so 380 g of liquid is 380 ml.
        Assert.Equal(380m, bottle.Counted(new StockCount(Open: [new OpenContainer(WeightG: 880)])).VolumeMl);
    }

    [Fact]
    public void A_scale_reading_over_a_full_bottle_counts_as_one_full_bottle()
    {
        // 1,250 g at 0.95 g/ml would be 789.47 ml in a 750 ml bottle.
        Assert.Equal(750m, Weighed.Counted(new StockCount(Open: [new OpenContainer(WeightG: 1250)])).VolumeMl);
    }

    [Fact]
    public void A_pour_in_ounces_is_exact_to_the_thousandth_of_a_millilitre()
    {
        // 1.5 x 29.5735295625 = 44.36029434375 ml.
        var shot = Weighed.Counted(new StockCount(Open: [new OpenContainer(VolumeOz: 1.5m)]));

        Assert.Equal(44.360m, shot.VolumeMl);
        Assert.Equal(0.05914667m, shot.Quantity);
    }

    [Fact]
    public void A_pint_from_a_half_barrel_is_a_fraction_of_the_keg()
    {
        var keg = new Container(StockUnits.Keg, KegSizes.Ml["half_barrel"]);

        // 16 US fl oz = 473.176473 ml; a half barrel is 15.5 US gallons = 58,673.883 ml.
        var pint = keg.Measured(null, 16 * Container.MlPerFluidOunce);

        Assert.Equal(473.176m, pint.VolumeMl);
        Assert.Equal(0.00806451m, pint.Quantity);
    }

    [Fact]
    public void Whole_units_carry_their_volume()
    {
        Assert.Equal(new Measure(2m, 1500m), Weighed.Measured(2m, null));
    }

    [Fact]
    public void A_product_counted_as_each_has_quantities_and_no_volume()
    {
        var counted = Container.Each.Counted(new StockCount(Units: 4, Open: [new OpenContainer(Tenths: 5)]));

        Assert.Equal(new Measure(4.5m, null), counted);
    }
}
