using System.Security.Claims;
using InventoryProFlow.Api.Paging;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryProFlow.Api.Identity;

/// <summary>
/// An organisation's subscription and this hour's API calls, for its admin: the same window the X-RateLimit-* headers
/// describe, read after this request was counted, so its numbers equal this answer's headers.
/// </summary>
public static class UsageApi
{
    public static IEndpointRouteBuilder MapUsageApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/organizations/{id:guid}/usage", Get).RequireAuthorization(Policies.Admin).WithTags("Organizations")
            .WithSummary("Your organisation's tier, subscription status and this hour's API calls: limit, used, remaining, when the hour resets (admin)");
        return routes;
    }

    private static async Task<Ok<Envelope<OrganizationUsage>>> Get(Guid id, ClaimsPrincipal principal, IGrainFactory grains) =>
        CurrentUser.From(principal).OrganizationId == id
            ? TypedResults.Ok(Envelope.Of(await grains.GetGrain<IOrganizationGateGrain>(GrainKeys.OrganizationGate(id)).Usage()))
            : throw NotFoundException.For("organization", id);
}
