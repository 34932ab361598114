using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace InventoryProFlow.Api.Tests.Identity;

/// <summary>
/// Two Api nodes, each with its own co-hosted silo, in one cluster: a limit counted in one node's memory would let
/// each node serve the whole allowance. Requests alternate between the nodes, and the allowance holds in total.
/// </summary>
public sealed class RateLimitClusterTests
{
    [Fact]
    public async Task Calls_and_sign_in_attempts_alternating_between_two_nodes_share_one_allowance()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var dataFolder = Directory.CreateTempSubdirectory("ipf-limits-").FullName;
        var clock = TestClock.Standing(new DateTimeOffset(2026, 3, 2, 15, 20, 30, TimeSpan.Zero));
        var settings = new Dictionary<string, string?>
        {
            ["Orleans:Mode"] = "Cluster",
            ["Orleans:ClusterId"] = "limits-" + Guid.NewGuid().ToString("N")[..8],
            ["RateLimits:StarterCallsPerHour"] = "4",
            ["RateLimits:SignInAttemptsPerMinute"] = "3",
        };
        await using var first = await ProductHost.StartAsync(connectionString, dataFolder, settings, clock: clock);
        await using var second = await ProductHost.StartAsync(connectionString, dataFolder, settings, clock: clock);
        await BothSilosSeeEachOther(first, second);
        ProductHost[] nodes = [first, second];
        var now = clock.GetUtcNow();

        var owner = await first.SignUpAsync();
        var hourEnd = RateLimitExpectations.WindowEnd(now, TimeSpan.FromHours(1));
        for (var call = 0; call < 4; call++)
        {
            (await nodes[call % 2].Client(owner.AdminToken).GetAsync("/api/v1/suppliers")).ShouldSucceed().ShouldShowLimit(4, 3 - call, hourEnd);
        }

        (await nodes[0].Client(owner.AdminToken).GetAsync("/api/v1/suppliers")).ShouldBeRateLimited(4, hourEnd, now);
        (await nodes[1].Client(owner.AdminToken).GetAsync("/api/v1/suppliers")).ShouldBeRateLimited(4, hourEnd, now);

        var minuteEnd = RateLimitExpectations.WindowEnd(now, TimeSpan.FromMinutes(1));
        for (var attempt = 0; attempt < 3; attempt++)
        {
            (await nodes[attempt % 2].Client().PostAsync("/api/v1/auth/login", new { email = owner.AdminEmail, password = "Wrong-Pass-1" }))
                .ShouldFail(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS")
                .ShouldShowLimit(3, 2 - attempt, minuteEnd);
        }

        (await nodes[1].Client().PostAsync("/api/v1/auth/login", new { email = owner.AdminEmail, password = Tenant.Password }))
            .ShouldBeRateLimited(3, minuteEnd, now);
    }

    // Each silo must know the other before counting starts, or each could place the same grain for itself for a moment.
    private static async Task BothSilosSeeEachOther(params ProductHost[] nodes)
    {
        foreach (var node in nodes)
        {
            await Eventually.Found(
                () => Task.FromResult<string?>(node.Services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.Members.Values
                    .Count(m => m.Status == SiloStatus.Active) == nodes.Length ? "both" : null),
                "both silos active in each silo's view of the cluster");
        }
    }
}
