using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace InventoryProFlow.Grains.Integrations;

/// <summary>
/// Webhook signatures in the style of Stripe: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.body"&gt;</c>
/// with a <c>whsec_</c> secret, five minutes of tolerance, several v1 values allowed (a secret being rotated),
/// compared in constant time. Used to check what a POS pushes and to sign what we send.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "Ipf-Signature";
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static string Sign(string secret, DateTimeOffset at, ReadOnlySpan<byte> body)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={timestamp},v1={Convert.ToHexStringLower(Mac(secret, timestamp, body))}";
    }

    /// <summary>Null when the header proves the body came from the secret's holder within the tolerance; else why not.</summary>
    public static string? Problem(string? header, string secret, DateTimeOffset now, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return $"The {Header} header is missing.";
        }

        string? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries))
        {
            var (name, value) = part.IndexOf('=') is > 0 and var at ? (part[..at], part[(at + 1)..]) : (part, "");
            if (name == "t")
            {
                timestamp = value;
            }
            else if (name == "v1" && value.Length == 64 && TryHex(value, out var signature))
            {
                signatures.Add(signature);
            }
        }

        if (timestamp is null || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || signatures.Count == 0)
        {
            return $"The {Header} header must read t=<unix seconds>,v1=<hex HMAC-SHA256>.";
        }

        if (seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds() || Math.Abs((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).TotalSeconds) > Tolerance.TotalSeconds)
        {
            return $"The signature's timestamp is more than {Tolerance.TotalMinutes:0} minutes from now: a replay, or a clock that is off.";
        }

        var expected = Mac(secret, timestamp, body);
        return signatures.Any(s => CryptographicOperations.FixedTimeEquals(s, expected)) ? null : "The signature does not match the body and this integration's secret.";
    }

    private static byte[] Mac(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
    }

    private static bool TryHex(string value, out byte[] bytes)
    {
        try
        {
            bytes = Convert.FromHexString(value);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
