using System.Security.Claims;
using InventoryProFlow.Api.Identity;
using InventoryProFlow.Api.Paging;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Stock;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryProFlow.Api.Operations;

/// <summary>Administrators' checks on the product's promises.</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/v1/admin").WithTags("Admin").RequireAuthorization(Policies.Admin)
            .MapGet("/ledger/verify", Verify).LimitAsHeavy().WithName("verifyLedger").WithSummary("Prove quantity = sum of ledger for every product-location of your organisation");
        return routes;
    }

    private static async Task<Ok<Envelope<LedgerVerification>>> Verify(ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(Envelope.Of(await grains.GetGrain<IInventoryGrain>(GrainKeys.Inventory(CurrentUser.From(principal).OrganizationId)).Verify()));
}
