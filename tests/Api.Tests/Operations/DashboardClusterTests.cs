using System.Net;
using System.Text.Json;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Operations;

/// <summary>An Api node in Client mode serves the dashboard too: it reads the cluster through the silos' collectors.</summary>
public sealed class DashboardClusterTests
{
    [Fact]
    public async Task A_client_mode_Api_node_shows_the_clusters_silos_to_the_operator()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var dataFolder = Directory.CreateTempSubdirectory("ipf-dashboard-cluster-").FullName;
        var clusterId = "dash-" + Guid.NewGuid().ToString("N")[..8];
        await using var silo = await ProductHost.StartAsync(connectionString, dataFolder, new Dictionary<string, string?>
        {
            ["Orleans:Mode"] = "Cluster",
            ["Orleans:ClusterId"] = clusterId,
            ["IPF_ADMIN_EMAIL"] = "cluster.operator@example.com",
        });
        var signedIn = (await silo.Client().PostAsync("/api/v1/auth/login", new { email = "cluster.operator@example.com", password = "Bootstrap-Admin-1" })).ShouldSucceed().Data;
        await using var apiNode = await ProductHost.StartAsync(connectionString, dataFolder, new Dictionary<string, string?>
        {
            ["Orleans:Mode"] = "Client",
            ["Orleans:ClusterId"] = clusterId,
            ["Operations:OperatorOrganizationId"] = signedIn.GetProperty("user").GetProperty("organizationId").GetString(),
        });

        var session = (await apiNode.Client(signedIn.GetProperty("accessToken").GetString()).PostAsync("/api/v1/admin/dashboard/session", new { })).ShouldSucceed();
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = apiNode.Address };
        var cookie = session.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        // The dashboard's collector reads the cluster every few seconds: a fresh node may not have been read yet.
        using var body = await Eventually.Found(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/DashboardCounters") { Headers = { { "Cookie", cookie } } };
            using var counters = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
            var read = JsonDocument.Parse(await counters.Content.ReadAsStringAsync());
            return read.RootElement.GetProperty("totalActiveHostCount").GetInt32() > 0 ? read : null;
        }, "the dashboard's first reading of the cluster");

        // The one silo of the cluster; the Api node is a client, not a silo, so it is not counted.
        Assert.Equal(1, body.RootElement.GetProperty("totalActiveHostCount").GetInt32());
        Assert.Single(body.RootElement.GetProperty("hosts").EnumerateArray());
    }
}
