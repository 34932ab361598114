using InventoryProFlow.Grains.Storage;
using Microsoft.Extensions.Configuration;

namespace InventoryProFlow.Grains.Compliance;

/// <summary>
/// The clock compliance judges "today" by, and how often its reminder checks. A clock of its own, so a test
/// can move compliance a month ahead without moving token lifetimes and ledger times with it.
/// </summary>
public sealed record ComplianceClock(TimeProvider Time, TimeSpan CheckEvery)
{
    /// <summary>Once a day unless Compliance:CheckPeriodSeconds says otherwise (tests check every few seconds).</summary>
    public static ComplianceClock From(IConfiguration configuration, TimeProvider time) =>
        new(time, TimeSpan.FromSeconds(configuration.GetValue("Compliance:CheckPeriodSeconds", TimeSpan.FromDays(1).TotalSeconds)));

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>The business date now in a time zone (IANA): a licence expires at the end of its local day.</summary>
    public DateOnly Today(string timezone) => BusinessDate.Of(Now, timezone);
}
