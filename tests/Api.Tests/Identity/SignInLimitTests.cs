using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Identity;

/// <summary>
/// Five sign-in attempts a minute per account and per client address, and five sign-ups a minute per address, on a
/// host that trusts loopback as its proxy: each request names its client in X-Forwarded-For. The limits' clock stands
/// in the middle of a minute, so no window ends while a test counts.
/// </summary>
public sealed class SignInLimitTests(SignInLimitTests.Host host) : IClassFixture<SignInLimitTests.Host>
{
    private const string Login = "/api/v1/auth/login";
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task The_sixth_attempt_for_one_email_within_a_minute_is_refused_with_the_headers_even_with_the_right_password()
    {
        var owner = await host.Product.SignUpAsync("192.0.2.1");
        var now = host.Clock.GetUtcNow();
        var reset = RateLimitExpectations.WindowEnd(now, Minute);
        // Following the sign-up's link was the first sign-in; a refused one must not be recorded after it.
        var signedInAt = await host.Product.Database.ScalarAsync<DateTime?>("SELECT last_login_at FROM app.users WHERE email = @email", ("email", owner.AdminEmail));

        for (var attempt = 0; attempt < 5; attempt++)
        {
            // A new address each time: only the account's allowance runs down.
            (await host.Product.ClientFrom($"198.51.100.{10 + attempt}").PostAsync(Login, new { email = owner.AdminEmail, password = "Wrong-Pass-1" }))
                .ShouldFail(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS")
                .ShouldShowLimit(5, 4 - attempt, reset);
        }

        var refused = (await host.Product.ClientFrom("198.51.100.20").PostAsync(Login, new { email = owner.AdminEmail.ToUpperInvariant(), password = Tenant.Password }))
            .ShouldBeRateLimited(5, reset, now);
        Assert.Contains("at most 5 a minute for one account", refused.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(signedInAt, await host.Product.Database.ScalarAsync<DateTime?>("SELECT last_login_at FROM app.users WHERE email = @email", ("email", owner.AdminEmail)));

        var other = await host.Product.SignUpAsync("192.0.2.2");
        (await host.Product.ClientFrom("198.51.100.21").PostAsync(Login, new { email = other.AdminEmail, password = Tenant.Password }))
            .ShouldSucceed()
            .ShouldShowLimit(5, 4, reset);

        host.Clock.Advance(Minute);
        (await host.Product.ClientFrom("198.51.100.22").PostAsync(Login, new { email = owner.AdminEmail, password = Tenant.Password }))
            .ShouldSucceed()
            .ShouldShowLimit(5, 4, reset + Minute);
    }

    [Fact]
    public async Task The_sixth_attempt_from_one_forwarded_address_is_refused_and_another_address_is_served()
    {
        var now = host.Clock.GetUtcNow();
        var reset = RateLimitExpectations.WindowEnd(now, Minute);
        var guesser = host.Product.ClientFrom("203.0.113.50");

        for (var attempt = 0; attempt < 5; attempt++)
        {
            (await guesser.PostAsync(Login, new { email = $"nobody-{Guid.NewGuid():N}@example.com", password = "Guess-Pass-1" }))
                .ShouldFail(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS")
                .ShouldShowLimit(5, 4 - attempt, reset);
        }

        var refused = (await guesser.PostAsync(Login, new { email = $"nobody-{Guid.NewGuid():N}@example.com", password = "Guess-Pass-1" }))
            .ShouldBeRateLimited(5, reset, now);
        Assert.Contains("at most 5 a minute from one address", refused.ErrorMessage, StringComparison.Ordinal);

        // Whatever a client writes into X-Forwarded-For itself, the trusted proxy appends the address it saw, and only that is believed.
        (await host.Product.ClientFrom("203.0.113.50, 203.0.113.51").PostAsync(Login, new { email = $"nobody-{Guid.NewGuid():N}@example.com", password = "Guess-Pass-1" }))
            .ShouldFail(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS")
            .ShouldShowLimit(5, 4, reset);
    }

    [Fact]
    public async Task Addresses_of_one_IPv6_slash_56_share_one_allowance()
    {
        var now = host.Clock.GetUtcNow();
        var reset = RateLimitExpectations.WindowEnd(now, Minute);

        // Each attempt from another /64 of the same /56 (2001:db8:5:700::/56).
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            (await host.Product.ClientFrom($"2001:db8:5:7{attempt:x}0::1").PostAsync(Login, new { email = $"nobody-{Guid.NewGuid():N}@example.com", password = "Guess-Pass-1" }))
                .ShouldFail(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS")
                .ShouldShowLimit(5, 5 - attempt, reset);
        }

        (await host.Product.ClientFrom("2001:db8:5:7ff:ffff:ffff:ffff:ffff").PostAsync(Login, new { email = $"nobody-{Guid.NewGuid():N}@example.com", password = "Guess-Pass-1" }))
            .ShouldBeRateLimited(5, reset, now);
        (await host.Product.ClientFrom("2001:db8:5:800::1").PostAsync(Login, new { email = $"nobody-{Guid.NewGuid():N}@example.com", password = "Guess-Pass-1" }))
            .ShouldFail(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS")
            .ShouldShowLimit(5, 4, reset);
    }

    [Fact]
    public async Task The_sixth_sign_up_from_one_address_within_a_minute_is_refused_and_writes_nothing()
    {
        var now = host.Clock.GetUtcNow();
        var reset = RateLimitExpectations.WindowEnd(now, Minute);
        var signUps = host.Product.ClientFrom("203.0.113.60");

        for (var attempt = 0; attempt < 5; attempt++)
        {
            // Refused bodies count: each attempt is one the client made.
            (await signUps.PostAsync("/api/v1/auth/register", new { organizationName = "Bar", businessType = "bar", email = $"x-{attempt}@example.com" }))
                .ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED")
                .ShouldShowLimit(5, 4 - attempt, reset);
        }

        var email = $"owner-{Guid.NewGuid():N}@example.com";
        var before = await host.Product.Database.CountsAsync();
        (await signUps.PostAsync("/api/v1/auth/register", new
        {
            organizationName = "Sixth Bar",
            businessType = "bar",
            email,
            password = Tenant.Password,
            firstName = "Olive",
            lastName = "Owner",
        })).ShouldBeRateLimited(5, reset, now);

        Assert.Equal(before, await host.Product.Database.CountsAsync());
        Assert.Equal(0L, await host.Product.Database.ScalarAsync<long>("SELECT count(*) FROM app.users WHERE email = @email", ("email", email)));
    }

    [Fact]
    public async Task A_malformed_sign_in_is_answered_400_before_it_is_counted()
    {
        var now = host.Clock.GetUtcNow();
        var client = host.Product.ClientFrom("203.0.113.70");

        (await client.SendRawAsync(HttpMethod.Post, Login, "{\"email\": ")).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        (await client.PostAsync(Login, new { email = $"nobody-{Guid.NewGuid():N}@example.com", password = "Guess-Pass-1" }))
            .ShouldFail(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS")
            .ShouldShowLimit(5, 4, RateLimitExpectations.WindowEnd(now, Minute));
    }

    /// <summary>One product for the class, loopback its only trusted proxy, the limits at their defaults.</summary>
    public sealed class Host : IAsyncLifetime
    {
        public TestClock Clock { get; } = TestClock.Standing(new DateTimeOffset(2026, 3, 2, 15, 0, 30, TimeSpan.Zero));

        public ProductHost Product { get; private set; } = null!;

        public async Task InitializeAsync() => Product = await ProductHost.StartAsync(
            settings: new Dictionary<string, string?>
            {
                ["Api:KnownProxies"] = "127.0.0.1",
                // The product's defaults (the suite's host lifts them).
                ["RateLimits:SignInAttemptsPerMinute"] = null,
                ["RateLimits:StarterCallsPerHour"] = null,
            },
            clock: Clock);

        public async Task DisposeAsync() => await Product.DisposeAsync();
    }
}
