using System.Net;
using System.Text.Json;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Catalogue;

/// <summary>
/// The seed's products.is_active and image_url: a product no longer carried stays with its history and in reports, but
/// is left out of the catalogue list, the stock lists (where counting finds bottles) and the reorder suggestions.
/// </summary>
[Collection(SharedProduct.Collection)]
public sealed class InactiveProductTests(SharedProduct product)
{
    [Fact]
    public async Task An_inactive_product_keeps_its_history_but_leaves_the_lists_until_asked_for()
    {
        var tenant = await product.NewTenantAsync();
        var (location, gin) = await tenant.StockedAsync(12, sku: "GIN-OLD");
        var vodka = await tenant.CreateProductAsync("VOD-NEW", "Tito's");
        await tenant.StockAsync(location, vodka, 4);
        (await tenant.Admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, items = new[] { new { productId = gin, quantity = 2 } } }))
            .ShouldSucceed(HttpStatusCode.Created);

        var changed = (await tenant.Admin.PutAsync($"/api/v1/products/{gin}", new { isActive = false, imageUrl = "https://cdn.example.com/gin.png" })).ShouldSucceed().Data;

        Assert.False(changed.GetProperty("isActive").GetBoolean());
        Assert.Equal("https://cdn.example.com/gin.png", changed.GetProperty("imageUrl").GetString());
        Assert.Equal(["VOD-NEW"], Skus(await ListAsync(tenant, "/api/v1/products")));
        Assert.Equal(["GIN-OLD", "VOD-NEW"], Skus(await ListAsync(tenant, "/api/v1/products?includeInactive=true")).Order());
        await Holds(async () => Skus(await ListAsync(tenant, $"/api/v1/inventory/items?locationId={location}")).SequenceEqual(["VOD-NEW"]), "the location's list to leave the gin out");
        Assert.Equal(["VOD-NEW"], Skus(await ListAsync(tenant, "/api/v1/inventory/items")));
        var all = (await ListAsync(tenant, $"/api/v1/inventory/items?locationId={location}&includeInactive=true")).GetProperty("items").EnumerateArray().ToList();
        Assert.False(all.Single(i => i.GetProperty("sku").GetString() == "GIN-OLD").GetProperty("isActive").GetBoolean());
        // Its history stays: the item, its sale and its quantity.
        Assert.Equal(10m, all.Single(i => i.GetProperty("sku").GetString() == "GIN-OLD").GetProperty("quantity").GetDecimal());
        Assert.Equal(1, (await ListAsync(tenant, $"/api/v1/transactions?type=sale&productId={gin}")).GetProperty("pagination").GetProperty("total").GetInt64());

        // Carried again, it is back everywhere.
        (await tenant.Admin.PutAsync($"/api/v1/products/{gin}", new { isActive = true })).ShouldSucceed();
        await Holds(async () => Skus(await ListAsync(tenant, $"/api/v1/inventory/items?locationId={location}")).Count == 2, "the gin back in the list");
    }

    [Theory]
    [InlineData("{\"imageUrl\":\"not a url\"}", "imageUrl")]
    [InlineData("{\"imageUrl\":\"ftp://cdn.example.com/a.png\"}", "imageUrl")]
    [InlineData("{\"isActive\":\"maybe\"}", "isActive")]
    public async Task A_bad_image_url_or_flag_is_400_and_changes_nothing(string body, string field)
    {
        var tenant = await product.NewTenantAsync();
        var id = await tenant.CreateProductAsync("IMG-1");

        var refused = (await tenant.Admin.SendRawAsync(HttpMethod.Put, $"/api/v1/products/{id}", body)).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Contains(field, refused.ErrorFields);
        var stored = (await tenant.Admin.GetAsync($"/api/v1/products/{id}")).ShouldSucceed().Data;
        Assert.True(stored.GetProperty("isActive").GetBoolean());
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("imageUrl").ValueKind);
    }

    // The location's list hears of the change from the product's grains, after the catalogue has answered.
    private static Task Holds(Func<Task<bool>> check, string what) => Eventually.Found(async () => await check() ? what : null, what);

    private static async Task<JsonElement> ListAsync(Tenant tenant, string path) => (await tenant.Admin.GetAsync(path)).ShouldSucceed().Data;

    private static List<string> Skus(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sku").GetString()!).ToList();
}
