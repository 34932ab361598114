using InventoryProFlow.Contracts.Compliance;
using InventoryProFlow.Grains.Compliance;

namespace InventoryProFlow.Grains.Tests.Compliance;

/// <summary>Kinds of spirits from product names, and the rounding and no-negatives rule of the TTB's monthly forms.</summary>
public sealed class TtbOperationsReportsTests
{
    [Theory]
    [InlineData("bourbon", "Buffalo Trace", "whisky")]
    [InlineData(null, "Rittenhouse Rye Whiskey", "whisky")]
    [InlineData("Scotch", "Laphroaig 10", "whisky")]
    [InlineData(null, "Jameson Irish Whiskey", "whisky")]
    [InlineData("cognac", "Hennessy VS", "brandy")]
    [InlineData(null, "Chateau de Laubade Armagnac", "brandy")]
    [InlineData(null, "Bacardi Superior Rum", "rum")]
    [InlineData("gin", "Bourbon Barrel Aged Gin", "gin")]
    [InlineData(null, "Tanqueray London Dry Gin", "gin")]
    [InlineData(null, "Domaine de Canton Ginger Liqueur", "other")]
    [InlineData("vodka", "Tito's Handmade", "vodka")]
    [InlineData(null, "Everclear Grain Alcohol", "alcohol")]
    [InlineData("Neutral  Spirits", "GNS 190", "alcohol")]
    [InlineData("tequila", "Casamigos Blanco", "other")]
    [InlineData(null, "Drum Roll Liqueur", "other")]
    [InlineData("", "", "other")]
    public void A_product_names_its_kind_by_subcategory_first_then_by_name(string? subcategory, string name, string kind) =>
        Assert.Equal(kind, SpiritClasses.KindOf(subcategory, name));

    [Fact]
    public void Reported_figures_are_tenths_rounded_away_from_zero_and_never_negative()
    {
        var flows = new Dictionary<string, SpiritFlows>
        {
            [SpiritKinds.Vodka] = new(0.25m, 0.05m, 0m, 0m, 0.35m, 0m, 0m, -0.05m),
            [SpiritKinds.Whisky] = new(1.9020m, 2.2190m, 0m, 0m, 0m, 0.3698m, 0m, 3.7512m),
        };

        var (production, storage, processing, warnings) = TtbOperationsReports.Of(new DateOnly(2026, 10, 1), flows);

        var vodka = storage.Lines.Single(l => l.Kind == SpiritKinds.Vodka);
        Assert.Equal(0.3m, vodka.OpeningOnHand.Reported);
        Assert.Equal(0.1m, vodka.Received.Reported);
        Assert.Equal(0.4m, vodka.RemovedTaxpaid.Reported);
        Assert.Equal((-0.05m, 0m), (vodka.ClosingOnHand.Exact, vodka.ClosingOnHand.Reported));
        Assert.StartsWith("vodka: closing on hand is -0.05", Assert.Single(warnings), StringComparison.Ordinal);
        Assert.Equal(3.8m, storage.Lines.Single(l => l.Kind == SpiritKinds.Whisky).ClosingOnHand.Reported);
        Assert.Equal(SpiritKinds.All, storage.Lines.Select(l => l.Kind));
        // Totals are rounded from the exact sum (2.2690), not summed from the rounded lines (0.1 + 2.2).
        Assert.Equal((2.2690m, 2.3m), (storage.Totals.Received.Exact, storage.Totals.Received.Reported));
        // 31 October 2026 ends the month; 15 November 2026 is a Sunday, so the reports are due Monday the 16th.
        Assert.Equal(new DateOnly(2026, 11, 16), storage.DueOn);
        Assert.Equal(storage.DueOn, production.DueOn);
        Assert.All(processing.Lines, l => Assert.Equal(0m, l.Bottled.Reported));
        Assert.Equal(7, processing.Lines.Count);
    }
}
