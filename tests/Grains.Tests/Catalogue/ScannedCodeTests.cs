using InventoryProFlow.Grains.Catalogue;

namespace InventoryProFlow.Grains.Tests.Catalogue;

/// <summary>The GTIN inside what a scanner reads: retail barcodes as they are, GS1-128 and QR element strings, GS1 Digital Link URLs.</summary>
public sealed class ScannedCodeTests
{
    [Theory]
    // Retail barcodes are their own GTIN, whatever their length (a 14-digit GTIN may start with 01).
    [InlineData("7501031311309", "7501031311309", null)]
    [InlineData(" 050968000093 ", "050968000093", null)]
    [InlineData("01234567890128", "01234567890128", null)]
    // GS1-128 as printed under the bars, as transmitted with its group separators, and with the scanner's ]C1 prefix.
    [InlineData("(01)09506000134352(17)201225(10)ABC123", "09506000134352", ScannedCode.Gs1ElementString)]
    [InlineData("01095060001343521720122510ABC123", "09506000134352", ScannedCode.Gs1ElementString)]
    [InlineData("0109506000134352\u001d10ABC123", "09506000134352", ScannedCode.Gs1ElementString)]
    [InlineData("]C10109506000134352", "09506000134352", ScannedCode.Gs1ElementString)]
    [InlineData("0109506000134352", "09506000134352", ScannedCode.Gs1ElementString)]
    // A GS1 QR code holding an element string, and GS1 Digital Link URLs on GS1's resolver or a brand's own domain.
    [InlineData("]Q30107501031311309", "07501031311309", ScannedCode.Gs1ElementString)]
    [InlineData("https://id.gs1.org/01/09506000134352/10/ABC123?17=201225", "09506000134352", ScannedCode.Gs1DigitalLink)]
    [InlineData("https://example.com/gtin/07501031311309", "07501031311309", ScannedCode.Gs1DigitalLink)]
    public void The_gtin_is_found_in_every_carrier(string scanned, string code, string? carrier)
    {
        Assert.Equal((code, carrier), ScannedCode.Read(scanned));
    }

    [Theory]
    [InlineData("https://example.com/products/titos")]
    [InlineData("(01)0950600013")]
    public void A_carrier_without_a_whole_gtin_reads_as_an_invalid_barcode(string scanned)
    {
        var (code, carrier) = ScannedCode.Read(scanned);

        Assert.NotNull(carrier);
        Assert.False(Gtin.Parse(code).IsValid);
    }

    [Fact]
    public void The_gtins_found_validate_as_gs1_numbers()
    {
        Assert.True(Gtin.Parse(ScannedCode.Read("(01)09506000134352(10)X").Code).IsValid);
        Assert.Equal("07501031311309", Gtin.Parse(ScannedCode.Read("https://id.gs1.org/01/7501031311309").Code).Gtin14);
    }
}
