using System.Diagnostics;
using System.Text.Json.Nodes;

namespace InventoryProFlow.Bench;

/// <summary>Exact percentiles (nearest rank) over every recorded latency, in milliseconds.</summary>
public static class Latencies
{
    public static double ToMs(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    /// <summary>The p-th percentile by nearest rank: the smallest value with at least p% of the values at or below it.</summary>
    public static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }

    public static JsonObject Summary(double[] values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return new JsonObject
        {
            ["count"] = sorted.Length,
            ["p50Ms"] = Round(Percentile(sorted, 50)),
            ["p95Ms"] = Round(Percentile(sorted, 95)),
            ["p99Ms"] = Round(Percentile(sorted, 99)),
            ["p999Ms"] = Round(Percentile(sorted, 99.9)),
            ["maxMs"] = Round(sorted.Length > 0 ? sorted[^1] : double.NaN),
            ["meanMs"] = Round(sorted.Length > 0 ? sorted.Average() : double.NaN),
        };
    }

    public static JsonNode? Round(double value) => double.IsNaN(value) ? null : JsonValue.Create(Math.Round(value, 2));
}
