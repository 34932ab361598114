using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Operations;

/// <summary>
/// /metrics trusts loopback because a scraper on the same machine is the operator's. A reverse proxy on the same machine
/// also connects from loopback, for anyone on the internet: when it is not a known proxy, the X-Forwarded-For it adds is
/// the sign, and such a request is judged by Metrics:AllowedNetworks alone, never as local.
/// </summary>
[Collection(SharedProduct.Collection)]
public sealed class MetricsBehindProxyTests(SharedProduct product)
{
    [Fact]
    public async Task A_request_proxied_from_loopback_is_not_trusted_as_local_and_a_direct_local_scrape_is()
    {
        var proxied = await product.Host.ClientFrom("203.0.113.9").GetTextAsync("/metrics");
        var proxiedLocal = await product.Host.ClientFrom("127.0.0.1").GetTextAsync("/metrics");
        var direct = await product.Host.Client().GetTextAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, proxied.Status);
        Assert.DoesNotContain("target_info", proxied.Text, StringComparison.Ordinal);
        // The header says who the proxy served, and a proxy passes on what its client wrote there: no form of it is local.
        Assert.Equal(HttpStatusCode.NotFound, proxiedLocal.Status);
        Assert.Equal(HttpStatusCode.OK, direct.Status);
        Assert.Contains("target_info", direct.Text, StringComparison.Ordinal);
    }
}
