using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Live;

namespace InventoryProFlow.Api.Tests.Live;

/// <summary>
/// Two Api nodes, each with its own co-hosted silo, in one cluster (ADO.NET clustering on one database):
/// an event leaves the grain through Orleans and reaches the clients of both nodes.
/// </summary>
public sealed class LiveClusterTests
{
    [Fact]
    public async Task Clients_on_both_nodes_hear_a_sale_made_on_either_and_another_organisation_hears_nothing()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var dataFolder = Directory.CreateTempSubdirectory("ipf-live-").FullName;
        var cluster = new Dictionary<string, string?>
        {
            ["Orleans:Mode"] = "Cluster",
            ["Orleans:ClusterId"] = "live-" + Guid.NewGuid().ToString("N")[..8],
        };
        await using var first = await ProductHost.StartAsync(connectionString, dataFolder, cluster);
        await using var second = await ProductHost.StartAsync(connectionString, dataFolder, cluster);

        var owner = await Register(first, "owner");
        var rival = await Register(second, "rival");
        var (location, productId) = await Stocked(first, owner);
        var (rivalLocation, rivalProduct) = await Stocked(second, rival);

        // Both nodes' hubs are in the cluster's list before anyone listens (the list is rebuilt by renewals if it moved as the second silo joined).
        await WhenBothHubsAreListed(first);
        await using var onFirst = await LiveClient.ConnectAsync(first.Address, owner);
        await using var onSecond = await LiveClient.ConnectAsync(second.Address, owner);
        await using var rivalWatcher = await LiveClient.ConnectAsync(first.Address, rival);
        await onFirst.SubscribeAsync(location);
        await onSecond.SubscribeAsync(location);
        await rivalWatcher.SubscribeOrganizationAsync();
        await rivalWatcher.SubscribeAsync(rivalLocation);

        var expected = 20;
        foreach (var (node, till) in new[] { (first, "till-a"), (second, "till-b") })
        {
            expected--;
            var sale = (await node.Client(owner).PostAsync("/api/v1/transactions/sales", new { locationId = location, referenceId = till, items = new[] { new { productId, quantity = 1 } } }))
                .ShouldSucceed(HttpStatusCode.Created);
            var movementId = sale.Data.GetProperty("movementId").GetString();
            foreach (var watcher in new[] { onFirst, onSecond })
            {
                await watcher.NextAsync("sales:new", e => e.GetProperty("movementId").GetString() == movementId);
                await watcher.NextAsync("inventory:updated", e => e.GetProperty("productId").GetString() == productId.ToString() && e.GetProperty("newQuantity").GetInt32() == expected);
            }
        }

        // The rival's own sale arrives, and nothing of the owner's came before it.
        (await second.Client(rival).PostAsync("/api/v1/transactions/sales", new { locationId = rivalLocation, items = new[] { new { productId = rivalProduct, quantity = 1 } } }))
            .ShouldSucceed(HttpStatusCode.Created);
        await rivalWatcher.NextAsync("sales:new", e => e.GetProperty("locationId").GetString() == rivalLocation.ToString());
        Assert.DoesNotContain(rivalWatcher.Heard, h => h.Payload.GetRawText().Contains(location.ToString(), StringComparison.Ordinal));
        Assert.Equal(2L, await first.Database.ScalarAsync<long>(
            "SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = @cluster AND status = 3", ("cluster", cluster["Orleans:ClusterId"]!)));
    }

    private static async Task WhenBothHubsAreListed(ProductHost node)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await node.Grains.GetGrain<IHubDirectoryGrain>(GrainKeys.HubDirectoryKey).Live()).Count < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "The two Api nodes' hubs were not both listed in time.");
            await Task.Delay(100);
        }
    }

    private static async Task<string> Register(ProductHost node, string who) =>
        (await node.SignUpAsync(organizationName: $"{who} bars", email: $"{who}-{Guid.NewGuid():N}@example.com")).AdminToken;

    private static async Task<(Guid Location, Guid Product)> Stocked(ProductHost node, string token)
    {
        var api = node.Client(token);
        var location = Id(await api.PostAsync("/api/v1/locations", new { name = "Main Bar", timezone = "America/Chicago" }));
        var product = Id(await api.PostAsync("/api/v1/products", new { sku = "GIN-750", name = "Tanqueray", category = "spirits", sizeMl = 750, abv = 47.3m, cost = 18m, price = 27m }));
        (await api.PostAsync("/api/v1/inventory/items", new { locationId = location, productId = product, quantity = 20 })).ShouldSucceed(HttpStatusCode.Created);
        return (location, product);
    }

    private static Guid Id(ApiResponse response) => Guid.Parse(response.ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetString()!);
}
