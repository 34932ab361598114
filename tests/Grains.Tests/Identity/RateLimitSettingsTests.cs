using System.Net;
using InventoryProFlow.Contracts;
using InventoryProFlow.Grains.Identity;
using Microsoft.Extensions.Configuration;

namespace InventoryProFlow.Grains.Tests.Identity;

public sealed class RateLimitSettingsTests
{
    [Fact]
    public void The_defaults_are_five_sign_in_attempts_a_minute_and_1000_5000_and_unlimited_calls_an_hour()
    {
        var settings = RateLimitSettings.From(Configuration([]));

        Assert.Equal(5, settings.SignInAttemptsPerMinute);
        Assert.Equal(1_000, settings.CallsPerHour("starter"));
        Assert.Equal(5_000, settings.CallsPerHour("professional"));
        Assert.Null(settings.CallsPerHour("enterprise"));
        Assert.Equal(1_000, settings.CallsPerHour("a-tier-from-the-future"));
        Assert.Equal(12_000, settings.PosLinesPerMinutePerKey);
        Assert.Equal(30_000, settings.PosLinesPerMinutePerOrganization);
    }

    [Fact]
    public void Configuration_sets_each_limit_or_lifts_it()
    {
        var settings = RateLimitSettings.From(Configuration(new()
        {
            ["RateLimits:SignInAttemptsPerMinute"] = "Unlimited",
            ["RateLimits:StarterCallsPerHour"] = " 20 ",
            ["RateLimits:EnterpriseCallsPerHour"] = "100000",
            ["RateLimits:PosLinesPerMinutePerKey"] = "unlimited",
            ["RateLimits:PosLinesPerMinutePerOrganization"] = "500",
        }));

        Assert.Null(settings.SignInAttemptsPerMinute);
        Assert.Equal(20, settings.StarterCallsPerHour);
        Assert.Equal(5_000, settings.ProfessionalCallsPerHour);
        Assert.Equal(100_000, settings.EnterpriseCallsPerHour);
        Assert.Null(settings.PosLinesPerMinutePerKey);
        Assert.Equal(500, settings.PosLinesPerMinutePerOrganization);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1e3")]
    [InlineData("none")]
    public void A_limit_that_is_not_a_positive_number_or_unlimited_is_refused_naming_the_setting(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => RateLimitSettings.From(Configuration(new() { ["RateLimits:ProfessionalCallsPerHour"] = value })));

        Assert.Equal($"RateLimits:ProfessionalCallsPerHour is '{value}': use a whole number above 0, or 'unlimited'.", error.Message);
    }

    [Fact]
    public void Attempts_are_counted_per_IPv4_address_and_per_IPv6_slash_56()
    {
        Assert.Equal("attempts/login/client/203.0.113.7", GrainKeys.AttemptsByClient("login", IPAddress.Parse("203.0.113.7")));
        Assert.Equal("attempts/login/client/203.0.113.7", GrainKeys.AttemptsByClient("login", IPAddress.Parse("::ffff:203.0.113.7")));
        Assert.Equal("attempts/login/client/2001:db8:1:200::/56", GrainKeys.AttemptsByClient("login", IPAddress.Parse("2001:db8:1:2aa:bbbb:cccc:dddd:eeee")));
        // Every /64 of one subscriber's /56 is the same client; the next /56 is another.
        Assert.Equal(
            GrainKeys.AttemptsByClient("login", IPAddress.Parse("2001:db8:1:200::1")),
            GrainKeys.AttemptsByClient("login", IPAddress.Parse("2001:db8:1:2ff:ffff:ffff:ffff:ffff")));
        Assert.NotEqual(
            GrainKeys.AttemptsByClient("login", IPAddress.Parse("2001:db8:1:200::1")),
            GrainKeys.AttemptsByClient("login", IPAddress.Parse("2001:db8:1:300::1")));
        Assert.Equal("attempts/login/client/unknown", GrainKeys.AttemptsByClient("login", null));
        Assert.Equal(GrainKeys.AttemptsByAccount("login", "Owner@Example.com "), GrainKeys.AttemptsByAccount("login", "owner@example.com"));
        Assert.DoesNotContain("example", GrainKeys.AttemptsByAccount("login", "owner@example.com"), StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
