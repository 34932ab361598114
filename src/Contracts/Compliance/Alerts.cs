namespace InventoryProFlow.Contracts.Compliance;

public static class ComplianceAlertKinds
{
    public const string LicenseExpiring = "license_expiring";
    public const string LicenseExpired = "license_expired";
    public const string ReportDue = "report_due";
    public const string ReportOverdue = "report_overdue";

    public static IReadOnlyList<string> All { get; } = [LicenseExpiring, LicenseExpired, ReportDue, ReportOverdue];
}

/// <summary>
/// SignalR <c>alert:compliance</c>, webhook <c>compliance.alert</c> and a row of <c>GET /compliance/alerts</c>:
/// a licence nearing or past expiry, or a filing nearing or past its due date. Each is raised once.
/// <c>ReportId</c>: for a report alert, the report ready for that location and period (the reminder's draft), if any.
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.ComplianceAlert.v1")]
public sealed record ComplianceAlert(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid OrganizationId,
    [property: Id(2)] Guid? LocationId,
    [property: Id(3)] Guid? LicenseId,
    [property: Id(4)] string Kind,
    [property: Id(5)] int DaysLeft,
    [property: Id(6)] DateOnly DueOn,
    [property: Id(7)] string Subject,
    [property: Id(8)] string Message,
    [property: Id(9)] DateTime RaisedAt,
    [property: Id(10)] DateTime? AcknowledgedAt,
    [property: Id(11)] Guid? AcknowledgedBy,
    [property: Id(12)] DateTime? ResolvedAt,
    [property: Id(13)] Guid? ReportId = null)
{
    public bool Open => AcknowledgedAt is null && ResolvedAt is null;
}

/// <summary>Which alerts a list answers: <c>open</c> leaves out acknowledged and resolved ones.</summary>
[GenerateSerializer, Immutable, Alias("ipf.ComplianceAlertFilter.v1")]
public sealed record ComplianceAlertFilter(
    [property: Id(0)] bool? Open = null,
    [property: Id(1)] string? Kind = null,
    [property: Id(2)] Guid? LocationId = null,
    [property: Id(3)] Guid? LicenseId = null);

/// <summary>
/// What one check of licences and filings found, for the operator and the tests: the alerts it raised and the ids of
/// the ABC reports it drafted for periods that ended.
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.ComplianceCheck.v1")]
public sealed record ComplianceCheck(
    [property: Id(0)] DateTime CheckedAt,
    [property: Id(1)] int LicensesChecked,
    [property: Id(2)] IReadOnlyList<ComplianceAlert> Raised,
    [property: Id(3)] IReadOnlyList<Guid> ReportsDrafted);
