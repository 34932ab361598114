using InventoryProFlow.Api.Hosting;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Identity;

namespace InventoryProFlow.Api.Identity;

/// <summary>
/// Limits the attempts at a route that proves who someone is (sign-in, sign-up, token exchange) to
/// RateLimits:SignInAttemptsPerMinute per client address and, when the body names an account, per account as well,
/// so guessing one password from many addresses, or many passwords from one address, stops after a few tries.
/// Attach it to a route: <c>.LimitAttempts("login", (LoginRequest body) =&gt; body.Email)</c>. The check runs after the
/// body is read and before the handler, so a refused attempt costs no password hash.
/// </summary>
public static class AttemptLimits
{
    /// <summary>Per client address only.</summary>
    public static RouteHandlerBuilder LimitAttempts(this RouteHandlerBuilder route, string name) =>
        route.AddEndpointFilter(new AttemptLimitFilter(name, _ => null)).ProducesErrors(StatusCodes.Status429TooManyRequests);

    /// <summary>Per client address, and per the account that <paramref name="account"/> reads from the request's body.</summary>
    public static RouteHandlerBuilder LimitAttempts<TBody>(this RouteHandlerBuilder route, string name, Func<TBody, string?> account) =>
        route.AddEndpointFilter(new AttemptLimitFilter(name, arguments => arguments.OfType<TBody>().Select(account).FirstOrDefault()))
            .ProducesErrors(StatusCodes.Status429TooManyRequests);

    private sealed class AttemptLimitFilter(string route, Func<IList<object?>, string?> account) : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var http = context.HttpContext;
            var grains = http.RequestServices.GetRequiredService<IGrainFactory>();
            // Both windows at once: two grain calls side by side cost one round trip.
            var byClient = grains.GetGrain<IAttemptWindowGrain>(GrainKeys.AttemptsByClient(route, ClientAddress.Of(http))).Attempt();
            var byAccount = account(context.Arguments) is { Length: > 0 } name
                ? grains.GetGrain<IAttemptWindowGrain>(GrainKeys.AttemptsByAccount(route, name)).Attempt()
                : Task.FromResult<RateLimitDecision?>(null);
            var decisions = await Task.WhenAll(byClient, byAccount);
            var (client, named) = (decisions[0], decisions[1]);

            // Both windows are whole minutes, so either refusal resets at the same time; the message names the one that ran out.
            var refusal = named is { Allowed: false } ? (Decision: named, Whose: "for one account")
                : client is { Allowed: false } ? (Decision: client, Whose: "from one address")
                : (Decision: null, Whose: string.Empty);
            if (refusal.Decision is { } refused)
            {
                await RateLimitHeaders.RefuseAsync(http, refused, $"Too many {route} attempts: at most {refused.Limit} a minute {refusal.Whose}.");
                return Results.Empty;
            }

            // The headers show the window closer to its limit: the one the caller should pace itself by.
            var tightest = named is null || (client is not null && client.Remaining <= named.Remaining) ? client : named;
            if (tightest is not null)
            {
                RateLimitHeaders.Write(http.Response, tightest);
            }

            return await next(context);
        }
    }
}
