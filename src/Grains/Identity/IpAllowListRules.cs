using System.Net;
using InventoryProFlow.Grains.Validation;

namespace InventoryProFlow.Grains.Identity;

/// <summary>What makes an IP allow-list valid: every entry a network in strict CIDR notation, at most a hundred.</summary>
public static class IpAllowListRules
{
    public const int MaxEntries = 100;

    /// <summary>The networks in the order given, duplicates dropped; every bad entry is named, by index and text, in one answer.</summary>
    public static IReadOnlyList<IPNetwork> Parse(IReadOnlyList<string?>? entries)
    {
        var violations = new Violations();
        if (entries is null)
        {
            violations.Add("entries", "entries is required: a list of CIDR ranges such as [\"203.0.113.0/24\"], or [] to clear the list.").ThrowIfAny();
        }

        violations.When(entries!.Count > MaxEntries, "entries", $"entries has {entries.Count} ranges; at most {MaxEntries} are allowed: merge neighbouring ranges into wider ones.");
        var networks = new List<IPNetwork>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var text = entries[i]?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                violations.Add($"entries[{i}]", $"entries[{i}] is empty: give an IP address or a CIDR range.");
            }
            else if (!CidrNotation.TryParse(text, out var network, out var problem))
            {
                violations.Add($"entries[{i}]", $"entries[{i}] '{Shown(text)}' {problem}.");
            }
            else if (!networks.Contains(network.Value))
            {
                networks.Add(network.Value);
            }
        }

        violations.ThrowIfAny();
        return networks;
    }

    // An entry is echoed in the answer; a pasted page of text is not.
    private static string Shown(string text) => text.Length <= 64 ? text : text[..61] + "...";
}
