using System.Security.Claims;
using InventoryProFlow.Api.Paging;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryProFlow.Api.Identity;

/// <summary>
/// An enterprise organisation's IP allow-list, kept by its admin. With at least one range on it, every signed-in
/// request of the organisation from an address outside the ranges is refused 403.
/// </summary>
public static class IpAllowListApi
{
    /// <summary>The whole new list: IPv4 or IPv6 CIDR ranges or single addresses; [] clears it.</summary>
    public sealed record AllowListChange(IReadOnlyList<string?>? Entries);

    /// <summary>The list, whether it is in force (enterprise with at least one range), and the address this request came from.</summary>
    public sealed record AllowListAnswer(IReadOnlyList<string> Entries, string SubscriptionTier, bool Enforced, string? YourAddress);

    public static IEndpointRouteBuilder MapIpAllowListApi(this IEndpointRouteBuilder routes)
    {
        const string path = "/api/v1/organizations/{id:guid}/ip-allowlist";
        routes.MapGet(path, Get).RequireAuthorization(Policies.Admin).WithTags("Organizations")
            .WithSummary("Your organisation's IP allow-list, and the address you are calling from (admin)");
        routes.MapPut(path, Replace).RequireAuthorization(Policies.Admin).WithTags("Organizations")
            .WithSummary("Replace the IP allow-list (enterprise; admin): CIDR ranges, IPv4 or IPv6; a list without your own address is refused");
        return routes;
    }

    private static async Task<Ok<Envelope<AllowListAnswer>>> Get(Guid id, ClaimsPrincipal principal, HttpContext http, IGrainFactory grains) =>
        Answer(await Gate(id, principal, grains).AllowList(), http);

    private static async Task<Ok<Envelope<AllowListAnswer>>> Replace(Guid id, AllowListChange body, ClaimsPrincipal principal, HttpContext http, IGrainFactory grains) =>
        Answer(await Gate(id, principal, grains).ReplaceAllowList(body.Entries, ClientAddress.Of(http)), http);

    private static Ok<Envelope<AllowListAnswer>> Answer(IpAllowList list, HttpContext http) =>
        TypedResults.Ok(Envelope.Of(new AllowListAnswer(list.Entries, list.SubscriptionTier, list.Enforced, ClientAddress.Of(http)?.ToString())));

    private static IOrganizationGateGrain Gate(Guid id, ClaimsPrincipal principal, IGrainFactory grains) =>
        CurrentUser.From(principal).OrganizationId == id
            ? grains.GetGrain<IOrganizationGateGrain>(GrainKeys.OrganizationGate(id))
            : throw NotFoundException.For("organization", id);
}
