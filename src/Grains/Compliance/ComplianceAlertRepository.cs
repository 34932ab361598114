using System.Text.Json;
using Dapper;
using InventoryProFlow.Contracts.Compliance;
using InventoryProFlow.Contracts.Json;
using InventoryProFlow.Contracts.Paging;
using InventoryProFlow.Contracts.Webhooks;
using InventoryProFlow.Grains.Notifications;
using InventoryProFlow.Grains.Stock;
using InventoryProFlow.Grains.Storage;
using InventoryProFlow.Grains.Webhooks;
using Npgsql;

namespace InventoryProFlow.Grains.Compliance;

/// <summary>An alert a check wants raised; the key decides whether it was raised before.</summary>
public sealed record AlertDue(string AlertKey, ComplianceAlert Alert);

/// <summary>SQL for app.compliance_alerts, and the webhook events of the alerts it raises.</summary>
public sealed class ComplianceAlertRepository(NpgsqlDataSource db, MailOutbox mail, AlertMails mails)
{
    private const string Columns =
        "id, organization_id, location_id, license_id, kind, days_left, due_on, subject, message, raised_at, acknowledged_at, acknowledged_by, resolved_at, report_id";

    private static readonly JsonSerializerOptions Json = ContractJson.Web;

    /// <summary>
    /// Raises the alerts not raised before and answers those, with their <c>compliance.alert</c> webhook events and
    /// their mails queued in the same transaction: an alert is never raised without its webhook and mail, nor twice.
    /// </summary>
    public async Task<IReadOnlyList<ComplianceAlert>> Raise(Guid organizationId, IReadOnlyList<AlertDue> due)
    {
        if (due.Count == 0)
        {
            return [];
        }

        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var raised = new List<ComplianceAlert>();
        foreach (var (key, alert) in due)
        {
            var inserted = await connection.QuerySingleOrDefaultAsync<ComplianceAlert>(
                $"INSERT INTO app.compliance_alerts (alert_key, {Columns}) VALUES (@key, @Id, @OrganizationId, @LocationId, @LicenseId, @Kind, " +
                "@DaysLeft, @DueOn, @Subject, @Message, @RaisedAt, NULL, NULL, NULL, @ReportId) " +
                $"ON CONFLICT (organization_id, alert_key) DO NOTHING RETURNING {Columns}",
                new { key, alert.Id, alert.OrganizationId, alert.LocationId, alert.LicenseId, alert.Kind, alert.DaysLeft, alert.DueOn, alert.Subject, alert.Message, alert.RaisedAt, alert.ReportId },
                transaction);
            if (inserted is not null)
            {
                raised.Add(inserted);
            }
        }

        if (raised.Count > 0)
        {
            await connection.ExecuteAsync(
                WebhookEventRows.Sql,
                new
                {
                    org = raised.Select(a => a.OrganizationId).ToArray(),
                    events = raised.Select(a => WebhookEventRows.Json([new OutboxEvent(WebhookEvents.ComplianceAlert, JsonSerializer.Serialize(a, Json))])).ToArray(),
                    at = raised.Select(a => a.RaisedAt).ToArray(),
                },
                transaction);
            await mail.Queue(connection, transaction, raised.Select(mails.Compliance).ToList());
        }

        await transaction.CommitAsync();
        return raised;
    }

    /// <summary>Alerts about an expiry date a licence no longer has (renewed, or deleted) are resolved.</summary>
    public async Task ResolveStale(Guid organizationId, Guid licenseId, DateOnly? currentExpiry, DateTime now)
    {
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "UPDATE app.compliance_alerts SET resolved_at = @now WHERE organization_id = @organizationId AND license_id = @licenseId " +
            "AND resolved_at IS NULL AND (@currentExpiry::date IS NULL OR due_on <> @currentExpiry)",
            new { organizationId, licenseId, currentExpiry, now });
    }

    /// <summary>A submitted report settles every alert about its location and period.</summary>
    public async Task ResolveByKeyPrefix(Guid organizationId, string prefix, DateTime now)
    {
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "UPDATE app.compliance_alerts SET resolved_at = @now WHERE organization_id = @organizationId AND resolved_at IS NULL " +
            "AND starts_with(alert_key, @prefix)",
            new { organizationId, prefix, now });
    }

    /// <summary>
    /// A report drafted after its period's alerts were raised (a check that failed to draft it, or alerts older than
    /// drafting) is named on those alerts still open, so the list links to it; their messages stay as they were sent.
    /// </summary>
    public async Task AttachReport(Guid organizationId, string prefix, Guid reportId)
    {
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "UPDATE app.compliance_alerts SET report_id = @reportId WHERE organization_id = @organizationId AND resolved_at IS NULL " +
            "AND report_id IS NULL AND starts_with(alert_key, @prefix)",
            new { organizationId, prefix, reportId });
    }

    public Task<Page<ComplianceAlert>> List(Guid organizationId, ComplianceAlertFilter filter, PageRequest page) =>
        db.QueryPageAsync<ComplianceAlert>(
            Columns,
            "FROM app.compliance_alerts WHERE organization_id = @organizationId " +
            "AND (@open::boolean IS NULL OR (@open AND acknowledged_at IS NULL AND resolved_at IS NULL) OR (NOT @open AND (acknowledged_at IS NOT NULL OR resolved_at IS NOT NULL))) " +
            "AND (@kind::text IS NULL OR kind = @kind) AND (@locationId::uuid IS NULL OR location_id = @locationId) " +
            "AND (@licenseId::uuid IS NULL OR license_id = @licenseId)",
            "raised_at DESC, id",
            new { organizationId, open = filter.Open, kind = filter.Kind, locationId = filter.LocationId, licenseId = filter.LicenseId },
            page);

    public async Task<ComplianceAlert?> Acknowledge(Guid organizationId, Guid id, Guid? by, DateTime now)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<ComplianceAlert>(
            "UPDATE app.compliance_alerts SET acknowledged_at = coalesce(acknowledged_at, @now), acknowledged_by = coalesce(acknowledged_by, @by) " +
            $"WHERE organization_id = @organizationId AND id = @id RETURNING {Columns}",
            new { organizationId, id, by, now });
    }

    public async Task<int> OpenCount(Guid organizationId)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM app.compliance_alerts WHERE organization_id = @organizationId AND acknowledged_at IS NULL AND resolved_at IS NULL",
            new { organizationId });
    }
}
