using System.Globalization;

namespace InventoryProFlow.Bench;

/// <summary>A location of the benchmark organisation; the first <c>HotLocations</c> by index are the busy ones.</summary>
public sealed record BenchLocation(int Index, string Id);

/// <summary>A product; the first <c>HotProducts</c> by index are the best sellers.</summary>
public sealed record BenchProduct(int Index, string Id, decimal Price, string? Sku = null);

/// <summary>The ids scripts/bench.sh exported from the bulk load (CSV without header), ordered by index.</summary>
public sealed record Fixture(IReadOnlyList<BenchLocation> Locations, IReadOnlyList<BenchProduct> Products)
{
    public static Fixture Load(string locationsCsv, string productsCsv)
    {
        var locations = File.ReadLines(locationsCsv).Where(l => l.Length > 0)
            .Select(l => l.Split(','))
            .Select(f => new BenchLocation(int.Parse(f[0], CultureInfo.InvariantCulture), f[1]))
            .OrderBy(l => l.Index).ToList();
        var products = File.ReadLines(productsCsv).Where(l => l.Length > 0)
            .Select(l => l.Split(','))
            .Select(f => new BenchProduct(int.Parse(f[0], CultureInfo.InvariantCulture), f[1], decimal.Parse(f[2], CultureInfo.InvariantCulture), f.Length > 3 ? f[3] : null))
            .OrderBy(p => p.Index).ToList();
        if (locations.Count == 0 || products.Count == 0)
        {
            throw new BenchException($"no locations or products in {locationsCsv} / {productsCsv}");
        }

        return new Fixture(locations, products);
    }
}
