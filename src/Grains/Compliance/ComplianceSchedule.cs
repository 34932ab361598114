using Microsoft.Extensions.Configuration;

namespace InventoryProFlow.Grains.Compliance;

/// <summary>How often the compliance reminder checks licences and report deadlines.</summary>
public sealed record ComplianceSchedule(TimeSpan CheckEvery)
{
    /// <summary>Once a day unless Compliance:CheckPeriodSeconds says otherwise (tests check every second).</summary>
    public static ComplianceSchedule From(IConfiguration configuration) =>
        new(TimeSpan.FromSeconds(configuration.GetValue("Compliance:CheckPeriodSeconds", TimeSpan.FromDays(1).TotalSeconds)));
}
