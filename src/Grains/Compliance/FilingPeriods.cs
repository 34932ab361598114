namespace InventoryProFlow.Grains.Compliance;

/// <summary>How often a state filing recurs.</summary>
public enum ReportFrequency
{
    Monthly,
    Quarterly,
    Annual,
}

/// <summary>How often a distilled spirits plant files TTB F 5000.24 (27 CFR 19.235).</summary>
public enum ExciseFilingFrequency
{
    /// <summary>1st-15th and 16th-end of month; the default for every taxpayer not eligible for the others.</summary>
    Semimonthly,

    /// <summary>Calendar quarters; for a taxpayer expecting no more than $50,000 of tax in the year.</summary>
    Quarterly,

    /// <summary>The calendar year; for a taxpayer expecting no more than $1,000 of tax in the year.</summary>
    Annual,
}

/// <summary>A return or report period, both days included.</summary>
public readonly record struct FilingPeriod(DateOnly Start, DateOnly End);

/// <summary>Cutting time into the periods a filing covers.</summary>
public static class FilingPeriods
{
    /// <summary>
    /// Periods of <paramref name="frequency"/> whose last day lies in [<paramref name="from"/>, <paramref name="to"/>].
    /// Annual periods end on the day before <paramref name="yearStarts"/>'s month and day (a licence anniversary),
    /// or on 31 December without one.
    /// </summary>
    public static IReadOnlyList<FilingPeriod> Ending(ReportFrequency frequency, DateOnly from, DateOnly to, DateOnly? yearStarts = null)
    {
        var months = frequency switch
        {
            ReportFrequency.Monthly => 1,
            ReportFrequency.Quarterly => 3,
            ReportFrequency.Annual => 12,
            _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, null),
        };
        var anchor = frequency == ReportFrequency.Annual && yearStarts is { } start ? start : new DateOnly(2000, 1, 1);
        var periods = new List<FilingPeriod>();
        // Start a year early so a period that began before `from` but ends inside the window is found.
        var cursor = AnchorIn(anchor, from.Year - 1);
        while (cursor <= to)
        {
            var next = cursor.AddMonths(months);
            if (anchor.Day > 28)
            {
                // 29 February (and the like) anchors clamp in short months; keep them on the anchor day where it exists.
                next = new DateOnly(next.Year, next.Month, Math.Min(anchor.Day, DateTime.DaysInMonth(next.Year, next.Month)));
            }

            var period = new FilingPeriod(cursor, next.AddDays(-1));
            if (period.End >= from && period.End <= to)
            {
                periods.Add(period);
            }

            cursor = next;
        }

        return periods;
    }

    /// <summary>Semimonthly periods (1st-15th, 16th-end) whose last day lies in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public static IReadOnlyList<FilingPeriod> SemimonthlyEnding(DateOnly from, DateOnly to)
    {
        var periods = new List<FilingPeriod>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var firstHalf = new FilingPeriod(month, month.AddDays(14));
            var secondHalf = new FilingPeriod(month.AddDays(15), month.AddMonths(1).AddDays(-1));
            foreach (var period in (ReadOnlySpan<FilingPeriod>)[firstHalf, secondHalf])
            {
                if (period.End >= from && period.End <= to)
                {
                    periods.Add(period);
                }
            }
        }

        return periods;
    }

    private static DateOnly AnchorIn(DateOnly anchor, int year) =>
        new(year, anchor.Month, Math.Min(anchor.Day, DateTime.DaysInMonth(year, anchor.Month)));
}
