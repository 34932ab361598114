using Dapper;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Integrations;
using Npgsql;

namespace InventoryProFlow.Grains.Identity;

/// <summary>A one-time link mailed to prove an address: its token, and the SHA-256 of it that is all storage keeps.</summary>
public sealed record NewEmailLink(string Token, string TokenHash, DateTime ExpiresAt)
{
    public static NewEmailLink Make(DateTime now, TimeSpan lifetime)
    {
        var token = ApiKeys.NewSecret(string.Empty);
        return new NewEmailLink(token, ApiKeys.Hash(token), now + lifetime);
    }
}

/// <summary>A stored link as found by its token's hash.</summary>
public sealed record EmailLink(string TokenHash, string Purpose, Guid? SignUpId, Guid? UserId, DateTime ExpiresAt, DateTime? UsedAt, DateTime? ReplacedAt)
{
    public const string VerifyEmail = "verify_email";
    public const string Invitation = "invitation";

    /// <summary>Refuses a link that cannot be followed, with the code that says why; a replaced link counts as not valid.</summary>
    public void EnsureUsable(DateTime now)
    {
        if (ReplacedAt is not null)
        {
            throw new EmailLinkException(ErrorCodes.LinkInvalid, "This link was replaced by a newer one: use the link in the latest mail.");
        }

        if (UsedAt is not null)
        {
            throw new EmailLinkException(
                ErrorCodes.LinkUsed,
                Purpose == VerifyEmail ? "This link was used already: your email is verified, so sign in." : "This invitation was accepted already: sign in.");
        }

        if (ExpiresAt <= now)
        {
            throw new EmailLinkException(
                ErrorCodes.LinkExpired,
                Purpose == VerifyEmail ? "This link has expired: ask for a new one." : "This invitation has expired: ask whoever invited you to send a new one.");
        }
    }
}

/// <summary>SQL for app.email_links, run inside the caller's transaction so a link exists exactly when what it proves does.</summary>
public static class EmailLinks
{
    private const string Columns = "token_hash, purpose, sign_up_id, user_id, expires_at, used_at, replaced_at";

    /// <summary>Stores a new link for a sign-up or a user; their earlier unused links stop working.</summary>
    public static async Task Issue(NpgsqlConnection connection, NpgsqlTransaction transaction, string purpose, Guid? signUpId, Guid? userId, NewEmailLink link, DateTime now)
    {
        await connection.ExecuteAsync(
            "UPDATE app.email_links SET replaced_at = @now WHERE purpose = @purpose AND used_at IS NULL AND replaced_at IS NULL " +
            "AND (sign_up_id = @signUpId OR user_id = @userId)",
            new { now, purpose, signUpId, userId },
            transaction);
        await connection.ExecuteAsync(
            "INSERT INTO app.email_links (token_hash, purpose, sign_up_id, user_id, created_at, expires_at) VALUES (@TokenHash, @purpose, @signUpId, @userId, @now, @ExpiresAt)",
            new { link.TokenHash, purpose, signUpId, userId, now, link.ExpiresAt },
            transaction);
    }

    /// <summary>The usable link of this token and purpose, locked until the transaction ends, so two clicks cannot both use it.</summary>
    public static async Task<EmailLink> Follow(NpgsqlConnection connection, NpgsqlTransaction transaction, string purpose, string? token, DateTime now)
    {
        var link = token is { Length: > 0 and <= 256 }
            ? await connection.QuerySingleOrDefaultAsync<EmailLink>(
                $"SELECT {Columns} FROM app.email_links WHERE token_hash = @hash AND purpose = @purpose FOR UPDATE",
                new { hash = ApiKeys.Hash(token), purpose },
                transaction)
            : null;
        if (link is null)
        {
            throw new EmailLinkException(
                ErrorCodes.LinkInvalid,
                purpose == EmailLink.VerifyEmail
                    ? "This link is not valid: check it was copied whole, or ask for a new one."
                    : "This invitation link is not valid: check it was copied whole.");
        }

        link.EnsureUsable(now);
        return link;
    }

    public static Task Used(NpgsqlConnection connection, NpgsqlTransaction transaction, EmailLink link, DateTime now) =>
        connection.ExecuteAsync("UPDATE app.email_links SET used_at = @now WHERE token_hash = @TokenHash", new { now, link.TokenHash }, transaction);
}
