using System.Globalization;

namespace InventoryProFlow.Api.Live;

/// <summary>
/// What one user may hold open on the hub (configuration section "Live"): connections per user on one Api node, and
/// subscriptions per connection. Both bound the memory and group bookkeeping a single token can make a node keep.
/// </summary>
public sealed record LiveLimits(int MaxConnectionsPerUser, int MaxSubscriptionsPerConnection)
{
    // Tabs and devices of one person, or a shared bar login on a few tablets; the web app opens one per tab.
    // A manager's dashboard follows every location of the chain on one connection.
    public static LiveLimits Default { get; } = new(20, 200);

    public static LiveLimits From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Live");
        return new LiveLimits(
            Positive(section, nameof(MaxConnectionsPerUser), Default.MaxConnectionsPerUser),
            Positive(section, nameof(MaxSubscriptionsPerConnection), Default.MaxSubscriptionsPerConnection));
    }

    private static int Positive(IConfigurationSection section, string name, int fallback)
    {
        var text = section[name]?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new InvalidOperationException($"Live:{name} is '{text}': use a whole number above 0.");
    }
}
