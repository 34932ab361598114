namespace InventoryProFlow.Grains.Analytics.Forecasting;

/// <summary>
/// Split-conformal intervals: per regularity group and horizon, the held-out errors (actual minus predicted,
/// divided by the series' spread) kept as quantiles, so the band for any confidence is read off what really
/// happened. Grouping by regularity (Mondrian conformal) keeps an intermittent item's errors from setting a
/// steady item's band and the reverse.
/// </summary>
/// <param name="ResidualQuantiles">[group][horizon - 1]: the residual at each 0.5 % step from 0 to 1.</param>
/// <param name="Examples">[group][horizon - 1]: held-out errors behind each grid (0 where the pooled grid stands in).</param>
public sealed record ForecastCalibration(IReadOnlyList<IReadOnlyList<double[]>> ResidualQuantiles, IReadOnlyList<int[]> Examples)
{
    /// <summary>Regularity groups: the share of the last 52 weeks with a sale, in fifths.</summary>
    public const int Groups = 5;

    // 0.5 % steps are finer than any confidence a buyer asks for.
    private const int GridSteps = 200;

    // Fewer held-out errors than this give a ragged tail; the pooled errors of the horizon stand in.
    private const int MinGroupExamples = 200;

    /// <summary>The regularity group of a series from the share of its last 52 weeks with a sale.</summary>
    public static int Group(double nonZeroShareOf52Weeks) => Math.Clamp((int)(nonZeroShareOf52Weeks * Groups), 0, Groups - 1);

    /// <summary>Builds the grids from held-out residuals by [group][horizon - 1].</summary>
    public static ForecastCalibration FromResiduals(IReadOnlyList<List<double>[]> residuals, int horizons)
    {
        var pooled = new double[horizons][];
        double[]? previous = null;
        for (var h = 0; h < horizons; h++)
        {
            var all = residuals.SelectMany(g => g[h]).ToList();
            // A horizon no held-out week reached borrows the shorter one's errors rather than claiming none.
            pooled[h] = all.Count > 0 ? Grid(all) : previous ?? new double[GridSteps + 1];
            previous = pooled[h];
        }

        var grids = new List<IReadOnlyList<double[]>>();
        var counts = new List<int[]>();
        for (var g = 0; g < Groups; g++)
        {
            var byHorizon = new double[horizons][];
            var n = new int[horizons];
            for (var h = 0; h < horizons; h++)
            {
                var own = g < residuals.Count ? residuals[g][h] : [];
                byHorizon[h] = own.Count >= MinGroupExamples ? Grid(own) : pooled[h];
                n[h] = own.Count >= MinGroupExamples ? own.Count : 0;
            }

            grids.Add(byHorizon);
            counts.Add(n);
        }

        return new ForecastCalibration(grids, counts);
    }

    /// <summary>Empty residual lists of the right shape for <see cref="FromResiduals"/>.</summary>
    public static List<double>[][] EmptyResiduals(int horizons) =>
        Enumerable.Range(0, Groups).Select(_ => Enumerable.Range(0, horizons).Select(_ => new List<double>()).ToArray()).ToArray();

    /// <summary>Residual bounds (in spreads) holding <paramref name="confidence"/> of held-out errors.</summary>
    public (double Low, double High) Bounds(int group, int horizon, double confidence)
    {
        var byHorizon = ResidualQuantiles[Math.Clamp(group, 0, ResidualQuantiles.Count - 1)];
        var grid = byHorizon[Math.Clamp(horizon, 1, byHorizon.Count) - 1];
        var tail = (1 - confidence) / 2;
        return (Read(grid, tail), Read(grid, 1 - tail));
    }

    private static double[] Grid(List<double> residuals)
    {
        var sorted = residuals.ToArray();
        Array.Sort(sorted);
        var grid = new double[GridSteps + 1];
        for (var g = 0; g <= GridSteps; g++)
        {
            grid[g] = Read(sorted, (double)g / GridSteps);
        }

        return grid;
    }

    private static double Read(double[] sorted, double p)
    {
        var position = Math.Clamp(p, 0, 1) * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }
}
