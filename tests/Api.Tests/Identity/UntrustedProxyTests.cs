using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Identity;

/// <summary>X-Forwarded-For is believed only from a configured proxy; a client cannot pick its own address.</summary>
public sealed class UntrustedProxyTests
{
    [Fact]
    public async Task X_Forwarded_For_from_a_peer_that_is_not_a_known_proxy_is_ignored()
    {
        var clock = TestClock.Standing(new DateTimeOffset(2026, 3, 2, 15, 0, 30, TimeSpan.Zero));
        await using var host = await ProductHost.StartAsync(
            settings: new Dictionary<string, string?>
            {
                // A proxy elsewhere: loopback, where the test calls from, is not one.
                ["Api:KnownProxies"] = "10.9.9.9, 10.10.0.0/16",
                ["RateLimits:SignInAttemptsPerMinute"] = null,
            },
            clock: clock);
        var now = clock.GetUtcNow();
        var reset = RateLimitExpectations.WindowEnd(now, TimeSpan.FromMinutes(1));

        for (var attempt = 0; attempt < 5; attempt++)
        {
            (await host.ClientFrom($"203.0.113.{attempt + 1}").PostAsync("/api/v1/auth/login", new { email = $"nobody-{attempt}@example.com", password = "Guess-Pass-1" }))
                .ShouldFail(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS")
                .ShouldShowLimit(5, 4 - attempt, reset);
        }

        var refused = (await host.ClientFrom("203.0.113.6").PostAsync("/api/v1/auth/login", new { email = "nobody-6@example.com", password = "Guess-Pass-1" }))
            .ShouldBeRateLimited(5, reset, now);
        Assert.Contains("from one address", refused.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.0.0.1/24", "'10.0.0.1/24' has bits set after its /24 prefix: write 10.0.0.0/24")]
    [InlineData("10.0.0.0/33", "'10.0.0.0/33' has a prefix length that is not a whole number from 0 to 32")]
    [InlineData("proxy.internal", "'proxy.internal' is not an IP address or a CIDR range")]
    public async Task A_known_proxy_that_is_not_an_address_or_network_stops_start_up_naming_it(string proxies, string expected)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ProductHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Api:KnownProxies"] = "10.9.9.9," + proxies,
        }));

        Assert.Contains("Api:KnownProxies entry " + expected, error.Message, StringComparison.Ordinal);
    }
}
