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

    /// <summary>
    /// Streams the file: the header, then each chunk <paramref name="next"/> answers after the last row written, until a
    /// chunk comes back short or the limit's most rows are out (receipts recorded while it streams may come near it). Each chunk is written as text and flushed on its
    /// own, so memory holds one chunk, never the file.
    /// </summary>
    public static async Task WriteAsync(Stream body, Func<ReceivingRecord?, Task<IReadOnlyList<ReceivingRecord>>> next, ExportLimits limits)
    {
        await using var writer = new StreamWriter(body, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        await writer.WriteAsync(Text(csv =>
        {
            foreach (var name in Header)
            {
                csv.WriteField(name);
            }

            csv.NextRecord();
        }));
        ReceivingRecord? last = null;
        for (var written = 0; written < limits.MaxRows;)
        {
            var chunk = await next(last);
            var rows = chunk.Take(limits.MaxRows - written).ToList();
            await writer.WriteAsync(Text(csv => rows.ForEach(r => Row(csv, r))));
            await writer.FlushAsync();
            written += rows.Count;
            if (rows.Count == 0 || chunk.Count < limits.ChunkRows)
            {
                break;
            }

            last = rows[^1];
        }
    }

    private static string Text(Action<CsvWriter> write)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new SpreadsheetCsvWriter(text))
        {
            write(csv);
        }

        return text.ToString();
    }

    private static void Row(CsvWriter csv, ReceivingRecord r)
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

    private static string Number(decimal value) => ShortestDecimal.Text(value);
}
