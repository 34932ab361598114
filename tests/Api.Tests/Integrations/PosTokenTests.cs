using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Integrations;

/// <summary>
/// The seed's POS push: an integration's OAuth client-credentials token as the credential (no X-Api-Key) and the
/// HMAC as the body's last member. The token must belong to a client linked to a live POS integration of its own
/// organisation, whose secret signs the body.
/// </summary>
[Collection(SharedProduct.Collection)]
public sealed class PosTokenTests(SharedProduct product)
{
    [Fact]
    public async Task A_linked_clients_token_and_the_body_signature_push_the_seeds_sale()
    {
        var tenant = await product.NewTenantAsync();
        var (location, vodka) = await tenant.StockedAsync(20);
        var pos = await PosClient.SetUpAsync(tenant);
        var client = await LinkedClientAsync(tenant, pos, "sales:write");
        var token = await TokenAsync(client.Id, client.Secret);

        var body = Signed(pos.Secret, $$$"""{"event":"sale.created","timestamp":"{{{DateTime.UtcNow.AddMinutes(-2):O}}}","data":{"transactionId":"seed-token-1","locationId":"{{{location}}}","items":[{"sku":"VODKA-750","quantity":2,"price":9.5}]}}""");
        var taken = await PushAsync(body, token);
        var again = await PushAsync(body, token);

        taken.ShouldSucceed(HttpStatusCode.Created);
        again.ShouldSucceed();
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(18, await product.Host.Database.QuantityAsync(location, vodka));
        var listed = (await tenant.Admin.GetAsync("/api/v1/integrations/clients")).ShouldSucceed().Data.GetProperty("items")[0];
        Assert.Equal(pos.IntegrationId, listed.GetProperty("integrationId").GetString());
    }

    [Fact]
    public async Task A_token_without_a_linked_integration_the_right_scope_or_a_valid_signature_writes_nothing()
    {
        var tenant = await product.NewTenantAsync();
        var (location, vodka) = await tenant.StockedAsync(20);
        var pos = await PosClient.SetUpAsync(tenant);
        var sale = $$$"""{"event":"sale.created","data":{"transactionId":"refused","locationId":"{{{location}}}","items":[{"sku":"VODKA-750","quantity":1}]}}""";
        var body = Signed(pos.Secret, sale);

        var unlinked = (await tenant.Admin.PostAsync("/api/v1/integrations/clients", new { name = "Reporting", scopes = new[] { "sales:write" } })).ShouldSucceed(HttpStatusCode.Created).Data;
        (await PushAsync(body, await TokenAsync(unlinked.GetProperty("id").GetString()!, unlinked.GetProperty("clientSecret").GetString()!)))
            .ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await PushAsync(body, tenant.AdminToken)).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await PushAsync(body, "not-a-token")).ShouldFail(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
        (await PushAsync(body, token: null)).ShouldFail(HttpStatusCode.Unauthorized, "UNAUTHORIZED");

        var linked = await LinkedClientAsync(tenant, pos, "sales:write");
        var token = await TokenAsync(linked.Id, linked.Secret);
        (await PushAsync(Signed("whsec_someone_else_entirely_000000", sale), token)).ShouldFail(HttpStatusCode.Unauthorized, "INVALID_SIGNATURE");
        (await PushAsync(sale, token)).ShouldFail(HttpStatusCode.Unauthorized, "INVALID_SIGNATURE");

        // Creating a link that could never work is refused at once: a client without sales:write, another organisation's integration.
        var noScope = await tenant.Admin.PostAsync("/api/v1/integrations/clients", new { name = "Till", scopes = new[] { "inventory:read" }, integrationId = pos.IntegrationId });
        Assert.Equal(["scopes"], noScope.ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED").ErrorFields);
        var other = await PosClient.SetUpAsync(await product.NewTenantAsync());
        (await tenant.Admin.PostAsync("/api/v1/integrations/clients", new { name = "Till", scopes = new[] { "sales:write" }, integrationId = other.IntegrationId }))
            .ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");

        // A revoked integration ends its clients' pushes too.
        (await tenant.Admin.DeleteAsync($"/api/v1/integrations/{pos.IntegrationId}")).ShouldSucceed(HttpStatusCode.NoContent);
        (await PushAsync(body, token)).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.Equal(20, await product.Host.Database.QuantityAsync(location, vodka));
    }

    private async Task<(string Id, string Secret)> LinkedClientAsync(Tenant tenant, PosClient pos, params string[] scopes)
    {
        var issued = (await tenant.Admin.PostAsync("/api/v1/integrations/clients", new { name = "Square bridge", scopes, integrationId = pos.IntegrationId }))
            .ShouldSucceed(HttpStatusCode.Created).Data;
        return (issued.GetProperty("id").GetString()!, issued.GetProperty("clientSecret").GetString()!);
    }

    private async Task<string> TokenAsync(string clientId, string clientSecret) =>
        (await product.Host.Client().PostAsync("/api/v1/auth/token", new { grant_type = "client_credentials", client_id = clientId, client_secret = clientSecret }))
            .Body.GetProperty("access_token").GetString()!;

    /// <summary>As a client written from the seed signs: the HMAC-SHA256 of the body without it, hex, added as the last member.</summary>
    private static string Signed(string secret, string json) =>
        json[..^1] + ",\"signature\":\"sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(json))) + "\"}";

    private Task<ApiResponse> PushAsync(string body, string? token)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        return product.Host.Client(token).SendAsync(HttpMethod.Post, "/api/v1/integrations/pos/sales", content);
    }
}
