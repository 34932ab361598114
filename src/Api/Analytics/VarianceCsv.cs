using System.Globalization;
using CsvHelper;
using InventoryProFlow.Api.Exports;
using InventoryProFlow.Contracts.Analytics;
using InventoryProFlow.Contracts.Json;

namespace InventoryProFlow.Api.Analytics;

/// <summary>The variance report as one spreadsheet table: a row per product, then a row per category and the total.</summary>
public static class VarianceCsv
{
    private static readonly string[] Header =
    [
        "row", "sku", "product", "category", "unit", "sizeMl", "openingUnits", "receivedUnits", "transfersInUnits", "transfersOutUnits",
        "adjustmentsUnits", "closingUnits", "actualUnits", "theoreticalUnits", "wasteUnits", "compsUnits", "varianceUnits", "actualMl", "theoreticalMl",
        "wasteMl", "compsMl", "varianceMl", "varianceOz", "varianceCost", "varianceRetail", "variancePercent", "unexplainedMl", "unexplainedCost", "countedAtClose",
    ];

    public static string Write(VarianceReport report)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new SpreadsheetCsvWriter(text))
        {
            foreach (var name in Header)
            {
                csv.WriteField(name);
            }

            csv.NextRecord();
            foreach (var p in report.Products)
            {
                Row(csv, [
                    "product", p.Sku, p.Name, p.Category, p.Unit, N(p.SizeMl), N(p.Opening.Units), N(p.Received.Units), N(p.TransfersIn.Units), N(p.TransfersOut.Units),
                    N(p.Adjustments.Units), N(p.Closing.Units), N(p.ActualUsage.Units), N(p.TheoreticalUsage.Units), N(p.Waste.Units), N(p.Comps.Units), N(p.Variance.Units),
                    N(p.ActualUsage.Ml), N(p.TheoreticalUsage.Ml), N(p.Waste.Ml), N(p.Comps.Ml), N(p.Variance.Ml), N(p.Variance.Oz), N(p.Variance.Cost), N(p.Variance.Retail),
                    N(p.VariancePercent), N(p.Unexplained.Ml), N(p.Unexplained.Cost), p.CountedAtClose ? "yes" : "no",
                ]);
            }

            foreach (var c in report.Categories.Append(report.Totals))
            {
                Row(csv, [
                    c.Category == "total" ? "total" : "category", string.Empty, string.Empty, c.Category, string.Empty, string.Empty, string.Empty, string.Empty,
                    string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, N(c.Variance.Units),
                    N(c.ActualMl), N(c.TheoreticalMl), string.Empty, string.Empty, N(c.Variance.Ml), N(c.Variance.Oz), N(c.Variance.Cost), N(c.Variance.Retail),
                    N(c.VariancePercent), N(c.Unexplained.Ml), N(c.Unexplained.Cost), string.Empty,
                ]);
            }
        }

        return text.ToString();
    }

    private static void Row(CsvWriter csv, string[] fields)
    {
        foreach (var field in fields)
        {
            csv.WriteField(field);
        }

        csv.NextRecord();
    }

    private static string N(decimal? value) => value is { } number ? ShortestDecimal.Text(number) : string.Empty;
}
