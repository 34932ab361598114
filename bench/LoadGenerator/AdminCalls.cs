using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace InventoryProFlow.Bench;

/// <summary>Setting a benchmark up over HTTP as an admin: a create call's id, or its data, or a one-line failure.</summary>
public static class AdminCalls
{
    public static async Task<string> Id(HttpClient admin, string path, object body)
    {
        var data = await Post(admin, path, body);
        return (data["id"] ?? data["item"]!["id"])!.GetValue<string>();
    }

    public static async Task<JsonNode> Post(HttpClient admin, string path, object body)
    {
        using var response = await admin.PostAsJsonAsync(path, body);
        return await Data(response, path);
    }

    public static async Task<JsonNode> Data(HttpResponseMessage response, string path)
    {
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonNode.Parse(text)!["data"]!
            : throw new BenchException($"{path} answered {(int)response.StatusCode}: {text}");
    }
}

/// <summary>A POS integration's credentials: its key, and the secret every push's body is signed with.</summary>
public sealed record PosKey(string ApiKey, string Secret)
{
    /// <summary>The push's headers: the integration's key, and the body signed as the product checks it (t=..., v1=HMAC of "t.body").</summary>
    public void Sign(HttpRequestMessage request, ReadOnlySpan<byte> body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signed = new byte[timestamp.Length + 1 + body.Length];
        Encoding.ASCII.GetBytes(timestamp + ".").CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(timestamp.Length + 1));
        request.Headers.Add("X-Api-Key", ApiKey);
        request.Headers.Add("Ipf-Signature", $"t={timestamp},v1={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), signed))}");
    }
}
