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
    /// <summary>
    /// An entry as a client reads it: before and after as JSON objects, not text. <c>Redacted</c>: this reader may not
    /// read such records elsewhere in the API, so before and after are left out (null); the entry, its hashes and the
    /// stored row are unchanged.
    /// </summary>
    public sealed record AuditEntryView(
        long Sequence, DateTime OccurredAt, Guid? UserId, string? RequestId, string Action, string EntityType, string EntityId,
        JsonElement? Before, JsonElement? After, string PreviousHash, string Hash, bool Redacted)
    {
        public static AuditEntryView Of(AuditEntry entry, CurrentUser reader)
        {
            var shown = MaySee(reader, entry.EntityType);
            return new(
                entry.Sequence, entry.OccurredAt, entry.UserId, entry.RequestId, entry.Action, entry.EntityType, entry.EntityId,
                shown ? Json(entry.Before) : null, shown ? Json(entry.After) : null, entry.PreviousHash, entry.Hash, Redacted: !shown);
        }

        private static JsonElement? Json(string? text) => text is null ? null : JsonDocument.Parse(text).RootElement.Clone();
    }

    // Entity types whose records only some readers of the trail may read elsewhere, and the guard that reads them there:
    // webhook URLs, allow-list entries, integration and client names are the admin's; people (emails, roles, sessions)
    // are the team readers'. Every other type is compliance data, shown to whoever reads the trail.
    private static readonly Dictionary<string, string> GuardOfEntity = new(StringComparer.Ordinal)
    {
        ["webhook"] = Policies.Admin,
        ["ip_allowlist"] = Policies.Admin,
        ["integration"] = Policies.Admin,
        ["integration-client"] = Policies.Admin,
        ["user"] = Policies.TeamReader,
        ["session"] = Policies.TeamReader,
    };

    /// <summary>Whether <paramref name="reader"/> sees the before and after of an entry about an <paramref name="entityType"/>.</summary>
    public static bool MaySee(CurrentUser reader, string entityType) =>
        !GuardOfEntity.TryGetValue(entityType, out var guard) || Policies.Guards[guard].Admits(reader);

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder routes)
    {
        var compliance = routes.MapGroup("/api/v1/compliance").WithTags("Compliance").RequireAuthorization(Policies.ComplianceReader);
        compliance.MapGet("/audit", List).WithName("listAuditEntries")
            .WithSummary("The audit trail, newest first: entityType, entityId, userId, action, from, to, page, limit (admin, manager); entries about records only an admin (or a team reader) may read elsewhere come redacted to others");
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
        var reader = CurrentUser.From(principal);
        return TypedResults.Ok(Envelope.Of(new Contracts.Paging.Page<AuditEntryView>(
            page.Items.Select(entry => AuditEntryView.Of(entry, reader)).ToList(), page.PageNumber, page.Limit, page.Total, page.TotalIsLowerBound)));
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
