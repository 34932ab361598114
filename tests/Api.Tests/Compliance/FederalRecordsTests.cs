using System.Globalization;
using System.Net;
using System.Text.Json;
using CsvHelper;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Compliance;

/// <summary>
/// TTB figures and 27 CFR 31 records from the ledger, checked against proof gallons computed by hand from
/// COMPLIANCE.md's worked examples (12 x 750 ml at 40 % = 1.9020 PG, 6 x 1750 ml at 40 % = 2.2190, 120 x 1000 ml at 50 % = 31.7006).
/// </summary>
[Collection(SharedProduct.Collection)]
public sealed class FederalRecordsTests(SharedProduct product)
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    [Fact]
    public async Task A_distillery_month_gives_proof_gallons_by_kind_on_each_form_with_due_dates()
    {
        var (tenant, location) = await DistilleryMarchAsync();

        var report = (await tenant.Admin.GetAsync("/api/v1/compliance/ttb/monthly?month=2025-03")).ShouldSucceed().Data;

        Assert.Equal("2025-03", report.GetProperty("month").GetString());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("locationId").ValueKind);
        var storage = report.GetProperty("storage");
        Assert.Equal("TTB F 5110.11", storage.GetProperty("form").GetString());
        // 15 April 2025 is a Tuesday.
        Assert.Equal("2025-04-15", storage.GetProperty("dueOn").GetString());
        Assert.Contains("15th of the following month", storage.GetProperty("dueRule").GetString(), StringComparison.Ordinal);
        var lines = Lines(storage);
        Assert.Equal(["whisky", "brandy", "rum", "gin", "vodka", "alcohol", "other"], lines.Keys);

        // Vodka: 24 bottles in February, 12 received and 12 sold in March.
        AssertFigure(lines["vodka"], "openingOnHand", 3.8041m, 3.8m);
        AssertFigure(lines["vodka"], "received", 1.9020m, 1.9m);
        AssertFigure(lines["vodka"], "removedTaxpaid", 1.9020m, 1.9m);
        AssertFigure(lines["vodka"], "closingOnHand", 3.8041m, 3.8m);
        // Bourbon: 6 x 1750 ml received, one bottle wasted (0.3698 PG).
        AssertFigure(lines["whisky"], "received", 2.2190m, 2.2m);
        AssertFigure(lines["whisky"], "losses", 0.3698m, 0.4m);
        AssertFigure(lines["whisky"], "closingOnHand", 1.8492m, 1.8m);
        // Grain neutral spirits: 120 x 1000 ml at 50 % made (an adjustment whose reason is "Production").
        AssertFigure(lines["alcohol"], "produced", 31.7006m, 31.7m);
        AssertFigure(lines["alcohol"], "received", 0m, 0m);
        AssertFigure(lines["alcohol"], "closingOnHand", 31.7006m, 31.7m);
        // A liqueur sold below zero on 31 March at 22:00 in Chicago (1 April in UTC): March's, and on the form as 0 with a warning.
        AssertFigure(lines["other"], "removedTaxpaid", 0.2378m, 0.2m);
        AssertFigure(lines["other"], "closingOnHand", -0.2378m, 0m);
        var warning = Assert.Single(report.GetProperty("warnings").EnumerateArray()).GetString()!;
        Assert.StartsWith("other: closing on hand is -0.2378", warning, StringComparison.Ordinal);
        foreach (var kind in new[] { "brandy", "rum", "gin" })
        {
            Assert.All(lines[kind].EnumerateObject().Where(p => p.Name != "kind"), p => Assert.Equal(0m, p.Value.GetProperty("reported").GetDecimal()));
        }

        var production = report.GetProperty("production");
        Assert.Equal("TTB F 5110.40", production.GetProperty("form").GetString());
        Assert.Equal(31.7m, production.GetProperty("totals").GetProperty("produced").GetProperty("reported").GetDecimal());
        Assert.Equal(31.7m, Lines(production)["alcohol"].GetProperty("produced").GetProperty("reported").GetDecimal());
        var processing = report.GetProperty("processing");
        Assert.Equal("TTB F 5110.28", processing.GetProperty("form").GetString());
        Assert.Equal("2025-04-15", processing.GetProperty("dueOn").GetString());
        Assert.Equal(0m, processing.GetProperty("totals").GetProperty("bottled").GetProperty("reported").GetDecimal());
        Assert.Contains("AwayFromZero", report.GetProperty("rounding").GetString(), StringComparison.Ordinal);

        // April's sale is not March's; a month with no activity is a report of zeros.
        var february = (await tenant.Admin.GetAsync($"/api/v1/compliance/ttb/monthly?month=2025-02&locationId={location}")).ShouldSucceed().Data;
        AssertFigure(Lines(february.GetProperty("storage"))["vodka"], "closingOnHand", 3.8041m, 3.8m);
        AssertFigure(Lines(february.GetProperty("storage"))["vodka"], "removedTaxpaid", 0m, 0m);
        var january = (await tenant.Admin.GetAsync("/api/v1/compliance/ttb/monthly?month=2025-01")).ShouldSucceed().Data;
        Assert.Equal(0m, january.GetProperty("storage").GetProperty("totals").GetProperty("closingOnHand").GetProperty("exact").GetDecimal());
        Assert.Equal(7, january.GetProperty("processing").GetProperty("lines").GetArrayLength());
    }

    [Fact]
    public async Task The_excise_estimate_taxes_removals_at_the_tier_the_year_has_reached_and_is_due_14_days_after_the_period()
    {
        var (tenant, _) = await DistilleryMarchAsync();

        var first = (await tenant.Admin.GetAsync("/api/v1/compliance/ttb/excise?periodStart=2025-03-01&periodEnd=2025-03-15")).ShouldSucceed().Data;
        AssertFigure(first, "taxableRemovals", 1.9020m, 1.9m);
        AssertFigure(first, "removedEarlierThisYear", 0m, 0m);
        // 1.90198 PG x $2.70 = $5.1353.
        Assert.Equal(5.14m, first.GetProperty("tax").GetDecimal());
        // 29 March 2025 is a Saturday: the return is due the business day before.
        Assert.Equal("2025-03-28", first.GetProperty("dueOn").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("septemberRule").ValueKind);
        Assert.Equal([2.70m, 13.34m, 13.50m], first.GetProperty("rates").EnumerateArray().Select(r => r.GetProperty("ratePerProofGallon").GetDecimal()));

        var second = (await tenant.Admin.GetAsync("/api/v1/compliance/ttb/excise?periodStart=2025-03-16&periodEnd=2025-03-31")).ShouldSucceed().Data;
        AssertFigure(second, "taxableRemovals", 0.2378m, 0.2m);
        AssertFigure(second, "removedEarlierThisYear", 1.9020m, 1.9m);
        var other = second.GetProperty("byKind").EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "other");
        AssertFigure(other, "proofGallons", 0.2378m, 0.2m);
        // 0.23775 PG x $2.70 = $0.6419.
        Assert.Equal(0.64m, second.GetProperty("tax").GetDecimal());
        Assert.Equal("2025-04-14", second.GetProperty("dueOn").GetString());

        var september = (await tenant.Admin.GetAsync("/api/v1/compliance/ttb/excise?periodStart=2025-09-16&periodEnd=2025-09-30")).ShouldSucceed().Data;
        Assert.Contains("29 September", september.GetProperty("septemberRule").GetString(), StringComparison.Ordinal);
        Assert.Equal(0m, september.GetProperty("tax").GetDecimal());
    }

    [Fact]
    public async Task Receiving_records_export_as_one_table_and_sales_of_20_wine_gallons_or_more_are_flagged()
    {
        var tenant = await product.NewTenantAsync("liquor_store");
        var location = await tenant.CreateLocationAsync("Corner Liquor");
        var supplier = await tenant.CreateSupplierAsync("Breakthru Beverage");
        var vodka = await tenant.CreateProductAsync("TITOS-750");
        var wine = await NewProductAsync(tenant, "MALBEC-750", "Catena Malbec", "wine", "malbec", 750, 13.5m);
        var tonic = await NewProductAsync(tenant, "TONIC-750", "Fever-Tree Tonic", "mixer", null, 750, 0m);
        await PostAsync(tenant, "purchases", location, Noon(new DateOnly(2025, 5, 2)), new { productId = vodka, quantity = 240, unitCost = 15.00m }, supplier, "INV-7781");
        await PostAsync(tenant, "purchases", location, Noon(new DateOnly(2025, 5, 2)), new { productId = wine, quantity = 120, unitCost = 9.25m }, supplier, "INV-7781");
        await PostAsync(tenant, "purchases", location, Noon(new DateOnly(2025, 6, 1)), new { productId = tonic, quantity = 12, unitCost = 2.00m }, supplier, "INV-7790");
        // 102 x 750 ml = 76.5 L: recorded. 100 x 750 ml = 75 L: not, even with tonic on the same ticket.
        await PostAsync(tenant, "sales", location, Noon(new DateOnly(2025, 5, 10)), new { productId = wine, quantity = 102, unitPrice = 12.00m }, referenceId: "BIG-1");
        await PostAsync(tenant, "sales", location, Noon(new DateOnly(2025, 5, 11)), new object[] { new { productId = vodka, quantity = 100, unitPrice = 20.00m }, new { productId = tonic, quantity = 10, unitPrice = 3.00m } }, referenceId: "SMALL-1");

        var flagged = (await tenant.Admin.GetAsync("/api/v1/compliance/records/large-sales?from=2025-05-01&to=2025-06-30")).ShouldSucceed().Data;
        var sale = Assert.Single(flagged.GetProperty("items").EnumerateArray());
        Assert.Equal(1, flagged.GetProperty("pagination").GetProperty("total").GetInt32());
        Assert.Equal("BIG-1", sale.GetProperty("referenceId").GetString());
        Assert.Equal("2025-05-10", sale.GetProperty("businessDate").GetString());
        Assert.Equal(76.5m, sale.GetProperty("litres").GetDecimal());
        Assert.Equal(20.2092m, decimal.Round(sale.GetProperty("wineGallons").GetDecimal(), 4));
        Assert.Equal(102, Assert.Single(sale.GetProperty("lines").EnumerateArray()).GetProperty("quantity").GetInt32());
        Assert.Contains("purchaser", sale.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await tenant.Admin.GetAsync("/api/v1/compliance/records/large-sales?from=2025-05-11&to=2025-05-31")).ShouldSucceed().Data.GetProperty("items").GetArrayLength());

        var page = (await tenant.Admin.GetAsync("/api/v1/compliance/records/receiving?from=2025-05-01&to=2025-06-30&limit=2")).ShouldSucceed().Data;
        Assert.Equal(3, page.GetProperty("pagination").GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        var first = page.GetProperty("items")[0];
        Assert.Equal("Breakthru Beverage", first.GetProperty("supplierName").GetString());
        Assert.Equal("INV-7781", first.GetProperty("referenceId").GetString());

        var download = await tenant.Admin.GetTextAsync("/api/v1/compliance/records/receiving?from=2025-05-01&to=2025-06-30&format=csv");
        Assert.Equal((HttpStatusCode.OK, "text/csv"), (download.Status, download.MediaType));
        using var csv = new CsvReader(new StringReader(download.Text), CultureInfo.InvariantCulture);
        var records = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["MALBEC-750", "TITOS-750", "TONIC-750"], records.Select(r => (string)r["sku"]).Order(StringComparer.Ordinal).ToList());
        var malbec = records.Single(r => (string)r["sku"] == "MALBEC-750");
        Assert.Equal(("2025-05-02", "Breakthru Beverage", "Catena Malbec", "120", "750", "INV-7781"),
            ((string)malbec["date"], (string)malbec["supplier"], (string)malbec["product"], (string)malbec["quantity"], (string)malbec["sizeMl"], (string)malbec["referenceId"]));
        Assert.Equal(90m, decimal.Parse((string)malbec["litres"], CultureInfo.InvariantCulture));
        Assert.Equal(9.25m, decimal.Parse((string)malbec["unitCost"], CultureInfo.InvariantCulture));
        Assert.Equal(1110.00m, decimal.Parse((string)malbec["amount"], CultureInfo.InvariantCulture));
        var lines = download.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines, l => l.StartsWith("date,", StringComparison.Ordinal));
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public async Task Staff_are_refused_managers_read_and_another_organisation_sees_nothing()
    {
        var (tenant, location) = await DistilleryMarchAsync();
        var staff = await tenant.SignedInAsync("staff");
        var manager = await tenant.SignedInAsync("manager");
        string[] paths =
        [
            "/api/v1/compliance/ttb/monthly?month=2025-03",
            "/api/v1/compliance/ttb/excise?periodStart=2025-03-01&periodEnd=2025-03-15",
            "/api/v1/compliance/records/receiving?from=2025-03-01&to=2025-03-31",
            "/api/v1/compliance/records/large-sales?from=2025-03-01&to=2025-03-31",
        ];
        foreach (var path in paths)
        {
            (await staff.GetAsync(path)).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
            (await manager.GetAsync(path)).ShouldSucceed();
        }

        var other = await product.NewTenantAsync("distillery");
        (await other.Admin.GetAsync($"/api/v1/compliance/ttb/monthly?month=2025-03&locationId={location}")).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        (await other.Admin.GetAsync($"/api/v1/compliance/records/receiving?from=2025-03-01&to=2025-03-31&locationId={location}")).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Equal(0, (await other.Admin.GetAsync("/api/v1/compliance/records/receiving?from=2025-03-01&to=2025-03-31")).ShouldSucceed().Data.GetProperty("items").GetArrayLength());
        var theirs = (await other.Admin.GetAsync("/api/v1/compliance/ttb/monthly?month=2025-03")).ShouldSucceed().Data;
        Assert.Equal(0m, theirs.GetProperty("storage").GetProperty("totals").GetProperty("closingOnHand").GetProperty("exact").GetDecimal());
        Assert.Equal(0m, (await other.Admin.GetAsync("/api/v1/compliance/ttb/excise?periodStart=2025-03-01&periodEnd=2025-03-31")).ShouldSucceed().Data.GetProperty("tax").GetDecimal());
    }

    [Fact]
    public async Task Bad_requests_get_a_validation_error_naming_the_field()
    {
        var tenant = await product.NewTenantAsync("distillery");
        var cases = new (string Path, string Field)[]
        {
            ("/api/v1/compliance/ttb/monthly", "month"),
            ("/api/v1/compliance/ttb/monthly?month=2026-13", "month"),
            ("/api/v1/compliance/ttb/monthly?month=2025-03-01", "month"),
            ("/api/v1/compliance/ttb/monthly?month=2999-01", "month"),
            ("/api/v1/compliance/ttb/monthly?month=2025-03&locationId=main", "locationId"),
            ("/api/v1/compliance/ttb/excise?periodEnd=2025-03-15", "periodStart"),
            ("/api/v1/compliance/ttb/excise?periodStart=2025-03-16&periodEnd=2025-03-15", "periodEnd"),
            ("/api/v1/compliance/ttb/excise?periodStart=2024-12-16&periodEnd=2025-01-15", "periodEnd"),
            ("/api/v1/compliance/ttb/excise?periodStart=2999-01-01&periodEnd=2999-01-15", "periodStart"),
            ("/api/v1/compliance/records/receiving?from=2025-03-31&to=2025-03-01", "to"),
            ("/api/v1/compliance/records/receiving?from=2020-01-01&to=2023-01-03", "to"),
            ("/api/v1/compliance/records/receiving?from=2025-03-01&to=2025-03-31&format=xml", "format"),
            ("/api/v1/compliance/records/receiving?from=03/01/2025&to=2025-03-31", "from"),
            ("/api/v1/compliance/records/receiving?to=2025-03-31", "from"),
            ("/api/v1/compliance/records/large-sales?from=2025-03-31&to=2025-03-01", "to"),
            ("/api/v1/compliance/records/large-sales?from=2025-03-01&to=2025-03-31&limit=0", "limit"),
        };
        foreach (var (path, field) in cases)
        {
            var failure = (await tenant.Admin.GetAsync(path)).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
            Assert.True(failure.ErrorFields.Contains(field), $"{path}: expected a {field} error, got {failure.Body}");
        }

        // 3 years and a day is the longest range, and the error says so.
        (await tenant.Admin.GetAsync("/api/v1/compliance/records/receiving?from=2020-01-01&to=2023-01-02")).ShouldSucceed();
        Assert.Contains("2023-01-02", (await tenant.Admin.GetAsync("/api/v1/compliance/records/receiving?from=2020-01-01&to=2023-01-03")).ErrorMessage, StringComparison.Ordinal);
        (await tenant.Admin.GetAsync($"/api/v1/compliance/ttb/monthly?month=2025-03&locationId={Guid.NewGuid()}")).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    /// <summary>
    /// A distillery's February and March 2025 at one Chicago location: vodka (750 ml, 40 %), bourbon (1750 ml, 40 %),
    /// grain neutral spirits (1000 ml, 50 %) and a ginger liqueur (750 ml, 20 %) that is not gin.
    /// </summary>
    private async Task<(Tenant Tenant, Guid Location)> DistilleryMarchAsync()
    {
        var tenant = await product.NewTenantAsync("distillery");
        var location = await tenant.CreateLocationAsync("Still House");
        var supplier = await tenant.CreateSupplierAsync("Grain & Glass Co.");
        var vodka = await NewProductAsync(tenant, "VODKA-750", "Still House Vodka", "spirits", "vodka", 750, 40m);
        var bourbon = await NewProductAsync(tenant, "BOURBON-1750", "Buffalo Trace", "spirits", "Bourbon", 1750, 40m);
        var neutral = await NewProductAsync(tenant, "GNS-1000", "Still House 100", "spirits", "Neutral Spirits", 1000, 50m);
        var liqueur = await NewProductAsync(tenant, "GINGER-750", "Ginger Liqueur", "spirits", null, 750, 20m);

        await PostAsync(tenant, "purchases", location, Noon(new DateOnly(2025, 2, 10)), new { productId = vodka, quantity = 24, unitCost = 10.00m }, supplier);
        await PostAsync(tenant, "purchases", location, Noon(new DateOnly(2025, 3, 10)), new { productId = vodka, quantity = 12, unitCost = 10.00m }, supplier);
        await PostAsync(tenant, "purchases", location, Noon(new DateOnly(2025, 3, 10)), new { productId = bourbon, quantity = 6, unitCost = 30.00m }, supplier);
        (await tenant.Admin.PostAsync("/api/v1/transactions/adjustments", new
        {
            locationId = location,
            direction = "increase",
            reason = "Production",
            timestamp = Noon(new DateOnly(2025, 3, 12)),
            items = new[] { new { productId = neutral, quantity = 120 } },
        })).ShouldSucceed(HttpStatusCode.Created);
        await PostAsync(tenant, "sales", location, Noon(new DateOnly(2025, 3, 15)), new { productId = vodka, quantity = 12, unitPrice = 25.00m });
        (await tenant.Admin.PostAsync("/api/v1/transactions/waste", new
        {
            locationId = location,
            reason = "broken",
            timestamp = Noon(new DateOnly(2025, 3, 16)),
            items = new[] { new { productId = bourbon, quantity = 1 } },
        })).ShouldSucceed(HttpStatusCode.Created);
        // 22:00 on 31 March in Chicago; below zero, as a till may record it.
        await PostAsync(tenant, "sales", location, "2025-04-01T03:00:00Z", new { productId = liqueur, quantity = 3, unitPrice = 18.00m });
        await PostAsync(tenant, "sales", location, Noon(new DateOnly(2025, 4, 2)), new { productId = vodka, quantity = 1, unitPrice = 25.00m });
        return (tenant, location);
    }

    private static async Task<Guid> NewProductAsync(Tenant tenant, string sku, string name, string category, string? subcategory, int sizeMl, decimal abv) =>
        Guid.Parse((await tenant.Admin.PostAsync("/api/v1/products", new { sku, name, category, subcategory, sizeMl, abv, cost = 10.00m, price = 20.00m }))
            .ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetString()!);

    private static async Task PostAsync(Tenant tenant, string kind, Guid location, string timestamp, object items, Guid? supplier = null, string? referenceId = null) =>
        (await tenant.Admin.PostAsync($"/api/v1/transactions/{kind}", new
        {
            locationId = location,
            supplierId = supplier,
            timestamp,
            referenceId,
            items = items as object[] ?? [items],
        })).ShouldSucceed(HttpStatusCode.Created);

    private static Dictionary<string, JsonElement> Lines(JsonElement form) =>
        form.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("kind").GetString()!);

    /// <summary>The exact figure to 4 places (COMPLIANCE.md's precision) and the reported one to the tenth.</summary>
    private static void AssertFigure(JsonElement line, string field, decimal exactTo4Places, decimal reported)
    {
        var figure = line.GetProperty(field);
        Assert.Equal((field, exactTo4Places, reported), (field, decimal.Round(figure.GetProperty("exact").GetDecimal(), 4, MidpointRounding.AwayFromZero), figure.GetProperty("reported").GetDecimal()));
    }

    private static string Noon(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), Chicago.GetUtcOffset(date.ToDateTime(new TimeOnly(12, 0)))).ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
