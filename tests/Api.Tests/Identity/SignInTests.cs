using System.Net;
using System.Text.Json;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Identity;

[Collection(SharedProduct.Collection)]
public sealed class SignInTests(SharedProduct product)
{
    private ApiClient Anonymous => product.Host.Client();

    [Fact]
    public async Task Login_answers_the_seeds_exact_shape()
    {
        var tenant = await product.NewTenantAsync();

        var response = (await Anonymous.PostAsync("/api/v1/auth/login", new { email = tenant.AdminEmail, password = Tenant.Password })).ShouldSucceed();

        var data = response.Data;
        Assert.Equal(["accessToken", "refreshToken", "expiresIn", "user"], data.EnumerateObject().Select(p => p.Name));
        Assert.Equal(900, data.GetProperty("expiresIn").GetInt32());
        Assert.False(string.IsNullOrEmpty(data.GetProperty("refreshToken").GetString()));
        var user = data.GetProperty("user");
        Assert.Equal(tenant.AdminEmail, user.GetProperty("email").GetString());
        Assert.Equal("Olive", user.GetProperty("firstName").GetString());
        Assert.Equal("Owner", user.GetProperty("lastName").GetString());
        Assert.Equal("admin", user.GetProperty("role").GetString());
        Assert.True(Guid.TryParse(user.GetProperty("id").GetString(), out _));
        Assert.Equal(tenant.OrganizationId, Guid.Parse(user.GetProperty("organizationId").GetString()!));
    }

