using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Identity;

/// <summary>POST /api/v1/auth/password: the current password proves who asks; a change ends every refresh token.</summary>
[Collection(SharedProduct.Collection)]
public sealed class PasswordChangeTests(SharedProduct product)
{
    private const string Path = "/api/v1/auth/password";
    private const string NewPassword = "Fresh-Pour-Rota-42";

    private ApiClient Anonymous => product.Host.Client();

    [Fact]
    public async Task A_change_lets_the_new_password_in_keeps_the_old_one_out_and_revokes_every_refresh_token()
    {
        var tenant = await product.NewTenantAsync();
        (await SignIn(tenant.AdminEmail, Tenant.Password)).ShouldSucceed();
        var userId = await UserId(tenant.AdminEmail);

        var changed = (await tenant.Admin.PostAsync(Path, new { currentPassword = Tenant.Password, newPassword = NewPassword })).ShouldSucceed().Data;

        // One refresh token from the sign-up, one from the sign-in above.
        Assert.Equal(2, changed.GetProperty("refreshTokensRevoked").GetInt32());
        Assert.EndsWith("Z", changed.GetProperty("changedAt").GetString(), StringComparison.Ordinal);
        Assert.Equal(0L, await LiveRefreshTokens(userId));
        (await SignIn(tenant.AdminEmail, Tenant.Password)).ShouldFail(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
        (await SignIn(tenant.AdminEmail, NewPassword)).ShouldSucceed();
        Assert.Equal(1L, await LiveRefreshTokens(userId));
        Assert.Equal(1L, await product.Host.Database.ScalarAsync<long>(
            "SELECT count(*) FROM app.audit_log WHERE organization_id = @o AND action = 'user.password_changed' AND entity_id = @u AND user_id = @uid AND after IS NULL",
            ("o", tenant.OrganizationId), ("u", userId.ToString()), ("uid", userId)));
    }

    [Fact]
    public async Task A_wrong_current_password_is_400_on_that_field_and_changes_nothing()
    {
        var tenant = await product.NewTenantAsync();
        var userId = await UserId(tenant.AdminEmail);
        var hash = await PasswordHash(userId);
        var before = await product.Host.Database.CountsAsync();

        var response = (await tenant.Admin.PostAsync(Path, new { currentPassword = "Not-My-Pass-123", newPassword = NewPassword }))
            .ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal([("currentPassword", "currentPassword is not your current password.")], PasswordRulesTests.Details(response));
        Assert.Equal(hash, await PasswordHash(userId));
        Assert.Equal(1L, await LiveRefreshTokens(userId));
        Assert.Equal(before, await product.Host.Database.CountsAsync());
        (await SignIn(tenant.AdminEmail, Tenant.Password)).ShouldSucceed();
        (await SignIn(tenant.AdminEmail, NewPassword)).ShouldFail(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
    }

    [Fact]
    public async Task The_same_password_again_is_refused()
    {
        var tenant = await product.NewTenantAsync();
        var userId = await UserId(tenant.AdminEmail);
        var hash = await PasswordHash(userId);

        var response = (await tenant.Admin.PostAsync(Path, new { currentPassword = Tenant.Password, newPassword = Tenant.Password }))
            .ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal([("newPassword", "newPassword must differ from your current password.")], PasswordRulesTests.Details(response));
        Assert.Equal(hash, await PasswordHash(userId));
        Assert.Equal(1L, await LiveRefreshTokens(userId));
    }

    [Theory]
    [InlineData("Fresh-Pour1", "newPassword must have at least 12 characters.")]
    [InlineData("Fresh-Pour-Rota", "newPassword needs a digit.")]
    [InlineData("Welcome2024!", "newPassword is on a list of common passwords.")]
    public async Task A_new_password_breaking_a_rule_is_refused_by_that_rule(string newPassword, string message)
    {
        var tenant = await product.NewTenantAsync();
        var userId = await UserId(tenant.AdminEmail);
        var hash = await PasswordHash(userId);

        var response = (await tenant.Admin.PostAsync(Path, new { currentPassword = Tenant.Password, newPassword }))
            .ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal([("newPassword", message)], PasswordRulesTests.Details(response));
        Assert.Equal(hash, await PasswordHash(userId));
    }

    [Fact]
    public async Task Both_passwords_are_required()
    {
        var tenant = await product.NewTenantAsync();

        var response = (await tenant.Admin.PostAsync(Path, new { })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal(["currentPassword", "newPassword"], response.ErrorFields);
    }

    [Fact]
    public async Task Every_role_changes_its_own_password_and_only_its_own()
    {
        var tenant = await product.NewTenantAsync();
        var email = $"staff-{Guid.NewGuid():N}@example.com";
        (await tenant.Admin.PostAsync("/api/v1/users", new { email, password = Tenant.Password, firstName = "Sam", lastName = "Staff", role = "staff" }))
            .ShouldSucceed(HttpStatusCode.Created);
        await product.Host.AcceptInvitationAsync(email, password: null);
        var staff = product.Host.Client((await SignIn(email, Tenant.Password)).ShouldSucceed().Data.GetProperty("accessToken").GetString());

        (await staff.PostAsync(Path, new { currentPassword = Tenant.Password, newPassword = NewPassword })).ShouldSucceed();

        (await SignIn(email, NewPassword)).ShouldSucceed();
        (await SignIn(tenant.AdminEmail, Tenant.Password)).ShouldSucceed();
    }

    [Fact]
    public async Task Without_a_token_it_is_401()
    {
        (await Anonymous.PostAsync(Path, new { currentPassword = Tenant.Password, newPassword = NewPassword }))
            .ShouldFail(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task A_deactivated_user_whose_token_still_runs_cannot_change_it()
    {
        var tenant = await product.NewTenantAsync();
        var userId = await UserId(tenant.AdminEmail);
        var hash = await PasswordHash(userId);
        await product.Host.Database.ScalarAsync<bool>("UPDATE app.users SET is_active = false WHERE id = @id RETURNING true", ("id", userId));

        (await tenant.Admin.PostAsync(Path, new { currentPassword = Tenant.Password, newPassword = NewPassword }))
            .ShouldFail(HttpStatusCode.Unauthorized, "INVALID_TOKEN");

        Assert.Equal(hash, await PasswordHash(userId));
    }

    private Task<ApiResponse> SignIn(string email, string password) => Anonymous.PostAsync("/api/v1/auth/login", new { email, password });

    private Task<Guid> UserId(string email) =>
        product.Host.Database.ScalarAsync<Guid>("SELECT id FROM app.users WHERE email = @e", ("e", email));

    private Task<string> PasswordHash(Guid userId) =>
        product.Host.Database.ScalarAsync<string>("SELECT password_hash FROM app.users WHERE id = @id", ("id", userId));

    private Task<long> LiveRefreshTokens(Guid userId) =>
        product.Host.Database.ScalarAsync<long>("SELECT count(*) FROM app.refresh_tokens WHERE user_id = @id AND revoked_at IS NULL", ("id", userId));
}
