using Dapper;
using Npgsql;

namespace InventoryProFlow.Grains.Notifications;

/// <summary>SQL for app.mail_outbox: queueing news for the people who want it, and the sender's leases and outcomes.</summary>
public sealed class MailOutbox(NpgsqlDataSource db, MailSettings settings)
{
    private const string DueColumns = "id, organization_id, topic, recipient, subject, body, attempts, created_at";

    // Each piece of news goes to every active, verified user of its organisation whose choice (or, without one, whose role)
    // takes its topic; the (user, key) key turns a second queueing into nothing.
    private const string QueueSql =
        "INSERT INTO app.mail_outbox (id, organization_id, user_id, topic, mail_key, recipient, subject, body, created_at, next_attempt_at) " +
        "SELECT gen_random_uuid(), u.organization_id, u.id, m.topic, m.mail_key, u.email, m.subject, m.body, m.at, m.at " +
        "FROM unnest(@org::uuid[], @topic::text[], @key::text[], @subject::text[], @body::text[], @at::timestamptz[]) AS m(org, topic, mail_key, subject, body, at) " +
        "JOIN app.users u ON u.organization_id = m.org AND u.is_active AND u.email_verified_at IS NOT NULL " +
        "LEFT JOIN app.mail_preferences p ON p.user_id = u.id " +
        "WHERE CASE WHEN p.user_id IS NULL THEN u.role IN ('admin', 'manager') ELSE m.topic = ANY(p.topics) END " +
        "ON CONFLICT (user_id, mail_key) DO NOTHING";

    public bool Enabled => settings.Enabled;

    /// <summary>Queues inside the caller's transaction, so the news and its mail commit together. Answers the mails queued.</summary>
    public Task<int> Queue(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<OutgoingMail> mails) =>
        !settings.Enabled || mails.Count == 0
            ? Task.FromResult(0)
            : connection.ExecuteAsync(
                QueueSql,
                new
                {
                    org = mails.Select(m => m.OrganizationId).ToArray(),
                    topic = mails.Select(m => m.Topic).ToArray(),
                    key = mails.Select(m => m.MailKey).ToArray(),
                    subject = mails.Select(m => m.Subject).ToArray(),
                    body = mails.Select(m => m.Body).ToArray(),
                    at = mails.Select(m => m.At).ToArray(),
                },
                transaction);

    public async Task<int> Queue(IReadOnlyList<OutgoingMail> mails)
    {
        if (!settings.Enabled || mails.Count == 0)
        {
            return 0;
        }

        await using var connection = await db.OpenConnectionAsync();
        return await Queue(connection, null, mails);
    }

    /// <summary>
    /// Queues one mail to one address inside the caller's transaction, whoever it is (an account mail: the address may
    /// have no user yet). Its key is new, so each call queues one mail.
    /// </summary>
    public Task QueueTo(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid? organizationId, Guid? userId, string topic, string recipient, string subject, string body, DateTime at) =>
        connection.ExecuteAsync(
            "INSERT INTO app.mail_outbox (id, organization_id, user_id, topic, mail_key, recipient, subject, body, created_at, next_attempt_at) " +
            "VALUES (gen_random_uuid(), @organizationId, @userId, @topic, @topic || ':' || gen_random_uuid(), @recipient, @subject, @body, @at, @at)",
            new { organizationId, userId, topic, recipient, subject, body, at },
            transaction);

    public async Task<IReadOnlyList<DueMail>> LeaseDue(int limit, TimeSpan lease, DateTime now)
    {
        await using var connection = await db.OpenConnectionAsync();
        return (await connection.QueryAsync<DueMail>(
            "UPDATE app.mail_outbox SET leased_until = @now + @lease WHERE id IN (SELECT id FROM app.mail_outbox " +
            "WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= @now AND (leased_until IS NULL OR leased_until < @now) " +
            $"ORDER BY next_attempt_at LIMIT @limit FOR UPDATE SKIP LOCKED) RETURNING {DueColumns}",
            new { limit, lease, now })).ToList();
    }

    public async Task Sent(Guid id, DateTime now)
    {
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "UPDATE app.mail_outbox SET sent_at = @now, attempts = attempts + 1, leased_until = NULL, last_error = NULL WHERE id = @id",
            new { id, now });
    }

    /// <summary>A try that failed: due again at <paramref name="retryAt"/>, or given up when that is null.</summary>
    public async Task NotSent(Guid id, string error, DateTime now, DateTime? retryAt)
    {
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "UPDATE app.mail_outbox SET attempts = attempts + 1, leased_until = NULL, last_error = @error, " +
            "next_attempt_at = coalesce(@retryAt, next_attempt_at), failed_at = CASE WHEN @retryAt::timestamptz IS NULL THEN @now END WHERE id = @id",
            new { id, error, now, retryAt });
    }
}
