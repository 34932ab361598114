using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace InventoryProFlow.Api.Identity;

/// <summary>
/// The RS256 key pair that signs access tokens: from configuration (Auth:SigningKeyPem) when given,
/// else generated once into the data folder and read from there by every Api node on this machine.
/// </summary>
public sealed class SigningKeys
{
    public SigningKeys(IConfiguration configuration)
    {
        var rsa = RSA.Create();
        var pem = configuration["Auth:SigningKeyPem"];
        if (string.IsNullOrWhiteSpace(pem))
        {
            pem = LoadOrCreate(configuration["Auth:SigningKeyPath"] ?? Path.Combine(DataFolder(configuration), "keys", "jwt-signing.pem"));
        }

        rsa.ImportFromPem(pem);
        Key = new RsaSecurityKey(rsa) { KeyId = Base64UrlEncoder.Encode(new RsaSecurityKey(rsa.ExportParameters(false)).ComputeJwkThumbprint()) };
        Credentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256);
    }

    public RsaSecurityKey Key { get; }

    public SigningCredentials Credentials { get; }

    /// <summary>The public half, as a JSON Web Key Set, for anyone who verifies our tokens.</summary>
    public object Jwks()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(Key.Rsa.ExportParameters(false)) { KeyId = Key.KeyId });
        return new { keys = new[] { new { kty = jwk.Kty, use = "sig", alg = SecurityAlgorithms.RsaSha256, kid = jwk.Kid, n = jwk.N, e = jwk.E } } };
    }

    public static string DataFolder(IConfiguration configuration) =>
        configuration["IPF_DATA_DIR"] is { Length: > 0 } folder ? folder : Path.Combine(Directory.GetCurrentDirectory(), ".data");

    private static string LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var fresh = RSA.Create(2048);
        var pem = fresh.ExportPkcs8PrivateKeyPem();
        // Write then rename: two nodes starting together both end up reading one complete key.
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temporary, pem);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

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
