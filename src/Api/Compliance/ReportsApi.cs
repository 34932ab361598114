using System.Security.Claims;
using System.Text;
using InventoryProFlow.Api.Identity;
using InventoryProFlow.Api.Paging;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Compliance;
using InventoryProFlow.Contracts.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryProFlow.Api.Compliance;

/// <summary>State ABC reports from the ledger: generate, read (JSON, CSV, printable HTML), submit, reopen a filed period.</summary>
public static class ReportsApi
{
    private static readonly IReadOnlyList<string> Formats = ["json", "csv", "html"];

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder routes)
    {
        var reports = routes.MapGroup("/api/v1/compliance/reports").WithTags("Compliance").RequireAuthorization(Policies.ComplianceReader);
        reports.MapPost("/abc", GenerateAbc).LimitAsHeavy().RequireAuthorization(Policies.ComplianceWriter).WithName("generateAbcReport")
            .WithSummary("Compute a location's ABC report for a period from the ledger and store it (admin); a period not yet over gives a draft");
        reports.MapGet("/", List).WithSummary("Reports, newest period first; filter by locationId and status");
        reports.MapGet("/{id:guid}", Get).WithSummary("One report with its figures");
        reports.MapGet("/{id:guid}/download", Download).LimitAsHeavy().WithName("downloadComplianceReport").WithSummary("One report as format=csv (one header row), html (printable) or json");
        reports.MapPost("/{id:guid}/submit", Submit).RequireAuthorization(Policies.ComplianceWriter)
            .WithSummary("Record that a generated report was filed with the regulator (admin); its period then takes no movement dated inside it");
        reports.MapPost("/{id:guid}/reopen", Reopen).RequireAuthorization(Policies.PeriodReopener).WithName("reopenFiledPeriod")
            .WithSummary("Reopen a filed report's period, with a reason (manager, admin; audited): movements dated inside it are taken until an amended report is submitted");
        return routes;
    }

    private static async Task<Created<Envelope<ComplianceReportView>>> GenerateAbc(AbcReportRequest body, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var report = await Reports(principal, grains).GenerateAbc(body ?? new AbcReportRequest(), CurrentUser.From(principal).UserId);
        return TypedResults.Created($"/api/v1/compliance/reports/{report.Id}", Envelope.Of(report));
    }

    private static async Task<Ok<Envelope<ListData<ComplianceReportSummary>>>> List(
        [AsParameters] ListQuery query, string? locationId, string? status, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var filter = new ComplianceReportFilter(QueryValues.Id("locationId", locationId), QueryValues.OneOf("status", status, ReportStatuses.All));
        return TypedResults.Ok(Envelope.Of(await Reports(principal, grains).List(filter, query.ToPageRequest())));
    }

    private static async Task<Ok<Envelope<ComplianceReportView>>> Get(Guid id, ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(Envelope.Of(await Reports(principal, grains).Get(id)));

    private static async Task<IResult> Download(Guid id, string? format, ClaimsPrincipal principal, IGrainFactory grains)
    {
        format = QueryValues.OneOf("format", format, Formats) ?? throw new ValidationFailedException([new FieldError("format", "format is required: csv, html or json.")]);
        var report = await Reports(principal, grains).Get(id);
        var name = $"abc-report-{report.Period.Start:yyyy-MM-dd}-{report.Period.End:yyyy-MM-dd}-{report.Id:N}";
        return format switch
        {
            "csv" => Results.File(Encoding.UTF8.GetBytes(ReportCsv.Write(report)), "text/csv; charset=utf-8", name + ".csv"),
            "html" => Results.Content(
                ReportHtml.Write(report, (await grains.GetGrain<IOrganizationGrain>(GrainKeys.Organization(CurrentUser.From(principal).OrganizationId)).Get()).Name),
                "text/html; charset=utf-8"),
            _ => TypedResults.Ok(Envelope.Of(report)),
        };
    }

    private static async Task<Ok<Envelope<ComplianceReportView>>> Submit(Guid id, ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(Envelope.Of(await Reports(principal, grains).Submit(id, CurrentUser.From(principal).UserId)));

    private static async Task<Ok<Envelope<ComplianceReportView>>> Reopen(Guid id, PeriodReopening? body, ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(Envelope.Of(await Reports(principal, grains).Reopen(id, body ?? new PeriodReopening(null), CurrentUser.From(principal).UserId)));

    private static IComplianceReportsGrain Reports(ClaimsPrincipal principal, IGrainFactory grains) =>
        grains.GetGrain<IComplianceReportsGrain>(GrainKeys.ComplianceReports(CurrentUser.From(principal).OrganizationId));
}
