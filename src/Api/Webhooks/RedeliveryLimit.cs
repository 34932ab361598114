using InventoryProFlow.Api.Identity;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Identity;
using InventoryProFlow.Contracts.Webhooks;

namespace InventoryProFlow.Api.Webhooks;

/// <summary>
/// At most <c>Webhooks:RedeliveriesPerMinute</c> (10) manual redeliveries per webhook per clock minute, then 429
/// RATE_LIMITED with Retry-After. Each redelivery makes us send a request at once, outside the retry schedule, so
/// without a limit an admin's script could use us to hammer a host. A refused one sends nothing; an attempt at an
/// event that does not exist counts too.
/// </summary>
public static class RedeliveryLimit
{
    public static RouteHandlerBuilder LimitRedeliveries(this RouteHandlerBuilder route) =>
        route.LimitBy(
            async (http, grains) => Guid.TryParse(http.GetRouteValue("id") as string, out var webhookId)
                ? await grains.GetGrain<IRedeliveryWindowGrain>(GrainKeys.Redeliveries(CurrentUser.From(http.User).OrganizationId, webhookId)).Attempt()
                : null,
            decision => $"Too many redeliveries of one webhook: at most {decision.Limit} a minute.");
}
