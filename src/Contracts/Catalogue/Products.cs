namespace InventoryProFlow.Contracts.Catalogue;

/// <summary>
/// A product of the organisation's catalogue, in the merchant's own category (free text, up to 50 characters) and the
/// compliance class the regulators' figures use (derived from the category unless set), stocked in one unit (a bottle, can, keg or each) of SizeMl
/// millilitres. Full and empty weights (and the liquid's density, when it is not their difference over the
/// size) let an open bottle be counted on a scale.
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.ProductDetails.v1")]
public sealed record ProductDetails(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid OrganizationId,
    [property: Id(2)] Guid? SupplierId,
    [property: Id(3)] string Sku,
    [property: Id(4)] string? Barcode,
    [property: Id(5)] string? Gtin,
    [property: Id(6)] string Name,
    [property: Id(7)] string? Brand,
    [property: Id(8)] string Category,
    [property: Id(9)] string? Subcategory,
    [property: Id(10)] decimal? SizeMl,
    [property: Id(11)] decimal Abv,
    [property: Id(12)] decimal Cost,
    [property: Id(13)] decimal Price,
    [property: Id(14)] int? CasePack,
    [property: Id(15)] string? Description,
    [property: Id(16)] DateTime CreatedAt,
    [property: Id(17)] DateTime UpdatedAt,
    [property: Id(18)] string Unit = StockUnits.Bottle,
    [property: Id(19)] decimal? FullWeightG = null,
    [property: Id(20)] decimal? EmptyWeightG = null,
    [property: Id(21)] decimal? DensityGPerMl = null,
    [property: Id(22)] string ComplianceClass = ComplianceClasses.Other,
    [property: Id(23)] string? ImageUrl = null,
    [property: Id(24)] bool IsActive = true);

/// <summary>A product to create, or the fields to change (null keeps the current value).</summary>
[GenerateSerializer, Immutable, Alias("ipf.ProductDraft.v1")]
public sealed record ProductDraft(
    [property: Id(0)] Guid? SupplierId = null,
    [property: Id(1)] string? Sku = null,
    [property: Id(2)] string? Barcode = null,
    [property: Id(3)] string? Name = null,
    [property: Id(4)] string? Brand = null,
    [property: Id(5)] string? Category = null,
    [property: Id(6)] string? Subcategory = null,
    [property: Id(7)] decimal? SizeMl = null,
    [property: Id(8)] decimal? Abv = null,
    [property: Id(9)] decimal? Cost = null,
    [property: Id(10)] decimal? Price = null,
    [property: Id(11)] int? CasePack = null,
    [property: Id(12)] string? Description = null,
    [property: Id(13)] string? Unit = null,
    [property: Id(14)] string? KegSize = null,
    [property: Id(15)] decimal? FullWeightG = null,
    [property: Id(16)] decimal? EmptyWeightG = null,
    [property: Id(17)] decimal? DensityGPerMl = null,
    [property: Id(18)] string? ComplianceClass = null,
    [property: Id(19)] string? ImageUrl = null,
    [property: Id(20)] bool? IsActive = null);

/// <summary>Which products to list: a page, optionally one category, optionally a text search.</summary>
[GenerateSerializer, Immutable, Alias("ipf.ProductQuery.v1")]
public sealed record ProductQuery(
    [property: Id(0)] int Page,
    [property: Id(1)] int Limit,
    [property: Id(2)] string? Category = null,
    [property: Id(3)] string? Text = null,
    [property: Id(4)] Guid? SupplierId = null,
    [property: Id(5)] bool IncludeInactive = false);

/// <summary>A scanned barcode, normalised, and the product it names.</summary>
[GenerateSerializer, Immutable, Alias("ipf.BarcodeMatch.v1")]
public sealed record BarcodeMatch(
    [property: Id(0)] string Scanned,
    [property: Id(1)] string Format,
    [property: Id(2)] string Gtin,
    [property: Id(3)] ProductDetails Product);

/// <summary>The units a product is stocked and counted in.</summary>
public static class StockUnits
{
    public const string Bottle = "bottle";
    public const string Can = "can";
    public const string Keg = "keg";
    public const string Each = "each";

    public static IReadOnlyList<string> All { get; } = [Bottle, Can, Keg, Each];
}

/// <summary>
/// The keg sizes of the US and European beer trade, in millilitres. A US beer barrel is 31 US gallons of
/// 3,785.411784 ml, so a half barrel is 58,673.882652 ml, kept to the thousandth as every volume here.
/// </summary>
public static class KegSizes
{
    public static IReadOnlyDictionary<string, decimal> Ml { get; } = new Dictionary<string, decimal>
    {
        ["half_barrel"] = 58_673.883m,
        ["quarter_barrel"] = 29_336.941m,
        ["slim_quarter"] = 29_336.941m,
        ["sixth_barrel"] = 19_557.961m,
        ["50l"] = 50_000m,
        ["30l"] = 30_000m,
        ["20l"] = 20_000m,
    };
}
