using System.Globalization;
using CsvHelper;
using InventoryProFlow.Grains.Compliance;

namespace InventoryProFlow.Grains.Tests.Compliance;

/// <summary>
/// Acceptance: the product's Texas rule (from the embedded state-rules.json) applied to what every Texas permit
/// reported as receipts for September 2017 gives the tax the Comptroller recorded as paid (shared/data/README.md).
/// Data: Texas Comptroller of Public Accounts, Mixed Beverage Gross Receipts. "The Comptroller of Public Accounts
/// cannot vouch for the data or analysis derived from data after it has been retrieved from the Comptroller's Web site."
/// </summary>
public sealed class TexasGrossReceiptsTaxTests
{
    private const string Receipts = "texas_mixed_beverage_receipts_2017_09_10.csv";
    private const string ReportedTax = "texas_mixed_beverage_reported_tax_2017_10_release.csv";

    [Fact]
    public void September_2017_tax_by_the_texas_rule_matches_what_permits_reported()
    {
        var texas = StateRuleBook.Embedded.For("TX");
        var computed = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var rows = 0;
        foreach (var row in Read(Receipts).Where(r => r["Obligation End Date"] == "09/30/2017"))
        {
            rows++;
            var permit = row["TABC Permit Number"];
            var rule = Assert.Single(texas.TaxesFor(PermitKind(permit)));
            // A permit that changed hands in the month has a row per taxpayer and each files its own return, so the
            // tax is taken per row and the permit's rows are added, as the reported file adds its rows.
            computed[permit] = computed.GetValueOrDefault(permit) + GrossReceiptsTax.On(Dollars(row["Total Receipts"]), rule);
        }

        var reported = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var row in Read(ReportedTax).Where(r => r["report_period"] == "2017/09"))
        {
            var permit = row["tabc_permit_number"];
            reported[permit] = reported.GetValueOrDefault(permit) + decimal.Parse(row["reported_tax"], NumberStyles.Number, CultureInfo.InvariantCulture);
        }

        var inBoth = computed.Keys.Where(reported.ContainsKey).ToList();
        var agree = inBoth.Count(p => Math.Abs(computed[p] - reported[p]) <= 0.50m);
        var toTheCent = inBoth.Count(p => computed[p] == reported[p]);

        Assert.Equal(15_536, rows);
        Assert.Equal(15_523, computed.Count);
        Assert.Equal(14_448, inBoth.Count);
        Assert.True(agree >= 0.995m * inBoth.Count, $"{agree} of {inBoth.Count} permits agree within $0.50");
        // Measured: every permit that agrees agrees to the cent; the 20 others differ by whole returns (late or amended filings).
        Assert.Equal(14_428, agree);
        Assert.Equal(14_428, toTheCent);
    }

    [Fact]
    public void Ninfas_on_navigation_owes_12154_80_on_181415_dollars()
    {
        var rule = Assert.Single(StateRuleBook.Embedded.For("TX").TaxesFor("MB"));
        var ninfas = Assert.Single(Read(Receipts), r => r["TABC Permit Number"] == "MB639140" && r["Obligation End Date"] == "09/30/2017");

        Assert.Equal(181_415m, Dollars(ninfas["Total Receipts"]));
        // 181,415 x 6.7 % = 12,154.805: Texas drops the half cent where a half-up rounding would say 12,154.81.
        Assert.Equal(12_154.80m, GrossReceiptsTax.On(Dollars(ninfas["Total Receipts"]), rule));
        Assert.Equal(12_154.80m, decimal.Parse(
            Assert.Single(Read(ReportedTax), r => r["tabc_permit_number"] == "MB639140" && r["report_period"] == "2017/09")["reported_tax"],
            CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_package_store_permit_owes_no_mixed_beverage_tax() =>
        Assert.Empty(StateRuleBook.Embedded.For("TX").TaxesFor("P"));

    /// <summary>The permit kind is the letters before the number: "MB639140" is MB, "N 697788" is N.</summary>
    private static string PermitKind(string permit) => new(permit.TakeWhile(char.IsAsciiLetter).ToArray());

    private static decimal Dollars(string text) =>
        decimal.Parse(text.Replace("$", "", StringComparison.Ordinal), NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static List<Dictionary<string, string>> Read(string file)
    {
        using var reader = new StreamReader(Path.Combine(SharedData.Folder, file));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(header.Select((name, i) => (name, value: csv.GetField(i) ?? "")).ToDictionary(f => f.name, f => f.value, StringComparer.Ordinal));
        }

        return rows;
    }
}
