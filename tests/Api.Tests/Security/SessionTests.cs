using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;

namespace InventoryProFlow.Api.Tests.Security;

/// <summary>Refresh tokens rotate, a replayed one signs its whole sign-in out, logout and deactivation end access.</summary>
[Collection(SharedProduct.Collection)]
public sealed class SessionTests(SharedProduct product)
{
    private ApiClient Anonymous => product.Host.Client();

    [Fact]
    public async Task A_refresh_gives_a_new_access_token_and_a_new_refresh_token_each_spent_once()
    {
        var tenant = await product.NewTenantAsync();
        var first = await SignInAsync(tenant.AdminEmail);

        var second = (await Anonymous.PostAsync("/api/v1/auth/refresh", new { refreshToken = first.Refresh })).ShouldSucceed().Data;
        var (access, refresh) = (second.GetProperty("accessToken").GetString()!, second.GetProperty("refreshToken").GetString()!);
        Assert.NotEqual(first.Refresh, refresh);
        Assert.Equal(tenant.AdminEmail, second.GetProperty("user").GetProperty("email").GetString());
        Assert.Equal(900, second.GetProperty("expiresIn").GetInt32());
        (await product.Host.Client(access).GetAsync("/api/v1/products")).ShouldSucceed();

        var third = (await Anonymous.PostAsync("/api/v1/auth/refresh", new { refreshToken = refresh })).ShouldSucceed().Data;
        Assert.NotEqual(refresh, third.GetProperty("refreshToken").GetString());
    }

    [Fact]
    public async Task Reusing_a_spent_refresh_token_revokes_its_whole_family_and_is_audited()
    {
        var tenant = await product.NewTenantAsync();
        var stolen = await SignInAsync(tenant.AdminEmail);
        var elsewhere = await SignInAsync(tenant.AdminEmail);
        var successor = (await Anonymous.PostAsync("/api/v1/auth/refresh", new { refreshToken = stolen.Refresh })).ShouldSucceed()
            .Data.GetProperty("refreshToken").GetString()!;

        (await Anonymous.PostAsync("/api/v1/auth/refresh", new { refreshToken = stolen.Refresh })).ShouldFail(HttpStatusCode.Unauthorized, "INVALID_TOKEN");

        // The legitimate holder's successor dies with it; another sign-in of the same person does not.
        (await Anonymous.PostAsync("/api/v1/auth/refresh", new { refreshToken = successor })).ShouldFail(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
        (await Anonymous.PostAsync("/api/v1/auth/refresh", new { refreshToken = elsewhere.Refresh })).ShouldSucceed();
        var audit = (await tenant.Admin.GetAsync("/api/v1/compliance/audit?action=session.reuse-detected")).ShouldSucceed().Data;
        Assert.Equal(1, audit.GetProperty("pagination").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Logout_ends_the_sign_in_and_is_harmless_twice()
    {
        var tenant = await product.NewTenantAsync();
        var session = await SignInAsync(tenant.AdminEmail);

        var logout = await Anonymous.PostAsync("/api/v1/auth/logout", new { refreshToken = session.Refresh });
        Assert.Equal(HttpStatusCode.NoContent, logout.Status);
        Assert.Equal(HttpStatusCode.NoContent, (await Anonymous.PostAsync("/api/v1/auth/logout", new { refreshToken = session.Refresh })).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await Anonymous.PostAsync("/api/v1/auth/logout", new { refreshToken = "never-issued" })).Status);

        (await Anonymous.PostAsync("/api/v1/auth/refresh", new { refreshToken = session.Refresh })).ShouldFail(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
    }

    [Fact]
    public async Task Bad_refresh_and_logout_requests_get_the_field()
    {
        Assert.Contains("refreshToken", (await Anonymous.PostAsync("/api/v1/auth/refresh", new { })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED").ErrorFields);
        Assert.Contains("refreshToken", (await Anonymous.PostAsync("/api/v1/auth/logout", new { refreshToken = "" })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED").ErrorFields);
        (await Anonymous.PostAsync("/api/v1/auth/refresh", new { refreshToken = new string('x', 100) })).ShouldFail(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
        (await Anonymous.SendRawAsync(HttpMethod.Post, "/api/v1/auth/refresh", "{not json")).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
    }

    [Fact]
    public async Task A_deactivated_user_cannot_refresh_or_sign_in_and_their_access_token_is_refused_at_once()
    {
        var tenant = await product.NewTenantAsync();
        var email = $"leaver-{Guid.NewGuid():N}@example.com";
        var user = (await tenant.Admin.PostAsync("/api/v1/users", new { email, password = Tenant.Password, firstName = "Lee", lastName = "Ver", role = "staff" }))
            .ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetString();
        await product.Host.AcceptInvitationAsync(email, password: null);
        var session = await SignInAsync(email);

        var changed = (await tenant.Admin.PatchAsync($"/api/v1/users/{user}", new { isActive = false })).ShouldSucceed().Data;
        Assert.False(changed.GetProperty("isActive").GetBoolean());

        (await Anonymous.PostAsync("/api/v1/auth/refresh", new { refreshToken = session.Refresh })).ShouldFail(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
        (await Anonymous.PostAsync("/api/v1/auth/login", new { email, password = Tenant.Password })).ShouldFail(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
        (await product.Host.Client(session.Access).GetAsync("/api/v1/products")).ShouldFail(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
        // Access tokens are short, so what the gate cannot see (a live connection already open) ends soon too.
        var token = new JsonWebToken(session.Access);
        Assert.Equal(TimeSpan.FromMinutes(15), token.ValidTo - token.IssuedAt);

        (await tenant.Admin.PatchAsync($"/api/v1/users/{user}", new { isActive = true })).ShouldSucceed();
        await SignInAsync(email);
    }

    [Fact]
    public async Task Users_are_changed_by_their_admin_only_and_an_admin_cannot_lock_themselves_out()
    {
        var tenant = await product.NewTenantAsync();
        var other = await product.NewTenantAsync();
        var me = (await tenant.Admin.GetAsync("/api/v1/users")).ShouldSucceed().Data.GetProperty("items")[0].GetProperty("id").GetString();
        var manager = await tenant.SignedInAsync("manager");

        Assert.Contains("isActive", (await tenant.Admin.PatchAsync($"/api/v1/users/{me}", new { isActive = false })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED").ErrorFields);
        Assert.Contains("role", (await tenant.Admin.PatchAsync($"/api/v1/users/{me}", new { role = "staff" })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED").ErrorFields);
        Assert.Contains("role", (await tenant.Admin.PatchAsync($"/api/v1/users/{me}", new { role = "owner" })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED").ErrorFields);
        (await manager.PatchAsync($"/api/v1/users/{me}", new { firstName = "Mallory" })).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await other.Admin.PatchAsync($"/api/v1/users/{me}", new { isActive = false })).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");

        var renamed = (await tenant.Admin.PatchAsync($"/api/v1/users/{me}", new { firstName = "Olivia" })).ShouldSucceed().Data;
        Assert.Equal(("Olivia", true), (renamed.GetProperty("firstName").GetString(), renamed.GetProperty("isActive").GetBoolean()));
    }

    private async Task<(string Access, string Refresh)> SignInAsync(string email)
    {
        var data = (await Anonymous.PostAsync("/api/v1/auth/login", new { email, password = Tenant.Password })).ShouldSucceed().Data;
        return (data.GetProperty("accessToken").GetString()!, data.GetProperty("refreshToken").GetString()!);
    }
}
