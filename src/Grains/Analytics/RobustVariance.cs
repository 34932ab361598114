namespace InventoryProFlow.Grains.Analytics;

/// <summary>
/// How unusual a count's variance is for its location: the modified z-score of Iglewicz and Hoaglin,
/// (variance - median) / (1.4826 x median absolute deviation), flagged beyond 3.5. Median and MAD are not
/// moved by the few large losses being looked for, as a mean and standard deviation would be. The scale is
/// at least one bottle: where counts are usually exact (MAD 0), one bottle off is not an anomaly, ten are.
/// </summary>
public sealed class RobustVariance
{
    public const decimal FlagAt = 3.5m;
    private const decimal Consistency = 1.4826m;

    private RobustVariance(decimal median, decimal scale)
    {
        Median = median;
        Scale = scale;
    }

    public decimal Median { get; }

    /// <summary>1.4826 x MAD, at least one unit.</summary>
    public decimal Scale { get; }

    public static RobustVariance Of(IReadOnlyCollection<decimal> variances)
    {
        if (variances.Count == 0)
        {
            return new RobustVariance(0m, 1m);
        }

        var median = MedianOf(variances);
        var mad = MedianOf(variances.Select(v => Math.Abs(v - median)));
        return new RobustVariance(median, Math.Max(1m, Consistency * mad));
    }

    public decimal Z(decimal variance) => decimal.Round((variance - Median) / Scale, 2, MidpointRounding.AwayFromZero);

    public static bool Flagged(decimal z) => Math.Abs(z) >= FlagAt;

    private static decimal MedianOf(IEnumerable<decimal> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2m;
    }
}
