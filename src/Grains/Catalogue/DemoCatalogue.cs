using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Dapper;
using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Compliance;
using InventoryProFlow.Contracts.Identity;
using InventoryProFlow.Grains.Compliance;
using InventoryProFlow.Grains.Identity;
using InventoryProFlow.Grains.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace InventoryProFlow.Grains.Catalogue;

/// <summary>A person to create with the demo organisation.</summary>
public sealed record DemoPerson(string Role, string Email, string Password, string FirstName, string LastName);

/// <summary>
/// The demo organisation of a first `make run`: a small bar-and-bottle-shop chain in Des Moines with
/// real Iowa products (see DemoData/NOTICE.md). Written once, in one transaction, never duplicated.
/// </summary>
public sealed class DemoCatalogue(
    NpgsqlDataSource db,
    LocationRepository locations,
    SupplierRepository suppliers,
    ProductRepository products,
    LicenseRepository licenses,
    IdFactory ids,
    PasswordHashing passwords,
    TimeProvider time,
    ILogger<DemoCatalogue> logger)
{
    public static Guid OrganizationId { get; } = Guid.Parse("0d3e1a52-7c1e-4c44-9a51-3b1d0c0de001");

    public const string OrganizationName = "Three Rivers Bar & Bottle Co.";

    /// <summary>Seeds the demo organisation unless it exists; answers whether it wrote anything.</summary>
    public async Task<bool> SeedOnce(IReadOnlyList<DemoPerson> people, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Two processes starting together must not both seed.
        await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(20261125)", transaction: transaction);
        if (await connection.ExecuteScalarAsync<bool>(
                "SELECT EXISTS (SELECT 1 FROM app.organizations WHERE id = @id)", new { id = OrganizationId }, transaction))
        {
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        await OrganizationRepository.Insert(connection, transaction, new OrganizationDetails(
            OrganizationId, OrganizationName, "bar", "professional", "IA-DEMO-0001", "owner@threerivers.example", "+1 515 555 0100",
            "400 Locust St", null, "Des Moines", "IA", "50309", "US", "America/Chicago", IsActive: true, now, now));

        var today = DateOnly.FromDateTime(now);
        var licenceTerms = 0;
        var locationIds = new List<Guid>();
        foreach (var row in Read<LocationRow>("locations.csv"))
        {
            var locationId = ids.NewId();
            locationIds.Add(locationId);
            await locations.Insert(connection, transaction, new LocationDetails(
                locationId, OrganizationId, row.Name, "liquor_store", row.LicenseNumber, row.AddressLine1, null, row.City, row.State,
                row.Zip, null, "America/Chicago", decimal.Round(row.Latitude, 6), decimal.Round(row.Longitude, 6), IsActive: true, now, now,
                IsPrimary: locationIds.Count == 1));
            // Each store's Class E licence, one of them due for renewal within the month so the demo has something to show.
            var expires = today.AddDays(licenceTerms++ == 0 ? 20 : 150 * licenceTerms);
            await licenses.Insert(connection, transaction, new LicenseDetails(
                ids.NewId(), OrganizationId, locationId, "Class E Liquor License", "Iowa Alcoholic Beverages Division", $"LE000{row.LicenseNumber}",
                expires.AddYears(-1), expires, 60, null, now, now));
        }

        var productRows = Read<ProductRow>("products.csv");
        var supplierIds = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var name in productRows.Select(p => p.Supplier).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            supplierIds[name] = ids.NewId();
            await suppliers.Insert(connection, transaction, new SupplierDetails(
                supplierIds[name], OrganizationId, name, null, null, null, null, null, null, "IA", null, null, "Net 30", IsActive: true, now, now));
        }

        var stocked = new List<DemoStockedProduct>();
        foreach (var row in productRows)
        {
            var barcode = string.IsNullOrEmpty(row.Upc) ? null : row.Upc;
            var productId = ids.NewId();
            stocked.Add(new DemoStockedProduct(productId, supplierIds[row.Supplier], row.Sku, row.Cost, row.Price, Math.Max(row.CasePack ?? 6, 1), row.SizeMl, row.Subcategory));
            await products.Insert(connection, transaction, new ProductDetails(
                productId, OrganizationId, supplierIds[row.Supplier], row.Sku, barcode, barcode is null ? null : Gtin.Parse(barcode).Gtin14,
                row.Name, string.IsNullOrEmpty(row.Brand) ? null : row.Brand, row.Category, row.Subcategory, row.SizeMl, row.Abv,
                row.Cost, row.Price, row.CasePack, null, now, now, ComplianceClass: ComplianceClasses.Of(row.Category, row.Subcategory)));
        }

        var counter = Guid.Empty;
        foreach (var person in people)
        {
            var userId = ids.NewId();
            counter = person.Role == Roles.Manager || counter == Guid.Empty ? userId : counter;
            await UserRepository.Insert(connection, transaction, UserAccount.Open(
                userId, OrganizationId, person.Email, passwords.Hash(person.Password), person.FirstName, person.LastName, person.Role, null, now));
        }

        var ledgerRows = await DemoHistory.Write(connection, transaction, OrganizationId, locationIds, stocked, counter, ids.NewId, now, cancellationToken);

        // The cocktail bar next to the stores: its menu, its nights of pours and its Monday counts.
        var barId = ids.NewId();
        await locations.Insert(connection, transaction, new LocationDetails(
            barId, OrganizationId, DemoCocktailBar.LocationName, "bar", "2191", "1466 2nd Ave", null, "Des Moines", "IA", "50314", null, "America/Chicago",
            41.605700m, -93.620300m, IsActive: true, now, now));
        ledgerRows += await DemoCocktailBar.Write(connection, transaction, OrganizationId, barId, stocked, counter, ids.NewId, now, cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation(
            "Seeded demo organisation {Organization}: {Products} products from {Suppliers} suppliers, {People} users, {Weeks} weeks of trade ({Rows} ledger rows)",
            OrganizationName, productRows.Count, supplierIds.Count, people.Count, DemoHistory.Weeks, ledgerRows);
        return true;
    }

    private static List<T> Read<T>(string file)
    {
        using var stream = typeof(DemoCatalogue).Assembly.GetManifestResourceStream($"{typeof(DemoCatalogue).Namespace}.DemoData.{file}")
            ?? throw new InvalidOperationException($"Demo data {file} is not embedded.");
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { PrepareHeaderForMatch = a => a.Header.ToUpperInvariant() });
        return csv.GetRecords<T>().ToList();
    }

    private sealed record LocationRow(
        string LicenseNumber, string Name, string AddressLine1, string City, string State, string Zip, decimal Latitude, decimal Longitude);

    private sealed record ProductRow(
        string Sku, string Name, string? Brand, string Category, string? Subcategory, int SizeMl, decimal Abv, string? Upc,
        decimal Cost, decimal Price, string Supplier, int? CasePack);
}
