using System.Globalization;
using System.Net;
using CsvHelper;

namespace InventoryProFlow.Api.Tests.Infrastructure;

/// <summary>
/// Real sales for tests that check figures against the file: one Iowa store's invoice lines
/// (iowa_sales_4stores_2016_2021.csv) joined to the ABD catalogue of the time (iowa_products_2022.csv),
/// and their replay through the product's own API. Each invoice is a sale at noon of its day, Chicago time.
/// </summary>
public sealed class IowaSales
{
    public static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    private IowaSales(IReadOnlyDictionary<string, Item> catalogue, IReadOnlyList<Line> lines)
    {
        Catalogue = catalogue;
        Lines = lines;
    }

    /// <summary>The ABD catalogue of the time: bottle size, proof (ABV = proof / 2), state cost and retail.</summary>
    public IReadOnlyDictionary<string, Item> Catalogue { get; }

    /// <summary>The store's lines in the range whose item is in the catalogue.</summary>
    public IReadOnlyList<Line> Lines { get; }

    public IReadOnlyList<string> Items => Lines.Select(l => l.Item).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>One sale per invoice and 500 lines: what a replay posts.</summary>
    public IEnumerable<(DateOnly Date, string Reference, Line[] Lines)> Sales() =>
        Lines.GroupBy(l => (l.Date, l.Invoice)).SelectMany(invoice => invoice.Chunk(500).Select((chunk, part) => (invoice.Key.Date, $"{invoice.Key.Invoice}/{part}", chunk)));

    public static IowaSales Of(string store, DateOnly from, DateOnly to)
    {
        var catalogue = ReadCatalogue();
        return new IowaSales(catalogue, ReadLines(store, from, to).Where(l => catalogue.ContainsKey(l.Item)).ToList());
    }

    public static string Sku(string item) => "IA-" + item;

    /// <summary>
    /// Creates every item as a spirits product, receives <paramref name="received"/> of each (if any) four weeks
    /// before the first sale, then posts the sales; answers each sku's product id.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, Guid>> ReplayAsync(ApiClient admin, Guid location, Guid supplier, int received)
    {
        var ids = new System.Collections.Concurrent.ConcurrentDictionary<string, Guid>();
        await Parallel.ForEachAsync(Items, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (item, _) =>
        {
            var p = Catalogue[item];
            var created = (await admin.PostAsync("/api/v1/products", new
            {
                sku = Sku(item),
                name = p.Name,
                category = "spirits",
                sizeMl = p.SizeMl,
                abv = p.Abv,
                cost = p.Cost,
                price = p.Retail,
            })).ShouldSucceed(HttpStatusCode.Created);
            ids[Sku(item)] = Guid.Parse(created.Data.GetProperty("id").GetString()!);
        });

        foreach (var chunk in received > 0 ? Items.Chunk(500) : [])
        {
            (await admin.PostAsync("/api/v1/transactions/purchases", new
            {
                locationId = location,
                supplierId = supplier,
                timestamp = Noon(Lines.Min(l => l.Date).AddDays(-28)),
                items = chunk.Select(item => new { sku = Sku(item), quantity = received, unitCost = Catalogue[item].Cost }),
            })).ShouldSucceed(HttpStatusCode.Created);
        }

        foreach (var (date, reference, lines) in Sales())
        {
            (await admin.PostAsync("/api/v1/transactions/sales", new
            {
                locationId = location,
                timestamp = Noon(date),
                referenceId = reference,
                items = lines.Select(l => new { sku = Sku(l.Item), quantity = l.Bottles, unitPrice = l.Dollars / l.Bottles }),
            })).ShouldSucceed(HttpStatusCode.Created);
        }

        return ids;
    }

    public static string Noon(DateOnly date)
    {
        var noon = date.ToDateTime(new TimeOnly(12, 0));
        return new DateTimeOffset(noon, Chicago.GetUtcOffset(noon)).ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
    }

    private static IEnumerable<Line> ReadLines(string store, DateOnly from, DateOnly to)
    {
        foreach (var text in File.ReadLines(SharedData.PathOf("iowa_sales_4stores_2016_2021.csv")).Skip(1))
        {
            var f = text.Split(',');
            var date = DateOnly.ParseExact(f[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (f[1] == store && date >= from && date <= to)
            {
                // The invoice is the line id without its five-digit line number.
                yield return new Line(date, f[5][..^5], f[2], int.Parse(f[3], CultureInfo.InvariantCulture), decimal.Parse(f[4], CultureInfo.InvariantCulture));
            }
        }
    }

    private static Dictionary<string, Item> ReadCatalogue()
    {
        using var csv = new CsvReader(new StreamReader(SharedData.PathOf("iowa_products_2022.csv")), CultureInfo.InvariantCulture);
        var items = new Dictionary<string, Item>();
        foreach (var row in csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>())
        {
            var name = ((string)row["Item Description"]).Trim();
            if (int.TryParse((string)row["Bottle Volume (ml)"], CultureInfo.InvariantCulture, out var size) && size > 0
                && decimal.TryParse((string)row["Proof"], CultureInfo.InvariantCulture, out var proof) && proof is > 0 and <= 200
                && decimal.TryParse((string)row["State Bottle Cost"], CultureInfo.InvariantCulture, out var cost)
                && decimal.TryParse((string)row["State Bottle Retail"], CultureInfo.InvariantCulture, out var retail) && name.Length > 0)
            {
                items[(string)row["Item Number"]] = new Item(name.Length > 200 ? name[..200] : name, size, Math.Round(proof / 2, 2), cost, retail);
            }
        }

        return items;
    }

    public sealed record Line(DateOnly Date, string Invoice, string Item, int Bottles, decimal Dollars);

    public sealed record Item(string Name, int SizeMl, decimal Abv, decimal Cost, decimal Retail);
}
