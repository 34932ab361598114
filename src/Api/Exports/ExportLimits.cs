using System.Globalization;

namespace InventoryProFlow.Api.Exports;

/// <summary>
/// How big one CSV export of records may be (configuration section "Exports"): <c>MaxRows</c> rows (100,000). An export
/// that would hold more is refused before a byte is written, with a message asking for a narrower range, rather than cut
/// short: a records file that silently stops is worse than none. What is written is streamed in chunks of
/// <c>ChunkRows</c> (1,000), each read by a short query of its own, never held whole.
/// </summary>
public sealed record ExportLimits(int MaxRows, int ChunkRows)
{
    public static ExportLimits Default { get; } = new(100_000, 1_000);

    public static ExportLimits From(IConfiguration configuration) =>
        new(Positive(configuration, nameof(MaxRows), Default.MaxRows), Math.Min(Positive(configuration, nameof(ChunkRows), Default.ChunkRows), 10_000));

    private static int Positive(IConfiguration configuration, string name, int fallback)
    {
        var text = configuration[$"Exports:{name}"]?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new InvalidOperationException($"Exports:{name} is '{text}': use a whole number above 0.");
    }
}
