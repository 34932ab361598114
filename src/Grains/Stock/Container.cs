using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Stock;

namespace InventoryProFlow.Grains.Stock;

/// <summary>
/// The container a product is stocked in, as a measure: how many millilitres a unit holds, and what it weighs
/// full and empty. It turns every way of saying "how much" (bottles, tenths, millilitres, ounces, grams on a
/// scale) into the one exact pair the ledger keeps: a quantity in units (eight decimals) and a volume in
/// millilitres (three decimals). A product without a size (counted as each) has quantities and no volume.
/// </summary>
public sealed record Container(string Unit, decimal? SizeMl, decimal? FullWeightG = null, decimal? EmptyWeightG = null, decimal? DensityGPerMl = null)
{
    /// <summary>The US fluid ounce, exactly (1/128 of 231 cubic inches).</summary>
    public const decimal MlPerFluidOunce = 29.5735295625m;

    public const int QuantityDecimals = 8;
    public const int VolumeDecimals = 3;

    public static Container Each { get; } = new(StockUnits.Each, null);

    /// <summary>US fluid ounces as millilitres to the thousandth, as a pour or a serving size is kept.</summary>
    public static decimal Millilitres(decimal ounces) => Math.Round(ounces * MlPerFluidOunce, VolumeDecimals);

    public static Container Of(ProductDetails product) =>
        new(product.Unit, product.SizeMl, product.FullWeightG, product.EmptyWeightG, product.DensityGPerMl);

    public bool IsLiquid => SizeMl is not null;

    public bool CanWeigh => FullWeightG is not null && EmptyWeightG is not null && SizeMl is not null;

    /// <summary>
    /// Grams per millilitre of what is inside: as given, or else the full bottle's liquid weight over its size
    /// (so two weights and a size are enough to count by weight).
    /// </summary>
    public decimal Density => DensityGPerMl ?? (FullWeightG!.Value - EmptyWeightG!.Value) / SizeMl!.Value;

    /// <summary>The volume of a quantity of units, or null for a product without a size.</summary>
    public decimal? VolumeOf(decimal quantity) => SizeMl is { } size ? Math.Round(quantity * size, VolumeDecimals) : null;

    /// <summary>The units a volume fills; only a liquid has one.</summary>
    public decimal QuantityOf(decimal volumeMl) => Math.Round(volumeMl / SizeMl!.Value, QuantityDecimals);

    /// <summary>A movement measured one way or the other, made whole: both figures when the product has a size.</summary>
    public Measure Measured(decimal? quantity, decimal? volumeMl) => (quantity, volumeMl) switch
    {
        ({ } q, { } v) => new Measure(q, SizeMl is null ? null : v),
        ({ } q, null) => new Measure(q, VolumeOf(q)),
        (null, { } v) when IsLiquid => new Measure(QuantityOf(Math.Round(v, VolumeDecimals)), Math.Round(v, VolumeDecimals)),
        _ => throw new ValidationFailedException([new FieldError("quantity", "A volume names no quantity of a product counted as each: give the quantity.")]),
    };

    /// <summary>
    /// A count as a bartender gives it: the whole quantity, or whole units plus open containers measured in tenths,
    /// millilitres, ounces or grams. The volume is summed exactly first, so three ways of counting one bottle agree.
    /// </summary>
    public Measure Counted(StockCount count)
    {
        if (count.Quantity is { } quantity)
        {
            return Measured(quantity, null);
        }

        var units = count.Units ?? 0;
        var open = count.Open ?? [];
        if (!IsLiquid)
        {
            // Tenths of an each (half a case of limes) are still a quantity; volumes and weights are not.
            return new Measure(units + open.Sum(o => o.Tenths!.Value) / 10m, null);
        }

        var volume = units * SizeMl!.Value + open.Sum(OpenVolume);
        return Measured(null, volume);
    }

    private decimal OpenVolume(OpenContainer open) => open switch
    {
        { Tenths: { } tenths } => tenths / 10m * SizeMl!.Value,
        { VolumeMl: { } ml } => ml,
        { VolumeOz: { } oz } => oz * MlPerFluidOunce,
        // A scale may read a little over a full bottle (a wet label, a pourer): an open bottle holds at most its size.
        { WeightG: { } grams } => Math.Min((grams - EmptyWeightG!.Value) / Density, SizeMl!.Value),
        _ => 0m,
    };
}

/// <summary>How much moved or was counted: units, and millilitres for a liquid.</summary>
[GenerateSerializer, Immutable, Alias("ipf.Measure.v1")]
public sealed record Measure([property: Id(0)] decimal Quantity, [property: Id(1)] decimal? VolumeMl)
{
    public static Measure Zero { get; } = new(0m, null);

    public Measure Negate() => new(-Quantity, -VolumeMl);
}
