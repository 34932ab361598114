using System.Data.Common;
using System.Net;
using InventoryProFlow.Grains.Storage;
using InventoryProFlow.Silo.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Storage;

namespace InventoryProFlow.Silo.Hosting;

public static class SiloHosting
{
    public const string StorageName = "ipf";

    // The ADO.NET provider itself; grains name StorageName, its outage-aware wrapper.
    private const string AdoNetStorageName = "ipf-adonet";
    private const string Invariant = "Npgsql";

    /// <summary>The PostgreSQL connection string every mode needs; start-up stops here with a clear message without it.</summary>
    public static string PostgresConnectionString(this IConfiguration configuration) =>
        configuration.GetConnectionString("Postgres") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "ConnectionStrings:Postgres is not set. Set ConnectionStrings__Postgres, or start with `make run`, which starts a local PostgreSQL.");

    /// <summary>Hosts a silo in this process: clustering by mode, grain state and reminders in PostgreSQL.</summary>
    public static IHostApplicationBuilder AddInventorySilo(this IHostApplicationBuilder builder)
    {
        var settings = OrleansSettings.From(builder.Configuration);
        var connectionString = builder.Configuration.PostgresConnectionString();
        DbProviderFactories.RegisterFactory(Invariant, NpgsqlFactory.Instance);
        builder.Services.AddGrainServices(connectionString);
        var orleansConnection = ConnectionDefaults.ForOrleans(connectionString);
        var certificate = ClusterTls.Certificate(builder.Configuration, TimeProvider.System);

        builder.UseOrleans(silo =>
        {
            // Even a co-hosted silo listens on its silo and gateway ports, loopback included.
            silo.UseClusterTls(certificate);
            if (settings.Mode == OrleansMode.Embedded)
            {
                silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, serviceId: settings.ServiceId, clusterId: settings.ClusterId);
            }
            else
            {
                silo.UseAdoNetClustering(options =>
                {
                    options.Invariant = Invariant;
                    options.ConnectionString = orleansConnection;
                });
                if (KubernetesPod.Detected(builder.Configuration))
                {
                    // The pod's IP is the advertised address, listening on every interface of the pod.
                    silo.Configure<EndpointOptions>(options => (options.SiloPort, options.GatewayPort) = (settings.SiloPort, settings.GatewayPort));
                    silo.UseKubernetesHosting();
                }
                else
                {
                    silo.ConfigureEndpoints(IPAddress.Parse(settings.AdvertisedAddress), settings.SiloPort, settings.GatewayPort);
                }

                silo.Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = settings.ClusterId;
                    options.ServiceId = settings.ServiceId;
                });
                silo.Configure<ClusterMembershipOptions>(settings.Membership.ApplyTo);
            }

            silo.AddClusterDashboard(builder.Configuration);
            silo.AddIncomingGrainCallFilter<OutageCallFilter>();
            silo.AddAdoNetGrainStorage(AdoNetStorageName, options =>
            {
                options.Invariant = Invariant;
                options.ConnectionString = orleansConnection;
            });
            silo.Services.AddKeyedSingleton<IGrainStorage>(
                StorageName, (services, _) => new OutageAwareGrainStorage(services.GetRequiredKeyedService<IGrainStorage>(AdoNetStorageName)));
            // Grain state as JSON, so an operator can read it with convert_from(payloadbinary, 'UTF8').
            silo.UseSystemTextJsonGrainStorageSerializer();
            silo.UseAdoNetReminderService(options =>
            {
                options.Invariant = Invariant;
                options.ConnectionString = orleansConnection;
            });
            // Compliance checks daily; a shorter check period (tests, demos) needs the floor lowered to match.
            var checkEvery = TimeSpan.FromSeconds(builder.Configuration.GetValue("Compliance:CheckPeriodSeconds", TimeSpan.FromDays(1).TotalSeconds));
            silo.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromTicks(Math.Min(checkEvery.Ticks, options.MinimumReminderPeriod.Ticks)));
        });
        return builder;
    }

    /// <summary>An Api node without a silo: finds the cluster's gateways in the membership table.</summary>
    public static IHostApplicationBuilder AddInventoryClusterClient(this IHostApplicationBuilder builder)
    {
        var settings = OrleansSettings.From(builder.Configuration);
        var orleansConnection = ConnectionDefaults.ForOrleans(builder.Configuration.PostgresConnectionString());
        DbProviderFactories.RegisterFactory(Invariant, NpgsqlFactory.Instance);
        var certificate = ClusterTls.Certificate(builder.Configuration, TimeProvider.System);
        builder.UseOrleansClient(client =>
        {
            client.UseClusterTls(certificate);
            client.UseAdoNetClustering(options =>
            {
                options.Invariant = Invariant;
                options.ConnectionString = orleansConnection;
            });
            client.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = settings.ClusterId;
                options.ServiceId = settings.ServiceId;
            });
            // The client learns of a dead silo's gateway from the table too: as often as the silos read it.
            if (settings.Membership.TableRefreshTimeout is { } refresh)
            {
                client.Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = refresh);
            }
            client.AddClusterDashboard(builder.Configuration);
        });
        return builder;
    }
}
