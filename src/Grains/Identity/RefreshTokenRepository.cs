using Dapper;
using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Identity;
using InventoryProFlow.Grains.Compliance;
using Npgsql;

namespace InventoryProFlow.Grains.Identity;

/// <summary>What spending a refresh token found.</summary>
public enum RefreshOutcome
{
    /// <summary>The token was live and is now spent; its successor is kept.</summary>
    Rotated,

    /// <summary>The token had been spent before: someone replayed it, so its family is revoked.</summary>
    Reused,

    /// <summary>Unknown, expired, revoked, or its user is deactivated.</summary>
    Refused,

    /// <summary>The token is live but its organisation is suspended: nothing was spent, so it works again after reactivation.</summary>
    Suspended,
}

/// <summary>SQL for app.refresh_tokens: each token is spent once, in one statement, so two nodes cannot both spend it.</summary>
public sealed class RefreshTokenRepository(NpgsqlDataSource db, AuditLog audit)
{
    public async Task Keep(RefreshTokenGrant grant)
    {
        await using var connection = await db.OpenConnectionAsync();
        await Insert(connection, null, grant);
    }

    /// <summary>
    /// Spends the presented token and keeps its successor in the same family, all in one transaction; on reuse
    /// revokes the family and writes the reuse to the organisation's audit trail.
    /// </summary>
    public async Task<(RefreshOutcome Outcome, Guid OrganizationId, Guid UserId)> Rotate(string presentedHash, string nextHash, DateTime nextExpiresAt, DateTime now)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // Locking the row makes a concurrent spend of the same token wait, then see it spent.
        var token = await connection.QuerySingleOrDefaultAsync<PresentedToken>(
            "SELECT t.user_id AS UserId, t.family_id AS FamilyId, t.expires_at AS ExpiresAt, t.used_at AS UsedAt, t.revoked_at AS RevokedAt, " +
            "u.organization_id AS OrganizationId, u.is_active AS UserActive, o.subscription_status AS SubscriptionStatus " +
            "FROM app.refresh_tokens t JOIN app.users u ON u.id = t.user_id JOIN app.organizations o ON o.id = u.organization_id " +
            "WHERE t.token_hash = @presentedHash FOR UPDATE OF t",
            new { presentedHash },
            transaction);
        if (token is null || token.RevokedAt is not null || token.ExpiresAt <= now || !token.UserActive)
        {
            return (RefreshOutcome.Refused, Guid.Empty, Guid.Empty);
        }

        if (token.SubscriptionStatus == SubscriptionStatuses.Suspended)
        {
            return (RefreshOutcome.Suspended, token.OrganizationId, token.UserId);
        }

        if (token.UsedAt is not null)
        {
            await RevokeFamily(connection, transaction, token.FamilyId, now);
            await audit.Append(
                connection,
                transaction,
                token.OrganizationId,
                [AuditChange.Of("session", "reuse-detected", token.FamilyId, null, new { token.UserId, familyId = token.FamilyId, firstSpentAt = token.UsedAt })],
                new AuditCaller(token.UserId, AuditCaller.Current.RequestId));
            await transaction.CommitAsync();
            return (RefreshOutcome.Reused, token.OrganizationId, token.UserId);
        }

        await connection.ExecuteAsync(
            "UPDATE app.refresh_tokens SET used_at = @now WHERE token_hash = @presentedHash", new { presentedHash, now }, transaction);
        await Insert(connection, transaction, new RefreshTokenGrant(nextHash, token.UserId, token.FamilyId, nextExpiresAt));
        await transaction.CommitAsync();
        return (RefreshOutcome.Rotated, token.OrganizationId, token.UserId);
    }

    /// <summary>The organisation of a token that could be spent now (not spent, revoked or expired, its user active); null otherwise.</summary>
    public async Task<Guid?> OrganizationOfLive(string presentedHash, DateTime now)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<Guid?>(
            "SELECT u.organization_id FROM app.refresh_tokens t JOIN app.users u ON u.id = t.user_id " +
            "WHERE t.token_hash = @presentedHash AND t.used_at IS NULL AND t.revoked_at IS NULL AND t.expires_at > @now AND u.is_active",
            new { presentedHash, now });
    }

    /// <summary>Revokes the family of the token with this hash (sign-out); false when no such token exists.</summary>
    public async Task<bool> RevokeFamilyOf(string presentedHash, DateTime now)
    {
        await using var connection = await db.OpenConnectionAsync();
        var family = await connection.QuerySingleOrDefaultAsync<Guid?>(
            "SELECT family_id FROM app.refresh_tokens WHERE token_hash = @presentedHash", new { presentedHash });
        if (family is null)
        {
            return false;
        }

        await RevokeFamily(connection, null, family.Value, now);
        return true;
    }

    /// <summary>Revokes every live refresh token of a user (deactivation, password change), inside the caller's transaction; answers how many.</summary>
    public static Task<int> RevokeAllOf(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid userId, DateTime now) =>
        connection.ExecuteAsync(
            "UPDATE app.refresh_tokens SET revoked_at = @now WHERE user_id = @userId AND revoked_at IS NULL", new { userId, now }, transaction);

    private static Task<int> Insert(NpgsqlConnection connection, NpgsqlTransaction? transaction, RefreshTokenGrant grant) =>
        connection.ExecuteAsync(
            "INSERT INTO app.refresh_tokens (token_hash, user_id, family_id, expires_at) VALUES (@TokenHash, @UserId, @FamilyId, @ExpiresAt)",
            grant,
            transaction);

    private static Task<int> RevokeFamily(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid familyId, DateTime now) =>
        connection.ExecuteAsync(
            "UPDATE app.refresh_tokens SET revoked_at = @now WHERE family_id = @familyId AND revoked_at IS NULL", new { familyId, now }, transaction);

    private sealed record PresentedToken(Guid UserId, Guid FamilyId, DateTime ExpiresAt, DateTime? UsedAt, DateTime? RevokedAt, Guid OrganizationId, bool UserActive, string SubscriptionStatus);
}
