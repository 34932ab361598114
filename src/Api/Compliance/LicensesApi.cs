using System.Security.Claims;
using InventoryProFlow.Api.Identity;
using InventoryProFlow.Api.Paging;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Compliance;
using InventoryProFlow.Contracts.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryProFlow.Api.Compliance;

/// <summary>Licences and permits, and the alerts their reminders raise.</summary>
public static class LicensesApi
{
    public static IEndpointRouteBuilder MapLicensesApi(this IEndpointRouteBuilder routes)
    {
        var compliance = routes.MapGroup("/api/v1/compliance").WithTags("Compliance").RequireAuthorization(Policies.ComplianceReader);
        compliance.MapGet("/licenses", List).WithSummary("Licences with their status today (valid, expiring, expired); filter by locationId and status");
        compliance.MapGet("/licenses/{id:guid}", Get).WithSummary("One licence");
        compliance.MapPost("/licenses", Create).RequireAuthorization(Policies.ComplianceWriter)
            .WithSummary("Record a licence of the business or of a location; its expiry reminders start at once (admin)");
        compliance.MapPut("/licenses/{id:guid}", Update).RequireAuthorization(Policies.ComplianceWriter)
            .WithSummary("Change a licence (a renewal moves expiresOn); omitted fields keep their value (admin)");
        compliance.MapDelete("/licenses/{id:guid}", Delete).RequireAuthorization(Policies.ComplianceWriter)
            .WithSummary("Stop watching a licence; its open alerts are resolved (admin)");
        compliance.MapGet("/alerts", Alerts).WithSummary("Compliance alerts, newest first; filter by open, kind, locationId, licenseId");
        compliance.MapPost("/alerts/{id:guid}/acknowledge", Acknowledge).RequireAuthorization(Policies.ComplianceAcknowledger).WithSummary("Mark an alert as seen; it stays in the list, no longer open");
        compliance.MapGet("/status", Status)
            .WithSummary("Licences (valid, expiring, expired), ABC reports per location (due, overdue, submitted), coming filings, open alerts and one overall state");
        compliance.MapPost("/checks", Check).RequireAuthorization(Policies.ComplianceWriter).WithName("runComplianceChecks")
            .WithSummary("Check licences and filings now, as the daily reminder does; answers the alerts it raised (admin)");
        return routes;
    }

    private static async Task<Ok<Envelope<ListData<LicenseView>>>> List(
        [AsParameters] ListQuery query, string? locationId, string? status, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var filter = new LicenseFilter(QueryValues.Id("locationId", locationId), QueryValues.OneOf("status", status, LicenseStatuses.All));
        return TypedResults.Ok(Envelope.Of(await Compliance(principal, grains).ListLicenses(filter, query.ToPageRequest())));
    }

    private static async Task<Ok<Envelope<LicenseView>>> Get(Guid id, ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(Envelope.Of(await Compliance(principal, grains).GetLicense(id)));

    private static async Task<Created<Envelope<LicenseView>>> Create(LicenseDraft body, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var license = await Compliance(principal, grains).CreateLicense(body ?? new LicenseDraft());
        return TypedResults.Created($"/api/v1/compliance/licenses/{license.Id}", Envelope.Of(license));
    }

    private static async Task<Ok<Envelope<LicenseView>>> Update(Guid id, LicenseDraft body, ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(Envelope.Of(await Compliance(principal, grains).UpdateLicense(id, body ?? new LicenseDraft())));

    private static async Task<NoContent> Delete(Guid id, ClaimsPrincipal principal, IGrainFactory grains)
    {
        await Compliance(principal, grains).DeleteLicense(id);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<Envelope<ListData<ComplianceAlert>>>> Alerts(
        [AsParameters] ListQuery query, string? open, string? kind, string? locationId, string? licenseId, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var filter = new ComplianceAlertFilter(
            string.IsNullOrEmpty(open) ? null : ListQuery.Flag("open", open),
            QueryValues.OneOf("kind", kind, ComplianceAlertKinds.All),
            QueryValues.Id("locationId", locationId),
            QueryValues.Id("licenseId", licenseId));
        return TypedResults.Ok(Envelope.Of(await Compliance(principal, grains).Alerts(filter, query.ToPageRequest())));
    }

    private static async Task<Ok<Envelope<ComplianceAlert>>> Acknowledge(Guid id, ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(Envelope.Of(await Compliance(principal, grains).AcknowledgeAlert(id, CurrentUser.From(principal).UserId)));

    private static async Task<Ok<Envelope<ComplianceStatus>>> Status(string? organizationId, ClaimsPrincipal principal, IGrainFactory grains)
    {
        // The caller's own organisation; naming another one is answered as if it did not exist.
        if (QueryValues.Id("organizationId", organizationId) is { } named && named != CurrentUser.From(principal).OrganizationId)
        {
            throw NotFoundException.For("organization", named);
        }

        return TypedResults.Ok(Envelope.Of(await Compliance(principal, grains).Status()));
    }

    private static async Task<Ok<Envelope<ComplianceCheck>>> Check(ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(Envelope.Of(await Compliance(principal, grains).Check()));

    internal static IComplianceGrain Compliance(ClaimsPrincipal principal, IGrainFactory grains) =>
        grains.GetGrain<IComplianceGrain>(GrainKeys.Compliance(CurrentUser.From(principal).OrganizationId));
}
