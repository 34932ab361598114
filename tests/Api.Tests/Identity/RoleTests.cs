using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Identity;

[Collection(SharedProduct.Collection)]
public sealed class RoleTests(SharedProduct product)
{
    [Fact]
    public async Task Staff_cannot_create_users()
    {
        var tenant = await product.NewTenantAsync();
        var staff = await tenant.SignedInAsync("staff");
        var before = await product.Host.Database.CountsAsync();

        (await staff.PostAsync("/api/v1/users", new { email = $"x-{Guid.NewGuid():N}@example.com", password = Tenant.Password, firstName = "X", lastName = "Y", role = "admin" }))
            .ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");

        Assert.Equal(before, await product.Host.Database.CountsAsync());
    }

    [Fact]
    public async Task Staff_reads_the_catalogue_but_cannot_change_it()
    {
        var tenant = await product.NewTenantAsync();
        var productId = await tenant.CreateProductAsync("STAFF-1");
        var staff = await tenant.SignedInAsync("staff");

        (await staff.GetAsync($"/api/v1/products/{productId}")).ShouldSucceed();
        (await staff.PostAsync("/api/v1/products", new { sku = "STAFF-2", name = "x", category = "beer", sizeMl = 355, abv = 5, cost = 1, price = 2 }))
            .ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await staff.DeleteAsync($"/api/v1/products/{productId}")).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await staff.GetAsync("/api/v1/users")).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task A_manager_keeps_the_catalogue_but_cannot_open_locations()
    {
        var tenant = await product.NewTenantAsync();
        var manager = await tenant.SignedInAsync("manager");

        (await manager.PostAsync("/api/v1/suppliers", new { name = "Breakthru Beverage" })).ShouldSucceed(HttpStatusCode.Created);
        (await manager.PostAsync("/api/v1/locations", new { name = "Annex", timezone = "America/Chicago" })).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await manager.PatchAsync($"/api/v1/organizations/{tenant.OrganizationId}", new { name = "Mine now" })).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task A_created_users_location_answers_with_that_user_and_only_to_its_organisation()
    {
        var tenant = await product.NewTenantAsync();
        var other = await product.NewTenantAsync();
        var created = (await tenant.Admin.PostAsync("/api/v1/users", new { email = $"loc-{Guid.NewGuid():N}@example.com", password = Tenant.Password, firstName = "Lee", lastName = "Barback", role = "staff" }))
            .ShouldSucceed(HttpStatusCode.Created);
        var location = created.Headers.Location!.OriginalString;

        var read = (await tenant.Admin.GetAsync(location)).ShouldSucceed().Data;

        Assert.Equal(created.Data.GetProperty("id").GetString(), read.GetProperty("id").GetString());
        Assert.Equal("staff", read.GetProperty("role").GetString());
        (await other.Admin.GetAsync(location)).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task An_admin_adds_users_who_can_sign_in_and_are_listed()
    {
        var tenant = await product.NewTenantAsync();
        await tenant.SignedInAsync("manager");

        var users = (await tenant.Admin.GetAsync("/api/v1/users")).ShouldSucceed().Data;

        Assert.Equal(2, users.GetProperty("pagination").GetProperty("total").GetInt64());
        Assert.Equal(["admin", "manager"], users.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("role").GetString()).Order());
        Assert.DoesNotContain("password", users.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }
}
