using System.Net;
using System.Text.Json;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Identity;

/// <summary>
/// Users are invited by email and choose their own password on accepting (issue 21, finding 9); adding a user tells an
/// admin nothing about addresses of other organisations.
/// </summary>
[Collection(SharedProduct.Collection)]
public sealed class InvitationTests(SharedProduct product)
{
    private ProductHost Host => product.Host;

    private ApiClient Anonymous => Host.Client();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Adding_an_address_of_another_organisation_answers_exactly_as_a_new_one(bool withPassword)
    {
        var other = await product.NewTenantAsync();
        var tenant = await product.NewTenantAsync();
        var fresh = $"fresh-{Guid.NewGuid():N}@example.com";

        var taken = await tenant.Admin.PostAsync("/api/v1/users", Draft(other.AdminEmail, withPassword));
        var free = await tenant.Admin.PostAsync("/api/v1/users", Draft(fresh, withPassword));

        taken.ShouldSucceed(HttpStatusCode.Created);
        free.ShouldSucceed(HttpStatusCode.Created);
        Assert.Equal(Shape(free.Data), Shape(taken.Data));
        Assert.Equal(JsonValueKind.Null, taken.Data.GetProperty("emailVerifiedAt").ValueKind);
        Assert.StartsWith("/api/v1/users/", taken.Headers.Location!.OriginalString);
        // Both are listed alike, and trying either with the password the admin chose is refused alike.
        var listed = (await tenant.Admin.GetAsync("/api/v1/users?limit=200")).ShouldSucceed().Data.GetProperty("items").EnumerateArray()
            .Where(u => u.GetProperty("email").GetString() is { } e && (e == fresh || e == other.AdminEmail)).ToList();
        Assert.Equal(2, listed.Count);
        Assert.All(listed, u => Assert.Equal(Shape(listed[0]), Shape(u)));
        foreach (var email in new[] { fresh, other.AdminEmail })
        {
            (await Anonymous.PostAsync("/api/v1/auth/login", new { email, password = AdminChosen })).ShouldFail(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
        }

        // The other organisation's admin is untouched: still one account, still theirs.
        (await other.Admin.GetAsync($"/api/v1/organizations/{other.OrganizationId}")).ShouldSucceed();
        Assert.Equal(1L, await Host.Database.ScalarAsync<long>(
            "SELECT count(*) FROM app.users WHERE lower(email) = lower(@e) AND email_verified_at IS NOT NULL", ("e", other.AdminEmail)));
    }

    [Fact]
    public async Task An_invitee_chooses_their_password_by_accepting_and_is_signed_in()
    {
        var tenant = await product.NewTenantAsync();
        var email = $"invitee-{Guid.NewGuid():N}@example.com";
        var created = (await tenant.Admin.PostAsync("/api/v1/users", Draft(email, withPassword: false))).ShouldSucceed(HttpStatusCode.Created).Data;
        var token = await Host.Links.TokenAsync(email, AccountLinks.Invitation);
        (await Anonymous.PostAsync("/api/v1/auth/login", new { email, password = "Chosen-By-Me-42!" })).ShouldFail(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");

        var accepted = (await Anonymous.PostAsync("/api/v1/auth/accept-invitation", new { token, password = "Chosen-By-Me-42!" })).ShouldSucceed().Data;

        Assert.Equal(["accessToken", "refreshToken", "expiresIn", "user"], accepted.EnumerateObject().Select(p => p.Name));
        Assert.Equal(created.GetProperty("id").GetString(), accepted.GetProperty("user").GetProperty("id").GetString());
        (await Host.Client(accepted.GetProperty("accessToken").GetString()).GetAsync("/api/v1/products")).ShouldSucceed();
        (await Anonymous.PostAsync("/api/v1/auth/login", new { email, password = "Chosen-By-Me-42!" })).ShouldSucceed();
        var shown = (await tenant.Admin.GetAsync($"/api/v1/users/{created.GetProperty("id").GetString()}")).ShouldSucceed().Data;
        Assert.NotEqual(JsonValueKind.Null, shown.GetProperty("emailVerifiedAt").ValueKind);
    }

    [Fact]
    public async Task A_user_added_with_a_password_signs_in_with_it_once_they_accepted()
    {
        var tenant = await product.NewTenantAsync();
        var email = $"seedform-{Guid.NewGuid():N}@example.com";
        (await tenant.Admin.PostAsync("/api/v1/users", Draft(email, withPassword: true))).ShouldSucceed(HttpStatusCode.Created);
        var token = await Host.Links.TokenAsync(email, AccountLinks.Invitation);

        // No password sent: the one the admin chose stays.
        (await Anonymous.PostAsync("/api/v1/auth/accept-invitation", new { token })).ShouldSucceed();

        (await Anonymous.PostAsync("/api/v1/auth/login", new { email, password = AdminChosen })).ShouldSucceed();
    }

    [Fact]
    public async Task An_invitation_of_an_address_with_an_account_cannot_be_accepted()
    {
        var other = await product.NewTenantAsync();
        var tenant = await product.NewTenantAsync();
        (await tenant.Admin.PostAsync("/api/v1/users", Draft(other.AdminEmail, withPassword: false))).ShouldSucceed(HttpStatusCode.Created);
        var token = await Host.Links.TokenAsync(other.AdminEmail, AccountLinks.Invitation);
        var before = await Host.Database.CountsAsync();

        (await Anonymous.PostAsync("/api/v1/auth/accept-invitation", new { token, password = "Another-Pass-42!" })).ShouldFail(HttpStatusCode.Conflict, "EMAIL_IN_USE");

        Assert.Equal(before, await Host.Database.CountsAsync());
        (await Anonymous.PostAsync("/api/v1/auth/login", new { email = other.AdminEmail, password = Tenant.Password })).ShouldSucceed();
    }

    [Fact]
    public async Task Adding_an_address_already_among_your_users_is_EMAIL_IN_USE()
    {
        var tenant = await product.NewTenantAsync();

        (await tenant.Admin.PostAsync("/api/v1/users", Draft(tenant.AdminEmail.ToUpperInvariant(), withPassword: false))).ShouldFail(HttpStatusCode.Conflict, "EMAIL_IN_USE");
    }

    [Fact]
    public async Task An_invitation_works_once_then_is_LINK_USED()
    {
        var tenant = await product.NewTenantAsync();
        var email = $"twice-{Guid.NewGuid():N}@example.com";
        (await tenant.Admin.PostAsync("/api/v1/users", Draft(email, withPassword: false))).ShouldSucceed(HttpStatusCode.Created);
        var token = await Host.Links.TokenAsync(email, AccountLinks.Invitation);
        (await Anonymous.PostAsync("/api/v1/auth/accept-invitation", new { token, password = "First-Choice-42!" })).ShouldSucceed();

        (await Anonymous.PostAsync("/api/v1/auth/accept-invitation", new { token, password = "Second-Choice-42!" })).ShouldFail(HttpStatusCode.BadRequest, "LINK_USED");

        (await Anonymous.PostAsync("/api/v1/auth/login", new { email, password = "Second-Choice-42!" })).ShouldFail(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
    }

    [Fact]
    public async Task Accepting_with_a_weak_or_missing_password_is_refused_and_the_link_still_works()
    {
        var tenant = await product.NewTenantAsync();
        var email = $"weak-{Guid.NewGuid():N}@example.com";
        (await tenant.Admin.PostAsync("/api/v1/users", Draft(email, withPassword: false))).ShouldSucceed(HttpStatusCode.Created);
        var token = await Host.Links.TokenAsync(email, AccountLinks.Invitation);
        var before = await Host.Database.CountsAsync();

        var weak = (await Anonymous.PostAsync("/api/v1/auth/accept-invitation", new { token, password = "letmein" })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        var missing = (await Anonymous.PostAsync("/api/v1/auth/accept-invitation", new { token })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal(["password"], weak.ErrorFields.Distinct());
        Assert.Equal(["password"], missing.ErrorFields);
        Assert.Equal(before, await Host.Database.CountsAsync());
        (await Anonymous.PostAsync("/api/v1/auth/accept-invitation", new { token, password = "Strong-Enough-42!" })).ShouldSucceed();
    }

    [Fact]
    public async Task Inviting_again_replaces_the_link_and_only_for_someone_who_has_not_accepted()
    {
        var tenant = await product.NewTenantAsync();
        var stranger = await product.NewTenantAsync();
        var email = $"again-{Guid.NewGuid():N}@example.com";
        var id = (await tenant.Admin.PostAsync("/api/v1/users", Draft(email, withPassword: false))).ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetString();
        var first = await Host.Links.TokenAsync(email, AccountLinks.Invitation);

        (await stranger.Admin.PostAsync($"/api/v1/users/{id}/invitation", new { })).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        var sent = (await tenant.Admin.PostAsync($"/api/v1/users/{id}/invitation", new { })).ShouldSucceed(HttpStatusCode.Accepted).Data;
        var second = await Host.Links.TokenAsync(email, AccountLinks.Invitation, seen: 1);

        Assert.Equal("log", sent.GetProperty("delivery").GetString());
        (await Anonymous.PostAsync("/api/v1/auth/accept-invitation", new { token = first, password = "Strong-Enough-42!" })).ShouldFail(HttpStatusCode.BadRequest, "LINK_INVALID");
        (await Anonymous.PostAsync("/api/v1/auth/accept-invitation", new { token = second, password = "Strong-Enough-42!" })).ShouldSucceed();
        (await tenant.Admin.PostAsync($"/api/v1/users/{id}/invitation", new { })).ShouldFail(HttpStatusCode.Conflict, "CONFLICT");
    }

    [Fact]
    public async Task A_deactivated_invitee_cannot_accept()
    {
        var tenant = await product.NewTenantAsync();
        var email = $"withdrawn-{Guid.NewGuid():N}@example.com";
        var id = (await tenant.Admin.PostAsync("/api/v1/users", Draft(email, withPassword: false))).ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetString();
        var token = await Host.Links.TokenAsync(email, AccountLinks.Invitation);
        (await tenant.Admin.PatchAsync($"/api/v1/users/{id}", new { isActive = false })).ShouldSucceed();

        (await Anonymous.PostAsync("/api/v1/auth/accept-invitation", new { token, password = "Strong-Enough-42!" })).ShouldFail(HttpStatusCode.BadRequest, "LINK_INVALID");
    }

    [Fact]
    public async Task An_unknown_invitation_token_is_LINK_INVALID()
    {
        (await Anonymous.PostAsync("/api/v1/auth/accept-invitation", new { token = "made-up", password = "Strong-Enough-42!" })).ShouldFail(HttpStatusCode.BadRequest, "LINK_INVALID");
    }

    private const string AdminChosen = "Admin-Chose-This-42!";

    private static object Draft(string email, bool withPassword) => withPassword
        ? new { email, password = AdminChosen, firstName = "Pat", lastName = "Newhire", role = "staff" }
        : new { email, firstName = "Pat", lastName = "Newhire", role = "staff" };

    // The answer's field names and which of them are null: what may not differ between a free and a taken address.
    private static string[] Shape(JsonElement user) =>
        user.EnumerateObject().Where(p => p.Name is not ("id" or "email" or "createdAt")).Select(p => $"{p.Name}={p.Value}").ToArray();
}
