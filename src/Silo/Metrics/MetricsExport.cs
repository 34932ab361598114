using System.Net;
using InventoryProFlow.Grains.Operations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace InventoryProFlow.Silo.Metrics;

/// <summary>
/// OpenTelemetry metrics read by a Prometheus scrape: our trade counters, Orleans' own meter, the .NET runtime, and
/// whatever the host adds (the Api adds ASP.NET Core's HTTP meters). Nothing is pushed anywhere; a scrape reads memory.
/// </summary>
public static class MetricsExport
{
    /// <summary>The meter Orleans publishes its silo, client and grain-call instruments under.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    public static IHostApplicationBuilder AddMetricsExport(this IHostApplicationBuilder builder, string service, Action<MeterProviderBuilder>? more = null)
    {
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(service))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(TradeMetrics.MeterName, OrleansMeter)
                    .AddRuntimeInstrumentation()
                    .AddPrometheusExporter(options =>
                    {
                        options.ScrapeEndpointPath = ScrapeAccess.Path;
                        // Only trusted scrapers get this far; each is answered from memory as it is now, not a copy up to 300 ms old.
                        options.ScrapeResponseCacheDurationMilliseconds = 0;
                    });
                more?.Invoke(metrics);
            });
        builder.Services.AddSingleton(provider => ScrapeAccess.From(builder.Configuration));
        return builder;
    }

    /// <summary>
    /// A silo process's metrics, and its endpoint when <c>Metrics:Port</c> names a port (on <c>Metrics:ListenAddress</c>,
    /// loopback unless set); without a port the silo serves no HTTP at all.
    /// </summary>
    public static IHostApplicationBuilder AddSiloMetricsEndpoint(this IHostApplicationBuilder builder)
    {
        builder.AddMetricsExport("ipf-silo");
        if (builder.Configuration.GetValue<int?>(SiloMetricsEndpoint.PortSetting) is not { } port)
        {
            return builder;
        }

        if (port is < 1 or > 65535)
        {
            throw new InvalidOperationException($"{SiloMetricsEndpoint.PortSetting} is {port}: give a TCP port from 1 to 65535, or leave it unset for no metrics endpoint.");
        }

        var configured = builder.Configuration[SiloMetricsEndpoint.ListenAddressSetting];
        var address = string.IsNullOrWhiteSpace(configured) ? IPAddress.Loopback
            : IPAddress.TryParse(configured.Trim(), out var parsed) ? parsed
            : throw new InvalidOperationException($"{SiloMetricsEndpoint.ListenAddressSetting} '{configured}' is not an IP address (0.0.0.0 for every IPv4 interface).");
        builder.Services.AddHostedService(provider => new SiloMetricsEndpoint(provider, address, port));
        return builder;
    }
}
