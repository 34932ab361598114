using System.Globalization;
using CsvHelper;
using InventoryProFlow.Api.Exports;
using InventoryProFlow.Contracts.Compliance;
using InventoryProFlow.Contracts.Json;

namespace InventoryProFlow.Api.Compliance;

/// <summary>
/// An ABC report as one spreadsheet table with one header row: a line per category, the total, then a line per
/// supplier's purchases (their columns that do not apply left empty). Numbers are plain invariant decimals.
/// </summary>
public static class ReportCsv
{
    private static readonly string[] Header =
    [
        "line", "category", "supplier", "openingUnits", "purchasedUnits", "soldUnits", "wastedUnits", "compedUnits", "adjustedUnits",
        "transferredInUnits", "transferredOutUnits", "closingUnits", "openingLitres", "purchasedLitres", "soldLitres", "wastedLitres",
        "compedLitres", "adjustedLitres", "transferredInLitres", "transferredOutLitres", "closingLitres", "purchasedAmount", "soldAmount",
        "wastedAmount", "compedAmount", "grossReceipts",
    ];

    public static string Write(ComplianceReportView report)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new SpreadsheetCsvWriter(text))
        {
            foreach (var name in Header)
            {
                csv.WriteField(name);
            }

            csv.NextRecord();
            foreach (var row in report.ByCategory)
            {
                Figures(csv, "category", row);
            }

            Figures(csv, "total", report.Totals);
            foreach (var supplier in report.PurchasesBySupplier)
            {
                csv.WriteField("purchases");
                csv.WriteField(supplier.Category);
                csv.WriteField(supplier.SupplierName);
                Write(csv, [null, supplier.Units, null, null, null, null, null, null, null, null, supplier.Litres, null, null, null, null, null, null, null, supplier.Amount, null, null, null, null]);
                csv.NextRecord();
            }
        }

        return text.ToString();
    }

    private static void Figures(CsvWriter csv, string line, AbcCategoryFigures f)
    {
        csv.WriteField(line);
        csv.WriteField(f.Category);
        csv.WriteField(string.Empty);
        Write(csv, [
            f.OpeningUnits, f.PurchasedUnits, f.SoldUnits, f.WastedUnits, f.CompedUnits, f.AdjustedUnits, f.TransferredInUnits, f.TransferredOutUnits, f.ClosingUnits,
            f.OpeningLitres, f.PurchasedLitres, f.SoldLitres, f.WastedLitres, f.CompedLitres, f.AdjustedLitres, f.TransferredInLitres, f.TransferredOutLitres, f.ClosingLitres,
            f.PurchasedAmount, f.SoldAmount, f.WastedAmount, f.CompedAmount, f.GrossReceipts,
        ]);
        csv.NextRecord();
    }

    private static void Write(CsvWriter csv, decimal?[] values)
    {
        foreach (var value in values)
        {
            csv.WriteField(value is { } number ? ShortestDecimal.Text(number) : string.Empty);
        }
    }
}
