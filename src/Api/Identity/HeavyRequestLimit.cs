using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Identity;

namespace InventoryProFlow.Api.Identity;

/// <summary>
/// At most <c>RateLimits:HeavyRequestsPerMinute</c> heavy requests per organisation per clock minute (exports, report
/// and analytics scans, audit and ledger verification, count imports), then 429 RATE_LIMITED with Retry-After. The
/// answer carries the window's X-RateLimit-* headers (which replace the hourly window's on that answer: the minute is
/// the tighter one).
/// </summary>
public static class HeavyRequestLimit
{
    public static RouteHandlerBuilder LimitAsHeavy(this RouteHandlerBuilder route) =>
        route.LimitBy(
            (http, grains) => CurrentUser.TryFrom(http.User, out var caller)
                ? grains.GetGrain<IHeavyRequestWindowGrain>(GrainKeys.HeavyRequests(caller.OrganizationId)).Attempt()
                : WindowLimit.Unlimited,
            decision => $"Your organisation has made its {decision.Limit} heavy requests (exports, reports, verifications, imports) for this minute.");
}
