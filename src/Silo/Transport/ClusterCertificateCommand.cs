using System.Globalization;

namespace InventoryProFlow.Silo.Transport;

/// <summary>
/// The `cluster-certificate FOLDER [DAYS]` verb: makes a cluster certificate folder (a new authority and the one
/// certificate it issues, valid DAYS days, 365 by default) for an operator to hand to every node, as a Kubernetes
/// Secret or a mounted folder. An existing folder is kept as it is, and what it holds is checked.
/// </summary>
public static class ClusterCertificateCommand
{
    public const string Verb = "cluster-certificate";

    public static int Run(IReadOnlyList<string> args, TimeProvider time, TextWriter output, TextWriter error)
    {
        var days = 365;
        if (args.Count is < 2 or > 3 || (args.Count == 3 && (!int.TryParse(args[2], NumberStyles.None, CultureInfo.InvariantCulture, out days) || days is < 1 or > 3650)))
        {
            error.WriteLine($"usage: {Verb} FOLDER [DAYS]  (DAYS from 1 to 3650, default 365)");
            return 2;
        }

        var folder = args[1];
        // Kept, not an error: Compose runs this on every start, and only the first one makes the certificate.
        var what = ClusterAuthority.CreateUnlessPresent(folder, time.GetUtcNow(), TimeSpan.FromDays(days))
            ? $"Wrote {ClusterCertificate.CertificateFile}, {ClusterCertificate.KeyFile} and {ClusterCertificate.AuthoritiesFile} to {folder}"
            : $"{folder} is already there and is kept (a cluster certificate is never overwritten; name a new folder for a new one)";
        var cluster = ClusterCertificate.Load(folder, keyPassword: null);
        output.WriteLine($"{what}: {cluster.Certificate.Subject}, issued by {cluster.Certificate.Issuer}, valid until {cluster.Certificate.NotAfter.ToUniversalTime():u}.");
        return 0;
    }
}
