using InventoryProFlow.Grains.Compliance;

namespace InventoryProFlow.Grains.Tests.Compliance;

/// <summary>The worked examples of ../shared/COMPLIANCE.md ("Units" and the federal tax rates), to the figures it gives.</summary>
public sealed class ProofGallonsTests
{
    [Theory]
    [InlineData(12, 750, "40", "9.0", "2.3775", "1.9020")]
    [InlineData(6, 1750, "40", "10.5", "2.7738", "2.2190")]
    [InlineData(1, 750, "45", "0.75", "0.1981", "0.1783")]
    [InlineData(120, 1000, "50", "120.0", "31.7006", "31.7006")]
    [InlineData(12, 750, "13.5", "9.0", "2.3775", "0.6419")]
    public void Litres_wine_gallons_and_proof_gallons_match_the_worked_examples(
        int bottles, int sizeMl, string abv, string litres, string wineGallons, string proofGallons)
    {
        var volume = ProofGallons.Of(bottles, sizeMl, D(abv));

        Assert.Equal(D(litres), volume.Litres);
        Assert.Equal(D(wineGallons), decimal.Round(volume.WineGallons, 4));
        Assert.Equal(D(proofGallons), decimal.Round(volume.ProofGallons, 4));
    }

    [Fact]
    public void Eighty_proof_is_forty_percent_and_twenty_wine_gallons_is_75_7_litres()
    {
        Assert.Equal(80m, ProofGallons.Proof(40m));
        Assert.Equal(75.7m, decimal.Round(ProofGallons.RecordableSaleWineGallons * ProofGallons.LitresPerWineGallon, 1));
        Assert.True(ProofGallons.IsRecordableSale(ProofGallons.Of(101, 750, 40m).WineGallons));
        Assert.False(ProofGallons.IsRecordableSale(ProofGallons.Of(100, 750, 40m).WineGallons));
    }

    [Theory]
    [InlineData("80000", "0", "216000.00")]
    [InlineData("120000", "0", "536800.00")]
    [InlineData("20000", "100000", "266800.00")]
    [InlineData("10", "99995", "80.20")]
    [InlineData("1000", "22230000", "13500.00")]
    [InlineData("0", "5000", "0.00")]
    public void Excise_tax_follows_the_tiers_of_the_calendar_year(string proofGallons, string earlierThisYear, string tax) =>
        Assert.Equal(D(tax), SpiritsExcise.Tax(D(proofGallons), D(earlierThisYear)));

    [Fact]
    public void Negative_quantities_are_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProofGallons.Of(-1, 750, 40m));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProofGallons.Of(1, 0, 40m));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProofGallons.Of(1, 750, 101m));
        Assert.Throws<ArgumentOutOfRangeException>(() => SpiritsExcise.Tax(-1m));
    }

    private static decimal D(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
