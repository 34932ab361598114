using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Grains.Validation;

namespace InventoryProFlow.Grains.Catalogue;

/// <summary>What makes a catalogue record valid, checked on the merged record so create and update agree.</summary>
internal static class CatalogueRules
{
    public static IReadOnlyList<string> BusinessTypes { get; } =
        ["bar", "restaurant", "liquor_store", "distillery", "distributor", "other"];

    public static IReadOnlyList<string> LocationTypes { get; } =
        ["bar", "restaurant", "liquor_store", "warehouse", "distillery", "other"];

    public static IReadOnlyList<string> Tiers { get; } = ["starter", "professional", "enterprise"];

    public const int MaxBottleMl = 100_000;

    public static string DefaultLocationType(string businessType) => businessType switch
    {
        "distributor" => "warehouse",
        var same when LocationTypes.Contains(same) => same,
        _ => "other",
    };

    public static void Check(OrganizationDetails organization) =>
        Address(new Violations()
                .Required("name", organization.Name)
                .OneOf("businessType", organization.BusinessType, BusinessTypes)
                .MaxLength("licenseNumber", organization.LicenseNumber, 64)
                .MaxLength("taxId", organization.TaxId, 32)
                .Email("email", organization.Email)
                .MaxLength("phone", organization.Phone, 32)
                .Required("country", organization.Country, 2)
                .Timezone("timezone", organization.Timezone),
            organization.AddressLine1, organization.AddressLine2, organization.City, organization.State, organization.Zip)
            .ThrowIfAny();

    public static void Check(OrganizationSettings settings) =>
        new Violations()
            .When(settings.Currency.Length != 3 || !settings.Currency.All(char.IsAsciiLetterUpper), "settings.currency", "settings.currency must be a 3-letter ISO 4217 code such as USD.")
            .Range("settings.defaultParLevel", settings.DefaultParLevel, 0, 100_000)
            .ThrowIfAny();

    public static void Check(LocationDetails location) =>
        Address(new Violations()
                .Required("name", location.Name)
                .OneOf("locationType", location.LocationType, LocationTypes)
                .MaxLength("licenseNumber", location.LicenseNumber, 64)
                .MaxLength("phone", location.Phone, 32)
                .Required("timezone", location.Timezone, 64)
                .Timezone("timezone", location.Timezone)
                .Range("latitude", location.Latitude, -90, 90)
                .Decimals("latitude", location.Latitude, 6)
                .Range("longitude", location.Longitude, -180, 180)
                .Decimals("longitude", location.Longitude, 6),
            location.AddressLine1, location.AddressLine2, location.City, location.State, location.Zip)
            .ThrowIfAny();

    public static void Check(SupplierDetails supplier) =>
        Address(new Violations()
                .Required("name", supplier.Name)
                .MaxLength("contactName", supplier.ContactName)
                .Email("email", supplier.Email)
                .MaxLength("phone", supplier.Phone, 32)
                .MaxLength("accountNumber", supplier.AccountNumber, 64)
                .MaxLength("paymentTerms", supplier.PaymentTerms, 64)
                .Range("leadTimeDays", supplier.LeadTimeDays, 0, 365),
            supplier.AddressLine1, supplier.AddressLine2, supplier.City, supplier.State, supplier.Zip)
            .ThrowIfAny();

    public static Violations Check(ProductDraft product)
    {
        var unit = product.Unit ?? StockUnits.Bottle;
        return new Violations()
            .Required("sku", product.Sku, 64)
            .Required("name", product.Name)
            .MaxLength("brand", product.Brand)
            .Required("category", product.Category, 50)
            .OneOf("complianceClass", product.ComplianceClass, ComplianceClasses.All)
            .MaxLength("subcategory", product.Subcategory)
            .OneOf("unit", unit, StockUnits.All)
            .When(product.KegSize is not null && !KegSizes.Ml.ContainsKey(product.KegSize), "kegSize", $"kegSize must be one of: {string.Join(", ", KegSizes.Ml.Keys)}.")
            .When(product.KegSize is not null && unit != StockUnits.Keg, "kegSize", "kegSize is for a product whose unit is keg.")
            .When(product.SizeMl is null && product.KegSize is null && unit != StockUnits.Each, "sizeMl", "sizeMl is required (a keg may name its kegSize instead).")
            .When(product.SizeMl is not null && product.KegSize is not null && KegSizes.Ml.TryGetValue(product.KegSize, out var keg) && keg != product.SizeMl,
                "sizeMl", "sizeMl and kegSize disagree: give one of them.")
            .Range("sizeMl", product.SizeMl, 1, MaxBottleMl)
            .Decimals("sizeMl", product.SizeMl, 3)
            .Required("abv", product.Abv)
            .Range("abv", product.Abv, 0, 100)
            .Decimals("abv", product.Abv, 2)
            .Required("cost", product.Cost)
            .Money("cost", product.Cost)
            .Required("price", product.Price)
            .Money("price", product.Price)
            .Range("casePack", product.CasePack, 1, 1_000)
            .MaxLength("description", product.Description, 2_000)
            .MaxLength("barcode", product.Barcode, 32)
            .When(!string.IsNullOrWhiteSpace(product.ImageUrl) && !IsWebAddress(product.ImageUrl), "imageUrl", "imageUrl must be an absolute http or https URL of at most 2000 characters.")
            .Weights(product, unit);
    }

    private static bool IsWebAddress(string text) =>
        text.Trim().Length <= 2000 && Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    // A scale turns an open bottle into a volume only with both weights; the density is the liquid's, so water-like.
    private static Violations Weights(this Violations violations, ProductDraft product, string unit) => violations
        .When(unit == StockUnits.Each && (product.FullWeightG ?? product.EmptyWeightG ?? product.DensityGPerMl) is not null, "fullWeightG", "Weights are for liquids: a product counted as each has none.")
        .When((product.FullWeightG is null) != (product.EmptyWeightG is null), product.FullWeightG is null ? "fullWeightG" : "emptyWeightG", "fullWeightG and emptyWeightG go together.")
        .When(product.DensityGPerMl is not null && product.FullWeightG is null, "densityGPerMl", "densityGPerMl needs fullWeightG and emptyWeightG.")
        .Range("fullWeightG", product.FullWeightG, 1, 200_000)
        .Decimals("fullWeightG", product.FullWeightG, 2)
        .Range("emptyWeightG", product.EmptyWeightG, 1, 200_000)
        .Decimals("emptyWeightG", product.EmptyWeightG, 2)
        .When(product.FullWeightG <= product.EmptyWeightG, "fullWeightG", "fullWeightG must be more than emptyWeightG.")
        .Range("densityGPerMl", product.DensityGPerMl, 0.5m, 2m)
        .Decimals("densityGPerMl", product.DensityGPerMl, 4);

    private static Violations Address(Violations violations, string? line1, string? line2, string? city, string? state, string? zip) =>
        violations
            .MaxLength("addressLine1", line1)
            .MaxLength("addressLine2", line2)
            .MaxLength("city", city, 100)
            .MaxLength("state", state, 32)
            .MaxLength("zip", zip, 16);
}
