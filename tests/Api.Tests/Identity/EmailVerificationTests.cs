using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Identity;

/// <summary>
/// Sign-up proves the address before anything exists (issue 21, finding 9): a sign-up waits, claiming nothing, until its
/// owner follows the link mailed to it (here: written to the log, the product having no SMTP server); the answer is the
/// same whether or not the address has an account.
/// </summary>
[Collection(SharedProduct.Collection)]
public sealed class EmailVerificationTests(SharedProduct product)
{
    private ProductHost Host => product.Host;

    private ApiClient Anonymous => Host.Client();

    [Fact]
    public async Task Sign_up_with_an_email_that_has_an_account_answers_exactly_as_with_a_new_one()
    {
        var tenant = await product.NewTenantAsync();
        var fresh = NewEmail();
        var before = await Host.Database.CountsAsync();
        var linksBefore = Host.Links.SentTo(tenant.AdminEmail, AccountLinks.Verification).Count;

        var known = await Anonymous.PostAsync("/api/v1/auth/register", SignUp(tenant.AdminEmail));
        var unknown = await Anonymous.PostAsync("/api/v1/auth/register", SignUp(fresh));

        known.ShouldSucceed(HttpStatusCode.Accepted);
        unknown.ShouldSucceed(HttpStatusCode.Accepted);
        Assert.Equal(Names(unknown.Data), Names(known.Data));
        Assert.Equal(unknown.Data.GetProperty("delivery").GetString(), known.Data.GetProperty("delivery").GetString());
        Assert.Equal("log", known.Data.GetProperty("delivery").GetString());
        Assert.Equal(tenant.AdminEmail, known.Data.GetProperty("email").GetString());
        Assert.False(known.Headers.Contains("Location"));
        Assert.False(unknown.Headers.Contains("Location"));
        // Signing in with the password just given says the same of both: a sign-up waiting for its address.
        (await Anonymous.PostAsync("/api/v1/auth/login", new { email = tenant.AdminEmail, password = SignUpPassword })).ShouldFail(HttpStatusCode.Forbidden, "EMAIL_NOT_VERIFIED");
        (await Anonymous.PostAsync("/api/v1/auth/login", new { email = fresh, password = SignUpPassword })).ShouldFail(HttpStatusCode.Forbidden, "EMAIL_NOT_VERIFIED");
        // The owner of the known address is told, with no link; their account is untouched and still theirs.
        Assert.Equal(linksBefore, Host.Links.SentTo(tenant.AdminEmail, AccountLinks.Verification).Count);
        Assert.Contains(Host.Log.All, e => LogCatcher.Text(e, "Recipient") == tenant.AdminEmail && LogCatcher.Text(e, "Purpose") == "already_registered");
        var after = await Host.Database.CountsAsync();
        Assert.Equal(before["users"], after["users"]);
        Assert.Equal(before["organizations"], after["organizations"]);
        (await Anonymous.PostAsync("/api/v1/auth/login", new { email = tenant.AdminEmail, password = Tenant.Password })).ShouldSucceed();
    }

