using System.Security.Cryptography;
using System.Text;

namespace InventoryProFlow.Contracts.Integrations;

/// <summary>Integration credentials: how they are made and how a presented key is recognised.</summary>
public static class ApiKeys
{
    public const string KeyPrefix = "ipf_pos_";
    public const string SecretPrefix = "whsec_";

    /// <summary>32 random bytes behind a readable prefix, so a leaked key is recognisable in a scan.</summary>
    public static string NewKey() => NewSecret(KeyPrefix);

    /// <summary>A credential of 256 random bits, base64url, behind <paramref name="prefix"/>.</summary>
    public static string NewSecret(string prefix) => prefix + System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string NewWebhookSecret() => SecretPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>What is stored and looked up: the key itself is never kept.</summary>
    public static string Hash(string apiKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));

    /// <summary>Enough of a key to tell keys apart in a list, not enough to use one.</summary>
    public static string Prefix(string apiKey) => apiKey[..Math.Min(apiKey.Length, KeyPrefix.Length + 6)];
}
