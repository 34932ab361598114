using InventoryProFlow.Api.Hosting;
using InventoryProFlow.Contracts.Identity;

namespace InventoryProFlow.Api.Identity;

/// <summary>
/// A route limited by a window grain, counted before the handler so a refused request does nothing: 429 RATE_LIMITED
/// with Retry-After when the window's allowance is spent, else the window's X-RateLimit-* headers on the answer.
/// </summary>
public static class WindowLimit
{
    /// <summary>The attempt when no limit applies to this request (an unlimited window, a route value it does not name).</summary>
    public static readonly Task<RateLimitDecision?> Unlimited = Task.FromResult<RateLimitDecision?>(null);

    /// <param name="route">The limited route.</param>
    /// <param name="attempt">Counts the request in its window; <see cref="Unlimited"/> when none applies.</param>
    /// <param name="spent">Which allowance ran out, as a sentence.</param>
    public static RouteHandlerBuilder LimitBy(
        this RouteHandlerBuilder route,
        Func<HttpContext, IGrainFactory, Task<RateLimitDecision?>> attempt,
        Func<RateLimitDecision, string> spent) =>
        route.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var decision = await attempt(http, http.RequestServices.GetRequiredService<IGrainFactory>());
            if (decision is { Allowed: false })
            {
                await RateLimitHeaders.RefuseAsync(http, decision, spent(decision));
                return Results.Empty;
            }

            if (decision is not null)
            {
                RateLimitHeaders.Write(http.Response, decision);
            }

            return await next(context);
        }).ProducesErrors(StatusCodes.Status429TooManyRequests);
}
