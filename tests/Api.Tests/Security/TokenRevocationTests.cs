using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.IdentityModel.JsonWebTokens;

namespace InventoryProFlow.Api.Tests.Security;

/// <summary>
/// A token never outlives the rights it was issued for: a change of role or access, a new password or a revoked
/// client ends the tokens already held at their next request; no one changes their own role or access; and an
/// organisation keeps an active admin.
/// </summary>
[Collection(SharedProduct.Collection)]
public sealed class TokenRevocationTests(SharedProduct product)
{
    private ApiClient Anonymous => product.Host.Client();

    [Fact]
    public async Task A_deactivated_and_demoted_admins_token_is_refused_at_once_and_cannot_restore_them()
    {
        var tenant = await product.NewTenantAsync();
        var (_, token) = await tenant.NewUserAsync("admin");
        var leaver = product.Host.Client(token);
        var id = new JsonWebToken(token).Subject;
        // The gate has seen this token stand: what follows proves it forgets, not that it never knew.
        (await leaver.GetAsync("/api/v1/users")).ShouldSucceed();

        (await tenant.Admin.PatchAsync($"/api/v1/users/{id}", new { isActive = false, role = "staff" })).ShouldSucceed();

        (await leaver.PatchAsync($"/api/v1/users/{id}", new { isActive = true, role = "admin" })).ShouldFail(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
        (await leaver.PostAsync("/api/v1/integrations/clients", new { name = "Back door", scopes = new[] { "inventory:read" } }))
            .ShouldFail(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
        (await leaver.PostAsync("/api/v1/webhooks", new { url = "https://example.com/hook", events = new[] { "sale.created" } }))
            .ShouldFail(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
        (await leaver.GetAsync("/api/v1/products")).ShouldFail(HttpStatusCode.Unauthorized, "INVALID_TOKEN");

        var user = (await tenant.Admin.GetAsync($"/api/v1/users/{id}")).ShouldSucceed().Data;
        Assert.Equal(("staff", false), (user.GetProperty("role").GetString(), user.GetProperty("isActive").GetBoolean()));
        Assert.Equal(0, (await tenant.Admin.GetAsync("/api/v1/integrations/clients")).ShouldSucceed().Data.GetProperty("pagination").GetProperty("total").GetInt32());
        Assert.Equal(0, (await tenant.Admin.GetAsync("/api/v1/webhooks")).ShouldSucceed().Data.GetProperty("pagination").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_role_change_ends_the_token_held_and_a_refresh_carries_the_new_role()
    {
        var tenant = await product.NewTenantAsync();
        var email = await NewUserAsync(tenant, "manager");
        var (access, refresh) = await SignInAsync(email);
        var manager = product.Host.Client(access);
        var id = new JsonWebToken(access).Subject;
        (await manager.GetAsync("/api/v1/analytics/sales")).ShouldSucceed();

        // A change that grants or takes away nothing leaves the token alone.
        (await tenant.Admin.PatchAsync($"/api/v1/users/{id}", new { firstName = "Morgan" })).ShouldSucceed();
        (await manager.GetAsync("/api/v1/analytics/sales")).ShouldSucceed();

        (await tenant.Admin.PatchAsync($"/api/v1/users/{id}", new { role = "staff" })).ShouldSucceed();
        (await manager.GetAsync("/api/v1/analytics/sales")).ShouldFail(HttpStatusCode.Unauthorized, "INVALID_TOKEN");

        var renewed = (await Anonymous.PostAsync("/api/v1/auth/refresh", new { refreshToken = refresh })).ShouldSucceed().Data;
        var staff = product.Host.Client(renewed.GetProperty("accessToken").GetString());
        Assert.Equal("staff", renewed.GetProperty("user").GetProperty("role").GetString());
        (await staff.GetAsync("/api/v1/products")).ShouldSucceed();
        (await staff.GetAsync("/api/v1/analytics/sales")).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task A_password_change_ends_every_access_token_of_the_user_and_a_new_sign_in_works()
    {
        var tenant = await product.NewTenantAsync();
        var email = await NewUserAsync(tenant, "staff");
        var here = product.Host.Client((await SignInAsync(email)).Access);
        var elsewhere = product.Host.Client((await SignInAsync(email)).Access);
        (await elsewhere.GetAsync("/api/v1/products")).ShouldSucceed();

        (await here.PostAsync("/api/v1/auth/password", new { currentPassword = Tenant.Password, newPassword = "Fresh-Pour-Rota-42" })).ShouldSucceed();

        (await here.GetAsync("/api/v1/products")).ShouldFail(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
        (await elsewhere.GetAsync("/api/v1/products")).ShouldFail(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
        // Signing in again from the client that still sends the old token, as the web app does: an open route ignores it.
        var fresh = (await here.PostAsync("/api/v1/auth/login", new { email, password = "Fresh-Pour-Rota-42" })).ShouldSucceed().Data;
        (await product.Host.Client(fresh.GetProperty("accessToken").GetString()).GetAsync("/api/v1/products")).ShouldSucceed();
    }

    [Fact]
    public async Task A_revoked_clients_token_is_refused_at_once()
    {
        var tenant = await product.NewTenantAsync();
        var created = (await tenant.Admin.PostAsync("/api/v1/integrations/clients", new { name = "Scale", scopes = new[] { "inventory:read" } }))
            .ShouldSucceed(HttpStatusCode.Created).Data;
        var id = created.GetProperty("id").GetString();
        var token = (await Anonymous.PostAsync("/api/v1/auth/token", new { grant_type = "client_credentials", client_id = id, client_secret = created.GetProperty("clientSecret").GetString() }))
            .Body.GetProperty("access_token").GetString();
        var client = product.Host.Client(token);
        (await client.GetAsync("/api/v1/products")).ShouldSucceed();

        Assert.Equal(HttpStatusCode.NoContent, (await tenant.Admin.DeleteAsync($"/api/v1/integrations/clients/{id}")).Status);

        (await client.GetAsync("/api/v1/products")).ShouldFail(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
    }

    [Fact]
    public async Task A_live_connection_opened_before_a_role_change_has_its_next_hub_call_refused()
    {
        var tenant = await product.NewTenantAsync();
        var location = await tenant.CreateLocationAsync();
        var (_, token) = await tenant.NewUserAsync("manager");
        await using var watcher = await LiveClient.ConnectAsync(product.Host.Address, token);
        await watcher.SubscribeAsync(location);

        (await tenant.Admin.PatchAsync($"/api/v1/users/{new JsonWebToken(token).Subject}", new { role = "staff" })).ShouldSucceed();

        var refused = await Assert.ThrowsAsync<HubException>(() => watcher.SubscribeAsync(location));
        Assert.Contains("INVALID_TOKEN: The access token was issued before a change to its account", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_one_changes_their_own_role_or_access_even_to_what_they_hold()
    {
        var tenant = await product.NewTenantAsync();
        var me = new JsonWebToken(tenant.AdminToken).Subject;
        var before = await product.Host.Database.CountsAsync();

        Assert.Equal(["isActive"], (await tenant.Admin.PatchAsync($"/api/v1/users/{me}", new { isActive = true }))
            .ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED").ErrorFields);
        Assert.Equal(["role"], (await tenant.Admin.PatchAsync($"/api/v1/users/{me}", new { role = "admin" }))
            .ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED").ErrorFields);

        Assert.Equal(before, await product.Host.Database.CountsAsync());
        (await tenant.Admin.GetAsync("/api/v1/users")).ShouldSucceed();
    }

    [Fact]
    public async Task Two_admins_demoting_each_other_at_once_leave_the_organisation_one_active_admin()
    {
        var tenant = await product.NewTenantAsync();
        var owner = new JsonWebToken(tenant.AdminToken).Subject;
        var (_, token) = await tenant.NewUserAsync("admin");
        var other = product.Host.Client(token);
        var otherId = new JsonWebToken(token).Subject;

        var answers = await Task.WhenAll(
            tenant.Admin.PatchAsync($"/api/v1/users/{otherId}", new { role = "staff" }),
            other.PatchAsync($"/api/v1/users/{owner}", new { role = "staff" }));

        // The second to commit either finds its own token outlived (401) or the first's change made (409); never both applied.
        Assert.Equal(1, answers.Count(a => a.Status == HttpStatusCode.OK));
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => Assert.Contains(a.Status, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Conflict }));
        Assert.Equal(1L, await product.Host.Database.ScalarAsync<long>(
            "SELECT count(*) FROM app.users WHERE organization_id = @o AND role = 'admin' AND is_active", ("o", tenant.OrganizationId)));
    }

    [Fact]
    public async Task The_last_active_admin_cannot_be_demoted_or_deactivated_by_anyone()
    {
        var tenant = await product.NewTenantAsync();
        var owner = Guid.Parse(new JsonWebToken(tenant.AdminToken).Subject);
        // Past HTTP, where the acting admin is not the last one: an operator's tool, or a change that raced the acting admin's own demotion.
        var identity = product.Host.Grains.GetGrain<IIdentityGrain>(GrainKeys.IdentityKey);
        var before = await product.Host.Database.CountsAsync();

        var demoted = await Assert.ThrowsAsync<ConflictException>(() => identity.UpdateUser(tenant.OrganizationId, owner, new UserChange(Role: "manager"), Guid.NewGuid()));
        var deactivated = await Assert.ThrowsAsync<ConflictException>(() => identity.UpdateUser(tenant.OrganizationId, owner, new UserChange(IsActive: false), Guid.NewGuid()));

        Assert.Equal((ErrorCodes.Conflict, "role"), (demoted.Code, demoted.Details.Single().Field));
        Assert.Equal((ErrorCodes.Conflict, "isActive"), (deactivated.Code, deactivated.Details.Single().Field));
        Assert.Equal(before, await product.Host.Database.CountsAsync());
        (await tenant.Admin.GetAsync("/api/v1/users")).ShouldSucceed();

        // With a second active admin, either may go.
        var (_, second) = await tenant.NewUserAsync("admin");
        (await product.Host.Client(second).PatchAsync($"/api/v1/users/{owner}", new { role = "manager" })).ShouldSucceed();
    }

    private static async Task<string> NewUserAsync(Tenant tenant, string role)
    {
        var email = $"{role}-{Guid.NewGuid():N}@example.com";
        (await tenant.Admin.PostAsync("/api/v1/users", new { email, password = Tenant.Password, firstName = "Pat", lastName = role, role }))
            .ShouldSucceed(HttpStatusCode.Created);
        await tenant.Product.Host.AcceptInvitationAsync(email, password: null);
        return email;
    }

    private async Task<(string Access, string Refresh)> SignInAsync(string email)
    {
        var data = (await Anonymous.PostAsync("/api/v1/auth/login", new { email, password = Tenant.Password })).ShouldSucceed().Data;
        return (data.GetProperty("accessToken").GetString()!, data.GetProperty("refreshToken").GetString()!);
    }
}
