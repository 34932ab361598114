using System.Text.Json;
using Dapper;
using InventoryProFlow.Contracts.Compliance;
using InventoryProFlow.Contracts.Json;
using InventoryProFlow.Contracts.Paging;
using InventoryProFlow.Grains.Storage;
using Npgsql;

namespace InventoryProFlow.Grains.Compliance;

/// <summary>What a stored report's data column holds: its cadence and its figures as they were computed.</summary>
public sealed record StoredReportData(string ReportType, AbcReportFigures Figures);

/// <summary>SQL for app.compliance_reports. The figures are stored with the report, so a report reads the same forever.</summary>
public sealed class ComplianceReportRepository(NpgsqlDataSource db, AuditLog audit)
{
    private const string Columns =
        "r.id, r.organization_id, r.location_id, l.name AS location_name, r.report_type AS kind, r.status, r.period_start, r.period_end, " +
        "r.data::text AS data, r.created_at, r.generated_at, r.generated_by, r.submitted_at, r.submitted_by";

    private const string From = "FROM app.compliance_reports r LEFT JOIN app.locations l ON l.id = r.location_id";

    private static readonly JsonSerializerOptions Json = ContractJson.Web;

    /// <summary>Stores a report, audited as compliance_report.generated (what, where and which period; the figures stay in the report).</summary>
    public async Task Insert(ComplianceReportView report, Guid? createdBy)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(
            "INSERT INTO app.compliance_reports (id, organization_id, location_id, report_type, period_start, period_end, status, data, generated_at, generated_by, created_by, created_at, updated_at) " +
            "VALUES (@Id, @OrganizationId, @LocationId, @Kind, @Start, @End, @Status, @data::jsonb, @GeneratedAt, @GeneratedBy, @createdBy, @CreatedAt, @CreatedAt)",
            new
            {
                report.Id,
                report.OrganizationId,
                report.LocationId,
                report.Kind,
                report.Period.Start,
                report.Period.End,
                report.Status,
                report.GeneratedAt,
                report.GeneratedBy,
                report.CreatedAt,
                createdBy,
                data = JsonSerializer.Serialize(new StoredReportData(report.ReportType, Figures(report)), Json),
            },
            transaction);
        await audit.Append(connection, transaction, report.OrganizationId, AuditChange.Of("compliance_report", "generated", report.Id, null, Summary(report, report.Status)));
        await transaction.CommitAsync();
    }

    public async Task<ComplianceReportView?> Find(Guid organizationId, Guid id)
    {
        await using var connection = await db.OpenConnectionAsync();
        var row = await connection.QuerySingleOrDefaultAsync<ReportRow>($"SELECT {Columns} {From} WHERE r.organization_id = @organizationId AND r.id = @id", new { organizationId, id });
        return row?.View();
    }

    public Task<Page<ComplianceReportSummary>> List(Guid organizationId, ComplianceReportFilter filter, PageRequest page) =>
        db.QueryPageAsync<ComplianceReportSummary>(
            "r.id, r.location_id, r.report_type AS kind, coalesce(r.data ->> 'reportType', 'custom') AS report_type, r.status, r.period_start, r.period_end, " +
            "r.created_at, r.generated_at, r.submitted_at",
            "FROM app.compliance_reports r WHERE r.organization_id = @organizationId " +
            "AND (@locationId::uuid IS NULL OR r.location_id = @locationId) AND (@status::text IS NULL OR r.status = @status)",
            "r.period_start DESC, r.created_at DESC, r.id",
            new { organizationId, locationId = filter.LocationId, status = filter.Status },
            page);

    /// <summary>Every ABC report of the organisation's locations, without figures: what the deadlines are matched against.</summary>
    public async Task<IReadOnlyList<FiledReport>> Filed(Guid organizationId)
    {
        await using var connection = await db.OpenConnectionAsync();
        return (await connection.QueryAsync<FiledReport>(
            "SELECT id, location_id, period_start, period_end, status FROM app.compliance_reports " +
            "WHERE organization_id = @organizationId AND report_type = 'abc' AND location_id IS NOT NULL",
            new { organizationId })).ToList();
    }

    /// <summary>Marks a generated report submitted; answers false when it was not in the generated state.</summary>
    public async Task<bool> Submit(ComplianceReportView report, Guid? by, DateTime now)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (await connection.ExecuteAsync(
            "UPDATE app.compliance_reports SET status = 'submitted', submitted_at = @now, submitted_by = @by, updated_at = @now " +
            "WHERE organization_id = @OrganizationId AND id = @Id AND status = 'generated'",
            new { report.OrganizationId, report.Id, by, now },
            transaction) != 1)
        {
            return false;
        }

        await audit.Append(
            connection, transaction, report.OrganizationId,
            AuditChange.Of("compliance_report", "submitted", report.Id, Summary(report, report.Status), Summary(report, ReportStatuses.Submitted)));
        await transaction.CommitAsync();
        return true;
    }

    private static object Summary(ComplianceReportView report, string status) =>
        new { report.Id, report.Kind, report.ReportType, report.LocationId, report.Period, Status = status };

    private static AbcReportFigures Figures(ComplianceReportView report) =>
        new(report.ByCategory, report.Totals, report.PurchasesBySupplier, report.Taxes, report.LedgerAsOf, report.Timezone);

    private sealed record ReportRow(
        Guid Id,
        Guid OrganizationId,
        Guid? LocationId,
        string? LocationName,
        string Kind,
        string Status,
        DateOnly PeriodStart,
        DateOnly PeriodEnd,
        string Data,
        DateTime CreatedAt,
        DateTime? GeneratedAt,
        Guid? GeneratedBy,
        DateTime? SubmittedAt,
        Guid? SubmittedBy)
    {
        public ComplianceReportView View()
        {
            var data = JsonSerializer.Deserialize<StoredReportData>(Data, Json)!;
            var figures = data.Figures;
            return new ComplianceReportView(
                Id, OrganizationId, LocationId, LocationName, Kind, data.ReportType, Status, new ReportPeriod(PeriodStart, PeriodEnd),
                figures.ByCategory, figures.Totals, figures.PurchasesBySupplier, figures.Taxes, figures.LedgerAsOf, figures.Timezone,
                CreatedAt, GeneratedAt, GeneratedBy, SubmittedAt, SubmittedBy);
        }
    }
}
