using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace InventoryProFlow.Grains.Integrations;

/// <summary>
/// The seed's signature inside a body: <c>"signature": "sha256=&lt;hex HMAC-SHA256&gt;"</c>, over the body as it reads
/// without that member. What we send has it last, so a receiver verifies from the raw body alone (docs/API.md,
/// Webhooks): everything before <c>,"signature":"sha256=</c>, closed with <c>}</c>, is what was signed. What a POS
/// sends may have it anywhere among the top-level members, with any spacing: the member and its comma are cut out.
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

    /// <summary>Null when the body's own signature proves it came from the secret's holder; else why not.</summary>
    public static string? Problem(byte[] body, string secret)
    {
        if (Member(body) is not var (start, end, value))
        {
            return "The body has no \"signature\" member and the Ipf-Signature header is missing.";
        }

        if (value is null || !value.StartsWith("sha256=", StringComparison.Ordinal) || value.Length != 71 || !value[7..].All(Uri.IsHexDigit))
        {
            return "The body's signature must read sha256=<64 hex digits of HMAC-SHA256>.";
        }

        byte[] signed = [.. body.AsSpan(0, start), .. body.AsSpan(end)];
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return CryptographicOperations.FixedTimeEquals(Convert.FromHexString(value[7..]), expected)
            ? null
            : "The body's signature does not match the body and this integration's secret.";
    }

    // Where the top-level signature member lies, with the comma that joins it to its neighbour, and its value.
    private static (int Start, int End, string? Value)? Member(byte[] body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            while (reader.Read())
            {
                if (reader is not { CurrentDepth: 1, TokenType: JsonTokenType.PropertyName } || !reader.ValueTextEquals("signature"))
                {
                    if (reader.CurrentDepth >= 1 && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        reader.Skip();
                    }

                    continue;
                }

                var name = (int)reader.TokenStartIndex;
                reader.Read();
                var value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                var end = (int)reader.BytesConsumed;
                var before = name - 1;
                while (before >= 0 && IsSpace(body[before]))
                {
                    before--;
                }

                if (body[before] == (byte)',')
                {
                    return (before, end, value);
                }

                // The first member: cut up to the next member instead.
                var after = SkipSpace(body, end);
                return after < body.Length && body[after] == (byte)',' ? (name, SkipSpace(body, after + 1), value) : (name, end, value);
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }

    private static int SkipSpace(byte[] body, int at)
    {
        while (at < body.Length && IsSpace(body[at]))
        {
            at++;
        }

        return at;
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
}
