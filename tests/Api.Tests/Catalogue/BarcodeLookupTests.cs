using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Catalogue;

[Collection(SharedProduct.Collection)]
public sealed class BarcodeLookupTests(SharedProduct product)
{
    [Theory]
    [InlineData("050968000093", "050968000093", "UPC-A", "00050968000093")]
    [InlineData("050968000093", "05096893", "UPC-E", "00050968000093")]
    [InlineData("050968000093", "50968000093", "UPC-A", "00050968000093")]
    [InlineData("7501031311309", "7501031311309", "EAN-13", "07501031311309")]
    [InlineData("73513537", "73513537", "EAN-8", "00000073513537")]
    [InlineData("98412345678908", "98412345678908", "GTIN-14", "98412345678908")]
    [InlineData("7501031311309", "07501031311309", "GTIN-14", "07501031311309")]
    [InlineData("7501031311309", "(01)07501031311309(17)271231(10)L42", "GS1-128", "07501031311309")]
    [InlineData("7501031311309", "]C1010750103131130910L42", "GS1-128", "07501031311309")]
    [InlineData("7501031311309", "https://id.gs1.org/01/07501031311309/10/L42", "GS1 Digital Link", "07501031311309")]
    public async Task A_scanned_code_finds_the_product_stored_under_any_form_of_the_same_GTIN(string stored, string scanned, string format, string gtin)
    {
        var tenant = await product.NewTenantAsync();
        var id = await tenant.CreateProductAsync("SCAN-1", barcode: stored);

        var match = (await tenant.Admin.GetAsync($"/api/v1/products/lookup?barcode={Uri.EscapeDataString(scanned)}")).ShouldSucceed().Data;

        Assert.Equal(format, match.GetProperty("format").GetString());
        Assert.Equal(gtin, match.GetProperty("gtin").GetString());
        Assert.Equal(id.ToString(), match.GetProperty("product").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("7501031311308", "EAN-13 check digit is 8 but should be 9")]
    [InlineData("050968000094", "UPC-A check digit is 4 but should be 3")]
    [InlineData("12345", "length")]
    [InlineData("75010313-1309", "digit")]
    [InlineData("", "empty")]
    [InlineData("(01)07501031311308(10)L42", "GS1-128 code carries no valid GTIN")]
    [InlineData("https://example.com/menu", "GS1 Digital Link code carries no valid GTIN")]
    public async Task A_bad_code_is_400_INVALID_BARCODE_saying_which_check_failed(string scanned, string says)
    {
        var tenant = await product.NewTenantAsync();

        var response = (await tenant.Admin.GetAsync($"/api/v1/products/lookup?barcode={Uri.EscapeDataString(scanned)}"))
            .ShouldFail(HttpStatusCode.BadRequest, "INVALID_BARCODE");

        Assert.Contains(says, response.ErrorMessage, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["barcode"], response.ErrorFields);
    }

    [Fact]
    public async Task A_valid_code_that_names_no_product_of_this_organisation_is_404()
    {
        var owner = await product.NewTenantAsync();
        var other = await product.NewTenantAsync();
        await owner.CreateProductAsync("SCAN-2", barcode: "9780471117094");

        (await other.Admin.GetAsync("/api/v1/products/lookup?barcode=9780471117094")).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
    }
}
