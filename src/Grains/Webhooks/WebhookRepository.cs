using Dapper;
using InventoryProFlow.Contracts.Paging;
using InventoryProFlow.Contracts.Webhooks;
using InventoryProFlow.Grains.Compliance;
using InventoryProFlow.Grains.Storage;
using Npgsql;

namespace InventoryProFlow.Grains.Webhooks;

/// <summary>An outbox row ready to send, with where and how to sign it.</summary>
public sealed record DueEvent(Guid Id, Guid WebhookId, Guid OrganizationId, string Event, string Payload, DateTime CreatedAt, int Attempts, string Url, string Secret);

/// <summary>SQL for app.webhooks, app.webhook_outbox and app.webhook_deliveries.</summary>
public sealed class WebhookRepository(NpgsqlDataSource db, AuditLog audit, KeyEncryptionKeys keys)
{
    // Dapper cannot bind a text[] column to a constructor parameter, so the events travel as one string (names hold no comma).
    private const string Columns = "id, organization_id, url, array_to_string(events, ',') AS events, description, created_at";
    private const string DueColumns = "o.id, o.webhook_id, o.organization_id, o.event, o.payload::text AS payload, o.created_at, o.attempts, w.url, w.secret, w.kek_id";

    /// <summary>Adds a subscription, audited as webhook.created (without its secret); the secret is stored sealed with the KEK.</summary>
    public async Task<WebhookDetails> Insert(WebhookDetails webhook, string secret, Guid createdBy)
    {
        var sealedSecret = keys.Seal(secret, SecretColumn.Webhooks.Context(webhook.Id));
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var stored = (await connection.QuerySingleAsync<WebhookRow>(
            "INSERT INTO app.webhooks (id, organization_id, url, events, description, secret, kek_id, created_by, created_at) " +
            $"VALUES (@Id, @OrganizationId, @Url, @Events, @Description, @secret, @kekId, @createdBy, @CreatedAt) RETURNING {Columns}",
            new { webhook.Id, webhook.OrganizationId, webhook.Url, webhook.Events, webhook.Description, secret = sealedSecret.Text, kekId = sealedSecret.KekId, createdBy, webhook.CreatedAt },
            transaction)).Details();
        await audit.Append(connection, transaction, stored.OrganizationId, AuditChange.Of("webhook", "created", stored.Id, null, stored));
        await transaction.CommitAsync();
        return stored;
    }

    public async Task<Page<WebhookDetails>> List(Guid organizationId, PageRequest page)
    {
        var rows = await db.QueryPageAsync<WebhookRow>(Columns, "FROM app.webhooks WHERE organization_id = @organizationId AND deleted_at IS NULL", "created_at DESC, id", new { organizationId }, page);
        return new Page<WebhookDetails>(rows.Items.Select(r => r.Details()).ToList(), rows.PageNumber, rows.Limit, rows.Total, rows.TotalIsLowerBound);
    }

