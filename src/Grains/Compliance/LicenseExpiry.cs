using InventoryProFlow.Contracts.Compliance;

namespace InventoryProFlow.Grains.Compliance;

/// <summary>
/// When a licence's reminders fall due. The thresholds are the ones operators ask for; on any day only the
/// nearest threshold already reached applies, so a licence first recorded 30 days out raises the 30-day
/// alert and not the 90 and 60 it has skipped, and a check missed for days catches up with one alert, not a burst.
/// </summary>
public static class LicenseExpiry
{
    public static IReadOnlyList<int> ThresholdDays { get; } = [90, 60, 30, 14, 7, 1, 0];

    /// <summary>The threshold a licence has reached today, or null while it is further out than the first one.</summary>
    public static int? ReachedThreshold(DateOnly expiresOn, DateOnly today)
    {
        var daysLeft = DaysLeft(expiresOn, today);
        int? reached = null;
        foreach (var threshold in ThresholdDays)
        {
            if (daysLeft <= threshold)
            {
                reached = threshold;
            }
        }

        return reached;
    }

    public static int DaysLeft(DateOnly expiresOn, DateOnly today) => expiresOn.DayNumber - today.DayNumber;

    /// <summary>A licence is good through its expiry date, and expiring from the start of its renewal window.</summary>
    public static string Status(DateOnly expiresOn, int renewalLeadDays, DateOnly today) =>
        DaysLeft(expiresOn, today) switch
        {
            < 0 => LicenseStatuses.Expired,
            var left when left <= Math.Max(renewalLeadDays, 30) => LicenseStatuses.Expiring,
            _ => LicenseStatuses.Valid,
        };

    /// <summary>Once per licence, expiry date and threshold: renewing (a new expiry date) starts the reminders again.</summary>
    public static string AlertKey(Guid licenseId, DateOnly expiresOn, int threshold) =>
        $"license:{licenseId:D}:{expiresOn:yyyy-MM-dd}:{threshold}";

    public static string Kind(int threshold) => threshold == 0 ? ComplianceAlertKinds.LicenseExpired : ComplianceAlertKinds.LicenseExpiring;

    public static string Message(LicenseDetails license, int daysLeft) => daysLeft switch
    {
        < 0 => $"{Describe(license)} expired on {license.ExpiresOn:yyyy-MM-dd}, {-daysLeft} day{(daysLeft == -1 ? string.Empty : "s")} ago. Renew it now: selling without a licence risks fines and closure.",
        0 => $"{Describe(license)} expires today ({license.ExpiresOn:yyyy-MM-dd}).",
        1 => $"{Describe(license)} expires tomorrow ({license.ExpiresOn:yyyy-MM-dd}).",
        _ => $"{Describe(license)} expires in {daysLeft} days, on {license.ExpiresOn:yyyy-MM-dd}.",
    };

    public static string Describe(LicenseDetails license) =>
        $"{license.LicenseType} {license.LicenseNumber} ({license.IssuingAuthority})";
}
