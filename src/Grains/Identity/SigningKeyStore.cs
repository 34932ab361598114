using System.Security.Cryptography;
using Dapper;
using InventoryProFlow.Contracts.Identity;
using Npgsql;

namespace InventoryProFlow.Grains.Identity;

/// <summary>SQL for app.signing_keys, and the one place a signing key is made.</summary>
public sealed class SigningKeyStore(NpgsqlDataSource db, TimeProvider time)
{
    /// <summary>Keys whose successor is older than this have outlived any token they signed; rotation drops them.</summary>
    private static readonly TimeSpan Forgotten = TimeSpan.FromDays(30);

    public async Task<IReadOnlyList<SigningKey>> Load()
    {
        await using var connection = await db.OpenConnectionAsync();
        return (await connection.QueryAsync<SigningKey>(
            "SELECT key_id, private_key_pem, created_at FROM app.signing_keys ORDER BY created_at, key_id")).ToList();
    }

    /// <summary>Keeps <paramref name="pem"/> as the first key unless the ring already has one; returns the ring.</summary>
    public async Task<IReadOnlyList<SigningKey>> Seed(string pem)
    {
        await using (var connection = await db.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                "INSERT INTO app.signing_keys (key_id, private_key_pem, created_at) " +
                "SELECT @KeyId, @PrivateKeyPem, @CreatedAt WHERE NOT EXISTS (SELECT 1 FROM app.signing_keys)",
                Describe(pem, time.GetUtcNow().UtcDateTime));
        }

        return await Load();
    }

    public async Task<SigningKey> Rotate()
    {
        using var rsa = RSA.Create(2048);
        var now = time.GetUtcNow().UtcDateTime;
        var key = Describe(rsa.ExportPkcs8PrivateKeyPem(), now);
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(
            "INSERT INTO app.signing_keys (key_id, private_key_pem, created_at) VALUES (@KeyId, @PrivateKeyPem, @CreatedAt)", key, transaction);
        // A key is forgotten once the key after it has signed for longer than any token lives.
        await connection.ExecuteAsync(
            "DELETE FROM app.signing_keys k WHERE EXISTS (SELECT 1 FROM app.signing_keys n WHERE n.created_at > k.created_at AND n.created_at < @before)",
            new { before = now - Forgotten },
            transaction);
        await transaction.CommitAsync();
        return key;
    }

    /// <summary>A key named by its RFC 7638 thumbprint, so every node derives the same kid from the same key.</summary>
    public static SigningKey Describe(string pem, DateTime createdAt)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        var half = rsa.ExportParameters(false);
        // RFC 7638: the required members in lexicographic order, no spaces, hashed with SHA-256.
        var members = $"{{\"e\":\"{System.Buffers.Text.Base64Url.EncodeToString(half.Exponent)}\",\"kty\":\"RSA\",\"n\":\"{System.Buffers.Text.Base64Url.EncodeToString(half.Modulus)}\"}}";
        var kid = System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(members)));
        return new SigningKey(kid, pem, createdAt);
    }
}
