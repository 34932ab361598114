using InventoryProFlow.Contracts.Identity;

namespace InventoryProFlow.Grains.Identity;

/// <summary>One activation in the cluster, so two nodes seeding an empty ring, or an operator rotating, take turns.</summary>
public sealed class SigningKeyRingGrain(SigningKeyStore store) : Grain, ISigningKeyRingGrain
{
    public async Task<IReadOnlyList<SigningKey>> Keys(string firstKeyPem)
    {
        var keys = await store.Load();
        return keys.Count > 0 ? keys : await store.Seed(firstKeyPem);
    }

    public Task<SigningKey> Rotate() => store.Rotate();
}
