using System.Security.Claims;
using System.Security.Cryptography;
using InventoryProFlow.Contracts.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace InventoryProFlow.Api.Identity;

/// <summary>The answer to a successful sign-in or sign-up, in the seed's exact shape.</summary>
public sealed record SignInResponse(string AccessToken, string RefreshToken, int ExpiresIn, SignedInUser User);

public sealed record SignedInUser(Guid Id, string Email, string FirstName, string LastName, string Role, Guid OrganizationId);

/// <summary>Issues RS256 access tokens with the seed's claims, and opaque refresh tokens kept only as hashes.</summary>
public sealed class TokenIssuer(SigningKeys keys, IConfiguration configuration, TimeProvider time, IGrainFactory grains)
{
    public const string Issuer = "inventory-pro-flow";
    public const string Audience = "inventory-pro-flow";

    private readonly TimeSpan _accessLifetime = TimeSpan.FromMinutes(configuration.GetValue("Auth:AccessTokenMinutes", 60));
    private readonly TimeSpan _refreshLifetime = TimeSpan.FromDays(configuration.GetValue("Auth:RefreshTokenDays", 30));

    public async Task<SignInResponse> Issue(UserDetails user)
    {
        var now = time.GetUtcNow();
        var accessToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + _accessLifetime).UtcDateTime,
            SigningCredentials = keys.Credentials,
            Subject = new ClaimsIdentity(
            [
                new Claim(ClaimNames.Subject, user.Id.ToString()),
                new Claim(ClaimNames.Email, user.Email),
                new Claim(ClaimNames.Role, user.Role),
                new Claim(ClaimNames.Organization, user.OrganizationId.ToString()),
            ]),
        });

        var refreshToken = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        await grains.GetGrain<IIdentityGrain>(Contracts.GrainKeys.IdentityKey).KeepRefreshToken(new RefreshTokenGrant(
            Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(refreshToken))),
            user.Id,
            Guid.CreateVersion7(now),
            (now + _refreshLifetime).UtcDateTime));

        return new SignInResponse(
            accessToken,
            refreshToken,
            (int)_accessLifetime.TotalSeconds,
            new SignedInUser(user.Id, user.Email, user.FirstName, user.LastName, user.Role, user.OrganizationId));
    }
}

/// <summary>The claim names of our tokens (the seed's: sub, email, role, org, iat, exp).</summary>
public static class ClaimNames
{
    public const string Subject = "sub";
    public const string Email = "email";
    public const string Role = "role";
    public const string Organization = "org";
}
