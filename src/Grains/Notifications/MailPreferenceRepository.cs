using Dapper;
using InventoryProFlow.Grains.Compliance;
using Npgsql;

namespace InventoryProFlow.Grains.Notifications;

/// <summary>SQL for app.mail_preferences: the topics a user chose, or nothing (their role's defaults).</summary>
public sealed class MailPreferenceRepository(NpgsqlDataSource db, AuditLog audit)
{
    public async Task<IReadOnlyList<string>?> Chosen(Guid organizationId, Guid userId)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await Chosen(connection, null, organizationId, userId);
    }

    /// <summary>Stores the user's topics, or with null forgets their choice so their role's defaults apply; audited with the change.</summary>
    public async Task Choose(Guid organizationId, Guid userId, IReadOnlyList<string>? topics, DateTime now)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var before = await Chosen(connection, transaction, organizationId, userId);
        if (topics is null)
        {
            await connection.ExecuteAsync(
                "DELETE FROM app.mail_preferences WHERE organization_id = @organizationId AND user_id = @userId", new { organizationId, userId }, transaction);
        }
        else
        {
            await connection.ExecuteAsync(
                "INSERT INTO app.mail_preferences (user_id, organization_id, topics, updated_at) VALUES (@userId, @organizationId, @topics, @now) " +
                "ON CONFLICT (user_id) DO UPDATE SET topics = excluded.topics, updated_at = excluded.updated_at",
                new { organizationId, userId, topics = topics.ToArray(), now },
                transaction);
        }

        await audit.Append(
            connection, transaction, organizationId,
            AuditChange.Of("mail_preferences", "updated", userId, new { topics = before }, new { topics }));
        await transaction.CommitAsync();
    }

    private static Task<string[]?> Chosen(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organizationId, Guid userId) =>
        connection.QuerySingleOrDefaultAsync<string[]?>(
            "SELECT topics FROM app.mail_preferences WHERE organization_id = @organizationId AND user_id = @userId FOR UPDATE",
            new { organizationId, userId },
            transaction);
}
