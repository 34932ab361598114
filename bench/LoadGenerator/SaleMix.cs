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

    private SaleRequests(byte[] buffer, int[] offsets, byte[] lines, short[] locations, long ledgerRows = 0)
    {
        LedgerRows = ledgerRows;
        _buffer = buffer;
        _offsets = offsets;
        Lines = lines;
        Locations = locations;
    }

    public int Count => Lines.Length;

    /// <summary>For POS pushes by menu item: the ledger rows all the sales would write (a cocktail pours two spirits).</summary>
    public long LedgerRows { get; }

    /// <summary>Number of lines of each sale.</summary>
    public byte[] Lines { get; }

    /// <summary>Index (in the fixture) of each sale's location.</summary>
    public short[] Locations { get; }

    public ReadOnlyMemory<byte> Body(int i) => _buffer.AsMemory(_offsets[i], _offsets[i + 1] - _offsets[i]);

    // A POS ticket: mostly one or two items, sometimes a round; mostly one unit of each.
    private static readonly int[] LineWeights = [35, 30, 18, 10, 7];
    private static readonly int[] QuantityWeights = [75, 20, 5];

    /// <summary>
    /// <paramref name="count"/> sales (with a menu, POS pushes of its items), each with a unique referenceId "POS-{tag}-{location}-{sequence}-{run}" and 1 to 5
    /// distinct products. With a hot-spot mix, a sale happens at a busy location with probability HotPercent, and each line is
    /// a best seller with probability HotPercent.
    /// </summary>
    public static SaleRequests Generate(Fixture fixture, Mix mix, int count, string tag, string runId, Random random, BarMenu? menu = null)
    {
        var output = new ArrayBufferWriter<byte>(count * 360);
        var offsets = new int[count + 1];
        var lines = new byte[count];
        var locations = new short[count];
        long rows = 0;
        using var json = new Utf8JsonWriter(output);
        for (var i = 0; i < count; i++)
        {
            offsets[i] = output.WrittenCount;
            var location = Pick(fixture.Locations, mix.HotLocations, mix.HotPercent, random);
            var lineCount = Weighted(LineWeights, random) + 1;
            var reference = $"POS-{tag}-{location.Index:D3}-{i:D7}-{runId}";
            json.Reset(output);
            rows += menu switch
            {
                null => WriteSale(json, location, reference, Distinct(lineCount, () => Pick(fixture.Products, mix.HotProducts, mix.HotPercent, random)), random),
                // The same POS push by sku, whole units: the baseline the menu's pours are measured against.
                { BySku: true } => WritePush(json, location, reference, Distinct(lineCount, () => Pick(fixture.Products, mix.HotProducts, mix.HotPercent, random).Sku!), random, "sku"),
                _ => WritePush(json, location, reference, Distinct(lineCount, () => menu.PosItems[random.Next(menu.PosItems.Count)]), random, "itemId"),
            };
            json.Flush();
            lines[i] = (byte)lineCount;
            locations[i] = (short)location.Index;
        }

        offsets[count] = output.WrittenCount;
        return new SaleRequests(output.WrittenSpan.ToArray(), offsets, lines, locations, rows);
    }

    // A sale by product, as the sales API takes it: one ledger row a line.
    private static int WriteSale(Utf8JsonWriter json, BenchLocation location, string reference, List<BenchProduct> products, Random random)
    {
        json.WriteStartObject();
        json.WriteString("locationId", location.Id);
        json.WriteString("referenceId", reference);
        json.WriteStartArray("items");
        foreach (var product in products)
        {
            json.WriteStartObject();
            json.WriteString("productId", product.Id);
            json.WriteNumber("quantity", Weighted(QuantityWeights, random) + 1);
            json.WriteNumber("unitPrice", product.Price);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        return products.Count;
    }

    /// <summary>
    /// The same ticket as a POS push (sale.created) of menu items: cocktails of two spirits or shots, one line in five a
    /// double. Each line depletes by volume through the menu; answers the ledger rows it will write.
    /// </summary>
    private static int WritePush(Utf8JsonWriter json, BenchLocation location, string reference, List<string> items, Random random, string field)
    {
        json.WriteStartObject();
        json.WriteString("type", "sale.created");
        json.WriteStartObject("data");
        json.WriteString("transactionId", reference);
        json.WriteString("locationId", location.Id);
        json.WriteStartArray("items");
        foreach (var item in items)
        {
            json.WriteStartObject();
            json.WriteString(field, item);
            json.WriteNumber("quantity", Weighted(QuantityWeights, random) + 1);
            json.WriteNumber("price", 12.00m);
            if (field == "itemId" && random.Next(5) == 0)
            {
                json.WriteStartArray("modifiers");
                json.WriteStartObject();
                json.WriteString("id", "DBL");
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        return items.Sum(item => field == "itemId" && item.StartsWith("C-", StringComparison.Ordinal) ? 2 : 1);
    }

    private static List<T> Distinct<T>(int count, Func<T> pick)
    {
        var chosen = new List<T>(count);
        while (chosen.Count < count)
        {
            var next = pick();
            if (!chosen.Contains(next))
            {
                chosen.Add(next);
            }
        }

        return chosen;
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
