using InventoryProFlow.Grains.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace InventoryProFlow.Silo.Hosting;

/// <summary>
/// The `rotate-signing-key` verb: adds a fresh key to the cluster's signing-key ring, straight in PostgreSQL (no silo
/// needed). Every Api node publishes it within a refresh period and signs with it after two; tokens of the old key
/// stay valid until they expire.
/// </summary>
public static class SigningKeyRotation
{
    public const string Verb = "rotate-signing-key";

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        var key = await services.GetRequiredService<SigningKeyStore>().Rotate();
        await output.WriteLineAsync($"Added signing key {key.KeyId} at {key.CreatedAt:O}; Api nodes sign with it after two refresh periods (Auth__SigningKeyRefreshSeconds).");
        return 0;
    }
}
