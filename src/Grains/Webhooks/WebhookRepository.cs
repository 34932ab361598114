using Dapper;
using InventoryProFlow.Contracts.Paging;
using InventoryProFlow.Contracts.Webhooks;
using InventoryProFlow.Grains.Compliance;
using InventoryProFlow.Grains.Storage;
using Npgsql;

namespace InventoryProFlow.Grains.Webhooks;

/// <summary>An outbox row ready to send, with where and how to sign it.</summary>
/// <summary>What one fan-out round did for one organisation: event rows taken and outbox copies made of them.</summary>
public sealed record FannedOut(Guid OrganizationId, int Rows, int Copies);

public sealed record DueEvent(Guid Id, Guid WebhookId, Guid OrganizationId, string Event, string Payload, DateTime CreatedAt, int Attempts, string Url, string Secret);

/// <summary>SQL for app.webhooks, app.webhook_events, app.webhook_outbox and app.webhook_deliveries.</summary>
public sealed class WebhookRepository(NpgsqlDataSource db, AuditLog audit, KeyEncryptionKeys keys, WebhookLimits limits)
{
    /// <summary>The fixed sentence an event's outbox row keeps when its webhook is deleted before it was delivered.</summary>
    public const string DroppedWithWebhook = "The webhook was deleted before this event was delivered.";

    // Dapper cannot bind a text[] column to a constructor parameter, so the events travel as one string (names hold no comma).
    private const string Columns = "id, organization_id, url, array_to_string(events, ',') AS events, description, created_at, failures, circuit_open_until";
    private const string DueColumns = "o.id, o.webhook_id, o.organization_id, o.event, o.payload::text AS payload, o.created_at, o.attempts, w.url, w.secret, w.kek_id";

    /// <summary>
    /// Adds a subscription, audited as webhook.created (without its secret; the secret is stored sealed with the KEK);
    /// null when the organisation already has its <see cref="WebhookLimits.MaxPerOrganization"/> live webhooks.
    /// </summary>
    public async Task<WebhookDetails?> Insert(WebhookDetails webhook, string secret, Guid createdBy)
    {
        var sealedSecret = keys.Seal(secret, SecretColumn.Webhooks.Context(webhook.Id));
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // The organisation's row is the lock: two creations at once count one after the other, so neither passes the cap.
        await connection.ExecuteAsync("SELECT 1 FROM app.organizations WHERE id = @OrganizationId FOR NO KEY UPDATE", new { webhook.OrganizationId }, transaction);
        var live = await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM app.webhooks WHERE organization_id = @OrganizationId AND deleted_at IS NULL", new { webhook.OrganizationId }, transaction);
        if (live >= limits.MaxPerOrganization)
        {
            return null;
        }

        var stored = (await connection.QuerySingleAsync<WebhookRow>(
            "INSERT INTO app.webhooks (id, organization_id, url, events, description, secret, kek_id, created_by, created_at) " +
            $"VALUES (@Id, @OrganizationId, @Url, @Events, @Description, @secret, @kekId, @createdBy, @CreatedAt) RETURNING {Columns}",
            new { webhook.Id, webhook.OrganizationId, webhook.Url, webhook.Events, webhook.Description, secret = sealedSecret.Text, kekId = sealedSecret.KekId, createdBy, webhook.CreatedAt },
            transaction)).Details(limits, webhook.CreatedAt);
        await audit.Append(connection, transaction, stored.OrganizationId, AuditChange.Of("webhook", "created", stored.Id, null, stored));
        await transaction.CommitAsync();
        return stored;
    }

    /// <summary>The live subscriptions, each with its circuit as it stands at <paramref name="now"/>.</summary>
    public async Task<Page<WebhookDetails>> List(Guid organizationId, PageRequest page, DateTime now)
    {
        var rows = await db.QueryPageAsync<WebhookRow>(Columns, "FROM app.webhooks WHERE organization_id = @organizationId AND deleted_at IS NULL", "created_at DESC, id", new { organizationId }, page);
        return new Page<WebhookDetails>(rows.Items.Select(r => r.Details(limits, now)).ToList(), rows.PageNumber, rows.Limit, rows.Total, rows.TotalIsLowerBound);
    }

