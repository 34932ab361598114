using System.Net;
using System.Text.Json;
using InventoryProFlow.Api.Tests.Infrastructure;
using InventoryProFlow.Contracts.Identity;
using InventoryProFlow.Contracts.Live;

namespace InventoryProFlow.Api.Tests.Live;

/// <summary>A listener hears only the kinds of event its scopes allow: the hub is no side door to money, shrinkage or licences.</summary>
[Collection(SharedProduct.Collection)]
public sealed class LiveScopeTests(SharedProduct product)
{
    [Fact]
    public async Task A_listener_with_only_inventory_read_hears_the_stock_and_the_alert_of_a_sale_but_not_the_sale()
    {
        var tenant = await product.NewTenantAsync();
        var (location, productId) = await tenant.StockedAsync(10, parLevel: 8);
        await using var scale = await LiveClient.ConnectAsync(product.Host.Address, await ClientTokenAsync(tenant, Scopes.InventoryRead));
        await scale.SubscribeAsync(location);
        await using var owner = await LiveClient.ConnectAsync(product.Host.Address, tenant.AdminToken);
        await owner.SubscribeAsync(location);

        var movementId = (await tenant.Admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, items = new[] { new { productId, quantity = 3, unitPrice = 8.50m } } }))
            .ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("movementId").GetString();

        // The sale was sent: the owner hears it.
        await owner.NextAsync("sales:new", e => e.GetProperty("movementId").GetString() == movementId);
        await scale.NextAsync("inventory:updated", e => e.GetProperty("productId").GetString() == productId.ToString());
        // A commit's events go out in order (stock, sale, low stock), so once the alert is heard the sale would have been too.
        await scale.NextAsync("alert:lowStock", e => e.GetProperty("productId").GetString() == productId.ToString());
        Assert.DoesNotContain(scale.Heard, h => h.Event == "sales:new");
    }

    [Fact]
    public void Each_kind_of_event_needs_the_scope_its_REST_counterpart_needs()
    {
        Assert.Equal(LiveClient.Events.Order(), LiveEventKinds.ScopeNeeded.Keys.Order());
        Assert.Equal(["alert:lowStock", "inventory:updated", "sales:new"], LiveEventKinds.AllowedFor(Scopes.OfRole(Roles.Staff)).Order());
        Assert.Equal(LiveClient.Events.Order(), LiveEventKinds.AllowedFor(Scopes.OfRole(Roles.Manager)).Order());
        Assert.Equal(LiveClient.Events.Order(), LiveEventKinds.AllowedFor([Scopes.AdminAll]).Order());
        Assert.Equal(["alert:lowStock", "inventory:updated"], LiveEventKinds.AllowedFor([Scopes.InventoryRead, Scopes.SalesWrite]).Order());
        Assert.Equal(
            (Scopes.SalesRead, Scopes.AnalyticsRead, Scopes.ComplianceRead),
            (LiveEventKinds.ScopeNeeded["sales:new"], LiveEventKinds.ScopeNeeded["alert:shrinkage"], LiveEventKinds.ScopeNeeded["alert:compliance"]));
    }

    private async Task<string> ClientTokenAsync(Tenant tenant, params string[] scopes)
    {
        var created = (await tenant.Admin.PostAsync("/api/v1/integrations/clients", new { name = "Shelf scale", scopes })).ShouldSucceed(HttpStatusCode.Created).Data;
        using var http = new HttpClient { BaseAddress = product.Host.Address };
        var response = await http.PostAsync("/api/v1/auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = created.GetProperty("id").GetString()!,
            ["client_secret"] = created.GetProperty("clientSecret").GetString()!,
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("access_token").GetString()!;
    }
}
