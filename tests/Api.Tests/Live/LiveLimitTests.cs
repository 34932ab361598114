using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace InventoryProFlow.Api.Tests.Live;

/// <summary>
/// Hub calls pass the organisation's gate like any signed-in request, and one user holds only so many connections and
/// subscriptions. A host of its own: loopback is its proxy (so a connection can name its address in X-Forwarded-For),
/// professional organisations get 6 calls an hour, a user 2 connections and a connection 2 subscriptions.
/// </summary>
public sealed class LiveLimitTests(LiveLimitTests.Host host) : IClassFixture<LiveLimitTests.Host>
{
    [Fact]
    public async Task Hub_calls_count_against_the_hours_calls_and_are_refused_when_they_run_out()
    {
        var owner = await SignUpAsync("professional");
        var admin = host.Product.Client(owner.AdminToken);
        var reset = RateLimitExpectations.WindowEnd(host.Clock.GetUtcNow(), TimeSpan.FromHours(1));
        var location = Guid.Parse((await admin.PostAsync("/api/v1/locations", new { name = "Main Bar", timezone = "America/Chicago", city = "Des Moines", state = "IA" }))
            .ShouldSucceed(HttpStatusCode.Created).ShouldShowLimit(6, 5, reset).Data.GetProperty("id").GetString()!);

        // Opening the connection is a call (4 left), so are both subscribes (2 left), and the read below (1 left).
        await using var watcher = await LiveClient.ConnectAsync(host.Product.Address, owner.AdminToken);
        await watcher.SubscribeAsync(location);
        await watcher.SubscribeAsync(location);
        (await admin.GetAsync($"/api/v1/organizations/{owner.OrganizationId}")).ShouldSucceed().ShouldShowLimit(6, 1, reset);

        await watcher.SubscribeAsync(location);
        var refused = await Assert.ThrowsAsync<HubException>(() => watcher.SubscribeAsync(location));
        Assert.StartsWith("RATE_LIMITED: Your organisation has made its 6 API calls for this hour (professional tier).", Refusal(refused), StringComparison.Ordinal);
        (await admin.GetAsync($"/api/v1/organizations/{owner.OrganizationId}")).ShouldFail(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
    }

    [Fact]
    public async Task A_hub_call_from_outside_an_enterprise_allow_list_is_refused()
    {
        var owner = await SignUpAsync("enterprise");
        var office = host.Product.ClientFrom("203.0.113.10", owner.AdminToken);
        var list = $"/api/v1/organizations/{owner.OrganizationId}/ip-allowlist";
        (await office.PutAsync(list, new { entries = new[] { "203.0.113.0/24", "198.51.100.7/32" } })).ShouldSucceed();
        var location = Guid.Parse((await office.PostAsync("/api/v1/locations", new { name = "Main Bar", timezone = "America/Chicago", city = "Des Moines", state = "IA" }))
            .ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetString()!);
        await using var away = await LiveClient.ConnectAsync(host.Product.Address, owner.AdminToken, forwardedFor: "198.51.100.7");
        await away.SubscribeAsync(location);

        // The address leaves the list while its connection is open: its next call is refused.
        (await office.PutAsync(list, new { entries = new[] { "203.0.113.0/24" } })).ShouldSucceed();
        var refused = await Assert.ThrowsAsync<HubException>(() => away.SubscribeAsync(location));

        Assert.StartsWith("FORBIDDEN: Your organisation accepts requests only from the networks on its IP allow-list, and 198.51.100.7 is not on it.", Refusal(refused), StringComparison.Ordinal);
        await using var inside = await LiveClient.ConnectAsync(host.Product.Address, owner.AdminToken, forwardedFor: "203.0.113.11");
        await inside.SubscribeAsync(location);
    }

    [Fact]
    public async Task A_user_holds_at_most_two_connections_and_gets_a_place_back_when_one_closes()
    {
        var owner = await SignUpAsync("enterprise");
        var location = Guid.Parse((await host.Product.Client(owner.AdminToken).PostAsync("/api/v1/locations", new { name = "Main Bar", timezone = "America/Chicago", city = "Des Moines", state = "IA" }))
            .ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetString()!);
        var first = await LiveClient.ConnectAsync(host.Product.Address, owner.AdminToken);
        await using var second = await LiveClient.ConnectAsync(host.Product.Address, owner.AdminToken);
        await second.SubscribeOrganizationAsync();

        await using var third = await LiveClient.ConnectAsync(host.Product.Address, owner.AdminToken);
        var closed = await third.ClosedAsync();
        Assert.Contains("RATE_LIMITED: You already have 2 live connections open here, the most one user may.", closed?.Message, StringComparison.Ordinal);
        // Another user of the organisation has places of their own.
        await using var colleague = await LiveClient.ConnectAsync(host.Product.Address, await StaffTokenAsync(owner));
        await colleague.SubscribeAsync(location);

        await first.DisposeAsync();
        // The server lets go of the closed connection in its own time: try until a fourth is kept.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using var fourth = await LiveClient.ConnectAsync(host.Product.Address, owner.AdminToken);
            try
            {
                await fourth.SubscribeOrganizationAsync();
                break;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    [Fact]
    public async Task A_connection_follows_at_most_two_subscriptions()
    {
        var owner = await SignUpAsync("enterprise");
        var admin = host.Product.Client(owner.AdminToken);
        var locations = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            locations.Add(Guid.Parse((await admin.PostAsync("/api/v1/locations", new { name = $"Bar {i}", timezone = "America/Chicago", city = "Des Moines", state = "IA" }))
                .ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetString()!));
        }

        await using var watcher = await LiveClient.ConnectAsync(host.Product.Address, owner.AdminToken);
        await watcher.SubscribeAsync(locations[0]);
        await watcher.SubscribeAsync(locations[1]);
        // Again the same: still two.
        await watcher.SubscribeAsync(locations[1]);

        var refused = await Assert.ThrowsAsync<HubException>(() => watcher.SubscribeAsync(locations[2]));
        Assert.StartsWith("RATE_LIMITED: This connection already follows 2 subscriptions, the most one connection may.", Refusal(refused), StringComparison.Ordinal);
        await Assert.ThrowsAsync<HubException>(watcher.SubscribeOrganizationAsync);

        await watcher.UnsubscribeAsync(locations[0]);
        await watcher.SubscribeAsync(locations[2]);
    }

    // The client prefixes the server's message with its own words.
    private static string Refusal(HubException error) => error.Message[(error.Message.IndexOf("HubException: ", StringComparison.Ordinal) + "HubException: ".Length)..];

    private async Task<SignUp> SignUpAsync(string tier)
    {
        var owner = await host.Product.SignUpAsync();
        // As billing would, before the organisation's first signed-in call, so its gate reads the tier fresh.
        await host.Product.Database.TamperAsync("UPDATE app.organizations SET subscription_tier = @tier WHERE id = @id", ("tier", tier), ("id", owner.OrganizationId));
        return owner;
    }

    private async Task<string> StaffTokenAsync(SignUp owner)
    {
        var email = $"staff-{Guid.NewGuid():N}@example.com";
        (await host.Product.Client(owner.AdminToken).PostAsync("/api/v1/users", new { email, password = Tenant.Password, firstName = "Pat", lastName = "Staff", role = "staff" }))
            .ShouldSucceed(HttpStatusCode.Created);
        await host.Product.AcceptInvitationAsync(email, password: null);
        return (await host.Product.Client().PostAsync("/api/v1/auth/login", new { email, password = Tenant.Password }))
            .ShouldSucceed().Data.GetProperty("accessToken").GetString()!;
    }

    public sealed class Host : IAsyncLifetime
    {
        public TestClock Clock { get; } = TestClock.Standing(new DateTimeOffset(2026, 3, 2, 15, 20, 0, TimeSpan.Zero));

        public ProductHost Product { get; private set; } = null!;

        public async Task InitializeAsync() => Product = await ProductHost.StartAsync(
            settings: new Dictionary<string, string?>
            {
                ["Api:KnownProxies"] = "127.0.0.1",
                ["RateLimits:ProfessionalCallsPerHour"] = "6",
                ["Live:MaxConnectionsPerUser"] = "2",
                ["Live:MaxSubscriptionsPerConnection"] = "2",
            },
            clock: Clock);

        public async Task DisposeAsync() => await Product.DisposeAsync();
    }
}
