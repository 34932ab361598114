using InventoryProFlow.Contracts.Paging;

namespace InventoryProFlow.Contracts.Compliance;

/// <summary>A report's life: figures of a period still running (draft), of a finished period (generated), filed (submitted).</summary>
public static class ReportStatuses
{
    public const string Draft = "draft";
    public const string Generated = "generated";
    public const string Submitted = "submitted";

    public static IReadOnlyList<string> All { get; } = [Draft, Generated, Submitted];
}

/// <summary>The cadence a report answers for; "custom" is any other span.</summary>
public static class ReportTypes
{
    public static IReadOnlyList<string> All { get; } = ["monthly", "quarterly", "annual", "custom"];
}

/// <summary>The ABC report categories: products' own categories, with mixers and the rest as "other".</summary>
public static class ReportCategories
{
    public static IReadOnlyList<string> All { get; } = ["spirits", "wine", "beer", "other"];
}

[GenerateSerializer, Immutable, Alias("ipf.AbcReportRequest.v1")]
public sealed record AbcReportRequest(
    [property: Id(0)] Guid? LocationId = null,
    [property: Id(1)] DateOnly? PeriodStart = null,
    [property: Id(2)] DateOnly? PeriodEnd = null,
    [property: Id(3)] string? ReportType = null);

/// <summary>Business dates, both included, in the location's time zone.</summary>
[GenerateSerializer, Immutable, Alias("ipf.ReportPeriod.v1")]
public sealed record ReportPeriod([property: Id(0)] DateOnly Start, [property: Id(1)] DateOnly End);

/// <summary>
/// One category's stock movement over the period, from the ledger: units, litres (units x bottle size, exact)
/// and money (the amounts the ledger recorded: sales at their price, purchases at their cost).
/// Closing = opening + purchased - sold - wasted - comped + adjusted + transferred in - transferred out.
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.AbcCategoryFigures.v1")]
public sealed record AbcCategoryFigures(
    [property: Id(0)] string Category,
    [property: Id(1)] decimal OpeningUnits,
    [property: Id(2)] decimal PurchasedUnits,
    [property: Id(3)] decimal SoldUnits,
    [property: Id(4)] decimal WastedUnits,
    [property: Id(5)] decimal CompedUnits,
    [property: Id(6)] decimal AdjustedUnits,
    [property: Id(7)] decimal TransferredInUnits,
    [property: Id(8)] decimal TransferredOutUnits,
    [property: Id(9)] decimal ClosingUnits,
    [property: Id(10)] decimal OpeningLitres,
    [property: Id(11)] decimal PurchasedLitres,
    [property: Id(12)] decimal SoldLitres,
    [property: Id(13)] decimal WastedLitres,
    [property: Id(14)] decimal CompedLitres,
    [property: Id(15)] decimal AdjustedLitres,
    [property: Id(16)] decimal TransferredInLitres,
    [property: Id(17)] decimal TransferredOutLitres,
    [property: Id(18)] decimal ClosingLitres,
    [property: Id(19)] decimal PurchasedAmount,
    [property: Id(20)] decimal SoldAmount,
    [property: Id(21)] decimal WastedAmount,
    [property: Id(22)] decimal CompedAmount,
    [property: Id(23)] decimal GrossReceipts);

/// <summary>What was received from one supplier in one category over the period.</summary>
[GenerateSerializer, Immutable, Alias("ipf.SupplierPurchases.v1")]
public sealed record SupplierPurchases(
    [property: Id(0)] Guid? SupplierId,
    [property: Id(1)] string SupplierName,
    [property: Id(2)] string Category,
    [property: Id(3)] decimal Units,
    [property: Id(4)] decimal Litres,
    [property: Id(5)] decimal Amount);

/// <summary>A state tax the location's rules configure, estimated on the report's gross receipts.</summary>
[GenerateSerializer, Immutable, Alias("ipf.StateTaxEstimate.v1")]
public sealed record StateTaxEstimate(
    [property: Id(0)] string Name,
    [property: Id(1)] string Authority,
    [property: Id(2)] decimal Rate,
    [property: Id(3)] decimal TaxableReceipts,
    [property: Id(4)] decimal Amount,
    [property: Id(5)] DateOnly DueOn,
    [property: Id(6)] string DueRule);

/// <summary>The figures of an ABC report, stored with it so a report reads the same forever.</summary>
[GenerateSerializer, Immutable, Alias("ipf.AbcReportFigures.v1")]
public sealed record AbcReportFigures(
    [property: Id(0)] IReadOnlyList<AbcCategoryFigures> ByCategory,
    [property: Id(1)] AbcCategoryFigures Totals,
    [property: Id(2)] IReadOnlyList<SupplierPurchases> PurchasesBySupplier,
    [property: Id(3)] IReadOnlyList<StateTaxEstimate> Taxes,
    [property: Id(4)] DateTime LedgerAsOf,
    [property: Id(5)] string Timezone);

/// <summary>A compliance report as the API answers it: the stored row with its figures.</summary>
[GenerateSerializer, Immutable, Alias("ipf.ComplianceReportView.v1")]
public sealed record ComplianceReportView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid OrganizationId,
    [property: Id(2)] Guid? LocationId,
    [property: Id(3)] string? LocationName,
    [property: Id(4)] string Kind,
    [property: Id(5)] string ReportType,
    [property: Id(6)] string Status,
    [property: Id(7)] ReportPeriod Period,
    [property: Id(8)] IReadOnlyList<AbcCategoryFigures> ByCategory,
    [property: Id(9)] AbcCategoryFigures Totals,
    [property: Id(10)] IReadOnlyList<SupplierPurchases> PurchasesBySupplier,
    [property: Id(11)] IReadOnlyList<StateTaxEstimate> Taxes,
    [property: Id(12)] DateTime LedgerAsOf,
    [property: Id(13)] string Timezone,
    [property: Id(14)] DateTime CreatedAt,
    [property: Id(15)] DateTime? GeneratedAt,
    [property: Id(16)] Guid? GeneratedBy,
    [property: Id(17)] DateTime? SubmittedAt,
    [property: Id(18)] Guid? SubmittedBy);

/// <summary>A report in a list: no figures, just what it is and where it stands.</summary>
[GenerateSerializer, Immutable, Alias("ipf.ComplianceReportSummary.v1")]
public sealed record ComplianceReportSummary(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid? LocationId,
    [property: Id(2)] string Kind,
    [property: Id(3)] string ReportType,
    [property: Id(4)] string Status,
    [property: Id(5)] DateOnly PeriodStart,
    [property: Id(6)] DateOnly PeriodEnd,
    [property: Id(7)] DateTime CreatedAt,
    [property: Id(8)] DateTime? GeneratedAt,
    [property: Id(9)] DateTime? SubmittedAt);

[GenerateSerializer, Immutable, Alias("ipf.ComplianceReportFilter.v1")]
public sealed record ComplianceReportFilter(
    [property: Id(0)] Guid? LocationId = null,
    [property: Id(1)] string? Status = null);

/// <summary>An organisation's compliance reports and records, computed from the ledger. Stateless: the tables hold it all.</summary>
public interface IComplianceReportsGrain : IGrainWithStringKey
{
    Task<ComplianceReportView> GenerateAbc(AbcReportRequest request, Guid? generatedBy);

    Task<ComplianceReportView> Get(Guid reportId);

    Task<Page<ComplianceReportSummary>> List(ComplianceReportFilter filter, PageRequest page);

    Task<ComplianceReportView> Submit(Guid reportId, Guid? submittedBy);
}
