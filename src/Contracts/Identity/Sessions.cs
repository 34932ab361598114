namespace InventoryProFlow.Contracts.Identity;

/// <summary>
/// Refresh tokens and their families: rotation on use, reuse detection, logout and revocation.
/// A stateless worker over app.refresh_tokens; the database row decides every race.
/// </summary>
public interface ISessionsGrain : IGrainWithStringKey
{
    /// <summary>
    /// Spends the refresh token with this hash and keeps its successor (<paramref name="nextHash"/>) in its family.
    /// A token already spent revokes the whole family; a revoked, expired or unknown one, or one of a
    /// deactivated user, is refused with INVALID_TOKEN. A live token presented from <paramref name="client"/> outside its
    /// organisation's enforced IP allow-list is refused FORBIDDEN and not spent. Answers the user as they are now, with
    /// their security stamp.
    /// </summary>
    Task<AccessGrant> Rotate(string presentedHash, string nextHash, DateTime nextExpiresAt, System.Net.IPAddress? client);

    /// <summary>Keeps the first refresh token of a new sign-in, in a family of its own.</summary>
    Task Keep(RefreshTokenGrant grant);

    /// <summary>Signs out: revokes the family of the token with this hash. Unknown tokens are ignored.</summary>
    Task Revoke(string presentedHash);
}
