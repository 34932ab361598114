using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Identity;

/// <summary>
/// A stolen access token must not become a fast way to guess its owner's password: password changes are limited like
/// sign-in, per client address, before any hash is spent. The limits' clock stands in the middle of a minute.
/// </summary>
public sealed class PasswordChangeLimitTests(PasswordChangeLimitTests.Host host) : IClassFixture<PasswordChangeLimitTests.Host>
{
    private const string Path = "/api/v1/auth/password";

    [Fact]
    public async Task The_sixth_attempt_from_one_address_within_a_minute_is_refused_even_with_the_right_password()
    {
        var owner = await host.Product.SignUpAsync("192.0.2.30");
        var guesser = host.Product.ClientFrom("203.0.113.30", owner.AdminToken);
        var hash = await host.Product.Database.ScalarAsync<string>("SELECT password_hash FROM app.users WHERE email = @e", ("e", owner.AdminEmail));
        for (var attempt = 0; attempt < 5; attempt++)
        {
            (await guesser.PostAsync(Path, new { currentPassword = $"Guess-Pour-{attempt}", newPassword = "Fresh-Pour-Rota-42" }))
                .ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        }

        (await guesser.PostAsync(Path, new { currentPassword = Tenant.Password, newPassword = "Fresh-Pour-Rota-42" }))
            .ShouldFail(HttpStatusCode.TooManyRequests, "RATE_LIMITED");

        Assert.Equal(hash, await host.Product.Database.ScalarAsync<string>("SELECT password_hash FROM app.users WHERE email = @e", ("e", owner.AdminEmail)));
        (await host.Product.ClientFrom("203.0.113.31", owner.AdminToken).PostAsync(Path, new { currentPassword = Tenant.Password, newPassword = "Fresh-Pour-Rota-42" }))
            .ShouldSucceed();
    }

    /// <summary>One product for the class, loopback its only trusted proxy, the sign-in limit at its default of 5.</summary>
    public sealed class Host : IAsyncLifetime
    {
        public TestClock Clock { get; } = TestClock.Standing(new DateTimeOffset(2026, 3, 2, 15, 0, 30, TimeSpan.Zero));

        public ProductHost Product { get; private set; } = null!;

        public async Task InitializeAsync() => Product = await ProductHost.StartAsync(
            settings: new Dictionary<string, string?> { ["Api:KnownProxies"] = "127.0.0.1", ["RateLimits:SignInAttemptsPerMinute"] = null },
            clock: Clock);

        public async Task DisposeAsync() => await Product.DisposeAsync();
    }
}