    [Fact]
    public async Task A_sign_up_creates_nothing_and_cannot_sign_in_until_its_link_is_followed()
    {
        var email = NewEmail();
        var before = await Host.Database.CountsAsync();

        (await Anonymous.PostAsync("/api/v1/auth/register", SignUp(email))).ShouldSucceed(HttpStatusCode.Accepted);

        var after = await Host.Database.CountsAsync();
        Assert.Equal(before["organizations"], after["organizations"]);
        Assert.Equal(before["users"], after["users"]);
        (await Anonymous.PostAsync("/api/v1/auth/login", new { email, password = SignUpPassword })).ShouldFail(HttpStatusCode.Forbidden, "EMAIL_NOT_VERIFIED");
        (await Anonymous.PostAsync("/api/v1/auth/login", new { email, password = "Not-The-Pass-1" })).ShouldFail(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
    }

    [Fact]
    public async Task Following_the_link_creates_a_starter_organisation_and_its_admin_who_then_signs_in()
    {
        var email = NewEmail();
        (await Anonymous.PostAsync("/api/v1/auth/register", SignUp(email))).ShouldSucceed(HttpStatusCode.Accepted);
        var token = await Host.Links.TokenAsync(email, AccountLinks.Verification);

        var verified = (await Anonymous.PostAsync("/api/v1/auth/verify-email", new { token })).ShouldSucceed(HttpStatusCode.Created);

        // The seed's sign-up answer, now given when the address is proved: login's body, the organisation in Location.
        Assert.Equal(["accessToken", "refreshToken", "expiresIn", "user"], verified.Data.EnumerateObject().Select(p => p.Name));
        var organizationId = verified.Data.GetProperty("user").GetProperty("organizationId").GetString();
        Assert.Equal($"/api/v1/organizations/{organizationId}", verified.Headers.Location!.OriginalString);
        Assert.Equal(email, verified.Data.GetProperty("user").GetProperty("email").GetString());
        Assert.Equal("admin", verified.Data.GetProperty("user").GetProperty("role").GetString());
        var admin = Host.Client(verified.Data.GetProperty("accessToken").GetString());
        var organization = (await admin.GetAsync($"/api/v1/organizations/{organizationId}")).ShouldSucceed().Data;
        Assert.Equal("Verified Bar", organization.GetProperty("name").GetString());
        Assert.Equal("starter", organization.GetProperty("subscriptionTier").GetString());
        Assert.True(organization.GetProperty("isActive").GetBoolean());
        (await Anonymous.PostAsync("/api/v1/auth/login", new { email, password = SignUpPassword })).ShouldSucceed();
        var me = (await admin.GetAsync($"/api/v1/users/{verified.Data.GetProperty("user").GetProperty("id").GetString()}")).ShouldSucceed().Data;
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, me.GetProperty("emailVerifiedAt").ValueKind);
    }

    [Fact]
    public async Task A_link_works_once_then_is_LINK_USED()
    {
        var email = NewEmail();
        (await Anonymous.PostAsync("/api/v1/auth/register", SignUp(email))).ShouldSucceed(HttpStatusCode.Accepted);
        var token = await Host.Links.TokenAsync(email, AccountLinks.Verification);
        (await Anonymous.PostAsync("/api/v1/auth/verify-email", new { token })).ShouldSucceed(HttpStatusCode.Created);
        var before = await Host.Database.CountsAsync();

        var again = (await Anonymous.PostAsync("/api/v1/auth/verify-email", new { token })).ShouldFail(HttpStatusCode.BadRequest, "LINK_USED");

        Assert.Equal(["token"], again.ErrorFields);
        Assert.Equal(before, await Host.Database.CountsAsync());
    }

