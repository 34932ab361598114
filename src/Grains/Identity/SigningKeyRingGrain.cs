using InventoryProFlow.Contracts.Identity;

namespace InventoryProFlow.Grains.Identity;

/// <summary>One activation in the cluster, so operators rotating take turns. It answers public halves only.</summary>
public sealed class SigningKeyRingGrain(SigningKeyStore store) : Grain, ISigningKeyRingGrain
{
    public async Task<IReadOnlyList<PublicSigningKey>> PublicKeys() => (await store.Load()).Select(k => k.PublicHalf()).ToList();

    public async Task<PublicSigningKey> Rotate() => (await store.Rotate()).PublicHalf();
}
