using System.Security.Claims;
using InventoryProFlow.Api.Identity;
using InventoryProFlow.Api.Paging;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryProFlow.Api.Catalogue;

/// <summary>The distributors and vendors of the caller's organisation.</summary>
public static class SuppliersApi
{
    public static IEndpointRouteBuilder MapSuppliersApi(this IEndpointRouteBuilder routes)
    {
        var suppliers = routes.MapGroup("/api/v1/suppliers").WithTags("Suppliers").RequireAuthorization(Policies.InventoryReader);
        suppliers.MapGet("/", List).WithSummary("List suppliers (inactive ones with includeInactive=true)");
        suppliers.MapGet("/{id:guid}", Get).WithSummary("One supplier");
        suppliers.MapPost("/", Create).RequireAuthorization(Policies.CatalogueWriter).WithSummary("Add a supplier (manager, admin)");
        suppliers.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.CatalogueWriter).WithSummary("Change a supplier; omitted fields keep their value");
        suppliers.MapDelete("/{id:guid}", Delete).RequireAuthorization(Policies.CatalogueWriter).WithSummary("Deactivate a supplier");
        return routes;
    }

    private static async Task<Ok<Envelope<ListData<SupplierDetails>>>> List(
        [AsParameters] ListQuery query, string? includeInactive, ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(Envelope.Of(await Catalogue(principal, grains).ListSuppliers(query.ToPageRequest(), ListQuery.Flag("includeInactive", includeInactive))));

    private static async Task<Ok<Envelope<SupplierDetails>>> Get(Guid id, ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(Envelope.Of(await Catalogue(principal, grains).GetSupplier(id)));

    private static async Task<Created<Envelope<SupplierDetails>>> Create(SupplierDraft body, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var supplier = await Catalogue(principal, grains).CreateSupplier(body);
        return TypedResults.Created($"/api/v1/suppliers/{supplier.Id}", Envelope.Of(supplier));
    }

    private static async Task<Ok<Envelope<SupplierDetails>>> Update(Guid id, SupplierDraft body, ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(Envelope.Of(await Catalogue(principal, grains).UpdateSupplier(id, body)));

    private static async Task<NoContent> Delete(Guid id, ClaimsPrincipal principal, IGrainFactory grains)
    {
        await Catalogue(principal, grains).DeactivateSupplier(id);
        return TypedResults.NoContent();
    }

    internal static ICatalogueGrain Catalogue(ClaimsPrincipal principal, IGrainFactory grains) =>
        grains.GetGrain<ICatalogueGrain>(GrainKeys.Catalogue(CurrentUser.From(principal).OrganizationId));
}
