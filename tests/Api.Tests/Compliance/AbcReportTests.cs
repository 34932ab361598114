using System.Globalization;
using System.Net;
using System.Text.Json;
using CsvHelper;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Compliance;

/// <summary>
/// The ABC report against real sales: a month of one Iowa store's invoice lines (Central City Liquor, Des Moines,
/// October 2019) fed through the sales API, then the report compared with the same figures computed here from
/// the file, to the cent and the millilitre.
/// </summary>
[Collection(SharedProduct.Collection)]
public sealed class AbcReportTests(SharedProduct product)
{
    private const string Store = "2190";
    private static readonly DateOnly First = new(2019, 10, 1);
    private static readonly DateOnly Last = new(2019, 10, 31);

    [Fact]
    public async Task A_month_of_real_sales_gives_the_figures_computed_independently_from_the_file()
    {
        var tenant = await product.NewTenantAsync("liquor_store");
        var admin = tenant.Admin;
        var location = await tenant.CreateLocationAsync("Central City Liquor");
        var supplier = await tenant.CreateSupplierAsync("Iowa Alcoholic Beverages Division");
        // The day before and the day after the month too: they must land in opening and not in the period.
        var iowa = IowaSales.Of(Store, First.AddDays(-1), Last.AddDays(1));
        var catalogue = iowa.Catalogue;
        var lines = iowa.Lines;
        var items = iowa.Items;
        const int Received = 500;
        await iowa.ReplayAsync(admin, location, supplier, Received);

        var report = (await admin.PostAsync("/api/v1/compliance/reports/abc", new { locationId = location, periodStart = "2019-10-01", periodEnd = "2019-10-31", reportType = "monthly" }))
            .ShouldSucceed(HttpStatusCode.Created).Data;

        // The independent computation, from the file alone.
        var inMonth = lines.Where(l => l.Date >= First && l.Date <= Last).ToList();
        var before = lines.Where(l => l.Date < First).ToList();
        var soldUnits = inMonth.Sum(l => (long)l.Bottles);
        var soldMillilitres = inMonth.Sum(l => (long)l.Bottles * catalogue[l.Item].SizeMl);
        var soldDollars = inMonth.Sum(l => l.Dollars);
        var opening = (items.Count * (long)Received) - before.Sum(l => (long)l.Bottles);
        var openingMillilitres = items.Sum(i => (long)Received * catalogue[i].SizeMl) - before.Sum(l => (long)l.Bottles * catalogue[l.Item].SizeMl);
        Assert.True(inMonth.Count > 1000, $"October 2019 of store {Store} should have over 1,000 joined lines; found {inMonth.Count}.");

        Assert.Equal("generated", report.GetProperty("status").GetString());
        Assert.Equal("2019-10-01", report.GetProperty("period").GetProperty("start").GetString());
        Assert.Equal("2019-10-31", report.GetProperty("period").GetProperty("end").GetString());
        var rows = report.GetProperty("byCategory").EnumerateArray().ToDictionary(r => r.GetProperty("category").GetString()!);
        Assert.Equal(["beer", "other", "spirits", "wine"], rows.Keys.Order());
        var spirits = rows["spirits"];
        Assert.Equal(opening, spirits.GetProperty("openingUnits").GetInt64());
        Assert.Equal(openingMillilitres / 1000m, spirits.GetProperty("openingLitres").GetDecimal());
        Assert.Equal(0, spirits.GetProperty("purchasedUnits").GetInt64());
        Assert.Equal(soldUnits, spirits.GetProperty("soldUnits").GetInt64());
        Assert.Equal(soldMillilitres / 1000m, spirits.GetProperty("soldLitres").GetDecimal());
        Assert.Equal(soldDollars, spirits.GetProperty("soldAmount").GetDecimal());
        Assert.Equal(soldDollars, spirits.GetProperty("grossReceipts").GetDecimal());
        Assert.Equal(opening - soldUnits, spirits.GetProperty("closingUnits").GetInt64());
        Assert.Equal((openingMillilitres - soldMillilitres) / 1000m, spirits.GetProperty("closingLitres").GetDecimal());
        foreach (var field in new[] { "wastedUnits", "compedUnits", "adjustedUnits" })
        {
            Assert.Equal(0, spirits.GetProperty(field).GetInt64());
        }

        foreach (var empty in new[] { "wine", "beer", "other" })
        {
            Assert.Equal(0, rows[empty].GetProperty("soldUnits").GetInt64());
            Assert.Equal(0m, rows[empty].GetProperty("grossReceipts").GetDecimal());
        }

        Assert.Equal(soldDollars, report.GetProperty("totals").GetProperty("grossReceipts").GetDecimal());
        Assert.Equal(0, report.GetProperty("purchasesBySupplier").GetArrayLength());

        // Reproducible: the same period again gives the same figures.
        var again = (await admin.PostAsync("/api/v1/compliance/reports/abc", new { locationId = location, periodStart = "2019-10-01", periodEnd = "2019-10-31" }))
            .ShouldSucceed(HttpStatusCode.Created).Data;
        Assert.NotEqual(report.GetProperty("id").GetString(), again.GetProperty("id").GetString());
        Assert.Equal(report.GetProperty("byCategory").GetRawText(), again.GetProperty("byCategory").GetRawText());
        Assert.Equal(report.GetProperty("totals").GetRawText(), again.GetProperty("totals").GetRawText());

        await TheCsvIsOneTableWithOneHeaderRow(admin, report, soldMillilitres, soldDollars);
    }

