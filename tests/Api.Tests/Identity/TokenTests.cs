using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using InventoryProFlow.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace InventoryProFlow.Api.Tests.Identity;

[Collection(SharedProduct.Collection)]
public sealed class TokenTests(SharedProduct product)
{
    [Fact]
    public async Task A_request_without_a_token_is_401()
    {
        (await product.Host.Client().GetAsync("/api/v1/products")).ShouldFail(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task An_expired_token_is_401_TOKEN_EXPIRED()
    {
        var tenant = await product.NewTenantAsync();
        var expired = Sign(tenant, issuedAt: DateTime.UtcNow.AddHours(-2), lifetime: TimeSpan.FromHours(1), OurKey());

        (await product.Host.Client(expired).GetAsync("/api/v1/products")).ShouldFail(HttpStatusCode.Unauthorized, "TOKEN_EXPIRED");
    }

    [Fact]
    public async Task A_token_signed_with_our_key_and_in_date_is_accepted()
    {
        var tenant = await product.NewTenantAsync();
        var fresh = Sign(tenant, issuedAt: DateTime.UtcNow, lifetime: TimeSpan.FromMinutes(5), OurKey());

        (await product.Host.Client(fresh).GetAsync("/api/v1/products")).ShouldSucceed();
    }

    [Fact]
    public async Task A_token_signed_with_our_key_naming_no_user_of_the_organisation_is_401_INVALID_TOKEN()
    {
        var tenant = await product.NewTenantAsync();
        var other = await product.NewTenantAsync();
        var stranger = Sign(tenant, DateTime.UtcNow, TimeSpan.FromMinutes(5), OurKey(), subject: Guid.NewGuid().ToString());
        var foreigner = Sign(tenant, DateTime.UtcNow, TimeSpan.FromMinutes(5), OurKey(), subject: new JsonWebToken(other.AdminToken).Subject);

        (await product.Host.Client(stranger).GetAsync("/api/v1/products")).ShouldFail(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
        (await product.Host.Client(foreigner).GetAsync("/api/v1/products")).ShouldFail(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
    }

    [Fact]
    public async Task A_tampered_token_is_401_INVALID_TOKEN()
    {
        var tenant = await product.NewTenantAsync();
        var other = await product.NewTenantAsync();
        var parts = tenant.AdminToken.Split('.');
        // The payload of another organisation's token under this token's signature.
        var tampered = string.Join('.', parts[0], other.AdminToken.Split('.')[1], parts[2]);

        (await product.Host.Client(tampered).GetAsync("/api/v1/products")).ShouldFail(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_401_INVALID_TOKEN()
    {
        var tenant = await product.NewTenantAsync();
        var forged = Sign(tenant, DateTime.UtcNow, TimeSpan.FromMinutes(5), new RsaSecurityKey(RSA.Create(2048)) { KeyId = "attacker" });

        (await product.Host.Client(forged).GetAsync("/api/v1/products")).ShouldFail(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
    }

    [Fact]
    public async Task A_well_signed_token_without_an_organisation_is_401_INVALID_TOKEN()
    {
        var tenant = await product.NewTenantAsync();
        var handler = new JsonWebTokenHandler();
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "inventory-pro-flow",
            Audience = "inventory-pro-flow",
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(OurKey(), SecurityAlgorithms.RsaSha256),
            Subject = new ClaimsIdentity([new Claim("sub", Guid.NewGuid().ToString()), new Claim("email", tenant.AdminEmail), new Claim("role", "admin")]),
        });

        (await product.Host.Client(token).GetAsync("/api/v1/products")).ShouldFail(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
    }

    private RsaSecurityKey OurKey()
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(Path.Combine(product.Host.DataFolder, "keys", "jwt-signing.pem")));
        return new RsaSecurityKey(rsa);
    }

    // The tenant's admin unless told otherwise: the gate honours only a token naming an active user of its organisation.
    private static string Sign(Tenant tenant, DateTime issuedAt, TimeSpan lifetime, RsaSecurityKey key, string? subject = null) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "inventory-pro-flow",
            Audience = "inventory-pro-flow",
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt + lifetime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
            Subject = new ClaimsIdentity(
            [
                new Claim("sub", subject ?? new JsonWebToken(tenant.AdminToken).Subject),
                new Claim("email", tenant.AdminEmail),
                new Claim("role", "admin"),
                new Claim("org", tenant.OrganizationId.ToString()),
            ]),
        });
}
