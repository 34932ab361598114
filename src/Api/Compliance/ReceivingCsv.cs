using System.Globalization;
using CsvHelper;
using InventoryProFlow.Api.Exports;
using InventoryProFlow.Contracts.Compliance;
using InventoryProFlow.Contracts.Json;

namespace InventoryProFlow.Api.Compliance;

/// <summary>Receiving records as one spreadsheet table with one header row, a line per receipt; numbers are plain invariant decimals.</summary>
public static class ReceivingCsv
{
    private static readonly string[] Header =
    [
        "date", "occurredAt", "location", "supplier", "product", "sku", "category", "quantity", "sizeMl", "litres", "unitCost", "amount",
        "referenceId", "transactionId",
    ];

    public static string Write(IReadOnlyList<ReceivingRecord> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new SpreadsheetCsvWriter(text))
        {
            foreach (var name in Header)
            {
                csv.WriteField(name);
            }

            csv.NextRecord();
            foreach (var r in rows)
            {
                csv.WriteField(r.BusinessDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                csv.WriteField(r.OccurredAt.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
                csv.WriteField(r.LocationName);
                csv.WriteField(r.SupplierName ?? string.Empty);
                csv.WriteField(r.ProductName);
                csv.WriteField(r.Sku);
                csv.WriteField(r.Category);
                csv.WriteField(Number(r.Quantity));
                csv.WriteField(Number(r.SizeMl));
                csv.WriteField(Number(r.Litres));
                csv.WriteField(r.UnitCost?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
                csv.WriteField(r.Amount?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
                csv.WriteField(r.ReferenceId ?? string.Empty);
                csv.WriteField(r.TransactionId.ToString());
                csv.NextRecord();
            }
        }

        return text.ToString();
    }

    private static string Number(decimal value) => ShortestDecimal.Text(value);
}
