using System.Security.Claims;
using InventoryProFlow.Api.Identity;
using InventoryProFlow.Api.Paging;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryProFlow.Api.Catalogue;

/// <summary>The caller's own organisation. Any other id is answered 404, so existence does not leak.</summary>
public static class OrganizationsApi
{
    public static IEndpointRouteBuilder MapOrganizationsApi(this IEndpointRouteBuilder routes)
    {
        var organizations = routes.MapGroup("/api/v1/organizations").WithTags("Organizations").RequireAuthorization(Policies.InventoryReader);
        organizations.MapGet("/{id:guid}", Get).WithSummary("Your organisation");
        organizations.MapPatch("/{id:guid}", Update).RequireAuthorization(Policies.Admin).WithSummary("Change your organisation (admin)");
        return routes;
    }

    private static async Task<Ok<Envelope<OrganizationDetails>>> Get(Guid id, ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(Envelope.Of(await Own(id, principal, grains).Get()));

    private static async Task<Ok<Envelope<OrganizationDetails>>> Update(Guid id, OrganizationPatch body, ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(Envelope.Of(await Own(id, principal, grains).Update(body)));

    private static IOrganizationGrain Own(Guid id, ClaimsPrincipal principal, IGrainFactory grains) =>
        CurrentUser.From(principal).OrganizationId == id
            ? grains.GetGrain<IOrganizationGrain>(GrainKeys.Organization(id))
            : throw NotFoundException.For("organization", id);
}
