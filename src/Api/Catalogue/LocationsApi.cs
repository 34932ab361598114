using System.Security.Claims;
using InventoryProFlow.Api.Identity;
using InventoryProFlow.Api.Paging;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryProFlow.Api.Catalogue;

/// <summary>The bars, stores and warehouses of the caller's organisation.</summary>
public static class LocationsApi
{
    public static IEndpointRouteBuilder MapLocationsApi(this IEndpointRouteBuilder routes)
    {
        var locations = routes.MapGroup("/api/v1/locations").WithTags("Locations").RequireAuthorization(Policies.InventoryReader);
        locations.MapGet("/", List).WithSummary("List locations (inactive ones with includeInactive=true)");
        locations.MapGet("/{id:guid}", Get).WithSummary("One location");
        locations.MapPost("/", Create).RequireAuthorization(Policies.Admin).WithSummary("Open a location (admin)");
        locations.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.Admin).WithSummary("Change a location; omitted fields keep their value (admin)");
        locations.MapDelete("/{id:guid}", Delete).RequireAuthorization(Policies.Admin).WithSummary("Deactivate a location; its history stays (admin)");
        return routes;
    }

    private static async Task<Ok<Envelope<ListData<LocationDetails>>>> List(
        [AsParameters] ListQuery query, string? includeInactive, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var organization = grains.GetGrain<IOrganizationGrain>(GrainKeys.Organization(CurrentUser.From(principal).OrganizationId));
        return TypedResults.Ok(Envelope.Of(await organization.ListLocations(query.ToPageRequest(), ListQuery.Flag("includeInactive", includeInactive))));
    }

    private static async Task<Ok<Envelope<LocationDetails>>> Get(Guid id, ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(Envelope.Of(await Location(id, principal, grains).Get()));

    private static async Task<Created<Envelope<LocationDetails>>> Create(LocationDraft body, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var organization = grains.GetGrain<IOrganizationGrain>(GrainKeys.Organization(CurrentUser.From(principal).OrganizationId));
        var location = await organization.CreateLocation(body);
        return TypedResults.Created($"/api/v1/locations/{location.Id}", Envelope.Of(location));
    }

    private static async Task<Ok<Envelope<LocationDetails>>> Update(Guid id, LocationDraft body, ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(Envelope.Of(await Location(id, principal, grains).Update(body)));

    private static async Task<NoContent> Delete(Guid id, ClaimsPrincipal principal, IGrainFactory grains)
    {
        await Location(id, principal, grains).Deactivate();
        return TypedResults.NoContent();
    }

    // The key carries the caller's organisation: another tenant's location id finds nothing.
    private static ILocationGrain Location(Guid id, ClaimsPrincipal principal, IGrainFactory grains) =>
        grains.GetGrain<ILocationGrain>(GrainKeys.Location(CurrentUser.From(principal).OrganizationId, id));
}
