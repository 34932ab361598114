using System.Security.Claims;
using System.Text.Json;
using InventoryProFlow.Api.Identity;
using InventoryProFlow.Api.Paging;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Compliance;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryProFlow.Api.Compliance;

/// <summary>The organisation's tamper-evident audit trail: who changed what, before and after, and a check that no entry was altered.</summary>
public static class AuditApi
{
    /// <summary>An entry as a client reads it: before and after as JSON objects, not text.</summary>
    public sealed record AuditEntryView(
        long Sequence, DateTime OccurredAt, Guid? UserId, string? RequestId, string Action, string EntityType, string EntityId,
        JsonElement? Before, JsonElement? After, string PreviousHash, string Hash)
    {
        public static AuditEntryView Of(AuditEntry entry) => new(
            entry.Sequence, entry.OccurredAt, entry.UserId, entry.RequestId, entry.Action, entry.EntityType, entry.EntityId,
            Json(entry.Before), Json(entry.After), entry.PreviousHash, entry.Hash);

        private static JsonElement? Json(string? text) => text is null ? null : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder routes)
    {
        var compliance = routes.MapGroup("/api/v1/compliance").WithTags("Compliance").RequireAuthorization(Policies.ComplianceReader);
        compliance.MapGet("/audit", List).WithName("listAuditEntries")
            .WithSummary("The audit trail, newest first: entityType, entityId, userId, action, from, to, page, limit (admin, manager)");
        compliance.MapGet("/audit/verify", Verify).LimitAsHeavy().WithName("verifyAuditTrail")
            .WithSummary("Recompute the hashes and links of the audit trail from the last verified entry (full=true, admin: from the first): an edited or deleted entry is reported by sequence (admin, manager)");
        return routes;
    }

    private static async Task<Ok<Envelope<ListData<AuditEntryView>>>> List(
        [AsParameters] ListQuery query, string? entityType, string? entityId, string? userId, string? action, string? from, string? to,
        ClaimsPrincipal principal, IGrainFactory grains)
    {
        var auditQuery = new AuditQuery(
            query.ToPageRequest(), QueryValues.Text("entityType", entityType), QueryValues.Text("entityId", entityId), QueryValues.Id("userId", userId),
            QueryValues.Text("action", action), QueryValues.Time("from", from), QueryValues.Time("to", to));
        if (auditQuery.From > auditQuery.To)
        {
            throw new ValidationFailedException([new FieldError("from", "from must not be later than to.")]);
        }

        var page = await Audit(principal, grains).List(auditQuery);
        return TypedResults.Ok(Envelope.Of(new Contracts.Paging.Page<AuditEntryView>(
            page.Items.Select(AuditEntryView.Of).ToList(), page.PageNumber, page.Limit, page.Total, page.TotalIsLowerBound)));
    }

    private static async Task<Ok<Envelope<AuditVerification>>> Verify(string? full, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var whole = ListQuery.Flag("full", full);
        // The walk from the first entry reads the whole trail: an admin's decision, not every reader's.
        if (whole && !CurrentUser.From(principal).Scopes.Contains(Scopes.AdminAll))
        {
            throw new ForbiddenException("full=true walks the whole audit trail again and is for admins; without it the verification checks every entry from the last one verified.");
        }

        return TypedResults.Ok(Envelope.Of(await Audit(principal, grains).Verify(whole)));
    }

    // The key carries the caller's organisation: no other organisation's entries are reachable.
    private static IAuditGrain Audit(ClaimsPrincipal principal, IGrainFactory grains) =>
        grains.GetGrain<IAuditGrain>(GrainKeys.Audit(CurrentUser.From(principal).OrganizationId));
}
