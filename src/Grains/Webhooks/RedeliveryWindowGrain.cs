using InventoryProFlow.Contracts.Identity;
using InventoryProFlow.Contracts.Webhooks;
using InventoryProFlow.Grains.Identity;
using Microsoft.Extensions.Configuration;

namespace InventoryProFlow.Grains.Webhooks;

/// <summary>
/// One webhook's manual redeliveries this minute. Memory only, as the sign-in windows are: a silo crash forgives at
/// most a minute's redeliveries.
/// </summary>
// A window lasts a minute; an idle counter is worth nothing after it.
[CollectionAgeLimit(Minutes = 2)]
public sealed class RedeliveryWindowGrain(IConfiguration configuration, TimeProvider time) : Grain, IRedeliveryWindowGrain
{
    public const int DefaultPerMinute = 10;

    private readonly FixedWindow _minute = new(TimeSpan.FromMinutes(1));
    private readonly int _limit = Math.Max(configuration.GetValue("Webhooks:RedeliveriesPerMinute", DefaultPerMinute), 1);

    public Task<RateLimitDecision> Attempt() => Task.FromResult(_minute.Count(time.GetUtcNow(), _limit));
}
