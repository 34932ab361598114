using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Security;

/// <summary>OWASP API3: fields a caller may not set are ignored on the way in, and secrets never go out.</summary>
[Collection(SharedProduct.Collection)]
public sealed class PropertyAuthorizationTests(SharedProduct product)
{
    [Fact]
    public async Task An_admin_cannot_raise_their_tier_or_rewrite_ids_and_timestamps_through_a_patch()
    {
        var tenant = await product.NewTenantAsync();
        var before = (await tenant.Admin.GetAsync($"/api/v1/organizations/{tenant.OrganizationId}")).ShouldSucceed().Data;

        var after = (await tenant.Admin.PatchAsync($"/api/v1/organizations/{tenant.OrganizationId}", new
        {
            name = "Renamed Bar",
            subscriptionTier = "enterprise",
            id = Guid.NewGuid(),
            createdAt = "2001-01-01T00:00:00Z",
            isActive = false,
            subscriptionStatus = "active",
            taxId = " 12-3456789 ",
        })).ShouldSucceed().Data;
        var suspendedBySelf = (await tenant.Admin.PatchAsync($"/api/v1/organizations/{tenant.OrganizationId}", new { subscriptionStatus = "suspended" })).ShouldSucceed().Data;

        Assert.Equal("Renamed Bar", after.GetProperty("name").GetString());
        // The seed's tax_id is the organisation's to set; its subscription_status is not (the platform operator's).
        Assert.Equal(("12-3456789", "active"), (after.GetProperty("taxId").GetString(), after.GetProperty("subscriptionStatus").GetString()));
        Assert.Equal("active", suspendedBySelf.GetProperty("subscriptionStatus").GetString());
        (await tenant.Admin.PatchAsync($"/api/v1/organizations/{tenant.OrganizationId}", new { taxId = new string('9', 33) })).ShouldFail(System.Net.HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal(("starter", tenant.OrganizationId.ToString(), true), (after.GetProperty("subscriptionTier").GetString(), after.GetProperty("id").GetString(), after.GetProperty("isActive").GetBoolean()));
        Assert.Equal(before.GetProperty("createdAt").GetString(), after.GetProperty("createdAt").GetString());
    }

    [Fact]
    public async Task A_user_change_cannot_set_an_email_a_password_hash_or_an_organisation()
    {
        var tenant = await product.NewTenantAsync();
        var other = await product.NewTenantAsync();
        var user = (await tenant.Admin.PostAsync("/api/v1/users", new { email = $"pat-{Guid.NewGuid():N}@example.com", password = Tenant.Password, firstName = "Pat", lastName = "Staff", role = "staff" }))
            .ShouldSucceed(System.Net.HttpStatusCode.Created).Data;
        await product.Host.AcceptInvitationAsync(user.GetProperty("email").GetString()!, password: null);
        var id = user.GetProperty("id").GetString();

        var changed = (await tenant.Admin.PatchAsync($"/api/v1/users/{id}", new
        {
            lastName = "Server",
            email = "attacker@example.com",
            passwordHash = "AQAAAA",
            organizationId = other.OrganizationId,
        })).ShouldSucceed().Data;

        Assert.Equal("Server", changed.GetProperty("lastName").GetString());
        Assert.Equal((user.GetProperty("email").GetString(), tenant.OrganizationId.ToString()), (changed.GetProperty("email").GetString(), changed.GetProperty("organizationId").GetString()));
        Assert.False(changed.TryGetProperty("passwordHash", out _));
        (await product.Host.Client().PostAsync("/api/v1/auth/login", new { email = user.GetProperty("email").GetString(), password = Tenant.Password })).ShouldSucceed();
    }
}