    public async Task<bool> Exists(Guid organizationId, Guid webhookId)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM app.webhooks WHERE organization_id = @organizationId AND id = @webhookId AND deleted_at IS NULL)", new { organizationId, webhookId });
    }

    /// <summary>Stops a live subscription and drops its backlog (what waits is marked failed), audited as webhook.deleted; false when there is none.</summary>
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

        await connection.ExecuteAsync(
            "UPDATE app.webhook_outbox SET failed_at = @at, last_error = @DroppedWithWebhook WHERE webhook_id = @webhookId AND delivered_at IS NULL AND failed_at IS NULL",
            new { webhookId, at, DroppedWithWebhook }, transaction);
        await audit.Append(connection, transaction, organizationId, AuditChange.Of("webhook", "deleted", webhookId, deleted.Details(limits, at), null));
        await transaction.CommitAsync();
        return true;
    }

    public Task<Page<WebhookDelivery>> Deliveries(Guid organizationId, Guid webhookId, PageRequest page) =>
        db.QueryPageAsync<WebhookDelivery>(
            "id, outbox_id, event, attempt, attempted_at, status_code, error, duration_ms, manual, error_category",
            "FROM app.webhook_deliveries WHERE organization_id = @organizationId AND webhook_id = @webhookId", "attempted_at DESC, id",
            new { organizationId, webhookId }, page);

    /// <summary>
    /// Copies waiting event rows to the outbox of each webhook subscribed when they happened, and deletes them, in one
    /// transaction. Fair between organisations: each gets its oldest rows up to about <paramref name="copiesPerOrganization"/>
    /// copies (a row's events times the organisation's webhooks; always at least its oldest row), the least served
    /// first, at most <paramref name="limit"/> rows in all; so an organisation with two hundred webhooks and a flood of
    /// sales lags behind on its own, and another's events are copied in the same round. The <paramref name="resting"/>
    /// organisations, which have used up their share of copying for now (<see cref="FanOutShares"/>), wait. Rows another
    /// silo is copying are skipped. Answers the rows and copies made for each organisation.
    /// </summary>
    public async Task<IReadOnlyList<FannedOut>> FanOut(int limit, int copiesPerOrganization, IReadOnlyCollection<Guid> resting)
    {
        await using var connection = await db.OpenConnectionAsync();
        return (await connection.QueryAsync<FannedOut>(
            "WITH hooks AS (SELECT organization_id, count(*) AS n FROM app.webhooks WHERE deleted_at IS NULL GROUP BY organization_id), " +
            "weighed AS (SELECT e.id, jsonb_array_length(e.events) * coalesce(h.n, 0) AS copies, e.organization_id FROM app.webhook_events e " +
            "  LEFT JOIN hooks h USING (organization_id) WHERE e.organization_id <> ALL(@resting)), " +
            "queued AS (SELECT id, sum(copies) OVER (PARTITION BY organization_id ORDER BY id) - copies AS before FROM weighed), " +
            "picked AS (SELECT id FROM app.webhook_events WHERE id IN (SELECT id FROM queued WHERE before < @copiesPerOrganization ORDER BY before, id LIMIT @limit) " +
            "  FOR UPDATE SKIP LOCKED), " +
            "gone AS (DELETE FROM app.webhook_events e USING picked p WHERE e.id = p.id RETURNING e.*), " +
            "copy AS (INSERT INTO app.webhook_outbox (id, webhook_id, organization_id, event, payload, created_at, next_attempt_at) " +
            "  SELECT gen_random_uuid(), w.id, g.organization_id, x.event, x.payload, g.created_at, g.created_at " +
            "  FROM gone g CROSS JOIN LATERAL jsonb_to_recordset(g.events) AS x(event text, payload jsonb) " +
            "  JOIN app.webhooks w ON w.organization_id = g.organization_id AND w.deleted_at IS NULL AND x.event = ANY(w.events) AND w.created_at <= g.created_at " +
            "  ORDER BY g.id RETURNING organization_id), " +
            "copied AS (SELECT organization_id, count(*) AS n FROM copy GROUP BY organization_id) " +
            "SELECT g.organization_id AS OrganizationId, count(*)::int AS Rows, coalesce(max(c.n), 0)::int AS Copies " +
            "FROM gone g LEFT JOIN copied c USING (organization_id) GROUP BY g.organization_id",
            new { limit, copiesPerOrganization, resting = resting.ToArray() })).ToList();
    }

    /// <summary>
    /// Takes up to <paramref name="limit"/> webhooks with an event due at <paramref name="now"/> for <paramref name="lease"/>
    /// and answers the oldest due event of each: one delivery in flight per webhook in the whole cluster, none for a
    /// webhook whose circuit is open, and no organisation above <paramref name="perOrganization"/> in flight. The
    /// organisations with the fewest in flight are served first, so a tenant whose receivers hang takes its share and
    /// no more.
    /// </summary>
    public async Task<IReadOnlyList<DueEvent>> LeaseNext(int limit, int perOrganization, TimeSpan lease, DateTime now)
    {
        await using var connection = await db.OpenConnectionAsync();
        return (await connection.QueryAsync<DueRow>(
            "WITH due AS (SELECT w.id, w.organization_id, d.next_at, row_number() OVER (PARTITION BY w.organization_id ORDER BY d.next_at, w.id) AS turn " +
            "  FROM app.webhooks w CROSS JOIN LATERAL (SELECT o.next_attempt_at AS next_at FROM app.webhook_outbox o " +
            "    WHERE o.webhook_id = w.id AND o.delivered_at IS NULL AND o.failed_at IS NULL ORDER BY o.next_attempt_at LIMIT 1) d " +
            "  WHERE w.deleted_at IS NULL AND d.next_at <= @now AND (w.busy_until IS NULL OR w.busy_until < @now) " +
            "  AND (w.circuit_open_until IS NULL OR w.circuit_open_until <= @now)), " +
            "busy AS (SELECT organization_id, count(*) AS n FROM app.webhooks WHERE deleted_at IS NULL AND busy_until >= @now GROUP BY organization_id), " +
            "chosen AS (SELECT due.id FROM due LEFT JOIN busy USING (organization_id) WHERE coalesce(busy.n, 0) + due.turn <= @perOrganization " +
            "  ORDER BY coalesce(busy.n, 0) + due.turn, due.next_at LIMIT @limit), " +
            "free AS (SELECT id FROM app.webhooks WHERE id IN (SELECT id FROM chosen) AND (busy_until IS NULL OR busy_until < @now) FOR UPDATE SKIP LOCKED), " +
            "leased AS (UPDATE app.webhooks w SET busy_until = @now + @lease FROM free WHERE w.id = free.id RETURNING w.id, w.url, w.secret, w.kek_id) " +
            "SELECT o.id, o.webhook_id, o.organization_id, o.event, o.payload::text AS payload, o.created_at, o.attempts, l.url, l.secret, l.kek_id " +
            "FROM leased l CROSS JOIN LATERAL (SELECT * FROM app.webhook_outbox o WHERE o.webhook_id = l.id AND o.delivered_at IS NULL " +
            "  AND o.failed_at IS NULL AND o.next_attempt_at <= @now ORDER BY o.next_attempt_at LIMIT 1) o",
            new { limit, perOrganization, lease, now })).Select(Opened).ToList();
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

    /// <summary>
    /// Logs a try, moves the event on (delivered, due again later, or given up) and frees its webhook for the next: a
    /// delivery closes the circuit; a scheduled try that failed counts one more failure in a row, and the one that
    /// reaches <see cref="WebhookLimits.CircuitFailures"/> (or a failed probe) opens it for <see cref="WebhookLimits.CircuitOpenFor"/>.
    /// An admin's manual try that fails leaves the circuit as it was.
    /// </summary>
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
        var counted = !delivered && !delivery.Manual;
        await connection.ExecuteAsync(
            "UPDATE app.webhooks SET busy_until = CASE WHEN @Manual THEN busy_until END, " +
            "failures = CASE WHEN @delivered THEN 0 WHEN @counted THEN failures + 1 ELSE failures END, " +
            "circuit_open_until = CASE WHEN @delivered THEN NULL WHEN @counted AND failures + 1 >= @threshold THEN @openUntil ELSE circuit_open_until END " +
            "WHERE id = @webhookId",
            new { delivery.Manual, delivered, counted, threshold = limits.CircuitFailures, openUntil = delivery.AttemptedAt + limits.CircuitOpenFor, webhookId = due.WebhookId },
            transaction);
        await transaction.CommitAsync();
    }

    private DueEvent Opened(DueRow row) =>
        new(row.Id, row.WebhookId, row.OrganizationId, row.Event, row.Payload, row.CreatedAt, row.Attempts, row.Url,
            keys.Open(new StoredSecret(row.Secret, row.KekId), SecretColumn.Webhooks.Context(row.WebhookId)));

    private sealed record DueRow(Guid Id, Guid WebhookId, Guid OrganizationId, string Event, string Payload, DateTime CreatedAt, int Attempts, string Url, string Secret, string? KekId);

    private sealed record WebhookRow(Guid Id, Guid OrganizationId, string Url, string Events, string? Description, DateTime CreatedAt, int Failures, DateTime? CircuitOpenUntil)
    {
        public WebhookDetails Details(WebhookLimits limits, DateTime now) =>
            new(Id, OrganizationId, Url, Events.Split(','), Description, CreatedAt, limits.Circuit(Failures, CircuitOpenUntil, now), Failures, CircuitOpenUntil);
    }
}
