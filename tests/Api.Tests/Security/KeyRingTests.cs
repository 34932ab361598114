using System.Security.Cryptography;
using InventoryProFlow.Api.Identity;
using InventoryProFlow.Contracts.Identity;
using InventoryProFlow.Grains.Identity;

namespace InventoryProFlow.Api.Tests.Security;

/// <summary>Which keys sign and verify as a rotation ages: pure timing, no host.</summary>
public sealed class KeyRingTests
{
    private static readonly TimeSpan Publication = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(60.5);
    private static readonly DateTime Rotated = new(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_new_key_verifies_at_once_signs_after_publication_and_the_old_one_retires_after_a_token_lifetime()
    {
        var old = Key(Rotated.AddDays(-90));
        var rotated = Key(Rotated);

        var justRotated = KeyRing.From([old, rotated], Rotated.AddSeconds(1), Publication, TokenLifetime, previous: null);
        Assert.Equal(old.KeyId, justRotated.Signer.Key.KeyId);
        Assert.Equal([old.KeyId, rotated.KeyId], justRotated.Verifiers.Select(k => k.KeyId));

        var published = KeyRing.From([old, rotated], Rotated + Publication, Publication, TokenLifetime, justRotated);
        Assert.Equal(rotated.KeyId, published.Signer.Key.KeyId);
        Assert.Equal([old.KeyId, rotated.KeyId], published.Verifiers.Select(k => k.KeyId));

        var lastOldToken = KeyRing.From([old, rotated], Rotated + Publication + TokenLifetime - TimeSpan.FromSeconds(1), Publication, TokenLifetime, published);
        Assert.Contains(old.KeyId, lastOldToken.Verifiers.Select(k => k.KeyId));

        var retired = KeyRing.From([old, rotated], Rotated + Publication + TokenLifetime, Publication, TokenLifetime, lastOldToken);
        Assert.Equal([rotated.KeyId], retired.Verifiers.Select(k => k.KeyId));
        Assert.Equal(rotated.KeyId, retired.Signer.Key.KeyId);
    }

    [Fact]
    public void A_single_key_signs_and_verifies_from_the_start()
    {
        var only = Key(Rotated);
        var ring = KeyRing.From([only], Rotated, Publication, TokenLifetime, previous: null);
        Assert.Equal(only.KeyId, ring.Signer.Key.KeyId);
        Assert.Equal([only.KeyId], ring.Verifiers.Select(k => k.KeyId));
    }

    private static SigningKey Key(DateTime createdAt)
    {
        using var rsa = RSA.Create(2048);
        return SigningKeyStore.Describe(rsa.ExportPkcs8PrivateKeyPem(), createdAt);
    }
}
