using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;

namespace InventoryProFlow.Grains.Identity;

/// <summary>
/// Reads a network written as CIDR ("203.0.113.0/24", "2001:db8::/32") or a single address (taken as /32 or /128),
/// strictly: .NET's own parser also accepts "10.1/8" and "010.0.0.1" (octal) and quietly clears host bits, and an
/// allow-list must mean exactly what its admin read when saving it. Says what is wrong in words an admin can act on.
/// </summary>
public static class CidrNotation
{
    /// <summary>
    /// The networks a setting lists: one comma-separated value (an environment variable) or a list (a JSON file,
    /// <c>Name__0</c>). A bad entry stops start-up naming the setting and the entry.
    /// </summary>
    public static List<IPNetwork> ListedIn(IConfiguration configuration, string setting)
    {
        var section = configuration.GetSection(setting);
        var entries = (section.Value is { } joined ? joined.Split(',') : section.GetChildren().Select(c => c.Value ?? string.Empty))
            .Select(e => e.Trim())
            .Where(e => e.Length > 0);
        var networks = new List<IPNetwork>();
        foreach (var entry in entries)
        {
            networks.Add(TryParse(entry, out var network, out var problem)
                ? network.Value
                : throw new InvalidOperationException($"{setting} entry '{entry}' {problem}."));
        }

        return networks;
    }

    public static bool TryParse(string text, [NotNullWhen(true)] out IPNetwork? network, [NotNullWhen(false)] out string? problem)
    {
        network = null;
        var parts = text.Split('/');
        if (parts.Length > 2 || parts[0].Contains('%', StringComparison.Ordinal) || !IPAddress.TryParse(parts[0], out var address))
        {
            problem = "is not an IP address or a CIDR range such as 203.0.113.0/24 or 2001:db8::/32";
            return false;
        }

        var ipv4 = address.AddressFamily == AddressFamily.InterNetwork;
        if (ipv4 && address.ToString() != parts[0])
        {
            problem = "is not an IPv4 address in dotted-decimal form (four numbers from 0 to 255, such as 203.0.113.0/24)";
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            problem = $"is an IPv4 network written as IPv6: write it as IPv4 ({address.MapToIPv4()}/{Math.Max(Prefix(parts, 128) - 96, 0)})";
            return false;
        }

        var widest = ipv4 ? 32 : 128;
        var prefix = Prefix(parts, widest);
        if (prefix < 0 || prefix > widest)
        {
            problem = $"has a prefix length that is not a whole number from 0 to {widest}";
            return false;
        }

        var masked = IPNetwork.Parse($"{address}/{prefix}");
        if (!masked.BaseAddress.Equals(address))
        {
            problem = $"has bits set after its /{prefix} prefix: write {masked} for the network, or {address}/{widest} for the one address";
            return false;
        }

        network = masked;
        problem = null;
        return true;
    }

    // -1 when the length is not plain digits; the widest prefix when none is written (one address).
    private static int Prefix(string[] parts, int widest) =>
        parts.Length == 1 ? widest
        : parts[1].Length is > 0 and <= 3 && parts[1].All(char.IsAsciiDigit) ? int.Parse(parts[1], CultureInfo.InvariantCulture)
        : -1;
}
