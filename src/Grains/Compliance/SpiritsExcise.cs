using InventoryProFlow.Contracts.Compliance;

namespace InventoryProFlow.Grains.Compliance;

/// <summary>
/// Federal excise tax on distilled spirits (26 U.S.C. 5001 with the Craft Beverage Modernization Act's reduced
/// rates), per producer and calendar year: $2.70 a proof gallon for the first 100,000, $13.34 for the next
/// 22,130,000, $13.50 above. The tier depends on what the producer already removed that year.
/// </summary>
public static class SpiritsExcise
{
    private static readonly (decimal UpTo, decimal Rate)[] Tiers =
    [
        (100_000m, 2.70m),
        (100_000m + 22_130_000m, 13.34m),
        (decimal.MaxValue, 13.50m),
    ];

    /// <summary>The tiers as the API shows them: from and to (none for the last) proof gallons in the year, and the rate.</summary>
    public static IReadOnlyList<ExciseRateTier> Rates { get; } =
        Tiers.Select((t, i) => new ExciseRateTier(i == 0 ? 0m : Tiers[i - 1].UpTo, t.UpTo == decimal.MaxValue ? null : t.UpTo, t.Rate)).ToList();

    /// <summary>The tax on <paramref name="proofGallons"/> removed after <paramref name="earlierThisYear"/> proof gallons, in dollars and cents.</summary>
    public static decimal Tax(decimal proofGallons, decimal earlierThisYear = 0m)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(proofGallons);
        ArgumentOutOfRangeException.ThrowIfNegative(earlierThisYear);
        var tax = 0m;
        var from = earlierThisYear;
        var to = earlierThisYear + proofGallons;
        var tierStart = 0m;
        foreach (var (upTo, rate) in Tiers)
        {
            var inTier = Math.Min(to, upTo) - Math.Max(from, tierStart);
            if (inTier > 0)
            {
                tax += inTier * rate;
            }

            tierStart = upTo;
        }

        return decimal.Round(tax, 2, MidpointRounding.AwayFromZero);
    }
}
