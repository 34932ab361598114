namespace InventoryProFlow.Bench.ForecastEval;

/// <summary>Absolute errors of one series, each already divided by its in-sample naive error: the MASE terms.</summary>
internal sealed class SeriesScore
{
    public double Ours { get; set; }

    /// <summary>The mean forecast's terms, beside the point's in <see cref="Ours"/>.</summary>
    public double Expected { get; set; }

    public double Naive { get; set; }

    public double SeasonalNaive { get; set; }

    public double MovingAverage4 { get; set; }

    public double[] OursByHorizon { get; init; } = [];

    public int[] PointsByHorizon { get; init; } = [];

    public int Points { get; set; }
}
