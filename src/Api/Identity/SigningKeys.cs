using System.Security.Cryptography;
using InventoryProFlow.Contracts.Identity;
using InventoryProFlow.Grains.Identity;
using InventoryProFlow.Silo.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace InventoryProFlow.Api.Identity;

/// <summary>
/// This node's copy of the cluster's signing-key ring, read from app.signing_keys and opened with the KEK here (a grain
/// only ever answers public halves, <see cref="ISigningKeyRingGrain"/>), refreshed every
/// <c>Auth:SigningKeyRefreshSeconds</c>. A rotated key is published in the JWKS and accepted at once, but signs only
/// after two refresh periods, by which time every node knows it; the key it replaces keeps verifying until the last
/// token it signed has expired. Starting the node waits for the first load.
/// </summary>
public sealed class SigningKeys(IConfiguration configuration, SigningKeyStore store, TimeProvider time, ILogger<SigningKeys> logger)
    : BackgroundService
{
    public const string RingKey = "jwt";

    private readonly TimeSpan _refreshPeriod = TimeSpan.FromSeconds(configuration.GetValue("Auth:SigningKeyRefreshSeconds", 60));
    private readonly TimeSpan _tokenLifetime = TokenIssuer.AccessLifetime(configuration) + ClockSkew;
    private KeyRing? _ring;

    /// <summary>How far apart clocks of nodes and clients may be when a token's times are checked.</summary>
    public static TimeSpan ClockSkew { get; } = TimeSpan.FromSeconds(30);

    /// <summary>The key that signs new tokens.</summary>
    public ActiveKey Current => Ring.Signer;

    /// <summary>Every key a token may be signed with right now.</summary>
    public IReadOnlyList<SecurityKey> Verifiers => Ring.Verifiers;

    /// <summary>The public halves of the verifiers, as a JSON Web Key Set, for anyone who verifies our tokens.</summary>
    public object Jwks() => new
    {
        keys = Ring.Verifiers.Cast<RsaSecurityKey>().Select(key =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(key.Rsa.ExportParameters(false)) { KeyId = key.KeyId });
            return new { kty = jwk.Kty, use = "sig", alg = SecurityAlgorithms.RsaSha256, kid = jwk.Kid, n = jwk.N, e = jwk.E };
        }).ToList(),
    };

    public static string DataFolder(IConfiguration configuration) => ProductDataFolder.From(configuration);

    /// <summary>Reads the ring from the cluster now (tests call it after a rotation instead of waiting for the timer).</summary>
    public async Task ReloadAsync()
    {
        var keys = await store.Load();
        if (keys.Count == 0)
        {
            keys = await store.Seed(FirstKeyPem());
        }

        _ring = KeyRing.From(keys, time.GetUtcNow().UtcDateTime, 2 * _refreshPeriod, _tokenLifetime, _ring);
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync();
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_refreshPeriod, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ReloadAsync();
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The keys already loaded keep working; the next tick tries again.
                logger.LogWarning(error, "Could not refresh the signing keys; keeping the {Count} known", Ring.Verifiers.Count);
            }
        }
    }

    private KeyRing Ring => _ring ?? throw new InvalidOperationException("The signing keys are loaded when the node starts; it has not started.");

    /// <summary>The key a new ring starts with: Auth:SigningKeyPem, else the one kept in the data folder (made on first use).</summary>
    private string FirstKeyPem()
    {
        var pem = configuration["Auth:SigningKeyPem"];
        return string.IsNullOrWhiteSpace(pem)
            ? LoadOrCreate(configuration["Auth:SigningKeyPath"] ?? Path.Combine(DataFolder(configuration), "keys", "jwt-signing.pem"))
            : pem;
    }

    private static string LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var fresh = RSA.Create(2048);
        // Write then rename: two nodes starting together both end up reading one complete key.
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        PrivateKeyFile.Write(temporary, fresh.ExportPkcs8PrivateKeyPem());
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }

        return File.ReadAllText(path);
    }
}

/// <summary>The key that signs, with its credentials.</summary>
public sealed record ActiveKey(RsaSecurityKey Key, SigningCredentials Credentials);

/// <summary>Which keys of the ring sign and verify at one moment.</summary>
public sealed record KeyRing(ActiveKey Signer, IReadOnlyList<SecurityKey> Verifiers)
{
    /// <param name="keys">The ring, oldest first.</param>
    /// <param name="now">The moment judged.</param>
    /// <param name="publication">How long a new key is only published before it signs.</param>
    /// <param name="tokenLifetime">How long a token signed by a replaced key stays acceptable.</param>
    /// <param name="previous">The ring loaded before: keys it had are reused rather than parsed again.</param>
    public static KeyRing From(IReadOnlyList<SigningKey> keys, DateTime now, TimeSpan publication, TimeSpan tokenLifetime, KeyRing? previous)
    {
        var known = previous?.Verifiers.Cast<RsaSecurityKey>().ToDictionary(k => k.KeyId) ?? [];
        var signer = 0;
        for (var i = 1; i < keys.Count; i++)
        {
            if (keys[i].CreatedAt + publication <= now)
            {
                signer = i;
            }
        }

        var verifiers = new List<SecurityKey>();
        for (var i = 0; i < keys.Count; i++)
        {
            // A replaced key verifies until its successor has signed for a whole token lifetime.
            var retired = i < signer && keys[i + 1].CreatedAt + publication + tokenLifetime <= now;
            if (!retired)
            {
                verifiers.Add(known.GetValueOrDefault(keys[i].KeyId) ?? Parse(keys[i]));
            }
        }

        var signing = (RsaSecurityKey)verifiers.First(k => k.KeyId == keys[signer].KeyId);
        return new KeyRing(new ActiveKey(signing, new SigningCredentials(signing, SecurityAlgorithms.RsaSha256)), verifiers);
    }

    private static RsaSecurityKey Parse(SigningKey key)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(key.PrivateKeyPem);
        return new RsaSecurityKey(rsa) { KeyId = key.KeyId };
    }
}
