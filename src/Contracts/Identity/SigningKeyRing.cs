namespace InventoryProFlow.Contracts.Identity;

/// <summary>One RS256 key of the ring, with its private half: it travels only between silos and Api nodes.</summary>
[GenerateSerializer, Immutable, Alias("ipf.SigningKey.v1")]
public sealed record SigningKey(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string PrivateKeyPem,
    [property: Id(2)] DateTime CreatedAt);

/// <summary>The cluster's access-token signing keys (one grain, key "jwt"), oldest first.</summary>
public interface ISigningKeyRingGrain : IGrainWithStringKey
{
    /// <summary>
    /// The ring. When it is empty (a new database), <paramref name="firstKeyPem"/> becomes its first key, so an
    /// installation upgraded from a single configured key keeps its tokens valid.
    /// </summary>
    Task<IReadOnlyList<SigningKey>> Keys(string firstKeyPem);

    /// <summary>Adds a fresh 2048-bit key; it starts signing once every node has had time to learn it.</summary>
    Task<SigningKey> Rotate();
}
