namespace InventoryProFlow.Grains.Analytics.Forecasting;

/// <summary>Turns dated sale quantities into <see cref="WeeklyDemand"/> series on ISO weeks.</summary>
public static class WeeklyDemandBuilder
{
    /// <summary>
    /// One series per key, each from the week of its first observation through the week holding
    /// <paramref name="through"/> (or the latest observation of all keys), missing weeks as zeros.
    /// </summary>
    public static IReadOnlyList<WeeklyDemand> Build(IEnumerable<DemandObservation> observations, DateOnly? through = null)
    {
        var byKey = new Dictionary<string, SortedDictionary<DateOnly, double>>(StringComparer.Ordinal);
        var latest = DateOnly.MinValue;
        foreach (var o in observations)
        {
            if (!byKey.TryGetValue(o.Key, out var weeks))
            {
                weeks = [];
                byKey[o.Key] = weeks;
            }

            var week = WeeklyDemand.WeekOf(o.Date);
            weeks[week] = weeks.GetValueOrDefault(week) + o.Quantity;
            if (o.Date > latest)
            {
                latest = o.Date;
            }
        }

        var lastWeek = WeeklyDemand.WeekOf(through ?? latest);
        var series = new List<WeeklyDemand>(byKey.Count);
        foreach (var (key, weeks) in byKey.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var first = weeks.Keys.First();
            if (first > lastWeek)
            {
                continue;
            }

            var count = (lastWeek.DayNumber - first.DayNumber) / 7 + 1;
            var quantities = new double[count];
            foreach (var (week, quantity) in weeks)
            {
                var index = (week.DayNumber - first.DayNumber) / 7;
                if (index < count)
                {
                    // Returns lower a week's demand but a week of net returns is no demand, never negative demand.
                    quantities[index] = Math.Max(0, quantity);
                }
            }

            series.Add(new WeeklyDemand(key, first, quantities));
        }

        return series;
    }

    /// <summary>One series from one key's observations; an empty history gives an empty series starting at <paramref name="through"/>'s week.</summary>
    public static WeeklyDemand Build(string key, IEnumerable<(DateOnly Date, double Quantity)> sales, DateOnly through)
    {
        var built = Build(sales.Select(s => new DemandObservation(key, s.Date, s.Quantity)), through);
        return built.Count == 1 ? built[0] : new WeeklyDemand(key, WeeklyDemand.WeekOf(through).AddDays(7), []);
    }
}
