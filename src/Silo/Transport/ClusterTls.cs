using InventoryProFlow.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.Connections.Security;
using Orleans.Hosting;

namespace InventoryProFlow.Silo.Transport;

/// <summary>
/// Mutual TLS on the cluster's own ports (Microsoft.Orleans.Connections.Security): silo to silo, and Api node to a
/// silo's gateway. Both ends present the cluster certificate and accept only one the cluster's authority issued, so
/// a process that merely reaches a port can neither call a grain nor join as a silo. Configuration section
/// "Orleans:Tls"; without <c>CertificateFolder</c> the folder is <c>cluster-tls</c> in the data folder, made on first
/// use, which every process of one machine shares (`make run`, `make cluster`, the tests).
/// </summary>
public static class ClusterTls
{
    public const string FolderSetting = "Orleans:Tls:CertificateFolder";
    public const string KeyPasswordSetting = "Orleans:Tls:KeyPassword";

    // A certificate made on first use serves a development machine; production ones come from the operator (docs/OPERATIONS.md).
    private static readonly TimeSpan MadeOnFirstUseLifetime = TimeSpan.FromDays(3650);

    /// <summary>The certificate this process presents and the authorities it trusts, from configuration.</summary>
    public static ClusterCertificate Certificate(IConfiguration configuration, TimeProvider time)
    {
        var folder = configuration[FolderSetting];
        if (string.IsNullOrWhiteSpace(folder))
        {
            if (KubernetesPod.Detected(configuration))
            {
                // A pod that made its own would be refused by every other: say so at start instead.
                throw new InvalidOperationException(
                    $"{FolderSetting} is not set. In Kubernetes every pod mounts the cluster certificate from the Secret ipf-cluster-tls (deploy/k8s, docs/OPERATIONS.md \"Cluster certificate\").");
            }

            folder = Path.Combine(ProductDataFolder.From(configuration), "cluster-tls");
            ClusterAuthority.CreateUnlessPresent(folder, time.GetUtcNow(), MadeOnFirstUseLifetime);
        }

        return ClusterCertificate.Load(folder, configuration[KeyPasswordSetting]);
    }

    public static ISiloBuilder UseClusterTls(this ISiloBuilder silo, ClusterCertificate cluster) =>
        silo.UseTls(cluster.Certificate, options => Require(options, cluster));

    public static IClientBuilder UseClusterTls(this IClientBuilder client, ClusterCertificate cluster) =>
        client.UseTls(cluster.Certificate, options => Require(options, cluster));

    private static void Require(TlsOptions options, ClusterCertificate cluster)
    {
        // Both ends show a certificate: a caller without one is refused, and so is a listener without one.
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        // Silos are reached by IP address, which no certificate names: being issued by the cluster's authority is the identity.
        options.RemoteCertificateValidation = (certificate, _, _) => cluster.Issued(certificate);
    }
}
