using System.Security.Cryptography;
using System.Text;

namespace InventoryProFlow.Grains.Webhooks;

/// <summary>
/// The seed's signature inside a delivery's body: <c>"signature": "sha256=&lt;hex HMAC-SHA256&gt;"</c>, the last member, over
/// the body as it reads without that member. A receiver verifies it from the raw body alone (docs/API.md, Webhooks):
/// everything before <c>,"signature":"sha256=</c>, closed with <c>}</c>, is what was signed.
/// </summary>
public static class BodySignature
{
    public const string Marker = ",\"signature\":\"sha256=";

    /// <summary>The object's JSON with its signature appended as the last member.</summary>
    public static byte[] Append(string secret, byte[] json)
    {
        var mac = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), json));
        return [.. json.AsSpan(0, json.Length - 1), .. Encoding.UTF8.GetBytes($"{Marker}{mac}\"}}")];
    }
}
