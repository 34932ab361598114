using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Catalogue;

[Collection(SharedProduct.Collection)]
public sealed class ProductTests(SharedProduct product)
{
    [Fact]
    public async Task A_duplicate_sku_in_one_organisation_is_409_and_writes_nothing()
    {
        var tenant = await product.NewTenantAsync();
        await tenant.CreateProductAsync("DUP-1");
        var before = await product.Host.Database.CountsAsync();

        (await tenant.Admin.PostAsync("/api/v1/products", new { sku = "DUP-1", name = "Other", category = "spirits", sizeMl = 750, abv = 40, cost = 1, price = 2 }))
            .ShouldFail(HttpStatusCode.Conflict, "DUPLICATE_SKU");

        Assert.Equal(before, await product.Host.Database.CountsAsync());
    }

    [Fact]
    public async Task The_same_sku_and_barcode_in_two_organisations_is_fine()
    {
        var a = await product.NewTenantAsync();
        var b = await product.NewTenantAsync();

        await a.CreateProductAsync("SHARED-1", barcode: "619947000020");
        await b.CreateProductAsync("SHARED-1", barcode: "619947000020");

        Assert.Equal(2L, await product.Host.Database.ScalarAsync<long>(
            "SELECT count(*) FROM app.products WHERE sku = 'SHARED-1' AND organization_id IN (@a, @b)", ("a", a.OrganizationId), ("b", b.OrganizationId)));
    }

    [Fact]
    public async Task A_barcode_already_used_in_the_organisation_is_409_even_written_another_way()
    {
        var tenant = await product.NewTenantAsync();
        await tenant.CreateProductAsync("UPC-1", barcode: "083664112210");

        // The 11-digit form of the same UPC-A normalises to the same GTIN-14.
        (await tenant.Admin.PostAsync("/api/v1/products", new { sku = "UPC-2", name = "Again", category = "spirits", sizeMl = 750, abv = 40, cost = 1, price = 2, barcode = "83664112210" }))
            .ShouldFail(HttpStatusCode.Conflict, "DUPLICATE_BARCODE");
    }

    [Fact]
    public async Task Updating_keeps_omitted_fields_and_validates_the_result()
    {
        var tenant = await product.NewTenantAsync();
        var id = await tenant.CreateProductAsync("UPD-1");

        var updated = (await tenant.Admin.PutAsync($"/api/v1/products/{id}", new { price = 24.99m })).ShouldSucceed().Data;
        (await tenant.Admin.PutAsync($"/api/v1/products/{id}", new { abv = 140 })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal(24.99m, updated.GetProperty("price").GetDecimal());
        Assert.Equal("UPD-1", updated.GetProperty("sku").GetString());
        Assert.Equal(40m, await product.Host.Database.ScalarAsync<decimal>("SELECT abv FROM app.products WHERE id = @id", ("id", id)));
    }

    [Fact]
    public async Task Search_matches_name_brand_and_sku_and_forgives_a_typo()
    {
        var tenant = await product.NewTenantAsync();
        await tenant.Admin.PostAsync("/api/v1/products", new { sku = "BUF-750", name = "Buffalo Trace Bourbon", brand = "Buffalo Trace", category = "spirits", sizeMl = 750, abv = 45, cost = 25, price = 33.99m });
        await tenant.Admin.PostAsync("/api/v1/products", new { sku = "CAB-1", name = "House Cabernet", brand = "Demo Cellars", category = "wine", sizeMl = 750, abv = 13.5m, cost = 8, price = 11.99m });
        await tenant.Admin.PostAsync("/api/v1/products", new { sku = "IPA-6", name = "Hazy IPA", brand = "Demo Brewing", category = "beer", sizeMl = 473, abv = 6.8m, cost = 2, price = 3.49m });

        Assert.Equal(["BUF-750"], await Skus(tenant, "q=bourbon"));
        Assert.Equal(["CAB-1"], await Skus(tenant, "q=cellars"));
        Assert.Equal(["IPA-6"], await Skus(tenant, "q=ipa-6"));
        Assert.Equal(["BUF-750"], await Skus(tenant, "q=bufalo"));
        Assert.Equal(["CAB-1"], await Skus(tenant, "category=wine"));
        Assert.Empty(await Skus(tenant, "q=%25"));
    }

    [Fact]
    public async Task Lists_are_paginated_with_totals()
    {
        var tenant = await product.NewTenantAsync();
        for (var i = 0; i < 5; i++)
        {
            await tenant.CreateProductAsync($"PAGE-{i}", name: $"Product {i}");
        }

        var second = (await tenant.Admin.GetAsync("/api/v1/products?page=2&limit=2")).ShouldSucceed().Data;

        var pagination = second.GetProperty("pagination");
        Assert.Equal(2, pagination.GetProperty("page").GetInt32());
        Assert.Equal(2, pagination.GetProperty("limit").GetInt32());
        Assert.Equal(5, pagination.GetProperty("total").GetInt64());
        Assert.Equal(3, pagination.GetProperty("pages").GetInt32());
        Assert.Equal(["PAGE-2", "PAGE-3"], second.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("sku").GetString()));
    }

    [Theory]
    [InlineData("1000")]
    [InlineData("201")]
    [InlineData("99999999999999999999")]
    public async Task A_limit_above_the_maximum_is_read_as_the_maximum_and_says_so(string limit)
    {
        var tenant = await product.NewTenantAsync();
        await tenant.CreateProductAsync("CLAMP-1");

        var page = (await tenant.Admin.GetAsync($"/api/v1/products?limit={limit}")).ShouldSucceed().Data;

        Assert.Equal(200, page.GetProperty("pagination").GetProperty("limit").GetInt32());
        Assert.Equal(1, page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_deleted_product_is_gone_from_reads_and_its_sku_can_be_reused()
    {
        var tenant = await product.NewTenantAsync();
        var id = await tenant.CreateProductAsync("DEL-1");

        (await tenant.Admin.DeleteAsync($"/api/v1/products/{id}")).ShouldSucceed(HttpStatusCode.NoContent);

        (await tenant.Admin.GetAsync($"/api/v1/products/{id}")).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        (await tenant.Admin.DeleteAsync($"/api/v1/products/{id}")).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Empty(await Skus(tenant, "q=DEL-1"));
        Assert.True(await product.Host.Database.ScalarAsync<bool>("SELECT deleted_at IS NOT NULL FROM app.products WHERE id = @id", ("id", id)));
        await tenant.CreateProductAsync("DEL-1");
    }

    private static async Task<string[]> Skus(Tenant tenant, string query) =>
        (await tenant.Admin.GetAsync("/api/v1/products?" + query)).ShouldSucceed().Data.GetProperty("items").EnumerateArray()
            .Select(p => p.GetProperty("sku").GetString()!).ToArray();
}
