using InventoryProFlow.Contracts.Webhooks;
using Microsoft.Extensions.Configuration;

namespace InventoryProFlow.Grains.Webhooks;

/// <summary>
/// What keeps one organisation's webhooks from slowing another's (configuration section "Webhooks"): how many
/// webhooks an organisation may have, how many deliveries a silo has in flight at once and how many of those one
/// organisation may hold, and the circuit breaker (after <see cref="CircuitFailures"/> failures in a row a webhook
/// rests for <see cref="CircuitOpenFor"/>, then one probe decides).
/// </summary>
public sealed record WebhookLimits(int MaxPerOrganization, int MaxInFlight, int MaxInFlightPerOrganization, int CircuitFailures, TimeSpan CircuitOpenFor)
{
    public static WebhookLimits Default { get; } = new(25, 32, 4, 5, TimeSpan.FromMinutes(1));

    public static WebhookLimits From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Webhooks");
        return new WebhookLimits(
            Positive(section, "MaxPerOrganization", Default.MaxPerOrganization),
            Positive(section, "MaxInFlight", Default.MaxInFlight),
            Positive(section, "MaxInFlightPerOrganization", Default.MaxInFlightPerOrganization),
            Positive(section, "CircuitFailures", Default.CircuitFailures),
            TimeSpan.FromSeconds(Positive(section, "CircuitOpenSeconds", (int)Default.CircuitOpenFor.TotalSeconds)));
    }

    /// <summary>How a webhook's circuit stands at <paramref name="now"/>: closed, open (resting), or halfOpen (its next delivery is the probe).</summary>
    public string Circuit(int failures, DateTime? openUntil, DateTime now) =>
        failures < CircuitFailures ? WebhookCircuits.Closed
        : openUntil > now ? WebhookCircuits.Open
        : WebhookCircuits.HalfOpen;

    private static int Positive(IConfigurationSection section, string name, int fallback)
    {
        var value = section.GetValue(name, fallback);
        return value > 0 ? value : throw new InvalidOperationException($"Webhooks:{name} is {value}: use a whole number above 0.");
    }
}