    [Fact]
    public async Task Purchases_are_listed_by_supplier_and_a_running_period_is_a_draft_that_cannot_be_submitted()
    {
        var tenant = await product.NewTenantAsync();
        var location = await tenant.CreateLocationAsync();
        var vodka = await tenant.CreateProductAsync("VODKA-1L");
        var wine = await tenant.CreateProductAsync("MALBEC-750", "Catena Malbec", category: "wine");
        var glazers = await tenant.CreateSupplierAsync("Southern Glazer's");
        var breakthru = await tenant.CreateSupplierAsync("Breakthru Beverage");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTime.UtcNow, IowaSales.Chicago));
        await Receive(tenant, location, glazers, vodka, 24, 11.50m);
        await Receive(tenant, location, breakthru, wine, 12, 9.25m);
        (await tenant.Admin.PostAsync("/api/v1/transactions/waste", new { locationId = location, items = new[] { new { productId = wine, quantity = 1 } }, reason = "corked" }))
            .ShouldSucceed(HttpStatusCode.Created);
        (await tenant.Admin.PostAsync("/api/v1/transactions/comps", new { locationId = location, items = new[] { new { productId = vodka, quantity = 2 } }, reason = "regular" }))
            .ShouldSucceed(HttpStatusCode.Created);
        // A sale without a price is recorded at the catalogue's (20.99), waste and comps at the cost received at.
        (await tenant.Admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, items = new[] { new { productId = vodka, quantity = 1 } } }))
            .ShouldSucceed(HttpStatusCode.Created);

        var report = (await tenant.Admin.PostAsync("/api/v1/compliance/reports/abc", new
        {
            locationId = location,
            periodStart = today.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            periodEnd = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        })).ShouldSucceed(HttpStatusCode.Created).Data;

        Assert.Equal("draft", report.GetProperty("status").GetString());
        var suppliers = report.GetProperty("purchasesBySupplier").EnumerateArray().ToList();
        Assert.Equal(["Breakthru Beverage", "Southern Glazer's"], suppliers.Select(s => s.GetProperty("supplierName").GetString()));
        Assert.Equal(111.00m, suppliers[0].GetProperty("amount").GetDecimal());
        Assert.Equal(9m, suppliers[0].GetProperty("litres").GetDecimal());
        var rows = report.GetProperty("byCategory").EnumerateArray().ToDictionary(r => r.GetProperty("category").GetString()!);
        Assert.Equal(1, rows["wine"].GetProperty("wastedUnits").GetInt64());
        Assert.Equal(11, rows["wine"].GetProperty("closingUnits").GetInt64());
        Assert.Equal(9.25m, rows["wine"].GetProperty("wastedAmount").GetDecimal());
        Assert.Equal(2, rows["spirits"].GetProperty("compedUnits").GetInt64());
        Assert.Equal(23.00m, rows["spirits"].GetProperty("compedAmount").GetDecimal());
        Assert.Equal(20.99m, rows["spirits"].GetProperty("grossReceipts").GetDecimal());
        Assert.Equal(21, rows["spirits"].GetProperty("closingUnits").GetInt64());

        var id = report.GetProperty("id").GetString();
        (await tenant.Admin.PostAsync($"/api/v1/compliance/reports/{id}/submit", new { })).ShouldFail(HttpStatusCode.Conflict, "CONFLICT");
        Assert.Equal("draft", (await tenant.Admin.GetAsync($"/api/v1/compliance/reports/{id}")).ShouldSucceed().Data.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_generated_report_is_submitted_once_with_who_and_when()
    {
        var tenant = await product.NewTenantAsync();
        var location = await tenant.CreateLocationAsync();
        var id = (await tenant.Admin.PostAsync("/api/v1/compliance/reports/abc", new { locationId = location, periodStart = "2025-01-01", periodEnd = "2025-01-31" }))
            .ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetString();

        var submitted = (await tenant.Admin.PostAsync($"/api/v1/compliance/reports/{id}/submit", new { })).ShouldSucceed().Data;

        Assert.Equal("submitted", submitted.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, submitted.GetProperty("submittedAt").ValueKind);
        Assert.Equal(JsonValueKind.String, submitted.GetProperty("submittedBy").ValueKind);
        (await tenant.Admin.PostAsync($"/api/v1/compliance/reports/{id}/submit", new { })).ShouldFail(HttpStatusCode.Conflict, "CONFLICT");
        var listed = (await tenant.Admin.GetAsync("/api/v1/compliance/reports?status=submitted")).ShouldSucceed().Data.GetProperty("items");
        Assert.Equal(id, Assert.Single(listed.EnumerateArray()).GetProperty("id").GetString());
        var page = await tenant.Admin.GetTextAsync($"/api/v1/compliance/reports/{id}/download?format=html");
        Assert.Equal((HttpStatusCode.OK, "text/html"), (page.Status, page.MediaType));
        Assert.Contains("<table", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_texas_mixed_beverage_permit_gets_the_gross_receipts_tax_as_the_comptroller_takes_it()
    {
        var tenant = await product.NewTenantAsync();
        var location = Guid.Parse((await tenant.Admin.PostAsync("/api/v1/locations", new { name = "Ninfa's on Navigation", timezone = "America/Chicago", city = "Houston", state = "TX" }))
            .ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetString()!);
        var tequila = await tenant.CreateProductAsync("TEQ-750", "Casamigos Blanco");
        (await tenant.Admin.PostAsync("/api/v1/compliance/licenses", new
        {
            locationId = location,
            licenseType = "MB",
            issuingAuthority = "Texas Alcoholic Beverage Commission",
            licenseNumber = "MB639140",
            expiresOn = "2030-01-31",
        })).ShouldSucceed(HttpStatusCode.Created);
        (await tenant.Admin.PostAsync("/api/v1/transactions/sales", new
        {
            locationId = location,
            timestamp = IowaSales.Noon(new DateOnly(2025, 1, 17)),
            items = new[] { new { productId = tequila, quantity = 3, unitPrice = 20.99m } },
        })).ShouldSucceed(HttpStatusCode.Created);

        var report = (await tenant.Admin.PostAsync("/api/v1/compliance/reports/abc", new { locationId = location, periodStart = "2025-01-01", periodEnd = "2025-01-31" }))
            .ShouldSucceed(HttpStatusCode.Created).Data;

        var tax = Assert.Single(report.GetProperty("taxes").EnumerateArray());
        Assert.Equal(62.97m, tax.GetProperty("taxableReceipts").GetDecimal());
        Assert.Equal(0.067m, tax.GetProperty("rate").GetDecimal());
        // 62.97 x 6.7 % = 4.21899: the Comptroller drops the fraction of a cent.
        Assert.Equal(4.21m, tax.GetProperty("amount").GetDecimal());
        Assert.Equal("2025-02-20", tax.GetProperty("dueOn").GetString());
    }

    private static async Task TheCsvIsOneTableWithOneHeaderRow(ApiClient admin, JsonElement report, long soldMillilitres, decimal soldDollars)
    {
        var download = await admin.GetTextAsync($"/api/v1/compliance/reports/{report.GetProperty("id").GetString()}/download?format=csv");
        Assert.Equal((HttpStatusCode.OK, "text/csv"), (download.Status, download.MediaType));
        using var csv = new CsvReader(new StringReader(download.Text), CultureInfo.InvariantCulture);
        var records = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["category", "category", "category", "category", "total"], records.Select(r => (string)r["line"]));
        var spirits = records.Single(r => (string)r["category"] == "spirits");
        Assert.Equal(soldMillilitres / 1000m, decimal.Parse((string)spirits["soldLitres"], CultureInfo.InvariantCulture));
        Assert.Equal(soldDollars, decimal.Parse((string)spirits["soldAmount"], CultureInfo.InvariantCulture));
        // One header row: the first line names the columns, and no other line does.
        var lines = download.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines, l => l.StartsWith("line,", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Equal(lines[0].Count(c => c == ','), l.Count(c => c == ',')));
    }

    private static Task Receive(Tenant tenant, Guid location, Guid supplier, Guid productId, int quantity, decimal unitCost) =>
        tenant.Admin.PostAsync("/api/v1/transactions/purchases", new { locationId = location, supplierId = supplier, items = new[] { new { productId, quantity, unitCost } } })
            .ContinueWith(t => t.Result.ShouldSucceed(HttpStatusCode.Created), TaskScheduler.Default);
}
