using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace InventoryProFlow.Silo.Transport;

/// <summary>
/// Makes a cluster certificate folder: a new authority (<c>ca.crt</c>) and the one certificate it issues
/// (<c>tls.crt</c>, <c>tls.key</c>), good for both ends of a connection. The authority's private key is never
/// written: it issues this certificate and no other, so only a holder of the folder gets into the cluster.
/// </summary>
public static class ClusterAuthority
{
    // Nodes whose clocks are a little behind the one that made the certificate still accept it.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromHours(1);

    /// <summary>Writes the folder unless it is already there; answers whether it did. Two processes racing both end up reading one folder.</summary>
    public static bool CreateUnlessPresent(string folder, DateTimeOffset now, TimeSpan lifetime)
    {
        if (Directory.Exists(folder))
        {
            return false;
        }

        var parent = Path.GetDirectoryName(Path.GetFullPath(folder))!;
        Directory.CreateDirectory(parent);
        var temporary = Path.Combine(parent, $".{Path.GetFileName(folder)}.{Environment.ProcessId}.tmp");
        CreateDirectoryForOwner(temporary);
        try
        {
            Write(temporary, now, lifetime);
            // A directory renamed whole: a reader sees all three files or none.
            Directory.Move(temporary, folder);
            return true;
        }
        catch (IOException) when (Directory.Exists(folder))
        {
            Directory.Delete(temporary, recursive: true);
            return false;
        }
    }

    private static void Write(string folder, DateTimeOffset now, TimeSpan lifetime)
    {
        var (notBefore, notAfter) = (now - ClockSkew, now + lifetime);
        using var authorityKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var authorityRequest = new CertificateRequest(
            $"CN=Inventory Pro Flow cluster authority {Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}", authorityKey, HashAlgorithmName.SHA256);
        authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        authorityRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        authorityRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(authorityRequest.PublicKey, false));
        using var authority = authorityRequest.CreateSelfSigned(notBefore, notAfter);

        using var memberKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var memberRequest = new CertificateRequest("CN=Inventory Pro Flow cluster member", memberKey, HashAlgorithmName.SHA256);
        memberRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        memberRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        // Every node both listens (server) and connects (client) with the same certificate.
        memberRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        memberRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(memberRequest.PublicKey, false));
        memberRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        using var member = memberRequest.Create(authority, notBefore, notAfter, RandomNumberGenerator.GetBytes(16));

        WriteForOwner(Path.Combine(folder, ClusterCertificate.KeyFile), memberKey.ExportPkcs8PrivateKeyPem());
        WriteForOwner(Path.Combine(folder, ClusterCertificate.CertificateFile), member.ExportCertificatePem());
        WriteForOwner(Path.Combine(folder, ClusterCertificate.AuthoritiesFile), authority.ExportCertificatePem());
    }

    private static void CreateDirectoryForOwner(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    // The mode is the file's from its creation, so the key is never readable by others, not even for a moment.
    private static void WriteForOwner(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, options);
        writer.Write(text);
    }
}
