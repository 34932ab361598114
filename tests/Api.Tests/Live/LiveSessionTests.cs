using InventoryProFlow.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace InventoryProFlow.Api.Tests.Live;

/// <summary>A live connection lasts as long as the token it opened with, judged by the product's clock.</summary>
public sealed class LiveSessionTests
{
    [Fact]
    public async Task A_live_connection_ends_when_its_token_expires_on_the_products_clock_not_the_machines()
    {
        // Months before the machine's date: by the machine's clock this token expired long ago, by the product's it has 15 minutes.
        var clock = TestClock.Standing(new DateTimeOffset(2026, 5, 4, 21, 0, 0, TimeSpan.Zero));
        await using var host = await ProductHost.StartAsync(clock: clock);
        var owner = await host.SignUpAsync();
        await using var live = await LiveClient.ConnectAsync(host.Address, owner.AdminToken);
        await live.SubscribeOrganizationAsync();

        clock.Advance(TimeSpan.FromMinutes(14));
        await live.SubscribeOrganizationAsync();
        Assert.Equal(HubConnectionState.Connected, live.State);

        clock.Advance(TimeSpan.FromMinutes(2));
        await Eventually.Found(() => Task.FromResult(live.State == HubConnectionState.Disconnected ? "closed" : null), "the connection closed at the token's expiry");
    }
}
