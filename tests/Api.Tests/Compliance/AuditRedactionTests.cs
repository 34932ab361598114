using System.Net;
using System.Text.Json;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Compliance;

/// <summary>
/// The audit trail shows each reader only what the rest of the API would: a manager or a compliance:read client sees
/// that a webhook, an allow-list, an integration or a client changed, but not its URL, entries or name, which only an
/// admin can read elsewhere. The stored entries and their chain stay whole.
/// </summary>
[Collection(SharedProduct.Collection)]
public sealed class AuditRedactionTests(SharedProduct product)
{
    private const string HookUrl = "http://127.0.0.1:9/secret-receiver-path";
    private const string ClientName = "Back office sync, secret name";
    private const string IntegrationName = "Square, hidden till";
    private const string Range = "198.51.100.0/24";

    [Fact]
    public async Task A_manager_and_a_compliance_client_read_admin_entries_without_urls_entries_or_names_and_an_admin_reads_them_whole()
    {
        var tenant = await product.NewTenantAsync();
        var manager = await tenant.SignedInAsync("manager");
        (await tenant.Admin.PostAsync("/api/v1/webhooks", new { url = HookUrl, events = new[] { "sale.created" } })).ShouldSucceed(HttpStatusCode.Created);
        var client = (await tenant.Admin.PostAsync("/api/v1/integrations/clients", new { name = ClientName, scopes = new[] { "compliance:read" } }))
            .ShouldSucceed(HttpStatusCode.Created).Data;
        (await tenant.Admin.PostAsync("/api/v1/integrations", new { name = IntegrationName, kind = "pos" })).ShouldSucceed(HttpStatusCode.Created);
        await product.Host.Database.TamperAsync("UPDATE app.organizations SET subscription_tier = 'enterprise' WHERE id = @id", ("id", tenant.OrganizationId));
        (await tenant.Admin.PutAsync($"/api/v1/organizations/{tenant.OrganizationId}/ip-allowlist", new { entries = new[] { "127.0.0.1", Range } })).ShouldSucceed();
        (await tenant.Admin.PostAsync("/api/v1/products", new { sku = "RED-1", name = "Plain Gin", category = "spirits", sizeMl = 750, abv = 40, cost = 10, price = 15 }))
            .ShouldSucceed(HttpStatusCode.Created);
        var token = (await product.Host.Client().PostAsync("/api/v1/auth/token", new
        {
            grant_type = "client_credentials",
            client_id = client.GetProperty("id").GetString(),
            client_secret = client.GetProperty("clientSecret").GetString(),
        })).Body.GetProperty("access_token").GetString()!;
        var complianceClient = product.Host.Client(token);

        foreach (var reader in new[] { manager, complianceClient })
        {
            var text = await TrailAsync(reader);
            Assert.DoesNotContain("secret-receiver-path", text.Raw, StringComparison.Ordinal);
            Assert.DoesNotContain(ClientName, text.Raw, StringComparison.Ordinal);
            Assert.DoesNotContain(IntegrationName, text.Raw, StringComparison.Ordinal);
            Assert.DoesNotContain("198.51.100", text.Raw, StringComparison.Ordinal);
            foreach (var entityType in new[] { "webhook", "integration-client", "integration", "ip_allowlist" })
            {
                var entry = text.Items.Single(i => i.GetProperty("entityType").GetString() == entityType);
                Assert.True(entry.GetProperty("redacted").GetBoolean(), entityType);
                Assert.Equal(JsonValueKind.Null, entry.GetProperty("before").ValueKind);
                Assert.Equal(JsonValueKind.Null, entry.GetProperty("after").ValueKind);
                // What happened, when and by whom stay visible, and so does the chain.
                Assert.False(string.IsNullOrEmpty(entry.GetProperty("action").GetString()));
                Assert.Equal(64, entry.GetProperty("hash").GetString()!.Length);
            }

            var productEntry = text.Items.Single(i => i.GetProperty("entityType").GetString() == "product");
            Assert.False(productEntry.GetProperty("redacted").GetBoolean());
            Assert.Equal("RED-1", productEntry.GetProperty("after").GetProperty("sku").GetString());
        }

        var whole = await TrailAsync(tenant.Admin);
        Assert.Contains("secret-receiver-path", whole.Raw, StringComparison.Ordinal);
        Assert.Contains(ClientName, whole.Raw, StringComparison.Ordinal);
        Assert.Contains(IntegrationName, whole.Raw, StringComparison.Ordinal);
        Assert.Contains(Range, whole.Raw, StringComparison.Ordinal);
        Assert.All(whole.Items, i => Assert.False(i.GetProperty("redacted").GetBoolean()));
        // Redacting an answer changes nothing stored: the chain still verifies, for whoever asks.
        Assert.True((await manager.GetAsync("/api/v1/compliance/audit/verify")).ShouldSucceed().Data.GetProperty("verified").GetBoolean());
    }

    private static async Task<(string Raw, List<JsonElement> Items)> TrailAsync(ApiClient reader)
    {
        var data = (await reader.GetAsync("/api/v1/compliance/audit?limit=100")).ShouldSucceed().Data;
        return (data.GetRawText(), data.GetProperty("items").EnumerateArray().ToList());
    }
}
