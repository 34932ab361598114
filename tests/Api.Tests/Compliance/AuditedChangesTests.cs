using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Compliance;

/// <summary>
/// Every change outside the stock ledger leaves an audit entry (and stock movements leave none: the ledger is their
/// record); no entry carries a password hash, an API key or a secret.
/// </summary>
[Collection(SharedProduct.Collection)]
public sealed class AuditedChangesTests(SharedProduct product)
{
    [Fact]
    public async Task Every_change_outside_the_ledger_is_an_entry_and_the_chain_verifies()
    {
        var tenant = await product.NewTenantAsync();
        var admin = tenant.Admin;
        (await admin.PatchAsync($"/api/v1/organizations/{tenant.OrganizationId}", new { name = "Audited Bar", settings = new { defaultParLevel = 6 } })).ShouldSucceed();
        var location = await tenant.CreateLocationAsync("Back Bar");
        (await admin.PutAsync($"/api/v1/locations/{location}", new { name = "Back Bar East" })).ShouldSucceed();
        var closing = await tenant.CreateLocationAsync("Patio");
        (await admin.DeleteAsync($"/api/v1/locations/{closing}")).ShouldSucceed(HttpStatusCode.NoContent);
        var supplier = await tenant.CreateSupplierAsync();
        (await admin.PutAsync($"/api/v1/suppliers/{supplier}", new { paymentTerms = "Net 30" })).ShouldSucceed();
        (await admin.DeleteAsync($"/api/v1/suppliers/{supplier}")).ShouldSucceed(HttpStatusCode.NoContent);
        var productId = await tenant.CreateProductAsync("AUD-VODKA");
        var itemId = await tenant.StockAsync(location, productId, 12, parLevel: 4);
        (await admin.PatchAsync($"/api/v1/inventory/items/{itemId}", new { parLevel = 8, reorderPoint = 3 })).ShouldSucceed();
        (await admin.PatchAsync($"/api/v1/inventory/items/{itemId}", new { parLevel = 8 })).ShouldSucceed();
        await tenant.TokenOfNewUserAsync("staff");
        var webhook = (await admin.PostAsync("/api/v1/webhooks", new { url = "http://127.0.0.1:9/hook", events = new[] { "sale.created" } }))
            .ShouldSucceed(HttpStatusCode.Created).Data;
        (await admin.DeleteAsync($"/api/v1/webhooks/{webhook.GetProperty("id").GetString()}")).ShouldSucceed(HttpStatusCode.NoContent);
        var pos = await PosClient.SetUpAsync(tenant);
        var integrationId = (await admin.GetAsync("/api/v1/integrations")).ShouldSucceed().Data.GetProperty("items")[0].GetProperty("id").GetString();
        (await admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, items = new[] { new { productId, quantity = 1 } } })).ShouldSucceed(HttpStatusCode.Created);
        (await pos.SaleCreatedAsync(new
        {
            transactionId = "aud-1",
            locationId = location,
            timestamp = DateTime.UtcNow.AddMinutes(-5),
            items = new[] { new { sku = "NOT-YET", quantity = 1, price = 8m } },
        })).ShouldSucceed(HttpStatusCode.Created);
        var queued = (await admin.GetAsync("/api/v1/integrations/unmapped")).ShouldSucceed().Data.GetProperty("items")[0].GetProperty("id").GetString();
        (await admin.PostAsync($"/api/v1/integrations/unmapped/{queued}/map", new { productId })).ShouldSucceed();
        (await admin.DeleteAsync($"/api/v1/integrations/{integrationId}")).ShouldSucceed(HttpStatusCode.NoContent);
        (await admin.DeleteAsync($"/api/v1/integrations/{integrationId}")).ShouldSucceed(HttpStatusCode.NoContent);

        var log = (await admin.GetAsync("/api/v1/compliance/audit?limit=200")).ShouldSucceed().Data;
        var actions = log.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("action").GetString()!).Reverse().ToArray();

        // Oldest first. The sales (by hand, from the POS, and the mapped line's) are in the ledger, not here; a repeated
        // revoke and a par level set to what it was change nothing and leave nothing.
        Assert.Equal(
            new[]
            {
                "organization.created", "user.created", "organization.updated",
                "location.created", "location.updated", "location.created", "location.deactivated",
                "supplier.created", "supplier.updated", "supplier.deactivated",
                "product.created", "inventory_item.created", "inventory_item.levels_changed",
                "user.created", "user.invitation_accepted", "webhook.created", "webhook.deleted", "integration.created",
                "unmapped_item.mapped", "integration.revoked",
            },
            actions);
        var items = log.GetProperty("items").EnumerateArray().Reverse().ToArray();
        var settings = items[2];
        Assert.Equal(0, settings.GetProperty("before").GetProperty("settings").GetProperty("defaultParLevel").GetInt32());
        Assert.Equal(6, settings.GetProperty("after").GetProperty("settings").GetProperty("defaultParLevel").GetInt32());
        Assert.Equal("Audited Bar", settings.GetProperty("after").GetProperty("name").GetString());
        var levels = items[12];
        Assert.Equal(itemId.ToString(), levels.GetProperty("entityId").GetString());
        Assert.Equal((4, 0), (levels.GetProperty("before").GetProperty("parLevel").GetInt32(), levels.GetProperty("before").GetProperty("reorderPoint").GetInt32()));
        Assert.Equal((8, 3), (levels.GetProperty("after").GetProperty("parLevel").GetInt32(), levels.GetProperty("after").GetProperty("reorderPoint").GetInt32()));
        Assert.Equal("open", items[18].GetProperty("before").GetProperty("status").GetString());
        Assert.Equal("mapped", items[18].GetProperty("after").GetProperty("status").GetString());
        Assert.Equal(JsonNull, items[19].GetProperty("before").GetProperty("revokedAt").ValueKind);
        Assert.NotEqual(JsonNull, items[19].GetProperty("after").GetProperty("revokedAt").ValueKind);

        // Secrets never reach the log: not the webhook's, not the POS's key or signing secret, not a password or its hash.
        var text = log.ToString();
        Assert.DoesNotContain(webhook.GetProperty("secret").GetString()!, text, StringComparison.Ordinal);
        Assert.DoesNotContain(pos.ApiKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain("whsec_", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Tenant.Password, text, StringComparison.Ordinal);
        Assert.DoesNotContain("passwordHash", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AQAAAA", text, StringComparison.Ordinal);

        var verification = (await admin.GetAsync("/api/v1/compliance/audit/verify")).ShouldSucceed().Data;
        Assert.True(verification.GetProperty("verified").GetBoolean(), verification.ToString());
        Assert.Equal(actions.Length, verification.GetProperty("entries").GetInt64());
    }

    [Fact]
    public async Task Concurrent_changes_make_one_unbroken_chain()
    {
        var tenant = await product.NewTenantAsync();

        await Task.WhenAll(Enumerable.Range(0, 24).Select(i => tenant.CreateProductAsync($"RACE-{i}")));

        var verification = (await tenant.Admin.GetAsync("/api/v1/compliance/audit/verify")).ShouldSucceed().Data;
        Assert.True(verification.GetProperty("verified").GetBoolean(), verification.ToString());
        Assert.Equal(2 + 24, verification.GetProperty("entries").GetInt64());
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;
}
