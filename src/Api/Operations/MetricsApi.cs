using InventoryProFlow.Silo.Metrics;
using OpenTelemetry.Metrics;

namespace InventoryProFlow.Api.Operations;

/// <summary>
/// <c>GET /metrics</c>: the Prometheus text of this process's meters (HTTP, Orleans, runtime, the trade's counters).
/// For scrapers on loopback or <c>Metrics:AllowedNetworks</c> only; anyone else gets the NOT_FOUND envelope of an unknown path.
/// </summary>
public static class MetricsApi
{
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder routes)
    {
        var access = routes.ServiceProvider.GetRequiredService<ScrapeAccess>();
        // Not a bearer-token endpoint: Prometheus scrapes without one, so the network is the credential.
        routes.MapPrometheusScrapingEndpoint(ScrapeAccess.Path, meterProvider: null, branch => branch.Use(access.Guard), optionsName: null)
            .AllowAnonymous()
            .ExcludeFromDescription();
        return routes;
    }
}
