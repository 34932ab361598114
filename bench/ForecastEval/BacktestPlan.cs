namespace InventoryProFlow.Bench.ForecastEval;

/// <summary>What the backtest runs: origins spread over the last year, horizons 1..Horizons, the stated confidence.</summary>
internal sealed record BacktestPlan(int Origins, int OriginStepWeeks, int Horizons, decimal Confidence, int MinActiveWeeks, int RetrainEvery)
{
    /// <summary>
    /// Origin weeks (indices on the common calendar of <paramref name="weeks"/> weeks), latest first: the last
    /// leaves room for every horizon, the earliest is within the last 52 weeks.
    /// </summary>
    public IReadOnlyList<int> OriginWeeks(int weeks) =>
        Enumerable.Range(0, Origins).Select(k => weeks - Horizons - k * OriginStepWeeks).Where(o => o > 0).ToList();
}
