using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using InventoryProFlow.Api.Tests.Infrastructure;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Live;
using InventoryProFlow.Silo.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;

namespace InventoryProFlow.Api.Tests.Security;

/// <summary>
/// The cluster's own ports speak mutual TLS with the cluster certificate: a process that reaches the gateway port
/// without it cannot call a grain (and so cannot read or mint anything through one), and one that reaches the silo
/// port without it cannot open a connection there, as a silo joining the cluster would.
/// </summary>
public sealed class ClusterTlsTests
{
    [Fact]
    public async Task Only_a_holder_of_the_cluster_certificate_can_call_a_grain_through_the_gateway()
    {
        var node = await ClusterNode.StartAsync();
        await using var product = node.Product;

        await AssertRefusedAsync(OrleansClient(node, configure: null));
        // A certificate of another authority is no better than none.
        await AssertRefusedAsync(OrleansClient(node, client => client.UseClusterTls(ForeignCertificate())));

        using var member = OrleansClient(node, client => client.UseClusterTls(node.Certificate));
        await member.StartAsync();
        var hubs = await member.Services.GetRequiredService<IClusterClient>().GetGrain<IHubDirectoryGrain>(GrainKeys.HubDirectoryKey).Live();
        Assert.Single(hubs);
        await member.StopAsync();
    }

    [Fact]
    public async Task Only_a_holder_of_the_cluster_certificate_completes_a_handshake_on_the_silo_port()
    {
        var node = await ClusterNode.StartAsync();
        await using var product = node.Product;

        Assert.False(await SiloPortAcceptsAsync(node, certificate: null));
        Assert.False(await SiloPortAcceptsAsync(node, ForeignCertificate().Certificate));
        Assert.True(await SiloPortAcceptsAsync(node, node.Certificate.Certificate));
    }

    /// <summary>
    /// A raw TLS connection to the silo port, as another silo opens one. With TLS 1.3 the server judges the client's
    /// certificate after the client's side of the handshake is done, so a refusal may arrive only at the first read;
    /// a member that was accepted hears nothing until it sends its preamble, so silence means accepted.
    /// </summary>
    private static async Task<bool> SiloPortAcceptsAsync(ClusterNode node, X509Certificate2? certificate)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, node.SiloPort);
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, (_, presented, _, _) =>
            presented is X509Certificate2 silo && node.Certificate.Issued(silo));
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "silo",
                ClientCertificates = certificate is null ? null : [certificate],
            });
            using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            return await tls.ReadAsync(new byte[1], quiet.Token) > 0;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
        catch (Exception refused) when (refused is AuthenticationException or IOException)
        {
            return false;
        }
    }

    /// <summary>A certificate with the right shape from an authority of its own, as an intruder could make.</summary>
    private static ClusterCertificate ForeignCertificate()
    {
        var folder = Path.Combine(Directory.CreateTempSubdirectory("ipf-foreign-").FullName, "cluster-tls");
        ClusterAuthority.CreateUnlessPresent(folder, DateTimeOffset.UtcNow, TimeSpan.FromDays(1));
        return ClusterCertificate.Load(folder, keyPassword: null);
    }

    /// <summary>
    /// Orleans' client asks the gateway for the cluster's manifest until it answers, so a refused client never finishes
    /// starting: within a bound far beyond what a member needs (it starts in well under a second here), it has not.
    /// </summary>
    private static async Task AssertRefusedAsync(IHost client)
    {
        using (client)
        {
            var started = false;
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var failure = await Record.ExceptionAsync(async () =>
            {
                await client.StartAsync(bound.Token);
                started = true;
                await client.Services.GetRequiredService<IClusterClient>().GetGrain<IHubDirectoryGrain>(GrainKeys.HubDirectoryKey).Live();
            });
            Assert.False(started, $"A client without the cluster certificate got through the gateway (then: {failure?.Message ?? "called a grain"}).");
        }
    }

    /// <summary>An Orleans client of the cluster's ids, pointed straight at one gateway.</summary>
    private static IHost OrleansClient(ClusterNode node, Action<IClientBuilder>? configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client =>
        {
            client.UseStaticClustering(new IPEndPoint(IPAddress.Loopback, node.GatewayPort));
            client.Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (node.ClusterId, "inventory-pro-flow"));
            configure?.Invoke(client);
        });
        return builder.Build();
    }

    /// <summary>One product node in Cluster mode (a co-hosted silo in the membership table) on ports the test knows.</summary>
    private sealed record ClusterNode(ProductHost Product, string ClusterId, int SiloPort, int GatewayPort)
    {
        /// <summary>The certificate the node made in its data folder on first use, as `make run` and `make cluster` do.</summary>
        public ClusterCertificate Certificate { get; } = ClusterCertificate.Load(Path.Combine(Product.DataFolder, "cluster-tls"), keyPassword: null);

        public static async Task<ClusterNode> StartAsync()
        {
            var (clusterId, siloPort, gatewayPort) = ("tls-" + Guid.NewGuid().ToString("N")[..8], Loopback.FreePort(), Loopback.FreePort());
            var product = await ProductHost.StartAsync(settings: new Dictionary<string, string?>
            {
                ["Orleans:Mode"] = "Cluster",
                ["Orleans:ClusterId"] = clusterId,
                ["Orleans:SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
                ["Orleans:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
            });
            return new ClusterNode(product, clusterId, siloPort, gatewayPort);
        }
    }
}
