using InventoryProFlow.Contracts.Identity;

namespace InventoryProFlow.Contracts.Integrations;

/// <summary>
/// What a POS push may write this minute, counted in sale lines: <see cref="Decision"/> is the window that decided
/// (the one that refused, else the one with the fewest lines left), <see cref="Scope"/> names it (<c>key</c>: the
/// API key or integration client pushing; <c>organization</c>: all of the organisation's POS pushes), and
/// <see cref="NeverFits"/> says the push carries more lines than that window allows in a whole minute.
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.PosLineAllowance.v1")]
public sealed record PosLineAllowance(
    [property: Id(0)] RateLimitDecision Decision,
    [property: Id(1)] string Scope,
    [property: Id(2)] bool NeverFits = false)
{
    public const string KeyScope = "key";
    public const string OrganizationScope = "organization";
}

/// <summary>
/// One organisation's POS sale lines this minute, per key and in all (<c>RateLimits:PosLinesPerMinutePerKey</c>,
/// <c>RateLimits:PosLinesPerMinutePerOrganization</c>), counted once for the whole cluster.
/// </summary>
public interface IPosLineAllowanceGrain : IGrainWithStringKey
{
    /// <summary>
    /// Counts a push of <paramref name="lines"/> sale lines by <paramref name="pusherId"/> (an integration or an
    /// integration client) against both allowances, all or nothing; null when both are unlimited.
    /// </summary>
    Task<PosLineAllowance?> Charge(Guid pusherId, int lines);
}
