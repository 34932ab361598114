using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;
using InventoryProFlow.Grains.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace InventoryProFlow.Api.Tests.Identity;

/// <summary>
/// A node hashes at most Identity:PasswordHashConcurrency passwords at once (one here, with no wait): a sign-in that finds
/// every slot busy is answered 503 with Retry-After at once instead of queueing behind them.
/// </summary>
public sealed class HashingSlotsTests
{
    [Fact]
    public async Task A_sign_in_that_finds_every_hashing_slot_busy_gets_503_with_retry_after()
    {
        await using var host = await ProductHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Identity:PasswordHashConcurrency"] = "1",
            ["Identity:PasswordHashWaitMilliseconds"] = "0",
        });
        var slots = host.Services.GetRequiredService<HashingSlots>();
        var login = new { email = $"nobody-{Guid.NewGuid():N}@example.com", password = "Guess-Pass-1" };

        using var inside = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        // A long hash, holding the node's only slot.
        var occupant = Task.Run(() => slots.Run(() =>
        {
            inside.Set();
            return release.Wait(TimeSpan.FromSeconds(30));
        }));
        Assert.True(inside.Wait(TimeSpan.FromSeconds(10)));
        ApiResponse busy;
        try
        {
            busy = await host.Client().PostAsync("/api/v1/auth/login", login);
        }
        finally
        {
            release.Set();
            await occupant;
        }

        busy.ShouldFail(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");
        Assert.Equal(TimeSpan.FromSeconds(5), busy.Headers.RetryAfter?.Delta);
        (await host.Client().PostAsync("/api/v1/auth/login", login)).ShouldFail(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
    }
}
