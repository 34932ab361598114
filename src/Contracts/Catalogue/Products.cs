namespace InventoryProFlow.Contracts.Catalogue;

/// <summary>A product of the organisation's catalogue: one bottle (or can) of one thing.</summary>
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
    [property: Id(10)] int SizeMl,
    [property: Id(11)] decimal Abv,
    [property: Id(12)] decimal Cost,
    [property: Id(13)] decimal Price,
    [property: Id(14)] int? CasePack,
    [property: Id(15)] string? Description,
    [property: Id(16)] DateTime CreatedAt,
    [property: Id(17)] DateTime UpdatedAt);

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
    [property: Id(7)] int? SizeMl = null,
    [property: Id(8)] decimal? Abv = null,
    [property: Id(9)] decimal? Cost = null,
    [property: Id(10)] decimal? Price = null,
    [property: Id(11)] int? CasePack = null,
    [property: Id(12)] string? Description = null);

/// <summary>Which products to list: a page, optionally one category, optionally a text search.</summary>
[GenerateSerializer, Immutable, Alias("ipf.ProductQuery.v1")]
public sealed record ProductQuery(
    [property: Id(0)] int Page,
    [property: Id(1)] int Limit,
    [property: Id(2)] string? Category = null,
    [property: Id(3)] string? Text = null,
    [property: Id(4)] Guid? SupplierId = null);

/// <summary>A scanned barcode, normalised, and the product it names.</summary>
[GenerateSerializer, Immutable, Alias("ipf.BarcodeMatch.v1")]
public sealed record BarcodeMatch(
    [property: Id(0)] string Scanned,
    [property: Id(1)] string Format,
    [property: Id(2)] string Gtin,
    [property: Id(3)] ProductDetails Product);

/// <summary>The product categories the trade reports by (ABC reports split spirits, wine, beer, other).</summary>
public static class ProductCategories
{
    public static IReadOnlyList<string> All { get; } = ["spirits", "wine", "beer", "mixer", "other"];
}
