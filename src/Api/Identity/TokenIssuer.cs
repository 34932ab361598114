using System.Security.Claims;
using InventoryProFlow.Contracts.Identity;
using InventoryProFlow.Contracts.Integrations;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace InventoryProFlow.Api.Identity;

/// <summary>The answer to a successful sign-in, sign-up or refresh, in the seed's exact shape.</summary>
public sealed record SignInResponse(string AccessToken, string RefreshToken, int ExpiresIn, SignedInUser User);

public sealed record SignedInUser(Guid Id, string Email, string FirstName, string LastName, string Role, Guid OrganizationId);

/// <summary>An integration client's token (OAuth 2.0 client credentials, RFC 6749 section 4.4): no refresh token.</summary>
public sealed record ClientTokenResponse(
    [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
    [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string TokenType,
    [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn,
    [property: System.Text.Json.Serialization.JsonPropertyName("scope")] string Scope);

/// <summary>
/// Issues RS256 access tokens with the seed's claims (and the scopes they carry), and opaque refresh tokens kept only as
/// SHA-256 hashes (256 random bits need no slow hash), each spent once: a refresh gives a new one in the same family.
/// </summary>
public sealed class TokenIssuer(SigningKeys keys, IConfiguration configuration, TimeProvider time, IGrainFactory grains)
{
    public const string Issuer = "inventory-pro-flow";
    public const string Audience = "inventory-pro-flow";

    private readonly TimeSpan _accessLifetime = AccessLifetime(configuration);
    private readonly TimeSpan _refreshLifetime = TimeSpan.FromDays(configuration.GetValue("Auth:RefreshTokenDays", 30));

    // Short, because a change the gate cannot see (a hub connection already open) lasts at most this; refresh does the rest.
    public static TimeSpan AccessLifetime(IConfiguration configuration) => TimeSpan.FromMinutes(configuration.GetValue("Auth:AccessTokenMinutes", 15));

    /// <summary>A new sign-in: a new family of refresh tokens.</summary>
    public async Task<SignInResponse> Issue(AccessGrant grant)
    {
        var (refreshToken, hash, expiresAt) = NewRefreshToken();
        await Sessions().Keep(new RefreshTokenGrant(hash, grant.User.Id, Guid.CreateVersion7(time.GetUtcNow()), expiresAt));
        return Answer(grant, refreshToken);
    }

    /// <summary>Spends a refresh token for a new access token and its successor; see <see cref="ISessionsGrain.Rotate"/>.</summary>
    public async Task<SignInResponse> Refresh(string presented, System.Net.IPAddress? client)
    {
        var (refreshToken, hash, expiresAt) = NewRefreshToken();
        var grant = await Sessions().Rotate(ApiKeys.Hash(presented), hash, expiresAt, client);
        return Answer(grant, refreshToken);
    }

    /// <summary>Signs out the sign-in this refresh token belongs to.</summary>
    public Task Revoke(string presented) => Sessions().Revoke(ApiKeys.Hash(presented));

    /// <summary>A client-credentials token for an integration client, with the scopes it was granted (or the subset it asked for).</summary>
    public ClientTokenResponse IssueForClient(Guid clientId, Guid organizationId, IReadOnlyList<string> scopes)
    {
        var scope = string.Join(' ', scopes);
        var token = Sign(
        [
            new Claim(ClaimNames.Subject, clientId.ToString()),
            new Claim(ClaimNames.ClientId, clientId.ToString()),
            new Claim(ClaimNames.Organization, organizationId.ToString()),
            new Claim(ClaimNames.Scope, scope),
        ]);
        return new ClientTokenResponse(token, "Bearer", (int)_accessLifetime.TotalSeconds, scope);
    }

    private SignInResponse Answer(AccessGrant grant, string refreshToken)
    {
        var user = grant.User;
        return new(
            Sign(
            [
                new Claim(ClaimNames.Subject, user.Id.ToString()),
                new Claim(ClaimNames.Email, user.Email),
                new Claim(ClaimNames.Role, user.Role),
                new Claim(ClaimNames.Organization, user.OrganizationId.ToString()),
                new Claim(ClaimNames.Scope, string.Join(' ', Scopes.OfRole(user.Role))),
                new Claim(ClaimNames.SecurityStamp, grant.SecurityStamp.ToString(System.Globalization.CultureInfo.InvariantCulture), ClaimValueTypes.Integer32),
            ]),
            refreshToken,
            (int)_accessLifetime.TotalSeconds,
            new SignedInUser(user.Id, user.Email, user.FirstName, user.LastName, user.Role, user.OrganizationId));
    }

    private string Sign(Claim[] claims)
    {
        var now = time.GetUtcNow();
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + _accessLifetime).UtcDateTime,
            SigningCredentials = keys.Current.Credentials,
            Subject = new ClaimsIdentity(claims),
        });
    }

    private (string Token, string Hash, DateTime ExpiresAt) NewRefreshToken()
    {
        var token = ApiKeys.NewSecret(string.Empty);
        return (token, ApiKeys.Hash(token), (time.GetUtcNow() + _refreshLifetime).UtcDateTime);
    }

    private ISessionsGrain Sessions() => grains.GetGrain<ISessionsGrain>(Contracts.GrainKeys.IdentityKey);
}

/// <summary>The claim names of our tokens (the seed's: sub, email, role, org, iat, exp; OAuth's scope and client_id; our stamp).</summary>
public static class ClaimNames
{
    public const string Subject = "sub";
    public const string Email = "email";
    public const string Role = "role";
    public const string Organization = "org";
    public const string Scope = "scope";
    public const string ClientId = "client_id";

    /// <summary>The user's security stamp when the token was issued; the organisation's gate refuses the token once it moved on.</summary>
    public const string SecurityStamp = "stamp";
}
