using Microsoft.Extensions.Configuration;
using Orleans.Configuration;

namespace InventoryProFlow.Silo.Hosting;

/// <summary>
/// How fast a cluster declares a silent silo dead (section "Orleans:Membership"), so its grains move to the
/// others. Orleans' defaults (probe timeout 5 s, 3 missed probes, 2 votes) take tens of seconds on a killed
/// process; a cluster on one machine or one network can afford to decide in a few. Unset values keep
/// Orleans' defaults.
/// </summary>
public sealed record MembershipSettings(
    TimeSpan? ProbeTimeout,
    int? MissedProbesLimit,
    int? VotesForDeath,
    TimeSpan? TableRefreshTimeout,
    TimeSpan? IAmAlivePeriod)
{
    public static MembershipSettings From(IConfiguration section) => new(
        Seconds(section, "ProbeTimeoutSeconds"),
        Positive(section, "MissedProbesLimit"),
        Positive(section, "VotesForDeath"),
        Seconds(section, "TableRefreshSeconds"),
        Seconds(section, "IAmAliveSeconds"));

    public void ApplyTo(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = ProbeTimeout ?? options.ProbeTimeout;
        options.NumMissedProbesLimit = MissedProbesLimit ?? options.NumMissedProbesLimit;
        options.NumVotesForDeathDeclaration = VotesForDeath ?? options.NumVotesForDeathDeclaration;
        options.TableRefreshTimeout = TableRefreshTimeout ?? options.TableRefreshTimeout;
        options.IAmAliveTablePublishTimeout = IAmAlivePeriod ?? options.IAmAliveTablePublishTimeout;
    }

    private static TimeSpan? Seconds(IConfiguration section, string key) =>
        section[key] is not { Length: > 0 } text ? null
        : double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : throw new InvalidOperationException($"Orleans:Membership:{key} '{text}' must be a number of seconds above 0.");

    private static int? Positive(IConfiguration section, string key) =>
        section[key] is not { Length: > 0 } text ? null
        : int.TryParse(text, out var value) && value > 0
            ? value
            : throw new InvalidOperationException($"Orleans:Membership:{key} '{text}' must be a whole number above 0.");
}
