using InventoryProFlow.Contracts.Identity;

namespace InventoryProFlow.Grains.Identity;

/// <summary>
/// One client's (or one account's) attempts at a limited route this minute. One activation in the cluster counts
/// them all, whichever Api node they reach. The count is memory only: a silo crash forgets at most one minute of
/// attempts, which costs an attacker's next minute nothing it could not wait for.
/// </summary>
// A window lasts a minute; an idle counter is worth nothing after it, and a spray of addresses must not pile up activations.
[CollectionAgeLimit(Minutes = 2)]
public sealed class AttemptWindowGrain(RateLimitSettings limits, TimeProvider time) : Grain, IAttemptWindowGrain
{
    private readonly FixedWindow _minute = new(TimeSpan.FromMinutes(1));

    public Task<RateLimitDecision?> Attempt() =>
        Task.FromResult(limits.SignInAttemptsPerMinute is { } limit ? _minute.Count(time.GetUtcNow(), limit) : null);
}
