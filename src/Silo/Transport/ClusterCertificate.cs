using System.Security.Cryptography.X509Certificates;

namespace InventoryProFlow.Silo.Transport;

/// <summary>
/// The cluster's own certificate: every silo and every Api node presents it on the silo and gateway ports, and
/// accepts a peer only when one of the cluster's authorities issued the peer's certificate. It is read from one
/// folder holding the three files of a Kubernetes TLS Secret: <c>tls.crt</c>, <c>tls.key</c> and <c>ca.crt</c>.
/// </summary>
public sealed record ClusterCertificate(X509Certificate2 Certificate, X509Certificate2Collection Authorities)
{
    public const string CertificateFile = "tls.crt";
    public const string KeyFile = "tls.key";
    public const string AuthoritiesFile = "ca.crt";

    /// <summary>Reads the folder; a missing file, a key that does not match, or a certificate none of the authorities issued stops start-up.</summary>
    public static ClusterCertificate Load(string folder, string? keyPassword)
    {
        foreach (var file in new[] { CertificateFile, KeyFile, AuthoritiesFile })
        {
            if (!File.Exists(Path.Combine(folder, file)))
            {
                throw new InvalidOperationException(
                    $"The cluster certificate folder {folder} has no {file}. It holds tls.crt, tls.key and ca.crt (docs/OPERATIONS.md \"Cluster certificate\").");
            }
        }

        var (certificatePath, keyPath) = (Path.Combine(folder, CertificateFile), Path.Combine(folder, KeyFile));
        var certificate = string.IsNullOrEmpty(keyPassword)
            ? X509Certificate2.CreateFromPemFile(certificatePath, keyPath)
            : X509Certificate2.CreateFromEncryptedPemFile(certificatePath, keyPassword, keyPath);
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(Path.Combine(folder, AuthoritiesFile));
        var cluster = new ClusterCertificate(certificate, authorities);
        if (!cluster.Issued(certificate))
        {
            throw new InvalidOperationException(
                $"{certificatePath} ({certificate.Subject}, valid {certificate.NotBefore:u} to {certificate.NotAfter:u}) is not a valid certificate issued by an authority in {AuthoritiesFile}: the other nodes would refuse it.");
        }

        return cluster;
    }

    /// <summary>Whether one of the cluster's authorities issued <paramref name="peer"/> and it is valid now: the whole test a peer must pass.</summary>
    public bool Issued(X509Certificate2 peer)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(Authorities);
        // The cluster's authority publishes no revocation list: a certificate is withdrawn by taking its authority out of ca.crt.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        return chain.Build(peer);
    }
}
