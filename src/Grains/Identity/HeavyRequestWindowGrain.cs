using InventoryProFlow.Contracts.Identity;
using Microsoft.Extensions.Configuration;

namespace InventoryProFlow.Grains.Identity;

/// <summary>
/// One organisation's heavy requests this minute, at most <c>RateLimits:HeavyRequestsPerMinute</c> (30, or "unlimited").
/// A heavy request costs the database what hundreds of ordinary calls do, so the hourly call allowance alone would let
/// one tenant keep every connection busy for the others. Memory only, as the sign-in windows are: a silo crash forgives
/// at most a minute's count.
/// </summary>
// A window lasts a minute; an idle counter is worth nothing after it.
[CollectionAgeLimit(Minutes = 2)]
public sealed class HeavyRequestWindowGrain(IConfiguration configuration, TimeProvider time) : Grain, IHeavyRequestWindowGrain
{
    public const int DefaultPerMinute = 30;

    private readonly FixedWindow _minute = new(TimeSpan.FromMinutes(1));
    private readonly int? _limit = RateLimitSettings.Limit(configuration.GetSection("RateLimits"), "HeavyRequestsPerMinute", DefaultPerMinute);

    public Task<RateLimitDecision?> Attempt() =>
        Task.FromResult(_limit is { } limit ? _minute.Count(time.GetUtcNow(), limit) : null);
}
