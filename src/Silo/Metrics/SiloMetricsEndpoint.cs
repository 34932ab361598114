using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace InventoryProFlow.Silo.Metrics;

/// <summary>
/// A <c>src/Silo</c> process has no HTTP of its own, yet its grains count most of the trade and run Orleans: when
/// <c>Metrics:Port</c> is set it serves <c>GET /metrics</c> (nothing else) on that port, to the same readers as the Api's.
/// A small Kestrel of its own, reading this process's meters, so the silo's host stays a plain generic host.
/// </summary>
public sealed class SiloMetricsEndpoint(IServiceProvider services, IPAddress address, int port) : IHostedService, IAsyncDisposable
{
    public const string PortSetting = "Metrics:Port";
    public const string ListenAddressSetting = "Metrics:ListenAddress";

    private WebApplication? _web;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var web = WebApplication.CreateSlimBuilder();
        web.Logging.ClearProviders();
        web.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, port));
        _web = web.Build();
        var access = services.GetRequiredService<ScrapeAccess>();
        _web.MapPrometheusScrapingEndpoint(ScrapeAccess.Path, services.GetRequiredService<MeterProvider>(), branch => branch.Use(access.Guard), optionsName: null);
        await _web.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_web is not null)
        {
            await _web.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_web is not null)
        {
            await _web.DisposeAsync();
        }
    }
}
