using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace InventoryProFlow.Api.Tests.Infrastructure;

/// <summary>An answer: status, headers and the parsed JSON body (if any).</summary>
public sealed record ApiResponse(HttpStatusCode Status, JsonElement Body, HttpResponseHeaders Headers)
{
    public JsonElement Data => Body.GetProperty("data");

    public string ErrorCode => Body.GetProperty("error").GetProperty("code").GetString()!;

    public string ErrorMessage => Body.GetProperty("error").GetProperty("message").GetString()!;

    public IEnumerable<string> ErrorFields =>
        Body.GetProperty("error").GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()!);

    /// <summary>Asserts the error envelope of DESIGN.md with the given status and code.</summary>
    public ApiResponse ShouldFail(HttpStatusCode status, string code)
    {
        Assert.True(Status == status, $"Expected {(int)status} {code}, got {(int)Status}: {Body}");
        Assert.False(Body.GetProperty("success").GetBoolean());
        var error = Body.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.Equal(JsonValueKind.Array, error.GetProperty("details").ValueKind);
        Assert.EndsWith("Z", error.GetProperty("timestamp").GetString(), StringComparison.Ordinal);
        Assert.Equal(Headers.GetValues("X-Request-Id").Single(), error.GetProperty("requestId").GetString());
        return this;
    }

    public ApiResponse ShouldSucceed(HttpStatusCode status = HttpStatusCode.OK)
    {
        Assert.True(Status == status, $"Expected {(int)status}, got {(int)Status}: {Body}");
        if (Status != HttpStatusCode.NoContent)
        {
            Assert.True(Body.GetProperty("success").GetBoolean());
        }

        return this;
    }
}

/// <summary>Real HTTP to the product, with an optional Bearer token.</summary>
public sealed class ApiClient(HttpClient http, string? token)
{
    public Task<ApiResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<ApiResponse> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    public Task<ApiResponse> PostAsync(string path, object body) => SendAsync(HttpMethod.Post, path, Json(body));

    public Task<ApiResponse> PostAsync(string path, object body, string idempotencyKey) =>
        SendAsync(HttpMethod.Post, path, Json(body), r => r.Headers.Add("Idempotency-Key", idempotencyKey));

    public Task<ApiResponse> PutAsync(string path, object body) => SendAsync(HttpMethod.Put, path, Json(body));

    public Task<ApiResponse> PatchAsync(string path, object body) => SendAsync(HttpMethod.Patch, path, Json(body));

    /// <summary>A download that is not JSON (CSV, HTML), as text with its media type.</summary>
    public async Task<(HttpStatusCode Status, string? MediaType, string Text)> GetTextAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Sends a body exactly as given, for malformed and oversize requests.</summary>
    public Task<ApiResponse> SendRawAsync(HttpMethod method, string path, string body, string contentType = "application/json") =>
        SendAsync(method, path, new StringContent(body, Encoding.UTF8, contentType));

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, HttpContent? content, Action<HttpRequestMessage>? adjust = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        adjust?.Invoke(request);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return new ApiResponse(response.StatusCode, body, response.Headers);
    }

    private static StringContent Json(object body) =>
        body is string raw ? new StringContent(raw, Encoding.UTF8, "application/json") : new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}
