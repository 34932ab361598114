using InventoryProFlow.Api.Hosting;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Identity;

namespace InventoryProFlow.Api.Identity;

/// <summary>
/// At most <c>RateLimits:HeavyRequestsPerMinute</c> heavy requests per organisation per clock minute (exports, report
/// and analytics scans, audit and ledger verification, count imports), then 429 RATE_LIMITED with Retry-After. Counted
/// before the handler, so a refused request reads nothing; the answer carries the window's X-RateLimit-* headers
/// (which replace the hourly window's on that answer: the minute is the tighter one).
/// </summary>
public static class HeavyRequestLimit
{
    public static RouteHandlerBuilder LimitAsHeavy(this RouteHandlerBuilder route) =>
        route.AddEndpointFilter<RouteHandlerBuilder, HeavyRequestFilter>().ProducesErrors(StatusCodes.Status429TooManyRequests);

    private sealed class HeavyRequestFilter : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var http = context.HttpContext;
            if (!CurrentUser.TryFrom(http.User, out var caller))
            {
                return await next(context);
            }

            var grains = http.RequestServices.GetRequiredService<IGrainFactory>();
            var decision = await grains.GetGrain<IHeavyRequestWindowGrain>(GrainKeys.HeavyRequests(caller.OrganizationId)).Attempt();
            if (decision is { Allowed: false })
            {
                await RateLimitHeaders.RefuseAsync(
                    http, decision, $"Your organisation has made its {decision.Limit} heavy requests (exports, reports, verifications, imports) for this minute.");
                return Results.Empty;
            }

            if (decision is not null)
            {
                RateLimitHeaders.Write(http.Response, decision);
            }

            return await next(context);
        }
    }
}
