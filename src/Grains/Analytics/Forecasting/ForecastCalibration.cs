namespace InventoryProFlow.Grains.Analytics.Forecasting;

/// <summary>
/// Split-conformal intervals: per horizon, the held-out errors (actual minus predicted, divided by the
/// series' spread) kept as quantiles, so the band for any confidence is read off what really happened.
/// </summary>
public sealed record ForecastCalibration(IReadOnlyList<double[]> ResidualQuantiles, IReadOnlyList<int> Examples)
{
    // 0.5 % steps are finer than any confidence a buyer asks for.
    private const int GridSteps = 200;

    /// <summary>Builds the quantile grid from held-out residuals grouped by horizon (index 0 = one week ahead).</summary>
    public static ForecastCalibration FromResiduals(IReadOnlyList<List<double>> residualsByHorizon)
    {
        var grids = new List<double[]>(residualsByHorizon.Count);
        var counts = new List<int>(residualsByHorizon.Count);
        double[]? previous = null;
        foreach (var residuals in residualsByHorizon)
        {
            if (residuals.Count == 0)
            {
                // A horizon no held-out week reached borrows the shorter one's errors rather than claiming none.
                grids.Add(previous ?? new double[GridSteps + 1]);
                counts.Add(0);
                continue;
            }

            var sorted = residuals.ToArray();
            Array.Sort(sorted);
            var grid = new double[GridSteps + 1];
            for (var g = 0; g <= GridSteps; g++)
            {
                grid[g] = Quantile(sorted, (double)g / GridSteps);
            }

            grids.Add(grid);
            counts.Add(sorted.Length);
            previous = grid;
        }

        return new ForecastCalibration(grids, counts);
    }

    /// <summary>Residual bounds (in spreads) holding <paramref name="confidence"/> of held-out errors at a horizon.</summary>
    public (double Low, double High) Bounds(int horizon, double confidence)
    {
        var grid = ResidualQuantiles[Math.Clamp(horizon, 1, ResidualQuantiles.Count) - 1];
        var tail = (1 - confidence) / 2;
        return (Read(grid, tail), Read(grid, 1 - tail));
    }

    private static double Read(double[] grid, double p)
    {
        var position = Math.Clamp(p, 0, 1) * (grid.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, grid.Length - 1);
        return grid[below] + (grid[above] - grid[below]) * (position - below);
    }

    private static double Quantile(double[] sorted, double p)
    {
        var position = p * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }
}
