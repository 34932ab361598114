using Microsoft.IdentityModel.Tokens;

namespace InventoryProFlow.Api.Identity;

/// <summary>
/// An access token's lifetime judged by the product's clock, the one that issued it: IdentityModel would read
/// the machine's, and a test that moves time would see its own tokens expire or not yet begin.
/// </summary>
public static class TokenLifetime
{
    public static LifetimeValidator By(TimeProvider time) => (notBefore, expires, _, parameters) =>
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is null)
        {
            return !parameters.RequireExpirationTime ? true : throw new SecurityTokenNoExpirationException("The access token has no expiry.");
        }

        if (notBefore is { } from && from > expires)
        {
            throw new SecurityTokenInvalidLifetimeException("The access token ends before it begins.") { NotBefore = from, Expires = expires };
        }

        if (notBefore is { } start && start > now + parameters.ClockSkew)
        {
            throw new SecurityTokenNotYetValidException("The access token is not valid yet.") { NotBefore = start };
        }

        return expires.Value >= now - parameters.ClockSkew
            ? true
            : throw new SecurityTokenExpiredException("The access token has expired.") { Expires = expires.Value };
    };
}
