using System.Globalization;
using System.Net;
using System.Text.Json;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Catalogue;

/// <summary>
/// A merchant's own category names (the seed's "Whiskey"), filtered without regard to case, beside the compliance class
/// that the regulators' figures read: derived from the category unless set.
/// </summary>
[Collection(SharedProduct.Collection)]
public sealed class ProductCategoryTests(SharedProduct product)
{
    [Fact]
    public async Task The_seeds_product_with_its_whiskey_category_is_created_and_found_in_any_case()
    {
        var tenant = await product.NewTenantAsync();

        // The seed's body as a client written from it sends it.
        var created = (await tenant.Admin.SendRawAsync(HttpMethod.Post, "/api/v1/products", """
            {"sku": "JD-750", "name": "Jack Daniel's Old No. 7", "brand": "Jack Daniel's", "category": "Whiskey",
             "sizeMl": 750, "abv": 40.0, "cost": 18.50, "price": 29.99}
            """)).ShouldSucceed(HttpStatusCode.Created).Data;
        var location = await tenant.CreateLocationAsync();
        await tenant.StockAsync(location, created.GetProperty("id").GetGuid(), 6);

        Assert.Equal(("Whiskey", "spirits"), (created.GetProperty("category").GetString(), created.GetProperty("complianceClass").GetString()));
        foreach (var asked in new[] { "whiskey", "WHISKEY", "Whiskey" })
        {
            Assert.Equal(["JD-750"], Skus((await tenant.Admin.GetAsync($"/api/v1/products?category={asked}")).ShouldSucceed().Data));
            Assert.Equal(["JD-750"], Skus((await tenant.Admin.GetAsync($"/api/v1/inventory/items?locationId={location}&category={asked}")).ShouldSucceed().Data));
            Assert.Equal(["JD-750"], Skus((await tenant.Admin.GetAsync($"/api/v1/inventory/items?category={asked}")).ShouldSucceed().Data));
        }

        Assert.Empty(Skus((await tenant.Admin.GetAsync("/api/v1/products?category=Whisk")).ShouldSucceed().Data));
    }

    [Theory]
    [InlineData("Hard Cider", null, "cider")]
    [InlineData("Mixers", null, "non_alcoholic")]
    [InlineData("IPA", null, "beer")]
    [InlineData("Red Wine", null, "wine")]
    [InlineData("House Specials", null, "other")]
    [InlineData("House Specials", "wine", "wine")]
    public async Task The_class_is_derived_from_the_category_unless_it_is_set(string category, string? set, string expected)
    {
        var tenant = await product.NewTenantAsync();

        var created = (await tenant.Admin.PostAsync("/api/v1/products", new { sku = "C-1", name = "Test", category, complianceClass = set, sizeMl = 750, abv = 6, cost = 1, price = 2 }))
            .ShouldSucceed(HttpStatusCode.Created).Data;

        Assert.Equal(expected, created.GetProperty("complianceClass").GetString());
    }

    [Fact]
    public async Task A_changed_category_brings_its_class_unless_one_is_sent_and_other_changes_keep_it()
    {
        var tenant = await product.NewTenantAsync();
        var id = await tenant.CreateProductAsync("CHG-1", "Mystery bottle", category: "Whiskey");
        async Task<string?> Change(object body) =>
            (await tenant.Admin.PutAsync($"/api/v1/products/{id}", body)).ShouldSucceed().Data.GetProperty("complianceClass").GetString();

        Assert.Equal("wine", await Change(new { category = "Red Wine" }));
        Assert.Equal("wine", await Change(new { price = 31m }));
        Assert.Equal("other", await Change(new { complianceClass = "other" }));
        Assert.Equal("other", await Change(new { category = "red wine" }));
        Assert.Equal("spirits", await Change(new { category = "Bourbon", complianceClass = "spirits" }));
    }

    [Theory]
    [InlineData("{\"sku\":\"B-1\",\"name\":\"x\",\"category\":\"Whiskey\",\"complianceClass\":\"liquor\",\"sizeMl\":750,\"abv\":40,\"cost\":1,\"price\":2}", "complianceClass")]
    [InlineData("{\"sku\":\"B-1\",\"name\":\"x\",\"category\":\"   \",\"sizeMl\":750,\"abv\":40,\"cost\":1,\"price\":2}", "category")]
    [InlineData("{\"sku\":\"B-1\",\"name\":\"x\",\"category\":\"A category name far longer than fifty characters in all\",\"sizeMl\":750,\"abv\":40,\"cost\":1,\"price\":2}", "category")]
    public async Task A_bad_category_or_class_is_400_and_creates_nothing(string body, string field)
    {
        var tenant = await product.NewTenantAsync();

        var refused = (await tenant.Admin.SendRawAsync(HttpMethod.Post, "/api/v1/products", body)).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal([field], refused.ErrorFields);
        Assert.Empty(Skus((await tenant.Admin.GetAsync("/api/v1/products")).ShouldSucceed().Data));
    }

    [Fact]
    public async Task The_abc_report_counts_by_class_whatever_the_merchant_calls_the_category()
    {
        var tenant = await product.NewTenantAsync();
        var location = await tenant.CreateLocationAsync();
        var supplier = await tenant.CreateSupplierAsync();
        var bourbon = await tenant.CreateProductAsync("BOURBON-1", "Buffalo Trace", category: "Bourbon");
        var cider = await tenant.CreateProductAsync("CIDER-1", "Angry Orchard", category: "Hard Cider");
        foreach (var (productId, quantity) in new[] { (bourbon, 6), (cider, 24) })
        {
            (await tenant.Admin.PostAsync("/api/v1/transactions/purchases", new { locationId = location, supplierId = supplier, items = new[] { new { productId, quantity, unitCost = 5m } } }))
                .ShouldSucceed(HttpStatusCode.Created);
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTime.UtcNow, IowaSales.Chicago));
        var report = (await tenant.Admin.PostAsync("/api/v1/compliance/reports/abc", new
        {
            locationId = location,
            periodStart = today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            periodEnd = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        })).ShouldSucceed(HttpStatusCode.Created).Data;

        var rows = report.GetProperty("byCategory").EnumerateArray().ToDictionary(r => r.GetProperty("category").GetString()!, r => r.GetProperty("purchasedUnits").GetDecimal());
        Assert.Equal(6m, rows["spirits"]);
        // Hard cider is wine under federal law (26 U.S.C. 5041), and the ABC report's wine row holds it.
        Assert.Equal(24m, rows["wine"]);
    }

    private static List<string?> Skus(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sku").GetString()).ToList();
}
