using System.Globalization;
using System.Net;
using CsvHelper;
using InventoryProFlow.Api.Exports;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Security;

/// <summary>
/// Text people typed (supplier and product names, references) never reaches a spreadsheet as a formula: a cell starting
/// with =, +, -, @, a tab or a carriage return gets a single quote in front; plain numbers, negative ones too, stay numbers.
/// </summary>
[Collection(SharedProduct.Collection)]
public sealed class CsvInjectionTests(SharedProduct product)
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"x\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"")]
    [InlineData("+1+cmd|' /C calc'!A0", "\"'+1+cmd|' /C calc'!A0\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("@SUM(A1:A9)", "\"'@SUM(A1:A9)\"")]
    [InlineData("\t=1+2", "\"'\t=1+2\"")]
    [InlineData("\r=1+2", "\"'\r=1+2\"")]
    [InlineData("-", "\"'-\"")]
    [InlineData("=1,2", "\"'=1,2\"")]
    public void A_cell_a_spreadsheet_would_run_is_written_as_text(string cell, string written) =>
        Assert.Equal(written, OneCell(cell));

    [Theory]
    [InlineData("-2")]
    [InlineData("-0.75")]
    [InlineData("12.5")]
    [InlineData("0")]
    [InlineData("Breakthru Beverage")]
    [InlineData("INV-7781")]
    [InlineData("2025-05-02")]
    [InlineData("")]
    public void Numbers_and_harmless_text_are_written_as_they_are(string cell) =>
        Assert.Equal(cell, OneCell(cell));

    [Fact]
    public async Task Receiving_records_escape_the_supplier_product_and_reference_people_typed()
    {
        var tenant = await product.NewTenantAsync("liquor_store");
        var location = await tenant.CreateLocationAsync("Corner Liquor");
        var supplier = await tenant.CreateSupplierAsync("=HYPERLINK(\"http://evil.example\",\"Pay here\")");
        var vodka = await tenant.CreateProductAsync("VODKA-INJ", name: "@SUM(1+1)");
        (await tenant.Admin.PostAsync("/api/v1/transactions/purchases", new
        {
            locationId = location,
            supplierId = supplier,
            timestamp = "2025-05-02T17:00:00Z",
            referenceId = "+INV-1",
            items = new[] { new { productId = vodka, quantity = 12, unitCost = 15.00m } },
        })).ShouldSucceed(HttpStatusCode.Created);

        var download = await tenant.Admin.GetTextAsync("/api/v1/compliance/records/receiving?from=2025-05-01&to=2025-05-31&format=csv");

        Assert.Equal(HttpStatusCode.OK, download.Status);
        using var csv = new CsvReader(new StringReader(download.Text), CultureInfo.InvariantCulture);
        var row = Assert.Single(csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList());
        Assert.Equal(
            ("'=HYPERLINK(\"http://evil.example\",\"Pay here\")", "'@SUM(1+1)", "'+INV-1", "12", "15.00"),
            ((string)row["supplier"], (string)row["product"], (string)row["referenceId"], (string)row["quantity"], (string)row["unitCost"]));
    }

    [Fact]
    public void Every_csv_the_product_writes_goes_through_the_spreadsheet_writer()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(TestPostgres.RepositoryRoot(), "src"), "*.cs", SearchOption.AllDirectories)
            .Select(path => (Name: Path.GetFileName(path), Text: File.ReadAllText(path)))
            .ToList();

        Assert.Empty(sources.Where(s => s.Text.Contains("new CsvWriter(", StringComparison.Ordinal)).Select(s => s.Name));
        Assert.Equal(
            ["ReceivingCsv.cs", "ReportCsv.cs", "SalesAnalyticsApi.cs", "VarianceCsv.cs"],
            sources.Where(s => s.Text.Contains("new SpreadsheetCsvWriter(", StringComparison.Ordinal)).Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    private static string OneCell(string cell)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new SpreadsheetCsvWriter(text))
        {
            csv.WriteField(cell);
        }

        return text.ToString();
    }
}
