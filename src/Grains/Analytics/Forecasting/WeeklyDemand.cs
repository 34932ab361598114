namespace InventoryProFlow.Grains.Analytics.Forecasting;

/// <summary>
/// One product-location's demand by ISO week (weeks start on Monday): <see cref="Quantities"/>[0] is the
/// week starting <see cref="StartWeek"/>, and every later week is present, zeros included.
/// </summary>
public sealed record WeeklyDemand(string Key, DateOnly StartWeek, IReadOnlyList<double> Quantities)
{
    /// <summary>Number of weeks held.</summary>
    public int Weeks => Quantities.Count;

    /// <summary>The long-run daily rate: everything sold over every day held (zero for an item never sold).</summary>
    public decimal DailyRate => Weeks == 0 ? 0m : (decimal)(Quantities.Sum() / (7d * Weeks));

    /// <summary>The Monday of the week after the last one held: where a forecast starts.</summary>
    public DateOnly NextWeek => StartWeek.AddDays(7 * Weeks);

    /// <summary>The Monday starting week <paramref name="index"/> of this series.</summary>
    public DateOnly WeekStart(int index) => StartWeek.AddDays(7 * index);

    /// <summary>The first <paramref name="weeks"/> weeks only: the history as it stood before a later week.</summary>
    public WeeklyDemand Before(int weeks) =>
        this with { Quantities = Quantities.Take(Math.Clamp(weeks, 0, Weeks)).ToArray() };

    /// <summary>The Monday of the ISO week holding <paramref name="date"/>.</summary>
    public static DateOnly WeekOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
}
