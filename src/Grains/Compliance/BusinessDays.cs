namespace InventoryProFlow.Grains.Compliance;

/// <summary>
/// Days on which a return can be filed: not a Saturday, a Sunday or an observed federal holiday. Federal holidays
/// stand in for state legal holidays too; a state that closes on other days needs its own list.
/// </summary>
public static class BusinessDays
{
    public static bool IsBusinessDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !FederalHolidays.IsObserved(date);

    /// <summary><paramref name="date"/> if it is a business day, else the next one after it.</summary>
    public static DateOnly OnOrAfter(DateOnly date)
    {
        while (!IsBusinessDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary><paramref name="date"/> if it is a business day, else the last one before it.</summary>
    public static DateOnly OnOrBefore(DateOnly date)
    {
        while (!IsBusinessDay(date))
        {
            date = date.AddDays(-1);
        }

        return date;
    }

    /// <summary>The first business day after <paramref name="date"/>.</summary>
    public static DateOnly Next(DateOnly date) => OnOrAfter(date.AddDays(1));

    /// <summary>The last business day before <paramref name="date"/>.</summary>
    public static DateOnly Preceding(DateOnly date) => OnOrBefore(date.AddDays(-1));
}
