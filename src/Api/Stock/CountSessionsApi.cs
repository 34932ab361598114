using System.Security.Claims;
using InventoryProFlow.Api.Identity;
using InventoryProFlow.Api.Paging;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Stock;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryProFlow.Api.Stock;

/// <summary>
/// Count sessions: a location counted as of a snapshot, area by area, by several people at once. Anyone counts and
/// finishes an area; a manager or admin opens, completes or cancels a session.
/// </summary>
public static class CountSessionsApi
{
    public static IEndpointRouteBuilder MapCountSessionsApi(this IEndpointRouteBuilder routes)
    {
        var counts = routes.MapGroup("/api/v1/count-sessions").WithTags("Inventory").RequireAuthorization(Policies.InventoryReader);
        counts.MapGet("/", List).WithSummary("Count sessions, newest snapshot first: locationId, status (open, completed, cancelled), page, limit");
        counts.MapPost("/", Open).RequireAuthorization(Policies.CatalogueWriter)
            .WithSummary("Open a count of a location: name, snapshotAt (now by default), areas in shelf order (Main by default)");
        counts.MapGet("/{id:guid}", Get).WithSummary("One count session with its areas and lines");
        counts.MapPut("/{id:guid}/lines", Count).RequireAuthorization(Policies.StockKeeper)
            .WithSummary("Count a product in an area: quantity, or units and open containers (tenths, volumeMl, volumeOz, weightG); counting it again replaces the line");
        counts.MapPost("/{id:guid}/areas/{area}/finish", FinishArea).RequireAuthorization(Policies.StockKeeper).WithSummary("Finish an area: its lines are closed");
        counts.MapPost("/{id:guid}/complete", Complete).RequireAuthorization(Policies.CatalogueWriter)
            .WithSummary("Record the session once every area is finished: per product, counted minus the ledger at the snapshot");
        counts.MapPost("/{id:guid}/cancel", Cancel).RequireAuthorization(Policies.CatalogueWriter).WithSummary("Cancel an open session: nothing is recorded");
        return routes;
    }

    private static async Task<Ok<Envelope<ListData<CountSession>>>> List(
        [AsParameters] ListQuery query, string? locationId, string? status, ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(Envelope.Of(await Counting(principal, grains).List(
            new CountSessionQuery(query.ToPageRequest(), QueryValues.Id("locationId", locationId), string.IsNullOrEmpty(status) ? null : status))));

    private static async Task<Created<Envelope<CountSession>>> Open(CountSessionDraft body, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var session = await Counting(principal, grains).Open(body, CurrentUser.From(principal).Actor);
        return TypedResults.Created($"/api/v1/count-sessions/{session.Id}", Envelope.Of(session));
    }

    private static async Task<Ok<Envelope<CountSession>>> Get(Guid id, ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(Envelope.Of(await Session(id, principal, grains).Get()));

    private static async Task<Ok<Envelope<CountLine>>> Count(Guid id, CountLineDraft body, ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(Envelope.Of(await Session(id, principal, grains).Count(body, CurrentUser.From(principal).Actor)));

    private static async Task<Ok<Envelope<CountSession>>> FinishArea(Guid id, string area, ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(Envelope.Of(await Session(id, principal, grains).FinishArea(area, CurrentUser.From(principal).Actor)));

    private static async Task<Ok<Envelope<CountSession>>> Complete(Guid id, ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(Envelope.Of(await Session(id, principal, grains).Complete(CurrentUser.From(principal).Actor)));

    private static async Task<Ok<Envelope<CountSession>>> Cancel(Guid id, ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(Envelope.Of(await Session(id, principal, grains).Cancel(CurrentUser.From(principal).Actor)));

    private static ICountingGrain Counting(ClaimsPrincipal principal, IGrainFactory grains) =>
        grains.GetGrain<ICountingGrain>(GrainKeys.Counting(CurrentUser.From(principal).OrganizationId));

    private static ICountSessionGrain Session(Guid id, ClaimsPrincipal principal, IGrainFactory grains) =>
        grains.GetGrain<ICountSessionGrain>(GrainKeys.CountSession(CurrentUser.From(principal).OrganizationId, id));
}
