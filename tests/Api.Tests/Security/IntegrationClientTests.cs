using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using InventoryProFlow.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;

namespace InventoryProFlow.Api.Tests.Security;

/// <summary>Integration clients take scoped tokens with client credentials and can do what their scopes say, no more.</summary>
[Collection(SharedProduct.Collection)]
public sealed class IntegrationClientTests(SharedProduct product)
{
    [Fact]
    public async Task A_client_gets_a_token_with_its_scopes_and_is_held_to_them()
    {
        var tenant = await product.NewTenantAsync();
        var (location, productId) = await tenant.StockedAsync(10);
        var (id, secret) = await CreateClientAsync(tenant, "Count app", "inventory:read", "inventory:write");

        var listed = (await tenant.Admin.GetAsync("/api/v1/integrations/clients")).ShouldSucceed().Data.GetProperty("items")[0];
        Assert.Equal(id, listed.GetProperty("id").GetString());
        Assert.DoesNotContain(secret, listed.GetRawText());

        var (status, token) = await TokenAsync(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = id, ["client_secret"] = secret });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Bearer", token.GetProperty("token_type").GetString());
        Assert.Equal("inventory:read inventory:write", token.GetProperty("scope").GetString());
        var jwt = new JsonWebToken(token.GetProperty("access_token").GetString());
        Assert.Equal((id, tenant.OrganizationId.ToString()), (jwt.GetClaim("client_id").Value, jwt.GetClaim("org").Value));
        Assert.False(jwt.TryGetClaim("role", out _));

        var client = product.Host.Client(token.GetProperty("access_token").GetString());
        (await client.GetAsync("/api/v1/products")).ShouldSucceed();
        var item = (await client.GetAsync($"/api/v1/inventory/items?locationId={location}")).ShouldSucceed().Data.GetProperty("items")[0].GetProperty("id").GetString();
        (await client.PutAsync($"/api/v1/inventory/items/{item}/count", new { quantity = 8 })).ShouldSucceed();
        (await client.PostAsync("/api/v1/transactions/sales", new { locationId = location, items = new[] { new { productId, quantity = 1 } } }))
            .ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await client.GetAsync("/api/v1/analytics/sales")).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        // People-only endpoints refuse every client, whatever it holds.
        (await client.GetAsync("/api/v1/users")).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await client.GetAsync("/api/v1/webhooks")).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task Basic_authentication_and_json_work_and_a_narrower_scope_can_be_asked_for()
    {
        var tenant = await product.NewTenantAsync();
        var (id, secret) = await CreateClientAsync(tenant, "POS", "sales:read", "sales:write", "inventory:read");

        using var http = new HttpClient { BaseAddress = product.Host.Address };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "inventory:read" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{id}:{secret}")));
        var basic = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, basic.StatusCode);
        using var basicBody = JsonDocument.Parse(await basic.Content.ReadAsStringAsync());
        Assert.Equal("inventory:read", basicBody.RootElement.GetProperty("scope").GetString());

        var json = await product.Host.Client().PostAsync("/api/v1/auth/token", new { grant_type = "client_credentials", client_id = id, client_secret = secret });
        Assert.Equal(HttpStatusCode.OK, json.Status);
        Assert.Equal("sales:read sales:write inventory:read", json.Body.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task Wrong_secrets_revoked_clients_unknown_scopes_and_staff_are_refused()
    {
        var tenant = await product.NewTenantAsync();
        var (id, secret) = await CreateClientAsync(tenant, "Scale", "inventory:read");
        var staff = await tenant.SignedInAsync("staff");
        var form = (string clientId, string clientSecret, string? scope) =>
        {
            var fields = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = clientSecret };
            if (scope is not null)
            {
                fields["scope"] = scope;
            }

            return fields;
        };

        Assert.Equal("INVALID_CREDENTIALS", await ErrorOfAsync(form(id, secret + "x", null), HttpStatusCode.Unauthorized));
        Assert.Equal("INVALID_CREDENTIALS", await ErrorOfAsync(form(Guid.NewGuid().ToString(), secret, null), HttpStatusCode.Unauthorized));
        Assert.Equal("VALIDATION_FAILED", await ErrorOfAsync(form(id, secret, "inventory:write"), HttpStatusCode.BadRequest));
        Assert.Equal("VALIDATION_FAILED", await ErrorOfAsync(new Dictionary<string, string> { ["grant_type"] = "password", ["client_id"] = id, ["client_secret"] = secret }, HttpStatusCode.BadRequest));
        Assert.Equal("VALIDATION_FAILED", await ErrorOfAsync(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = "not-an-id" }, HttpStatusCode.BadRequest));

        Assert.Contains("scopes", (await tenant.Admin.PostAsync("/api/v1/integrations/clients", new { name = "Root", scopes = new[] { "admin:all" } }))
            .ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED").ErrorFields);
        Assert.Contains("scopes", (await tenant.Admin.PostAsync("/api/v1/integrations/clients", new { name = "Odd", scopes = new[] { "beer:drink" } }))
            .ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED").ErrorFields);
        Assert.Contains("scopes", (await tenant.Admin.PostAsync("/api/v1/integrations/clients", new { name = "None" }))
            .ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED").ErrorFields);
        (await staff.PostAsync("/api/v1/integrations/clients", new { name = "Mine", scopes = new[] { "inventory:read" } })).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await (await product.NewTenantAsync()).Admin.DeleteAsync($"/api/v1/integrations/clients/{id}")).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");

        Assert.Equal(HttpStatusCode.NoContent, (await tenant.Admin.DeleteAsync($"/api/v1/integrations/clients/{id}")).Status);
        Assert.Equal("INVALID_CREDENTIALS", await ErrorOfAsync(form(id, secret, null), HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task Only_a_proven_secret_records_a_use()
    {
        var tenant = await product.NewTenantAsync();
        var (id, secret) = await CreateClientAsync(tenant, "Scale", "inventory:read");
        var form = (string clientSecret) => new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = id, ["client_secret"] = clientSecret };

        Assert.Equal("INVALID_CREDENTIALS", await ErrorOfAsync(form(secret + "x"), HttpStatusCode.Unauthorized));
        Assert.Equal(JsonValueKind.Null, (await ListedAsync(tenant)).GetProperty("lastUsedAt").ValueKind);

        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(form(secret))).Status);
        Assert.Equal(JsonValueKind.String, (await ListedAsync(tenant)).GetProperty("lastUsedAt").ValueKind);
    }

    private static async Task<JsonElement> ListedAsync(Tenant tenant) =>
        (await tenant.Admin.GetAsync("/api/v1/integrations/clients")).ShouldSucceed().Data.GetProperty("items")[0];

    private async Task<(string Id, string Secret)> CreateClientAsync(Tenant tenant, string name, params string[] scopes)
    {
        var created = (await tenant.Admin.PostAsync("/api/v1/integrations/clients", new { name, scopes })).ShouldSucceed(HttpStatusCode.Created).Data;
        return (created.GetProperty("id").GetString()!, created.GetProperty("clientSecret").GetString()!);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> TokenAsync(Dictionary<string, string> fields)
    {
        using var http = new HttpClient { BaseAddress = product.Host.Address };
        var response = await http.PostAsync("/api/v1/auth/token", new FormUrlEncodedContent(fields));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private async Task<string> ErrorOfAsync(Dictionary<string, string> fields, HttpStatusCode expected)
    {
        var (status, body) = await TokenAsync(fields);
        Assert.Equal(expected, status);
        return body.GetProperty("error").GetProperty("code").GetString()!;
    }
}
