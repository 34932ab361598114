using System.Buffers;
using System.Text.Json;

namespace InventoryProFlow.Bench;

/// <summary>How sales spread over locations and products.</summary>
/// <param name="Name">"uniform" or "hotspot".</param>
/// <param name="HotLocations">How many locations (the first by index) are busy.</param>
/// <param name="HotProducts">How many products (the first by index) are best sellers.</param>
/// <param name="HotPercent">Share of sales at busy locations, and share of lines that are best sellers, in percent (0 = uniform).</param>
public sealed record Mix(string Name, int HotLocations, int HotProducts, int HotPercent)
{
    public static Mix Uniform => new("uniform", 0, 0, 0);
}

/// <summary>
/// Pre-generated POST /api/v1/transactions/sales bodies, packed into one buffer so that a few hundred thousand
/// requests cost the generator no garbage collection during the run.
/// </summary>
public sealed class SaleRequests
{
    private readonly byte[] _buffer;
    private readonly int[] _offsets;

    private SaleRequests(byte[] buffer, int[] offsets, byte[] lines, short[] locations)
    {
        _buffer = buffer;
        _offsets = offsets;
        Lines = lines;
        Locations = locations;
    }

    public int Count => Lines.Length;

    /// <summary>Number of lines of each sale.</summary>
    public byte[] Lines { get; }

    /// <summary>Index (in the fixture) of each sale's location.</summary>
    public short[] Locations { get; }

    public ReadOnlyMemory<byte> Body(int i) => _buffer.AsMemory(_offsets[i], _offsets[i + 1] - _offsets[i]);

    // A POS ticket: mostly one or two items, sometimes a round; mostly one unit of each.
    private static readonly int[] LineWeights = [35, 30, 18, 10, 7];
    private static readonly int[] QuantityWeights = [75, 20, 5];

    /// <summary>
    /// <paramref name="count"/> sales, each with a unique referenceId "POS-{tag}-{location}-{sequence}-{run}" and 1 to 5
    /// distinct products. With a hot-spot mix, a sale happens at a busy location with probability HotPercent, and each line is
    /// a best seller with probability HotPercent.
    /// </summary>
    public static SaleRequests Generate(Fixture fixture, Mix mix, int count, string tag, string runId, Random random)
    {
        var output = new ArrayBufferWriter<byte>(count * 320);
        var offsets = new int[count + 1];
        var lines = new byte[count];
        var locations = new short[count];
        var chosen = new List<BenchProduct>(5);
        using var json = new Utf8JsonWriter(output);
        for (var i = 0; i < count; i++)
        {
            offsets[i] = output.WrittenCount;
            var location = Pick(fixture.Locations, mix.HotLocations, mix.HotPercent, random);
            var lineCount = Weighted(LineWeights, random) + 1;
            chosen.Clear();
            while (chosen.Count < lineCount)
            {
                var product = Pick(fixture.Products, mix.HotProducts, mix.HotPercent, random);
                if (!chosen.Contains(product))
                {
                    chosen.Add(product);
                }
            }

            json.Reset(output);
            json.WriteStartObject();
            json.WriteString("locationId", location.Id);
            json.WriteString("referenceId", $"POS-{tag}-{location.Index:D3}-{i:D7}-{runId}");
            json.WriteStartArray("items");
            foreach (var product in chosen)
            {
                json.WriteStartObject();
                json.WriteString("productId", product.Id);
                json.WriteNumber("quantity", Weighted(QuantityWeights, random) + 1);
                json.WriteNumber("unitPrice", product.Price);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.Flush();
            lines[i] = (byte)lineCount;
            locations[i] = (short)location.Index;
        }

        offsets[count] = output.WrittenCount;
        return new SaleRequests(output.WrittenSpan.ToArray(), offsets, lines, locations);
    }

    private static T Pick<T>(IReadOnlyList<T> all, int hot, int hotPercent, Random random)
    {
        if (hot <= 0 || hot >= all.Count || hotPercent <= 0)
        {
            return all[random.Next(all.Count)];
        }

        return random.Next(100) < hotPercent ? all[random.Next(hot)] : all[hot + random.Next(all.Count - hot)];
    }

    private static int Weighted(int[] weights, Random random)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}
