using System.Globalization;
using InventoryProFlow.Grains.Analytics.Forecasting;

namespace InventoryProFlow.Bench.ForecastEval;

/// <summary>Reads the Iowa-style sales CSV (date,store_number,item_number,bottles_sold,...) into store x item observations.</summary>
internal static class SalesFile
{
    public static (List<DemandObservation> Observations, DateOnly LastDate) Read(string path)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine() ?? throw new InvalidDataException($"{path} is empty.");
        var columns = header.Split(',').Select(c => c.Trim().Trim('"')).ToList();
        int Column(string name) => columns.IndexOf(name) is var i and >= 0 ? i : throw new InvalidDataException($"{path} has no '{name}' column.");
        int date = Column("date"), store = Column("store_number"), item = Column("item_number"), bottles = Column("bottles_sold");

        var observations = new List<DemandObservation>();
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var last = DateOnly.MinValue;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0)
            {
                continue;
            }

            // The file's fields hold no commas (numbers, ISO dates and ids), so a plain split is exact.
            var fields = line.Split(',');
            var day = DateOnly.ParseExact(fields[date], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var key = fields[store] + "/" + fields[item];
            // One string per key keeps a few hundred thousand rows from holding as many copies.
            if (!keys.TryGetValue(key, out var shared))
            {
                keys[key] = shared = key;
            }

            observations.Add(new DemandObservation(shared, day, double.Parse(fields[bottles], CultureInfo.InvariantCulture)));
            if (day > last)
            {
                last = day;
            }
        }

        return (observations, last);
    }
}
