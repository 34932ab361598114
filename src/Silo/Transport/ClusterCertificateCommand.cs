using System.Globalization;

namespace InventoryProFlow.Silo.Transport;

/// <summary>
/// The `cluster-certificate FOLDER [DAYS]` verb: makes a cluster certificate folder (a new authority and the one
/// certificate it issues, valid DAYS days, 365 by default) for an operator to hand to every node, as a Kubernetes
/// Secret or a mounted folder. An existing folder is left as it is.
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
        if (!ClusterAuthority.CreateUnlessPresent(folder, time.GetUtcNow(), TimeSpan.FromDays(days)))
        {
            error.WriteLine($"{folder} already exists; a cluster certificate is never overwritten. Name a new folder.");
            return 1;
        }

        var made = ClusterCertificate.Load(folder, keyPassword: null);
        output.WriteLine($"Wrote {ClusterCertificate.CertificateFile}, {ClusterCertificate.KeyFile} and {ClusterCertificate.AuthoritiesFile} to {folder}: " +
            $"{made.Certificate.Subject}, issued by {made.Certificate.Issuer}, valid until {made.Certificate.NotAfter.ToUniversalTime():u}.");
        return 0;
    }
}
