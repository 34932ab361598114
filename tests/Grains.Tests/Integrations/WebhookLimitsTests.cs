using InventoryProFlow.Grains.Webhooks;
using Microsoft.Extensions.Configuration;

namespace InventoryProFlow.Grains.Tests.Integrations;

public sealed class WebhookLimitsTests
{
    private static readonly DateTime Noon = new(2026, 3, 2, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_circuit_is_closed_below_the_failures_open_while_it_rests_and_half_open_after()
    {
        var limits = WebhookLimits.Default;

        Assert.Equal("closed", limits.Circuit(4, null, Noon));
        Assert.Equal("open", limits.Circuit(5, Noon.AddSeconds(1), Noon));
        Assert.Equal("halfOpen", limits.Circuit(5, Noon, Noon));
        Assert.Equal("halfOpen", limits.Circuit(6, Noon.AddMinutes(-1), Noon));
    }

    [Fact]
    public void The_defaults_are_25_webhooks_32_in_flight_4_per_organisation_and_5_failures_for_a_minute()
    {
        var limits = WebhookLimits.From(new ConfigurationBuilder().Build());

        Assert.Equal(new WebhookLimits(25, 32, 4, 5, TimeSpan.FromMinutes(1)), limits);
    }

    [Fact]
    public void A_limit_below_one_is_refused_naming_the_setting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Webhooks:MaxPerOrganization"] = "0" }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => WebhookLimits.From(configuration));

        Assert.Equal("Webhooks:MaxPerOrganization is 0: use a whole number above 0.", error.Message);
    }
}
