using InventoryProFlow.Contracts.Compliance;

namespace InventoryProFlow.Grains.Compliance;

/// <summary>A location as its filings see it: where it is, its time zone, since when it exists and the licences covering it.</summary>
public sealed record LocationOnFile(Guid Id, string Name, string? State, string Timezone, DateTime CreatedAt, IReadOnlyList<string> LicenceTypes);

/// <summary>An ABC report on file: the period it covers and where it stands (draft, generated, submitted).</summary>
public sealed record FiledReport(Guid Id, Guid LocationId, DateOnly PeriodStart, DateOnly PeriodEnd, string Status);

/// <summary>
/// Which ABC reports a location owes, from its state's rules: every period that ended since the location opened
/// (a year back at most), each due, overdue or covered by a submitted report; and the other filings its rules
/// name that fall due soon. A period still owed names the report ready to submit for it (the reminder's draft or
/// one a person generated, the newest), which is what the reminder drafts when there is none.
/// </summary>
public static class ReportDeadlines
{
    public const int LookBackDays = 365;
    public const int UpcomingDays = 45;

    /// <summary>Report reminders start two weeks before the due date; a day past it, the report is overdue.</summary>
    public static IReadOnlyList<int> ThresholdDays { get; } = [14, 7, 1, 0];

    public static LocationCompliance Of(LocationOnFile location, IReadOnlyList<FiledReport> filed, DateOnly today)
    {
        var opened = DateOnly.FromDateTime(location.CreatedAt);
        var from = opened > today.AddDays(-LookBackDays) ? opened : today.AddDays(-LookBackDays);
        var abcForm = StateRuleBook.Embedded.For(location.State).AbcReport.Form;
        var obligations = Obligations(location, from, today.AddDays(UpcomingDays));
        var reports = obligations
            .Where(o => o.Form == abcForm && o.PeriodEnd < today)
            .Select(o => Deadline(o, Submitted(filed, location.Id, o), ReadyToSubmit(filed, location.Id, o), today))
            .ToList();
        var upcoming = obligations
            .Where(o => o.Form != abcForm && o.DueDate >= today && o.DueDate <= today.AddDays(UpcomingDays))
            .Select(o => new UpcomingFiling(o.Form, o.Title, o.Authority, o.PeriodStart, o.PeriodEnd, o.DueDate, o.DueRule))
            .ToList();
        return new LocationCompliance(location.Id, location.Name, location.State, reports, upcoming);
    }

    /// <summary>The reminder a report deadline has reached today, or null while it is further out (or filed).</summary>
    public static int? ReachedThreshold(ReportDeadline deadline)
    {
        if (deadline.Status == FilingStatuses.Submitted)
        {
            return null;
        }

        if (deadline.DaysLeft < 0)
        {
            return -1;
        }

        int? reached = null;
        foreach (var threshold in ThresholdDays)
        {
            if (deadline.DaysLeft <= threshold)
            {
                reached = threshold;
            }
        }

        return reached;
    }

    /// <summary>The cadence (a report type) of the ABC report the location's state asks for.</summary>
    public static string ReportType(string? state) => StateRuleBook.Embedded.For(state).AbcReport.Frequency switch
    {
        ReportFrequency.Quarterly => "quarterly",
        ReportFrequency.Annual => "annual",
        _ => "monthly",
    };

    public static string AlertKey(Guid locationId, ReportDeadline deadline, int threshold) =>
        $"report:{locationId:D}:{deadline.PeriodStart:yyyy-MM-dd}:{deadline.PeriodEnd:yyyy-MM-dd}:{threshold}";

    /// <summary>The key prefix of every alert about one location's report period, so submitting it resolves them all.</summary>
    public static string AlertKeyPrefix(Guid locationId, DateOnly periodStart, DateOnly periodEnd) =>
        $"report:{locationId:D}:{periodStart:yyyy-MM-dd}:{periodEnd:yyyy-MM-dd}:";

    public static string Message(LocationCompliance location, ReportDeadline deadline) =>
        deadline.ReportId is null ? When(location, deadline) : $"{When(location, deadline)} A draft from the ledger is ready: review it, then submit it.";

    private static string When(LocationCompliance location, ReportDeadline deadline) => deadline.DaysLeft switch
    {
        < 0 => $"{deadline.Title} of {location.Name} for {deadline.PeriodStart:yyyy-MM-dd} to {deadline.PeriodEnd:yyyy-MM-dd} was due {deadline.DueOn:yyyy-MM-dd} and is not submitted.",
        0 => $"{deadline.Title} of {location.Name} for {deadline.PeriodStart:yyyy-MM-dd} to {deadline.PeriodEnd:yyyy-MM-dd} is due today.",
        _ => $"{deadline.Title} of {location.Name} for {deadline.PeriodStart:yyyy-MM-dd} to {deadline.PeriodEnd:yyyy-MM-dd} is due in {deadline.DaysLeft} day{(deadline.DaysLeft == 1 ? string.Empty : "s")}, on {deadline.DueOn:yyyy-MM-dd}.",
    };

    private static List<Obligation> Obligations(LocationOnFile location, DateOnly from, DateOnly to)
    {
        // Each licence type may owe its own filings; the ABC report is owed once whatever the licences.
        var types = location.LicenceTypes.Count == 0 ? [null] : location.LicenceTypes.Cast<string?>().ToList();
        return types
            .SelectMany(type => FilingObligations.Standard.ForLocation(location.State, type, from, to))
            .DistinctBy(o => (o.Form, o.PeriodStart, o.PeriodEnd))
            .OrderBy(o => o.DueDate)
            .ToList();
    }

    /// <summary>A submitted report covering the period settles it, even one of a longer span.</summary>
    private static FiledReport? Submitted(IReadOnlyList<FiledReport> filed, Guid locationId, Obligation o) =>
        filed.FirstOrDefault(r => r.LocationId == locationId && r.Status == ReportStatuses.Submitted && r.PeriodStart <= o.PeriodStart && r.PeriodEnd >= o.PeriodEnd);

    /// <summary>The newest generated report of exactly the period (<paramref name="filed"/> is newest first): the one to review and submit.</summary>
    private static FiledReport? ReadyToSubmit(IReadOnlyList<FiledReport> filed, Guid locationId, Obligation o) =>
        filed.FirstOrDefault(r => r.LocationId == locationId && r.Status == ReportStatuses.Generated && r.PeriodStart == o.PeriodStart && r.PeriodEnd == o.PeriodEnd);

    private static ReportDeadline Deadline(Obligation o, FiledReport? submitted, FiledReport? ready, DateOnly today) => new(
        o.Form, o.Title, o.PeriodStart, o.PeriodEnd, o.DueDate, o.DueRule,
        submitted is not null ? FilingStatuses.Submitted : o.DueDate < today ? FilingStatuses.Overdue : FilingStatuses.Due,
        o.DueDate.DayNumber - today.DayNumber,
        submitted?.Id ?? ready?.Id);
}
