using System.Text.Json;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Identity;

/// <summary>
/// A proxy that nobody listed in Api:KnownProxies makes every client look like one address; the product says so in its
/// log, once, the first time such a request arrives. The product runs as its own process here, so its log is its own.
/// </summary>
public sealed class UntrustedProxyWarningTests
{
    private const string Warning = "A request arrived with X-Forwarded-For from 127.0.0.1, which is not in Api:KnownProxies";

    [Fact]
    public async Task X_Forwarded_For_from_a_peer_that_is_not_a_known_proxy_is_warned_about_once()
    {
        await using var product = await ProductProcess.StartAsync(
            await TestPostgres.CreateDatabaseAsync(),
            Directory.CreateTempSubdirectory("ipf-proxy-warning-").FullName,
            new Dictionary<string, string> { ["Api__KnownProxies"] = "10.9.9.9", ["Serilog__MinimumLevel__Default"] = "Information" });

        // Without the header (the readiness checks so far, and this one): no warning.
        var plain = await RequestIdOf(product.Client());
        await LogLineOf(product, plain);
        Assert.DoesNotContain(product.OutputLines, line => Message(line)?.StartsWith(Warning, StringComparison.Ordinal) == true);

        await RequestIdOf(product.ClientFrom("203.0.113.7"));
        var last = await RequestIdOf(product.ClientFrom("203.0.113.8"));
        // The last request's own line is written after it was served, so the warning for it would be in by then.
        await LogLineOf(product, last);

        var warnings = product.OutputLines.Where(line => Message(line)?.StartsWith(Warning, StringComparison.Ordinal) == true).ToList();
        var warning = JsonDocument.Parse(Assert.Single(warnings)).RootElement;
        Assert.Equal("warn", warning.GetProperty("level").GetString());
        Assert.Contains("add it to Api__KnownProxies", warning.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static async Task<string> RequestIdOf(ApiClient client)
    {
        var response = await client.GetAsync("/health/live");
        return response.Headers.GetValues("X-Request-Id").Single();
    }

    private static Task<string> LogLineOf(ProductProcess product, string requestId) =>
        Eventually.Found(
            () => Task.FromResult(product.OutputLines.FirstOrDefault(line => Json(line) is { } entry && entry.TryGetProperty("requestId", out var id) && id.GetString() == requestId)),
            $"the log line of request {requestId}");

    private static string? Message(string line) => Json(line) is { } entry && entry.TryGetProperty("message", out var message) ? message.GetString() : null;

    private static JsonElement? Json(string line)
    {
        try
        {
            return JsonDocument.Parse(line).RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
