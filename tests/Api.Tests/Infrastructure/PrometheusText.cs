using System.Globalization;
using System.Text;

namespace InventoryProFlow.Api.Tests.Infrastructure;

/// <summary>One sample of a scrape: the series' name, its labels and its value.</summary>
public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

/// <summary>
/// Reads the Prometheus text exposition format (version 0.0.4) as a scraper does: comments and blank lines skipped,
/// label values unescaped (\\, \", \n), values as floats (NaN, +Inf, -Inf included), an optional timestamp ignored.
/// </summary>
public static class PrometheusText
{
    public static IReadOnlyList<PrometheusSample> Parse(string text)
    {
        var samples = new List<PrometheusSample>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var at = 0;
            while (at < line.Length && line[at] != '{' && line[at] != ' ')
            {
                at++;
            }

            var name = line[..at];
            var labels = new Dictionary<string, string>();
            if (at < line.Length && line[at] == '{')
            {
                at = ReadLabels(line, at + 1, labels);
            }

            var rest = line[at..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(rest.Length is 1 or 2, $"Not a sample line: {line}");
            samples.Add(new PrometheusSample(name, labels, ParseValue(rest[0])));
        }

        return samples;
    }

    /// <summary>The one series of this name carrying these labels (others it may carry too), or null when none does.</summary>
    public static double? Value(this IReadOnlyList<PrometheusSample> samples, string name, params (string Label, string Value)[] labels)
    {
        var matching = samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Label, out var v) && v == l.Value)).ToList();
        Assert.True(matching.Count <= 1, $"{matching.Count} series of {name} match; name more labels.");
        return matching.SingleOrDefault()?.Value;
    }

    private static int ReadLabels(string line, int at, Dictionary<string, string> labels)
    {
        while (line[at] != '}')
        {
            var equals = line.IndexOf('=', at);
            var label = line[at..equals].Trim();
            Assert.Equal('"', line[equals + 1]);
            var value = new StringBuilder();
            var i = equals + 2;
            for (; line[i] != '"'; i++)
            {
                if (line[i] == '\\')
                {
                    i++;
                    value.Append(line[i] switch { 'n' => '\n', var c => c });
                }
                else
                {
                    value.Append(line[i]);
                }
            }

            labels[label] = value.ToString();
            at = i + 1;
            if (line[at] == ',')
            {
                at++;
            }
        }

        return at + 1;
    }

    private static double ParseValue(string text) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}
