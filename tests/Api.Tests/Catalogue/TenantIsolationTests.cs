using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Catalogue;

/// <summary>Promise 6: nothing of organisation B is readable or writable by A, and A learns nothing of its existence (404, not 403).</summary>
[Collection(SharedProduct.Collection)]
public sealed class TenantIsolationTests(SharedProduct product)
{
    [Theory]
    [InlineData("locations")]
    [InlineData("suppliers")]
    [InlineData("products")]
    public async Task An_admin_of_A_gets_404_for_every_resource_of_B(string resource)
    {
        var a = await product.NewTenantAsync();
        var b = await product.NewTenantAsync();
        var id = resource switch
        {
            "locations" => await b.CreateLocationAsync(),
            "suppliers" => await b.CreateSupplierAsync(),
            _ => await b.CreateProductAsync("B-ONLY-1"),
        };
        var before = await product.Host.Database.CountsAsync();

        (await a.Admin.GetAsync($"/api/v1/{resource}/{id}")).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        (await a.Admin.PutAsync($"/api/v1/{resource}/{id}", new { name = "Taken over" })).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        (await a.Admin.DeleteAsync($"/api/v1/{resource}/{id}")).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        var list = (await a.Admin.GetAsync($"/api/v1/{resource}?limit=200&includeInactive=true")).ShouldSucceed().Data;

        Assert.Equal(0, list.GetProperty("pagination").GetProperty("total").GetInt64());
        Assert.Equal(before, await product.Host.Database.CountsAsync());
        (await b.Admin.GetAsync($"/api/v1/{resource}/{id}")).ShouldSucceed();
    }

    [Fact]
    public async Task An_admin_of_A_gets_404_for_organisation_B()
    {
        var a = await product.NewTenantAsync();
        var b = await product.NewTenantAsync();
        var before = await product.Host.Database.CountsAsync();

        (await a.Admin.GetAsync($"/api/v1/organizations/{b.OrganizationId}")).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        (await a.Admin.PatchAsync($"/api/v1/organizations/{b.OrganizationId}", new { name = "Taken over" })).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");

        Assert.Equal(before, await product.Host.Database.CountsAsync());
        var name = (await b.Admin.GetAsync($"/api/v1/organizations/{b.OrganizationId}")).ShouldSucceed().Data.GetProperty("name").GetString();
        Assert.NotEqual("Taken over", name);
    }

    [Fact]
    public async Task A_product_cannot_name_another_organisations_supplier()
    {
        var a = await product.NewTenantAsync();
        var b = await product.NewTenantAsync();
        var theirs = await b.CreateSupplierAsync();
        var before = await product.Host.Database.CountsAsync();

        var response = (await a.Admin.PostAsync("/api/v1/products", new { sku = "X-1", name = "x", category = "wine", sizeMl = 750, abv = 13, cost = 8, price = 12, supplierId = theirs }))
            .ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal(["supplierId"], response.ErrorFields);
        Assert.Equal(before, await product.Host.Database.CountsAsync());
    }

    [Fact]
    public async Task Users_of_B_are_not_listed_for_A()
    {
        var a = await product.NewTenantAsync();
        var b = await product.NewTenantAsync();

        var users = (await a.Admin.GetAsync("/api/v1/users")).ShouldSucceed().Data.GetProperty("items");

        Assert.Equal([a.AdminEmail], users.EnumerateArray().Select(u => u.GetProperty("email").GetString()));
        Assert.DoesNotContain(b.AdminEmail, users.GetRawText(), StringComparison.Ordinal);
    }
}
