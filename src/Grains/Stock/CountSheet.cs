using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Stock;
using InventoryProFlow.Grains.Catalogue;

namespace InventoryProFlow.Grains.Stock;

/// <summary>One line of a count sheet: the batch row it asks for, or why it cannot be one; and a barcode to look up.</summary>
public sealed record CountSheetLine(int Line, BatchRow? Row, string? Gtin, string? Error);

/// <summary>
/// Reads a count sheet as a manager exports it from a spreadsheet: a header row naming a sku or
/// barcode column and a count column (par level and notes optional), comma- or semicolon-separated.
/// </summary>
public static class CountSheet
{
    private static readonly string[] SkuHeaders = ["sku", "item", "item number", "item_number"];
    private static readonly string[] BarcodeHeaders = ["barcode", "upc", "gtin", "ean"];
    private static readonly string[] CountHeaders = ["count", "quantity", "qty", "on hand", "on_hand", "counted"];
    private static readonly string[] ParHeaders = ["par", "par level", "par_level", "parlevel"];
    private static readonly string[] NotesHeaders = ["notes", "note", "comment"];

    public static IReadOnlyList<CountSheetLine> Read(Guid locationId, string csv)
    {
        if (csv.Contains('\0', StringComparison.Ordinal))
        {
            throw Refused("The count sheet contains NUL characters; export it again as CSV text.");
        }

        var delimiter = csv.Split('\n', 2)[0].Count(c => c == ';') > csv.Split('\n', 2)[0].Count(c => c == ',') ? ";" : ",";
        using var reader = new CsvReader(new StringReader(csv), new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            BadDataFound = null,
        });
        if (!reader.Read() || !reader.ReadHeader() || reader.HeaderRecord is not { } header)
        {
            throw Refused("The count sheet is empty: it needs a header row and at least one line.");
        }

        var names = header.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        int Column(string[] candidates) => Array.FindIndex(names, candidates.Contains);
        var (sku, barcode, count, par, notes) = (Column(SkuHeaders), Column(BarcodeHeaders), Column(CountHeaders), Column(ParHeaders), Column(NotesHeaders));
        if ((sku < 0 && barcode < 0) || (count < 0 && par < 0))
        {
            throw Refused("The count sheet's header must name a sku or barcode column and a count (or par level) column.");
        }

        var lines = new List<CountSheetLine>();
        while (reader.Read())
        {
            var line = reader.Parser.RawRow;
            string? Field(int index) => index >= 0 && reader.TryGetField<string>(index, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
            if (reader.Parser.Record is not { } record || record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var (skuText, barcodeText, countText, parText) = (Field(sku), Field(barcode), Field(count), Field(par));
            int? Whole(string? text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
            string? error = null;
            string? gtin = null;
            if (skuText is null && barcodeText is null)
            {
                error = "The line has no sku or barcode.";
            }
            else if (skuText is null && Gtin.Parse(barcodeText) is { IsValid: false } bad)
            {
                error = bad.ErrorMessage;
            }
            else if (skuText is null)
            {
                gtin = Gtin.Parse(barcodeText).Gtin14;
            }

            if (error is null && countText is not null && Whole(countText) is null)
            {
                error = $"The count '{countText}' is not a whole number.";
            }
            else if (error is null && parText is not null && Whole(parText) is null)
            {
                error = $"The par level '{parText}' is not a whole number.";
            }
            else if (error is null && countText is null && parText is null)
            {
                error = "The line has no count.";
            }

            lines.Add(error is not null
                ? new CountSheetLine(line, null, null, error)
                : new CountSheetLine(line, new BatchRow(null, locationId, null, skuText, Whole(countText), Whole(parText), null, Field(notes)), gtin, null));
        }

        return lines;
    }

    private static ValidationFailedException Refused(string message) => new([new FieldError("csv", message)], message);
}
