namespace InventoryProFlow.Grains.Compliance;

/// <summary>A legal public holiday: the day the statute names and the weekday it is observed on.</summary>
public sealed record FederalHoliday(string Name, DateOnly Date, DateOnly Observed);

/// <summary>
/// The legal public holidays of 5 U.S.C. 6103(a), for any year. A holiday on a Saturday is observed the Friday
/// before and one on a Sunday the Monday after (5 U.S.C. 6103(b) and Executive Order 11582), which is how the TTB's
/// own due-date schedules count them. Juneteenth exists from 2021 (Pub. L. 117-17).
/// </summary>
public static class FederalHolidays
{
    private const int FirstJuneteenth = 2021;

    /// <summary>The holidays named for <paramref name="year"/>, in calendar order.</summary>
    public static IReadOnlyList<FederalHoliday> In(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9998);
        var days = new List<(string, DateOnly)>
        {
            ("New Year's Day", new DateOnly(year, 1, 1)),
            ("Birthday of Martin Luther King, Jr.", NthWeekday(year, 1, DayOfWeek.Monday, 3)),
            ("Washington's Birthday", NthWeekday(year, 2, DayOfWeek.Monday, 3)),
            ("Memorial Day", LastWeekday(year, 5, DayOfWeek.Monday)),
        };
        if (year >= FirstJuneteenth)
        {
            days.Add(("Juneteenth National Independence Day", new DateOnly(year, 6, 19)));
        }

        days.AddRange(
        [
            ("Independence Day", new DateOnly(year, 7, 4)),
            ("Labor Day", NthWeekday(year, 9, DayOfWeek.Monday, 1)),
            ("Columbus Day", NthWeekday(year, 10, DayOfWeek.Monday, 2)),
            ("Veterans Day", new DateOnly(year, 11, 11)),
            ("Thanksgiving Day", NthWeekday(year, 11, DayOfWeek.Thursday, 4)),
            ("Christmas Day", new DateOnly(year, 12, 25)),
        ]);
        return days.Select(d => new FederalHoliday(d.Item1, d.Item2, ObservedOn(d.Item2))).ToList();
    }

    /// <summary>Whether federal offices are closed for a holiday on <paramref name="date"/>.</summary>
    public static bool IsObserved(DateOnly date) =>
        // New Year's Day on a Saturday is observed on 31 December of the year before.
        In(date.Year).Any(h => h.Observed == date) || (date.Year < 9998 && In(date.Year + 1)[0].Observed == date);

    private static DateOnly ObservedOn(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(-1),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    private static DateOnly NthWeekday(int year, int month, DayOfWeek weekday, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)weekday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }

    private static DateOnly LastWeekday(int year, int month, DayOfWeek weekday)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)weekday + 7) % 7));
    }
}