    [Fact]
    public async Task Access_token_is_RS256_with_the_seeds_claims()
    {
        var tenant = await product.NewTenantAsync();

        var parts = tenant.AdminToken.Split('.');
        var header = JsonDocument.Parse(Base64Url(parts[0])).RootElement;
        var claims = JsonDocument.Parse(Base64Url(parts[1])).RootElement;

        Assert.Equal("RS256", header.GetProperty("alg").GetString());
        foreach (var claim in new[] { "sub", "email", "role", "org", "iat", "exp", "stamp" })
        {
            Assert.True(claims.TryGetProperty(claim, out _), $"claim {claim} is missing");
        }

        Assert.Equal(tenant.OrganizationId.ToString(), claims.GetProperty("org").GetString());
        Assert.Equal("admin", claims.GetProperty("role").GetString());
        Assert.Equal(0, claims.GetProperty("stamp").GetInt32());
        Assert.Equal(900, claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64());
        var jwks = await Anonymous.GetAsync("/.well-known/jwks.json");
        Assert.Equal(header.GetProperty("kid").GetString(), jwks.Body.GetProperty("keys")[0].GetProperty("kid").GetString());
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_answer_the_same_401()
    {
        var tenant = await product.NewTenantAsync();

        var wrongPassword = (await Anonymous.PostAsync("/api/v1/auth/login", new { email = tenant.AdminEmail, password = "Not-The-Pass-1" }))
            .ShouldFail(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
        var unknownEmail = (await Anonymous.PostAsync("/api/v1/auth/login", new { email = "nobody-" + tenant.AdminEmail, password = Tenant.Password }))
            .ShouldFail(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");

        Assert.Equal(wrongPassword.ErrorMessage, unknownEmail.ErrorMessage);
    }

    [Fact]
    public async Task An_absurdly_long_password_is_just_a_wrong_password()
    {
        var tenant = await product.NewTenantAsync();

        (await Anonymous.PostAsync("/api/v1/auth/login", new { email = tenant.AdminEmail, password = new string('x', 300) }))
            .ShouldFail(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
    }

    [Fact]
    public async Task Sign_ups_racing_for_one_email_make_one_account()
    {
        var email = $"racer-{Guid.NewGuid():N}@example.com";
        var body = new { organizationName = "Racing Bar", businessType = "bar", email, password = Tenant.Password, firstName = "R", lastName = "Acer" };

        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Anonymous.PostAsync("/api/v1/auth/register", body)));

        Assert.All(replies, r => r.ShouldSucceed(HttpStatusCode.Accepted));
        Assert.Equal(1L, await product.Host.Database.ScalarAsync<long>("SELECT count(*) FROM app.sign_ups WHERE email = @e", ("e", email)));
        // Each sign-up replaced the one before, so only the last link works, and it makes one account.
        var tokens = await Eventually.Found(
            () => Task.FromResult(product.Host.Links.SentTo(email, AccountLinks.Verification) is { Count: 8 } all ? all : null), "eight links");
        var verified = 0;
        foreach (var token in tokens)
        {
            var reply = await Anonymous.PostAsync("/api/v1/auth/verify-email", new { token });
            verified += reply.Status == HttpStatusCode.Created ? 1 : 0;
        }

        Assert.Equal(1, verified);
        Assert.Equal(1L, await product.Host.Database.ScalarAsync<long>("SELECT count(*) FROM app.users WHERE email = @e", ("e", email)));
        Assert.Equal(1L, await product.Host.Database.ScalarAsync<long>("SELECT count(*) FROM app.organizations WHERE email = @e", ("e", email)));
    }

    [Fact]
    public async Task Login_without_fields_is_a_validation_error()
    {
        var response = (await Anonymous.PostAsync("/api/v1/auth/login", new { })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal(["email", "password"], response.ErrorFields);
    }

    [Fact]
    public async Task Register_creates_a_starter_organisation_and_its_admin()
    {
        var tenant = await product.NewTenantAsync("liquor_store");

        var organization = (await tenant.Admin.GetAsync($"/api/v1/organizations/{tenant.OrganizationId}")).ShouldSucceed().Data;

        Assert.Equal("starter", organization.GetProperty("subscriptionTier").GetString());
        Assert.Equal("liquor_store", organization.GetProperty("businessType").GetString());
        Assert.Equal(1L, await product.Host.Database.ScalarAsync<long>(
            "SELECT count(*) FROM app.users WHERE organization_id = @org AND role = 'admin'", ("org", tenant.OrganizationId)));
    }

    [Fact]
    public async Task Register_with_an_email_in_use_changes_no_account_and_no_organisation()
    {
        var tenant = await product.NewTenantAsync();
        var before = await product.Host.Database.CountsAsync();

        (await Anonymous.PostAsync("/api/v1/auth/register", new
        {
            organizationName = "Copycat Bar",
            businessType = "bar",
            email = tenant.AdminEmail.ToUpperInvariant(),
            password = "Copycat-Pass-42!",
            firstName = "Copy",
            lastName = "Cat",
        })).ShouldSucceed(HttpStatusCode.Accepted);

        var after = await product.Host.Database.CountsAsync();
        Assert.Equal(before.Where(c => c.Key is not ("sign_ups" or "email_links")), after.Where(c => c.Key is not ("sign_ups" or "email_links")));
        (await Anonymous.PostAsync("/api/v1/auth/login", new { email = tenant.AdminEmail, password = Tenant.Password })).ShouldSucceed();
    }

    [Theory]
    [InlineData("password", "short")]
    [InlineData("password", "alllowercase1")]
    [InlineData("email", "not-an-email")]
    [InlineData("businessType", "casino")]
    [InlineData("organizationName", "")]
    public async Task Register_rejects_bad_fields_and_writes_nothing(string field, string value)
    {
        var body = new Dictionary<string, object>
        {
            ["organizationName"] = "Good Bar",
            ["businessType"] = "bar",
            ["email"] = $"new-{Guid.NewGuid():N}@example.com",
            ["password"] = Tenant.Password,
            ["firstName"] = "Good",
            ["lastName"] = "Owner",
        };
        body[field] = value;
        var before = await product.Host.Database.CountsAsync();

        var response = (await Anonymous.PostAsync("/api/v1/auth/register", body)).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        // A password gets one detail per rule it breaks, all on the one field.
        Assert.Equal([field], response.ErrorFields.Distinct());
        Assert.Equal(before, await product.Host.Database.CountsAsync());
    }

    private static string Base64Url(string segment) =>
        System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(segment.Replace('-', '+').Replace('_', '/').PadRight(segment.Length + ((4 - (segment.Length % 4)) % 4), '=')));
}
