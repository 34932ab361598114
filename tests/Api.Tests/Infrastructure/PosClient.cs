using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using InventoryProFlow.Grains.Integrations;

namespace InventoryProFlow.Api.Tests.Infrastructure;

/// <summary>A point-of-sale system pushing to the product: its API key, and its webhook secret to sign each raw body.</summary>
public sealed class PosClient(ProductHost host, string apiKey, string secret, string integrationId = "")
{
    public static async Task<PosClient> SetUpAsync(Tenant tenant, string name = "Square, main bar")
    {
        var issued = (await tenant.Admin.PostAsync("/api/v1/integrations", new { name, kind = "pos" })).ShouldSucceed(System.Net.HttpStatusCode.Created).Data;
        return new PosClient(
            tenant.Product.Host, issued.GetProperty("apiKey").GetString()!, issued.GetProperty("webhookSecret").GetString()!, issued.GetProperty("id").GetString()!);
    }

    public string ApiKey => apiKey;

    public string IntegrationId => integrationId;

    public Task<ApiResponse> SaleCreatedAsync(object sale) => PushAsync(new { type = "sale.created", data = sale });

    public Task<ApiResponse> BatchAsync(params object[] sales) => PushAsync(new { sales });

    /// <summary>Signs and sends a body; the parts can be swapped to forge, age or strip the signature.</summary>
    public Task<ApiResponse> PushAsync(object payload, string? key = null, string? signWith = null, DateTimeOffset? signedAt = null, bool sign = true)
    {
        var body = JsonSerializer.Serialize(payload);
        var bytes = Encoding.UTF8.GetBytes(body);
        var signature = WebhookSignature.Sign(signWith ?? secret, signedAt ?? DateTimeOffset.UtcNow, bytes);
        var content = new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        return host.Client().SendAsync(HttpMethod.Post, "/api/v1/integrations/pos/sales", content, request =>
        {
            var presented = key ?? apiKey;
            if (presented.Length > 0)
            {
                request.Headers.Add("X-Api-Key", presented);
            }

            if (sign)
            {
                request.Headers.Add(WebhookSignature.Header, signature);
            }
        });
    }

    /// <summary>Sends a body exactly as given, with the API key and no signature header (the seed's form signs the body itself).</summary>
    public Task<ApiResponse> PushUnsignedAsync(string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        return host.Client().SendAsync(HttpMethod.Post, "/api/v1/integrations/pos/sales", content, request => request.Headers.Add("X-Api-Key", apiKey));
    }

    public string Secret => secret;
}
