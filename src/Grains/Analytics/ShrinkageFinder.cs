using InventoryProFlow.Contracts.Analytics;

namespace InventoryProFlow.Grains.Analytics;

/// <summary>Judges counts against their location's usual variance and ranks product-locations by money lost.</summary>
public static class ShrinkageFinder
{
    public const string Method =
        "Variance = counted - expected by the ledger (sales, receipts, transfers, waste, comps, adjustments). A count is flagged when its " +
        "modified z-score, (variance - median) / (1.4826 x MAD) over every count of its location, is beyond 3.5; the scale is at least one unit.";

    public static ShrinkageReport Find(IReadOnlyList<CountVariance> counts, ShrinkageQuery query)
    {
        var usual = counts.GroupBy(c => c.LocationId).ToDictionary(g => g.Key, g => RobustVariance.Of(g.Select(c => c.Variance).ToList()));
        var items = counts
            .Where(c => c.Day >= query.From && c.Day <= query.To)
            .GroupBy(c => (c.LocationId, c.ProductId))
            .Select(g => Anomaly(g.ToList(), usual[g.Key.LocationId]))
            .Where(a => !query.FlaggedOnly || a.Flagged)
            .OrderByDescending(a => a.MoneyLost).ThenByDescending(a => a.ShortUnits).ThenBy(a => a.Sku, StringComparer.Ordinal)
            .ToList();
        return new ShrinkageReport(query.From, query.To, items, RobustVariance.FlagAt, Method);
    }

    /// <summary>The alert for one count, when it found stock missing beyond its location's <paramref name="usual"/>; null otherwise.</summary>
    public static ShrinkageAlert? AlertFor(RobustVariance usual, CountVariance count)
    {
        if (count.Variance >= 0)
        {
            return null;
        }

        var z = usual.Z(count.Variance);
        return RobustVariance.Flagged(z)
            ? new ShrinkageAlert(count.LocationId, count.ProductId, count.Sku, count.Expected, count.Counted, -count.Variance * count.UnitCost, z, count.OccurredAt)
            : null;
    }

    private static ShrinkageAnomaly Anomaly(List<CountVariance> counts, RobustVariance usual)
    {
        var last = counts[^1];
        var worst = counts.Select(c => usual.Z(c.Variance)).MaxBy(Math.Abs);
        return new ShrinkageAnomaly(
            last.LocationId, last.ProductId, last.Sku, last.Name, counts.Count, last.Expected, last.Counted,
            counts.Where(c => c.Variance < 0).Sum(c => -c.Variance),
            counts.Where(c => c.Variance > 0).Sum(c => c.Variance),
            counts.Where(c => c.Variance < 0).Sum(c => -c.Variance * c.UnitCost),
            worst,
            RobustVariance.Flagged(worst),
            last.OccurredAt);
    }
}
