namespace InventoryProFlow.Contracts.Identity;

/// <summary>
/// The public half of one RS256 key of the ring (RFC 7517 members, base64url), enough to verify its tokens. Private
/// halves never cross a grain boundary: the Api nodes read them from the database and open them with the KEK.
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.PublicSigningKey.v1")]
public sealed record PublicSigningKey(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string Modulus,
    [property: Id(2)] string Exponent,
    [property: Id(3)] DateTime CreatedAt);

/// <summary>The cluster's access-token signing keys (one grain, key "jwt"): public halves only.</summary>
public interface ISigningKeyRingGrain : IGrainWithStringKey
{
    /// <summary>The public halves of the ring's keys, oldest first, for anyone who verifies our tokens.</summary>
    Task<IReadOnlyList<PublicSigningKey>> PublicKeys();

    /// <summary>Adds a fresh 2048-bit key; it starts signing once every node has had time to learn it.</summary>
    Task<PublicSigningKey> Rotate();
}
