using InventoryProFlow.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace InventoryProFlow.Silo.Hosting;

/// <summary>
/// The `rotate-kek` verb: reseals every secret in the database with the current key-encryption key (the last entry
/// of Secrets__KeyEncryptionKeyFile or Secrets__KeyEncryptionKey), straight in PostgreSQL (no silo needed). Older KEKs
/// must still be configured so their secrets open; once it reports none in use, they can be removed.
/// </summary>
public static class KekRotation
{
    public const string Verb = "rotate-kek";

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        var report = await services.GetRequiredService<SealedSecrets>().ResealAsync();
        await output.WriteLineAsync($"Resealed {report.Resealed} secrets with the key-encryption key {report.CurrentKekId}.");
        await output.WriteLineAsync(report.OlderKekIdsInUse.Count == 0
            ? "No secret needs an older key-encryption key: they can be removed from the KEK file or value."
            : $"Secrets written meanwhile still use {string.Join(", ", report.OlderKekIdsInUse)}: run this again once every node has the new key.");
        return 0;
    }
}
