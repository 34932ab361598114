using System.Security.Claims;
using InventoryProFlow.Api.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace InventoryProFlow.Api.Operations;

/// <summary>
/// The cookie that lets an operator's browser into the Orleans Dashboard, which a page navigation reaches without a
/// bearer header. It holds a token of its own audience, signed by the same key ring as access tokens (so every Api node
/// verifies it, whichever issued it), living <see cref="Lifetime"/>; an access token is no dashboard session and a
/// dashboard session is no access token.
/// </summary>
public sealed class DashboardSessions(SigningKeys keys, PlatformOperator platformOperator, TimeProvider time, IHostEnvironment environment)
{
    public const string Scheme = "dashboard-session";
    public const string Policy = "dashboard-operator";
    public const string CookieName = "ipf_dashboard";
    public const string Path = "/dashboard";
    public const string Audience = "inventory-pro-flow-dashboard";

    public static TimeSpan Lifetime { get; } = TimeSpan.FromMinutes(15);

    /// <summary>An admin of the operator's organisation, in person.</summary>
    public bool IsOperator(CurrentUser caller) => platformOperator.Is(caller);

    /// <summary>Signs a session for <paramref name="caller"/> and sets it as a Secure, HttpOnly, SameSite=Strict cookie scoped to the dashboard.</summary>
    public DateTimeOffset Open(CurrentUser caller, HttpContext context)
    {
        var now = time.GetUtcNow();
        var expiresAt = now + Lifetime;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TokenIssuer.Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            SigningCredentials = keys.Current.Credentials,
            Subject = new ClaimsIdentity(
            [
                new Claim(ClaimNames.Subject, caller.UserId.ToString()),
                new Claim(ClaimNames.Role, caller.Role),
                new Claim(ClaimNames.Organization, caller.OrganizationId.ToString()),
            ]),
        });
        context.Response.Cookies.Append(CookieName, token, new CookieOptions
        {
            Path = Path,
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            // HTTPS as the client made it (X-Forwarded-Proto from a known proxy counts); outside Development always, so a TLS
            // proxy missing from Api__KnownProxies cannot make an operator's session travel in the clear. Browsers keep a
            // Secure cookie of http://localhost too, so a plain-HTTP run on loopback still signs in.
            Secure = context.Request.IsHttps || !environment.IsDevelopment(),
            Expires = expiresAt,
            IsEssential = true,
        });
        return expiresAt;
    }

    /// <summary>How the dashboard scheme checks the cookie: the access tokens' checks, with the dashboard's audience.</summary>
    public static TokenValidationParameters Validation(SigningKeys keys) => new()
    {
        ValidIssuer = TokenIssuer.Issuer,
        ValidAudience = Audience,
        IssuerSigningKeyResolver = (_, _, _, _) => keys.Verifiers,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        NameClaimType = ClaimNames.Subject,
        RoleClaimType = ClaimNames.Role,
        ClockSkew = SigningKeys.ClockSkew,
    };
}
