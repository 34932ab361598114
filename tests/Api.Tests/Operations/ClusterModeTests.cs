using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Operations;

/// <summary>Cluster mode: a silo joins through ADO.NET clustering on PostgreSQL, and an Api node without a silo serves through it.</summary>
public sealed class ClusterModeTests
{
    [Fact]
    public async Task An_Api_node_in_client_mode_serves_through_a_silo_found_in_the_membership_table()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var dataFolder = Directory.CreateTempSubdirectory("ipf-cluster-").FullName;
        var clusterId = "cluster-" + Guid.NewGuid().ToString("N")[..8];
        await using var silo = await ProductHost.StartAsync(connectionString, dataFolder, new Dictionary<string, string?>
        {
            ["Orleans:Mode"] = "Cluster",
            ["Orleans:ClusterId"] = clusterId,
            ["IPF_ADMIN_EMAIL"] = "cluster.admin@example.com",
        });
        await using var apiNode = await ProductHost.StartAsync(connectionString, dataFolder, new Dictionary<string, string?>
        {
            ["Orleans:Mode"] = "Client",
            ["Orleans:ClusterId"] = clusterId,
        });

        var login = (await apiNode.Client().PostAsync("/api/v1/auth/login", new { email = "cluster.admin@example.com", password = "Bootstrap-Admin-1" })).ShouldSucceed();
        var token = login.Data.GetProperty("accessToken").GetString();
        (await apiNode.Client(token).PostAsync("/api/v1/suppliers", new { name = "Johnson Brothers" })).ShouldSucceed(HttpStatusCode.Created);

        Assert.Null(apiNode.Report);
        Assert.Equal(1L, await silo.Database.ScalarAsync<long>(
            "SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = @cluster AND status = 3", ("cluster", clusterId)));
        Assert.Equal(1, (await silo.Client(token).GetAsync("/api/v1/suppliers")).ShouldSucceed().Data.GetProperty("items").GetArrayLength());
        // A page crosses the wire from silo to client here, by its type alias: a generic one must name its arity.
        Assert.Equal(1, (await apiNode.Client(token).GetAsync("/api/v1/suppliers")).ShouldSucceed().Data.GetProperty("items").GetArrayLength());
        Assert.Equal("healthy", (await apiNode.Client().GetAsync("/health/ready")).Body.GetProperty("status").GetString());
        // Orleans' tables are reached through a pool of their own, named apart from the product's.
        Assert.True(await silo.Database.ScalarAsync<long>(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'ipf-orleans'") > 0);
    }
}