    public async Task<bool> Exists(Guid organizationId, Guid webhookId)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM app.webhooks WHERE organization_id = @organizationId AND id = @webhookId AND deleted_at IS NULL)", new { organizationId, webhookId });
    }

    /// <summary>Stops a live subscription, audited as webhook.deleted; false when there is none.</summary>
    public async Task<bool> Delete(Guid organizationId, Guid webhookId, DateTime at)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var deleted = await connection.QuerySingleOrDefaultAsync<WebhookRow>(
            "UPDATE app.webhooks SET deleted_at = @at WHERE organization_id = @organizationId AND id = @webhookId AND deleted_at IS NULL " +
            $"RETURNING {Columns}",
            new { organizationId, webhookId, at },
            transaction);
        if (deleted is null)
        {
            return false;
        }

        await audit.Append(connection, transaction, organizationId, AuditChange.Of("webhook", "deleted", webhookId, deleted.Details(), null));
        await transaction.CommitAsync();
        return true;
    }

    public Task<Page<WebhookDelivery>> Deliveries(Guid organizationId, Guid webhookId, PageRequest page) =>
        db.QueryPageAsync<WebhookDelivery>(
            "id, outbox_id, event, attempt, attempted_at, status_code, error, duration_ms, manual, error_category",
            "FROM app.webhook_deliveries WHERE organization_id = @organizationId AND webhook_id = @webhookId", "attempted_at DESC, id",
            new { organizationId, webhookId }, page);

    /// <summary>Leases up to <paramref name="limit"/> events due at <paramref name="now"/> (skipping rows another silo holds) for <paramref name="lease"/>.</summary>
    public async Task<IReadOnlyList<DueEvent>> LeaseDue(int limit, TimeSpan lease, DateTime now)
    {
        await using var connection = await db.OpenConnectionAsync();
        return (await connection.QueryAsync<DueRow>(
            "UPDATE app.webhook_outbox o SET leased_until = @now + @lease FROM app.webhooks w " +
            "WHERE w.id = o.webhook_id AND o.id IN (SELECT id FROM app.webhook_outbox WHERE delivered_at IS NULL AND failed_at IS NULL " +
            "AND next_attempt_at <= @now AND (leased_until IS NULL OR leased_until < @now) ORDER BY next_attempt_at LIMIT @limit FOR UPDATE SKIP LOCKED) " +
            $"RETURNING {DueColumns}",
            new { limit, lease, now })).Select(Opened).ToList();
    }

    public async Task<DueEvent?> Find(Guid organizationId, Guid webhookId, Guid outboxId)
    {
        await using var connection = await db.OpenConnectionAsync();
        var row = await connection.QuerySingleOrDefaultAsync<DueRow>(
            $"SELECT {DueColumns} FROM app.webhook_outbox o JOIN app.webhooks w ON w.id = o.webhook_id " +
            "WHERE o.organization_id = @organizationId AND o.webhook_id = @webhookId AND o.id = @outboxId AND w.deleted_at IS NULL",
            new { organizationId, webhookId, outboxId });
        return row is null ? null : Opened(row);
    }

    /// <summary>Logs a try and moves the event on: delivered, due again later, or given up.</summary>
    public async Task Record(DueEvent due, WebhookDelivery delivery, DateTime? retryAt, bool giveUp)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(
            "INSERT INTO app.webhook_deliveries (id, outbox_id, webhook_id, organization_id, event, attempt, attempted_at, status_code, error, duration_ms, manual, error_category) " +
            "VALUES (@Id, @OutboxId, @webhookId, @organizationId, @Event, @Attempt, @AttemptedAt, @StatusCode, @Error, @DurationMs, @Manual, @ErrorCategory)",
            new { delivery.Id, delivery.OutboxId, webhookId = due.WebhookId, organizationId = due.OrganizationId, delivery.Event, delivery.Attempt, delivery.AttemptedAt, delivery.StatusCode, delivery.Error, delivery.DurationMs, delivery.Manual, delivery.ErrorCategory },
            transaction);
        var delivered = delivery.StatusCode is >= 200 and < 300;
        await connection.ExecuteAsync(
            "UPDATE app.webhook_outbox SET attempts = attempts + 1, leased_until = NULL, last_status = @StatusCode, last_error = @Error, " +
            "delivered_at = CASE WHEN @delivered THEN coalesce(delivered_at, @AttemptedAt) ELSE delivered_at END, " +
            "next_attempt_at = coalesce(@retryAt, next_attempt_at), failed_at = CASE WHEN @giveUp AND NOT @delivered THEN @AttemptedAt ELSE failed_at END " +
            "WHERE id = @OutboxId",
            new { delivery.OutboxId, delivery.StatusCode, delivery.Error, delivered, delivery.AttemptedAt, retryAt, giveUp }, transaction);
        await transaction.CommitAsync();
    }

    private DueEvent Opened(DueRow row) =>
        new(row.Id, row.WebhookId, row.OrganizationId, row.Event, row.Payload, row.CreatedAt, row.Attempts, row.Url,
            keys.Open(new StoredSecret(row.Secret, row.KekId), SecretColumn.Webhooks.Context(row.WebhookId)));

    private sealed record DueRow(Guid Id, Guid WebhookId, Guid OrganizationId, string Event, string Payload, DateTime CreatedAt, int Attempts, string Url, string Secret, string? KekId);

    private sealed record WebhookRow(Guid Id, Guid OrganizationId, string Url, string Events, string? Description, DateTime CreatedAt)
    {
        public WebhookDetails Details() => new(Id, OrganizationId, Url, Events.Split(','), Description, CreatedAt);
    }
}
