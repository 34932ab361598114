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

    public static Violations Check(ProductDraft product) =>
        new Violations()
            .Required("sku", product.Sku, 64)
            .Required("name", product.Name)
            .MaxLength("brand", product.Brand)
            .Required("category", product.Category, 32)
            .OneOf("category", product.Category, ProductCategories.All)
            .MaxLength("subcategory", product.Subcategory)
            .Required("sizeMl", product.SizeMl)
            .Range("sizeMl", product.SizeMl, 1, MaxBottleMl)
            .Required("abv", product.Abv)
            .Range("abv", product.Abv, 0, 100)
            .Decimals("abv", product.Abv, 2)
            .Required("cost", product.Cost)
            .Money("cost", product.Cost)
            .Required("price", product.Price)
            .Money("price", product.Price)
            .Range("casePack", product.CasePack, 1, 1_000)
            .MaxLength("description", product.Description, 2_000)
            .MaxLength("barcode", product.Barcode, 32);

    private static Violations Address(Violations violations, string? line1, string? line2, string? city, string? state, string? zip) =>
        violations
            .MaxLength("addressLine1", line1)
            .MaxLength("addressLine2", line2)
            .MaxLength("city", city, 100)
            .MaxLength("state", state, 32)
            .MaxLength("zip", zip, 16);
}
