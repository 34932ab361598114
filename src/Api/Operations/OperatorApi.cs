using System.Security.Claims;
using InventoryProFlow.Api.Identity;
using InventoryProFlow.Api.Paging;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryProFlow.Api.Operations;

/// <summary>
/// The platform operator's view of every organisation: its tier, its subscription status and this hour's calls, and
/// the change of tier or status. Only admins of the operator's organisation; for any other organisation's admin these
/// routes do not exist (404, as the cluster dashboard answers them).
/// </summary>
public static class OperatorApi
{
    public static IEndpointRouteBuilder MapOperatorApi(this IEndpointRouteBuilder routes)
    {
        var operatorRoutes = routes.MapGroup("/api/v1/operator/organizations").WithTags("Operator").RequireAuthorization(Policies.Admin);
        operatorRoutes.MapGet("/", List)
            .WithSummary("Every organisation by name with its tier, status and this hour's API calls: status, page, limit (platform operator; others get 404)");
        operatorRoutes.MapPatch("/{id:guid}", Change)
            .WithSummary("Set an organisation's subscriptionTier and/or subscriptionStatus (active, past_due, suspended); takes effect with its next request (platform operator; others get 404)");
        return routes;
    }

    private static async Task<Ok<Envelope<ListData<OrganizationSubscription>>>> List(
        [AsParameters] ListQuery query, string? status, ClaimsPrincipal principal, PlatformOperator platform, IGrainFactory grains)
    {
        RequireOperator(principal, platform);
        var page = query.ToPageRequest();
        var wanted = QueryValues.OneOf("status", status, SubscriptionStatuses.All);
        return TypedResults.Ok(Envelope.Of(await grains.GetGrain<ISubscriptionsGrain>(GrainKeys.IdentityKey).List(page, wanted)));
    }

    private static async Task<Ok<Envelope<OrganizationUsage>>> Change(
        Guid id, SubscriptionChange body, ClaimsPrincipal principal, PlatformOperator platform, IGrainFactory grains)
    {
        RequireOperator(principal, platform);
        if (id == platform.OrganizationId && body.SubscriptionStatus == SubscriptionStatuses.Suspended)
        {
            // Suspending the operator's own organisation would refuse the very sign-in that could undo it.
            throw new ValidationFailedException([new FieldError(
                "subscriptionStatus", "The operator's own organisation cannot be suspended: no one could sign in to reactivate it.")]);
        }

        return TypedResults.Ok(Envelope.Of(await grains.GetGrain<IOrganizationGateGrain>(GrainKeys.OrganizationGate(id)).ChangeSubscription(body)));
    }

    private static void RequireOperator(ClaimsPrincipal principal, PlatformOperator platform)
    {
        if (!platform.Is(CurrentUser.From(principal)))
        {
            throw new NotFoundException("There is no platform operator's view for your organisation: it belongs to the operator's organisation.");
        }
    }
}
