using InventoryProFlow.Grains.Analytics.Forecasting;

namespace InventoryProFlow.Grains.Tests.Analytics;

/// <summary>Seeded synthetic weekly series: a yearly season on a per-series level, with noise.</summary>
internal static class SyntheticDemand
{
    public static readonly DateOnly Start = new(2019, 1, 7);

    public static List<WeeklyDemand> Seasonal(int count, int weeks, int seed)
    {
        var random = new Random(seed);
        var series = new List<WeeklyDemand>(count);
        for (var s = 0; s < count; s++)
        {
            var level = 5 + random.Next(0, 60);
            var phase = random.NextDouble() * 52;
            var quantities = new double[weeks];
            for (var t = 0; t < weeks; t++)
            {
                var season = 1 + 0.6 * Math.Sin(2 * Math.PI * (t + phase) / 52);
                var noise = 1 + 0.15 * (random.NextDouble() * 2 - 1);
                quantities[t] = Math.Round(level * season * noise);
            }

            series.Add(new WeeklyDemand($"org/loc/{s}", Start, quantities));
        }

        return series;
    }

    /// <summary>Store orders: a lot of <paramref name="lot"/> bottles in a share <paramref name="orderShare"/> of weeks at random, none otherwise.</summary>
    public static List<WeeklyDemand> Lumpy(int count, int weeks, double orderShare, int lot, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(s => new WeeklyDemand($"org/loc/lumpy-{s}", Start, Enumerable.Range(0, weeks).Select(_ => random.NextDouble() < orderShare ? lot : 0.0).ToArray()))
            .ToList();
    }

    public static DemandModelOptions SmallOptions => new()
    {
        Trees = 60,
        Leaves = 15,
        MinExamplesPerLeaf = 20,
        MaxTrainingExamples = 20_000,
        MaxCalibrationExamples = 10_000,
        Threads = 1,
    };
}