    [Fact]
    public async Task Asking_for_a_new_link_replaces_the_old_one_which_is_LINK_INVALID()
    {
        var email = NewEmail();
        (await Anonymous.PostAsync("/api/v1/auth/register", SignUp(email))).ShouldSucceed(HttpStatusCode.Accepted);
        var first = await Host.Links.TokenAsync(email, AccountLinks.Verification);

        (await Anonymous.PostAsync("/api/v1/auth/verify-email/resend", new { email })).ShouldSucceed(HttpStatusCode.Accepted);
        var second = await Host.Links.TokenAsync(email, AccountLinks.Verification, seen: 1);

        Assert.NotEqual(first, second);
        (await Anonymous.PostAsync("/api/v1/auth/verify-email", new { token = first })).ShouldFail(HttpStatusCode.BadRequest, "LINK_INVALID");
        (await Anonymous.PostAsync("/api/v1/auth/verify-email", new { token = second })).ShouldSucceed(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Asking_for_a_new_link_answers_the_same_for_a_waiting_sign_up_an_account_and_a_stranger()
    {
        var tenant = await product.NewTenantAsync();
        var waiting = NewEmail();
        (await Anonymous.PostAsync("/api/v1/auth/register", SignUp(waiting))).ShouldSucceed(HttpStatusCode.Accepted);
        await Host.Links.TokenAsync(waiting, AccountLinks.Verification);
        var linksToAccount = Host.Links.SentTo(tenant.AdminEmail, AccountLinks.Verification).Count;

        var answers = new List<ApiResponse>();
        foreach (var email in new[] { waiting, tenant.AdminEmail, NewEmail() })
        {
            answers.Add((await Anonymous.PostAsync("/api/v1/auth/verify-email/resend", new { email })).ShouldSucceed(HttpStatusCode.Accepted));
        }

        Assert.All(answers, a => Assert.Equal(Names(answers[0].Data), Names(a.Data)));
        // Only the waiting sign-up got a new link.
        await Host.Links.TokenAsync(waiting, AccountLinks.Verification, seen: 1);
        Assert.Equal(linksToAccount, Host.Links.SentTo(tenant.AdminEmail, AccountLinks.Verification).Count);
    }

    [Fact]
    public async Task A_new_sign_up_of_a_waiting_address_replaces_it_so_no_one_can_hold_an_address_they_cannot_read()
    {
        var email = NewEmail();
        (await Anonymous.PostAsync("/api/v1/auth/register", SignUp(email, "Squatter Bar"))).ShouldSucceed(HttpStatusCode.Accepted);
        var squatter = await Host.Links.TokenAsync(email, AccountLinks.Verification);

        (await Anonymous.PostAsync("/api/v1/auth/register", SignUp(email, "Real Owner Bar"))).ShouldSucceed(HttpStatusCode.Accepted);
        var owner = await Host.Links.TokenAsync(email, AccountLinks.Verification, seen: 1);

        (await Anonymous.PostAsync("/api/v1/auth/verify-email", new { token = squatter })).ShouldFail(HttpStatusCode.BadRequest, "LINK_INVALID");
        var verified = (await Anonymous.PostAsync("/api/v1/auth/verify-email", new { token = owner })).ShouldSucceed(HttpStatusCode.Created);
        var organization = (await Host.Client(verified.Data.GetProperty("accessToken").GetString()).GetAsync(verified.Headers.Location!.OriginalString)).ShouldSucceed().Data;
        Assert.Equal("Real Owner Bar", organization.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_link_whose_address_got_an_account_meanwhile_is_EMAIL_IN_USE_and_creates_nothing()
    {
        var tenant = await product.NewTenantAsync();
        var email = NewEmail();
        (await Anonymous.PostAsync("/api/v1/auth/register", SignUp(email))).ShouldSucceed(HttpStatusCode.Accepted);
        var token = await Host.Links.TokenAsync(email, AccountLinks.Verification);
        (await tenant.Admin.PostAsync("/api/v1/users", new { email, firstName = "In", lastName = "Between", role = "staff" })).ShouldSucceed(HttpStatusCode.Created);
        await Host.AcceptInvitationAsync(email);
        var before = await Host.Database.CountsAsync();

        (await Anonymous.PostAsync("/api/v1/auth/verify-email", new { token })).ShouldFail(HttpStatusCode.Conflict, "EMAIL_IN_USE");

        Assert.Equal(before, await Host.Database.CountsAsync());
    }

    [Theory]
    [InlineData("not-a-token-we-made", "LINK_INVALID")]
    [InlineData("", "VALIDATION_FAILED")]
    [InlineData(null, "VALIDATION_FAILED")]
    public async Task A_token_we_did_not_send_is_refused_by_field(string? token, string code)
    {
        var before = await Host.Database.CountsAsync();

        var refused = (await Anonymous.PostAsync("/api/v1/auth/verify-email", new { token })).ShouldFail(HttpStatusCode.BadRequest, code);

        Assert.Equal(["token"], refused.ErrorFields);
        Assert.Equal(before, await Host.Database.CountsAsync());
    }

    [Fact]
    public async Task Asking_for_a_link_for_a_malformed_address_is_a_validation_error()
    {
        var refused = (await Anonymous.PostAsync("/api/v1/auth/verify-email/resend", new { email = "not-an-email" })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal(["email"], refused.ErrorFields);
    }

    private const string SignUpPassword = "Waiting-Pour-Pass-7";

    private static string NewEmail() => $"signup-{Guid.NewGuid():N}@example.com";

    private static object SignUp(string email, string organizationName = "Verified Bar") =>
        new { organizationName, businessType = "bar", email, password = SignUpPassword, firstName = "Val", lastName = "Idate" };

    private static string[] Names(System.Text.Json.JsonElement data) => data.EnumerateObject().Select(p => p.Name).ToArray();
}
