using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Operations;

/// <summary>
/// Cluster mode: the grains count the trade in the silo processes, so each silo serves its own /metrics
/// (Metrics__Port) while the Api node, an Orleans client, serves its HTTP series.
/// </summary>
public sealed class SiloMetricsTests
{
    [Fact]
    public async Task A_silo_process_serves_the_trade_counters_of_the_sales_it_recorded()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var dataFolder = Directory.CreateTempSubdirectory("ipf-silo-metrics-").FullName;
        var clusterId = "metrics-" + Guid.NewGuid().ToString("N")[..8];
        await using var silo = await SiloProcess.StartAsync(connectionString, dataFolder, clusterId);
        await using var apiNode = await ProductHost.StartAsync(connectionString, dataFolder, new Dictionary<string, string?>
        {
            ["Orleans:Mode"] = "Client",
            ["Orleans:ClusterId"] = clusterId,
        });
        var signUp = await apiNode.SignUpAsync(links: silo.Links);
        var admin = apiNode.Client(signUp.AdminToken);
        var location = Id(await admin.PostAsync("/api/v1/locations", new { name = "Main Bar", timezone = "America/Chicago", city = "Des Moines", state = "IA" }));
        var gin = Id(await admin.PostAsync("/api/v1/products", new { sku = "GIN-750", name = "Tanqueray", category = "spirits", sizeMl = 750, abv = 47.3m, cost = 18m, price = 26m }));
        Id(await admin.PostAsync("/api/v1/inventory/items", new { locationId = location, productId = gin, quantity = 12, parLevel = 2 }));

        (await admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, items = new[] { new { productId = gin, quantity = 3 } } }))
            .ShouldSucceed(HttpStatusCode.Created);

        var (status, _, text) = await silo.MetricsClient().GetTextAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, status);
        var scrape = PrometheusText.Parse(text);
        Assert.Equal(1, scrape.Value("ipf_sales_lines_total"));
        Assert.Equal(1, scrape.Value("ipf_stock_counts_total"));
        Assert.Contains(scrape, s => s.Name == "target_info" && s.Labels["service_name"] == "ipf-silo");
        Assert.NotNull(scrape.Value("orleans_grains", ("grain_type", "productatlocation")));
        // The silo serves its metrics and nothing else.
        Assert.Equal(HttpStatusCode.NotFound, (await silo.MetricsClient().GetTextAsync("/api/v1/locations")).Status);
    }

    private static Guid Id(ApiResponse response) => Guid.Parse(response.ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetString()!);
}
