using System.Security.Cryptography.X509Certificates;
using InventoryProFlow.Silo.Transport;
using Microsoft.Extensions.Configuration;

namespace InventoryProFlow.Api.Tests.Security;

/// <summary>The cluster certificate folder (tls.crt, tls.key, ca.crt): how it is made, and what start-up refuses.</summary>
public sealed class ClusterCertificateTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public void A_made_folder_holds_a_certificate_its_authority_issued_and_a_key_only_its_owner_reads()
    {
        var folder = NewFolder();

        Assert.True(ClusterAuthority.CreateUnlessPresent(folder, Now, TimeSpan.FromDays(30)));

        var cluster = ClusterCertificate.Load(folder, keyPassword: null);
        Assert.True(cluster.Certificate.HasPrivateKey);
        Assert.True(cluster.Issued(cluster.Certificate));
        Assert.Single(cluster.Authorities);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, ClusterCertificate.KeyFile)));
        }

        // The authority's private key is nowhere: it can issue no second certificate.
        Assert.Equal(["ca.crt", "tls.crt", "tls.key"], Directory.GetFiles(folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_folder_that_is_there_is_never_made_again()
    {
        var folder = NewFolder();
        ClusterAuthority.CreateUnlessPresent(folder, Now, TimeSpan.FromDays(30));
        var first = File.ReadAllText(Path.Combine(folder, ClusterCertificate.CertificateFile));

        Assert.False(ClusterAuthority.CreateUnlessPresent(folder, Now, TimeSpan.FromDays(30)));
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, ClusterCertificateCommand.Run([ClusterCertificateCommand.Verb, folder], TimeProvider.System, output, error));

        Assert.Equal(first, File.ReadAllText(Path.Combine(folder, ClusterCertificate.CertificateFile)));
        Assert.Contains("is already there and is kept", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_another_authority_issued_stops_start_up()
    {
        var (ours, theirs) = (NewFolder(), NewFolder());
        ClusterAuthority.CreateUnlessPresent(ours, Now, TimeSpan.FromDays(30));
        ClusterAuthority.CreateUnlessPresent(theirs, Now, TimeSpan.FromDays(30));
        File.Copy(Path.Combine(theirs, ClusterCertificate.AuthoritiesFile), Path.Combine(ours, ClusterCertificate.AuthoritiesFile), overwrite: true);

        var refused = Assert.Throws<InvalidOperationException>(() => ClusterCertificate.Load(ours, keyPassword: null));
        Assert.Contains("is not a valid certificate issued by an authority in ca.crt", refused.Message, StringComparison.Ordinal);
        Assert.False(ClusterCertificate.Load(theirs, keyPassword: null).Issued(ClusterCertificateFrom(ours)));
    }

    [Fact]
    public void A_certificate_past_its_end_is_refused()
    {
        var folder = NewFolder();
        ClusterAuthority.CreateUnlessPresent(folder, Now.AddDays(-30), TimeSpan.FromDays(1));

        var refused = Assert.Throws<InvalidOperationException>(() => ClusterCertificate.Load(folder, keyPassword: null));
        Assert.Contains("tls.crt", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_its_key_names_the_missing_file()
    {
        var folder = NewFolder();
        ClusterAuthority.CreateUnlessPresent(folder, Now, TimeSpan.FromDays(30));
        File.Delete(Path.Combine(folder, ClusterCertificate.KeyFile));

        var refused = Assert.Throws<InvalidOperationException>(() => ClusterCertificate.Load(folder, keyPassword: null));
        Assert.Contains($"{folder} has no tls.key", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Kubernetes_pod_without_a_certificate_folder_stops_instead_of_making_its_own()
    {
        var data = Directory.CreateTempSubdirectory("ipf-k8s-").FullName;
        var pod = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["KUBERNETES_SERVICE_HOST"] = "10.96.0.1",
            ["POD_NAME"] = "ipf-silo-0",
            ["POD_NAMESPACE"] = "ipf",
            ["POD_IP"] = "10.1.2.3",
            ["IPF_DATA_DIR"] = data,
        }).Build();

        var refused = Assert.Throws<InvalidOperationException>(() => ClusterTls.Certificate(pod, TimeProvider.System));
        Assert.Contains(ClusterTls.FolderSetting, refused.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(data));
    }

    [Fact]
    public void The_verb_answers_its_usage_for_a_bad_number_of_days_and_writes_nothing()
    {
        var folder = NewFolder();
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(2, ClusterCertificateCommand.Run([ClusterCertificateCommand.Verb, folder, "0"], TimeProvider.System, output, error));
        Assert.Equal(2, ClusterCertificateCommand.Run([ClusterCertificateCommand.Verb, folder, "ten"], TimeProvider.System, output, error));

        Assert.Contains("usage: cluster-certificate FOLDER [DAYS]", error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    private static X509Certificate2 ClusterCertificateFrom(string folder) =>
        X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(folder, ClusterCertificate.CertificateFile)));

    private static string NewFolder() => Path.Combine(Directory.CreateTempSubdirectory("ipf-cluster-tls-").FullName, "cluster-tls");
}
