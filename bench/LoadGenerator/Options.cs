using System.Globalization;
using System.Net;

namespace InventoryProFlow.Bench;

/// <summary>A failure the harness explains in one line, without a stack trace.</summary>
public sealed class BenchException(string message) : Exception(message);

/// <summary>Command-line options (<c>--name value</c>) and the BENCH_* environment the script sets.</summary>
public sealed class Options
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static Options Parse(IEnumerable<string> args)
    {
        var options = new Options();
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (!list[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= list.Count)
            {
                throw new BenchException($"expected --name value, got '{list[i]}'");
            }

            options._values[list[i][2..]] = list[++i];
        }

        return options;
    }

    public string Required(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new BenchException($"--{name} is required");

    public string? Optional(string name) => _values.GetValueOrDefault(name);

    /// <summary>The Api's base address; anything but a loopback address is refused.</summary>
    public Uri BaseAddress() => Loopback("base", Required("base"));

    /// <summary>An Api address given in option <paramref name="name"/>; anything but a loopback address is refused.</summary>
    public static Uri Loopback(string name, string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || !IPAddress.TryParse(uri.Host, out var address) || !IPAddress.IsLoopback(address))
        {
            throw new BenchException($"--{name} must be a loopback IP address such as http://127.0.0.1:PORT, not '{text}'");
        }

        return uri;
    }

    public static int EnvInt(string name, int fallback, int min, int max)
    {
        var text = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new BenchException($"{name} must be an integer from {min} to {max}, not '{text}'");
    }

    public static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
