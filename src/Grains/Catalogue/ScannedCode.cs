namespace InventoryProFlow.Grains.Catalogue;

/// <summary>
/// What a scanner read, reduced to the GTIN it carries. A retail barcode (UPC, EAN, GTIN-14) is its own GTIN; a GS1-128
/// (Code 128) or GS1 QR code holds an element string whose application identifier (01) is the GTIN, next to a batch,
/// a date and so on; a QR code may instead hold a GS1 Digital Link URL (https://id.gs1.org/01/09506000134352/10/ABC).
/// </summary>
public static class ScannedCode
{
    public const string Gs1ElementString = "GS1-128";
    public const string Gs1DigitalLink = "GS1 Digital Link";

    // Symbology identifiers a scanner may put in front: GS1-128, GS1 QR, GS1 DataMatrix, GS1 DataBar.
    private static readonly string[] SymbologyPrefixes = ["]C1", "]Q3", "]d2", "]e0"];

    // The group separator (FNC1) that ends a variable-length element inside a GS1 element string.
    private const char GroupSeparator = '\u001d';

    /// <summary>
    /// The digits to read as a GTIN, and the carrier they came in (null for a plain barcode, whose own format names it).
    /// Anything that is not a GS1 carrier is handed back as it was, for <see cref="Gtin.Parse"/> to accept or explain.
    /// </summary>
    public static (string Code, string? Carrier) Read(string scanned)
    {
        var code = scanned.Trim();
        if (Uri.TryCreate(code, UriKind.Absolute, out var link) && link.Scheme is "http" or "https")
        {
            return (DigitalLinkGtin(link) ?? code, Gs1DigitalLink);
        }

        var prefixed = SymbologyPrefixes.FirstOrDefault(p => code.StartsWith(p, StringComparison.Ordinal));
        if (prefixed is not null)
        {
            code = code[prefixed.Length..];
        }

        // As printed under the bars: (01)09506000134352(17)201225(10)ABC123.
        if (code.StartsWith("(01)", StringComparison.Ordinal))
        {
            return (Digits(code[4..], 14), Gs1ElementString);
        }

        // As transmitted: 01095060001343521720122510ABC123, with a group separator after variable-length elements.
        // A bare 14-digit GTIN may itself start with 01, so an element string needs more than 14 characters, or its prefix.
        var elementString = prefixed is not null || code.Contains(GroupSeparator, StringComparison.Ordinal) || code.Length > 14;
        if (elementString && code.StartsWith("01", StringComparison.Ordinal) && code.Length >= 16)
        {
            return (Digits(code[2..], 14), Gs1ElementString);
        }

        return (code, prefixed is null ? null : Gs1ElementString);
    }

    // https://<any resolver>/01/<GTIN>[/...][?...]: the GTIN follows the path segment 01 (or its long name, gtin).
    private static string? DigitalLinkGtin(Uri link)
    {
        var segments = link.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (segments[i] is "01" or "gtin")
            {
                return segments[i + 1];
            }
        }

        return null;
    }

    // Up to count leading characters: fewer when the element string was cut short, which Gtin.Parse then reports.
    private static string Digits(string text, int count) => text.Length <= count ? text : text[..count];
}
