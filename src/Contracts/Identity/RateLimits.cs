namespace InventoryProFlow.Contracts.Identity;

/// <summary>
/// Where a caller stands in one fixed rate-limit window after this request: what the X-RateLimit-* headers
/// and, when refused, Retry-After tell it. The seconds are counted by the grain's clock, not the Api node's.
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.RateLimitDecision.v1")]
public sealed record RateLimitDecision(
    [property: Id(0)] bool Allowed,
    [property: Id(1)] int Limit,
    [property: Id(2)] int Remaining,
    [property: Id(3)] DateTimeOffset ResetsAt,
    [property: Id(4)] int SecondsToReset);

/// <summary>
/// The attempts at one limited route by one client address or one account in the current minute
/// (sign-in, sign-up). Counts live in memory: a silo crash forgets at most a minute's attempts.
/// </summary>
public interface IAttemptWindowGrain : IGrainWithStringKey
{
    /// <summary>Counts this attempt, unless the minute's allowance is spent, and says whether it may go ahead; null when attempts are unlimited.</summary>
    Task<RateLimitDecision?> Attempt();
}

/// <summary>
/// One organisation's heavy requests in the current minute (exports, report and analytics scans, audit and ledger
/// verification, count imports and batches): each reads or writes far more than an ordinary call, so they share an
/// allowance of their own (<c>RateLimits:HeavyRequestsPerMinute</c>), counted once for the whole cluster.
/// </summary>
public interface IHeavyRequestWindowGrain : IGrainWithStringKey
{
    /// <summary>Counts this heavy request, unless the minute's allowance is spent, and says whether it may go ahead; null when unlimited.</summary>
    Task<RateLimitDecision?> Attempt();
}
