namespace InventoryProFlow.Grains.Catalogue;

/// <summary>How the API names a barcode format.</summary>
internal static class GtinFormats
{
    public static string Describe(GtinFormat format) => format switch
    {
        GtinFormat.UpcA => "UPC-A",
        GtinFormat.UpcE => "UPC-E",
        GtinFormat.Ean8 => "EAN-8",
        GtinFormat.Ean13 => "EAN-13",
        GtinFormat.Gtin14 => "GTIN-14",
        _ => format.ToString(),
    };
}
