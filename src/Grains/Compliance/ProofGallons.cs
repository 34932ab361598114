namespace InventoryProFlow.Grains.Compliance;

/// <summary>A quantity of a product in the units of the TTB's forms: litres, wine gallons and proof gallons.</summary>
public readonly record struct SpiritVolume(decimal Litres, decimal WineGallons, decimal ProofGallons);

/// <summary>
/// Volumes as the TTB counts them (COMPLIANCE.md, "Units"): a US wine gallon is 3.785411784 L exactly, US
/// proof is twice the ABV, and proof gallons are wine gallons x proof / 100. Decimal throughout; reports
/// round for display only.
/// </summary>
public static class ProofGallons
{
    public const decimal LitresPerWineGallon = 3.785411784m;

    /// <summary>Sales of this many wine gallons or more to one buyer at one time are recorded (27 CFR 31, subpart J).</summary>
    public const decimal RecordableSaleWineGallons = 20m;

    public static SpiritVolume Of(int bottles, int sizeMl, decimal abvPercent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bottles);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sizeMl);
        ArgumentOutOfRangeException.ThrowIfNegative(abvPercent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(abvPercent, 100m);
        var litres = bottles * (decimal)sizeMl / 1000m;
        var wineGallons = litres / LitresPerWineGallon;
        return new SpiritVolume(litres, wineGallons, wineGallons * Proof(abvPercent) / 100m);
    }

    /// <summary>
    /// Proof gallons of a quantity of absolute alcohol (litres x ABV / 100, summed over any bottles): a proof gallon
    /// is half a wine gallon of alcohol. Summing alcohol first and dividing once keeps a month's total exact.
    /// </summary>
    public static decimal OfAlcohol(decimal alcoholLitres) => alcoholLitres * 2m / LitresPerWineGallon;

    /// <summary>A figure as the TTB's forms take it: proof gallons to the tenth, a half rounded away from zero.</summary>
    public static decimal ToTenth(decimal proofGallons) => decimal.Round(proofGallons, 1, MidpointRounding.AwayFromZero);

    /// <summary>US proof: twice the alcohol by volume. 40 % ABV is 80 proof.</summary>
    public static decimal Proof(decimal abvPercent) => 2m * abvPercent;

    /// <summary>Whether a sale to one buyer must be recorded with a signed delivery receipt.</summary>
    public static bool IsRecordableSale(decimal wineGallons) => wineGallons >= RecordableSaleWineGallons;
}
