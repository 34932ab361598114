using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Compliance;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Paging;
using InventoryProFlow.Grains.Catalogue;
using InventoryProFlow.Grains.Storage;
using InventoryProFlow.Grains.Validation;
using Orleans.Concurrency;

namespace InventoryProFlow.Grains.Compliance;

/// <summary>An organisation's compliance reports, computed from the ledger and stored with their figures. Stateless.</summary>
[StatelessWorker]
public sealed class ComplianceReportsGrain(
    ComplianceReportRepository reports,
    AbcLedgerQuery ledger,
    LocationRepository locations,
    LicenseRepository licenses,
    ComplianceAlertRepository alerts,
    TimeProvider time,
    IdFactory ids) : Grain, IComplianceReportsGrain
{
    // A year and a day: an annual report of a leap year, and nothing a single query should not sum.
    private const int LongestPeriodDays = 366;

    private Guid OrganizationId => GrainKeys.ParseComplianceReports(this.GetPrimaryKeyString());

    public async Task<ComplianceReportView> GenerateAbc(AbcReportRequest request, Guid? generatedBy)
    {
        var reportType = request.ReportType ?? "monthly";
        new Violations()
            .Required("locationId", request.LocationId)
            .Required("periodStart", request.PeriodStart)
            .Required("periodEnd", request.PeriodEnd)
            .OneOf("reportType", reportType, ReportTypes.All)
            .When(request.PeriodStart > request.PeriodEnd, "periodEnd", "periodEnd must be on or after periodStart.")
            .When(
                request.PeriodStart is { } first && request.PeriodEnd is { } last && last.DayNumber - first.DayNumber + 1 > LongestPeriodDays,
                "periodEnd",
                $"A report covers at most {LongestPeriodDays} days.")
            .ThrowIfAny();
        var location = await locations.Find(OrganizationId, request.LocationId!.Value) ?? throw NotFoundException.For("location", request.LocationId.Value);
        var period = new ReportPeriod(request.PeriodStart!.Value, request.PeriodEnd!.Value);
        var today = time.Today(location.Timezone);
        if (period.Start > today)
        {
            throw new ValidationFailedException([new FieldError("periodStart", $"periodStart is in the future (today is {today:yyyy-MM-dd} at this location).")]);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var (byCategory, suppliers) = await ledger.Figures(OrganizationId, location.Id, period, location.Timezone, now);
        // A period still running can only be a draft: its figures will change.
        var status = period.End >= today ? ReportStatuses.Draft : ReportStatuses.Generated;
        var totals = AbcTotals.Of(byCategory);
        var taxes = StateTaxes.Estimate(location.State, await licenses.TypesCovering(OrganizationId, location.Id), totals.GrossReceipts, period);
        var report = new ComplianceReportView(
            ids.NewId(), OrganizationId, location.Id, location.Name, "abc", reportType, status, period, byCategory, totals, suppliers,
            taxes, now, location.Timezone, now, now, generatedBy, null, null);
        await reports.Insert(report, generatedBy);
        return report;
    }

    public async Task<ComplianceReportView> Get(Guid reportId) =>
        await reports.Find(OrganizationId, reportId) ?? throw NotFoundException.For("report", reportId);

    public Task<Page<ComplianceReportSummary>> List(ComplianceReportFilter filter, PageRequest page) => reports.List(OrganizationId, filter, page);

    public async Task<ComplianceReportView> Submit(Guid reportId, Guid? submittedBy)
    {
        var report = await Get(reportId);
        if (!await reports.Submit(report, submittedBy, time.GetUtcNow().UtcDateTime))
        {
            throw new ConflictException(
                ErrorCodes.Conflict,
                report.Status == ReportStatuses.Draft
                    ? $"Report {reportId} is a draft: its period ends {report.Period.End:yyyy-MM-dd}. Generate it again once the period is over, then submit."
                    : $"Report {reportId} was already submitted.");
        }

        if (report.LocationId is { } location)
        {
            await alerts.ResolveByKeyPrefix(OrganizationId, ReportDeadlines.AlertKeyPrefix(location, report.Period.Start, report.Period.End), time.GetUtcNow().UtcDateTime);
        }

        return await Get(reportId);
    }
}
