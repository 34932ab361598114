namespace InventoryProFlow.Contracts.Compliance;

/// <summary>Where one filing of a location stands: <c>due</c> (period over, not yet filed), <c>overdue</c>, or <c>submitted</c>.</summary>
public static class FilingStatuses
{
    public const string Due = "due";
    public const string Overdue = "overdue";
    public const string Submitted = "submitted";
}

/// <summary>The whole picture in one word: nothing to do, something coming up, or something late.</summary>
public static class ComplianceStates
{
    public const string Ok = "ok";
    public const string Attention = "attention";
    public const string ActionRequired = "action_required";
}

/// <summary>An ABC report a location owes for a finished period, and whether it was filed.</summary>
[GenerateSerializer, Immutable, Alias("ipf.ReportDeadline.v1")]
public sealed record ReportDeadline(
    [property: Id(0)] string Form,
    [property: Id(1)] string Title,
    [property: Id(2)] DateOnly PeriodStart,
    [property: Id(3)] DateOnly PeriodEnd,
    [property: Id(4)] DateOnly DueOn,
    [property: Id(5)] string DueRule,
    [property: Id(6)] string Status,
    [property: Id(7)] int DaysLeft,
    [property: Id(8)] Guid? ReportId);

/// <summary>Another filing a location's state rules name (a gross-receipts tax, a food-ratio review), coming due.</summary>
[GenerateSerializer, Immutable, Alias("ipf.UpcomingFiling.v1")]
public sealed record UpcomingFiling(
    [property: Id(0)] string Form,
    [property: Id(1)] string Title,
    [property: Id(2)] string Authority,
    [property: Id(3)] DateOnly PeriodStart,
    [property: Id(4)] DateOnly PeriodEnd,
    [property: Id(5)] DateOnly DueOn,
    [property: Id(6)] string DueRule);

[GenerateSerializer, Immutable, Alias("ipf.LocationCompliance.v1")]
public sealed record LocationCompliance(
    [property: Id(0)] Guid LocationId,
    [property: Id(1)] string Name,
    [property: Id(2)] string? State,
    [property: Id(3)] IReadOnlyList<ReportDeadline> Reports,
    [property: Id(4)] IReadOnlyList<UpcomingFiling> Upcoming);

[GenerateSerializer, Immutable, Alias("ipf.LicenseCounts.v1")]
public sealed record LicenseCounts(
    [property: Id(0)] int Valid,
    [property: Id(1)] int Expiring,
    [property: Id(2)] int Expired,
    [property: Id(3)] IReadOnlyList<LicenseView> NeedingAttention);

/// <summary><c>GET /compliance/status</c>: licences, filings per location, open alerts and one overall state.</summary>
[GenerateSerializer, Immutable, Alias("ipf.ComplianceStatus.v1")]
public sealed record ComplianceStatus(
    [property: Id(0)] Guid OrganizationId,
    [property: Id(1)] string Overall,
    [property: Id(2)] LicenseCounts Licenses,
    [property: Id(3)] IReadOnlyList<LocationCompliance> Locations,
    [property: Id(4)] int OpenAlerts,
    [property: Id(5)] DateTime AsOf,
    [property: Id(6)] DateTime? LastCheckedAt);
