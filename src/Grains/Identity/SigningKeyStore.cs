using System.Buffers.Text;
using System.Security.Cryptography;
using Dapper;
using InventoryProFlow.Contracts.Identity;
using InventoryProFlow.Grains.Storage;
using Npgsql;

namespace InventoryProFlow.Grains.Identity;

/// <summary>
/// One RS256 key of the ring with its private half, as the Api nodes that sign hold it in memory. Deliberately not
/// serializable: it never crosses a grain boundary (<see cref="PublicHalf"/> does).
/// </summary>
public sealed record SigningKey(string KeyId, string PrivateKeyPem, DateTime CreatedAt)
{
    public PublicSigningKey PublicHalf()
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(PrivateKeyPem);
        var half = rsa.ExportParameters(false);
        return new PublicSigningKey(KeyId, Base64Url.EncodeToString(half.Modulus), Base64Url.EncodeToString(half.Exponent), CreatedAt);
    }
}

/// <summary>SQL for app.signing_keys, and the one place a signing key is made. Private keys are stored sealed with the KEK.</summary>
public sealed class SigningKeyStore(NpgsqlDataSource db, KeyEncryptionKeys keys, TimeProvider time)
{
    /// <summary>Keys whose successor is older than this have outlived any token they signed; rotation drops them.</summary>
    private static readonly TimeSpan Forgotten = TimeSpan.FromDays(30);

    public async Task<IReadOnlyList<SigningKey>> Load()
    {
        await using var connection = await db.OpenConnectionAsync();
        return (await connection.QueryAsync<(string KeyId, string PrivateKeyPem, string? KekId, DateTime CreatedAt)>(
                "SELECT key_id, private_key_pem, kek_id, created_at FROM app.signing_keys ORDER BY created_at, key_id"))
            .Select(row => new SigningKey(row.KeyId, keys.Open(new StoredSecret(row.PrivateKeyPem, row.KekId), SecretColumn.SigningKeys.Context(row.KeyId)), row.CreatedAt))
            .ToList();
    }

    /// <summary>Keeps <paramref name="pem"/> as the first key unless the ring already has one; returns the ring.</summary>
    public async Task<IReadOnlyList<SigningKey>> Seed(string pem)
    {
        await using (var connection = await db.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            // Nodes starting together on a new database take turns, so the ring starts with one key, not one per node.
            await connection.ExecuteAsync("LOCK TABLE app.signing_keys IN SHARE ROW EXCLUSIVE MODE", transaction: transaction);
            await connection.ExecuteAsync(
                "INSERT INTO app.signing_keys (key_id, private_key_pem, kek_id, created_at) " +
                "SELECT @KeyId, @Text, @KekId, @CreatedAt WHERE NOT EXISTS (SELECT 1 FROM app.signing_keys)",
                Stored(Describe(pem, time.GetUtcNow().UtcDateTime)),
                transaction);
            await transaction.CommitAsync();
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
            "INSERT INTO app.signing_keys (key_id, private_key_pem, kek_id, created_at) VALUES (@KeyId, @Text, @KekId, @CreatedAt)", Stored(key), transaction);
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
        var members = $"{{\"e\":\"{Base64Url.EncodeToString(half.Exponent)}\",\"kty\":\"RSA\",\"n\":\"{Base64Url.EncodeToString(half.Modulus)}\"}}";
        var kid = Base64Url.EncodeToString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(members)));
        return new SigningKey(kid, pem, createdAt);
    }

    private object Stored(SigningKey key)
    {
        var sealedKey = keys.Seal(key.PrivateKeyPem, SecretColumn.SigningKeys.Context(key.KeyId));
        return new { key.KeyId, sealedKey.Text, sealedKey.KekId, key.CreatedAt };
    }
}
