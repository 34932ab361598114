using InventoryProFlow.Api.Hosting;
using InventoryProFlow.Api.Identity;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Webhooks;

namespace InventoryProFlow.Api.Webhooks;

/// <summary>
/// At most <c>Webhooks:RedeliveriesPerMinute</c> (10) manual redeliveries per webhook per clock minute, then 429
/// RATE_LIMITED with Retry-After. Each redelivery makes us send a request at once, outside the retry schedule, so
/// without a limit an admin's script could use us to hammer a host. Counted before the handler, so a refused one
/// sends nothing; an attempt at an event that does not exist counts too.
/// </summary>
public static class RedeliveryLimit
{
    public static RouteHandlerBuilder LimitRedeliveries(this RouteHandlerBuilder route) =>
        route.AddEndpointFilter<RouteHandlerBuilder, RedeliveryLimitFilter>().ProducesErrors(StatusCodes.Status429TooManyRequests);

    private sealed class RedeliveryLimitFilter : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var http = context.HttpContext;
            if (!Guid.TryParse(http.GetRouteValue("id") as string, out var webhookId))
            {
                return await next(context);
            }

            var caller = CurrentUser.From(http.User);
            var grains = http.RequestServices.GetRequiredService<IGrainFactory>();
            var decision = await grains.GetGrain<IRedeliveryWindowGrain>(GrainKeys.Redeliveries(caller.OrganizationId, webhookId)).Attempt();
            if (!decision.Allowed)
            {
                await RateLimitHeaders.RefuseAsync(http, decision, $"Too many redeliveries of one webhook: at most {decision.Limit} a minute.");
                return Results.Empty;
            }

            RateLimitHeaders.Write(http.Response, decision);
            return await next(context);
        }
    }
}
