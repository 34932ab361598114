using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace InventoryProFlow.Api.Tests.Live;

/// <summary>The hub on one node: what a subscriber hears, and who may subscribe to what.</summary>
[Collection(SharedProduct.Collection)]
public sealed class LiveStockTests(SharedProduct product)
{
    [Fact]
    public async Task A_subscriber_hears_the_sale_its_stock_and_the_low_stock_alert_of_its_location()
    {
        var tenant = await product.NewTenantAsync();
        var (location, productId) = await tenant.StockedAsync(10, parLevel: 8);
        await using var watcher = await LiveClient.ConnectAsync(product.Host.Address, tenant.AdminToken);
        await watcher.SubscribeAsync(location);

        var sale = (await tenant.Admin.PostAsync("/api/v1/transactions/sales", new
        {
            locationId = location,
            referenceId = "till-3-0042",
            items = new[] { new { productId, quantity = 3, unitPrice = 8.50m } },
        })).ShouldSucceed(HttpStatusCode.Created);
        var movementId = sale.Data.GetProperty("movementId").GetString();

        var heardSale = await watcher.NextAsync("sales:new", e => e.GetProperty("movementId").GetString() == movementId);
        Assert.Equal(location.ToString(), heardSale.GetProperty("locationId").GetString());
        Assert.Equal("till-3-0042", heardSale.GetProperty("referenceId").GetString());
        Assert.Equal(3, heardSale.GetProperty("totalUnits").GetInt32());
        Assert.Equal(25.50m, heardSale.GetProperty("totalAmount").GetDecimal());
        var line = Assert.Single(heardSale.GetProperty("lines").EnumerateArray());
        Assert.Equal(productId.ToString(), line.GetProperty("productId").GetString());
        Assert.Equal(3, line.GetProperty("quantity").GetInt32());

        var heardStock = await watcher.NextAsync("inventory:updated", e => e.GetProperty("productId").GetString() == productId.ToString());
        Assert.Equal(7, heardStock.GetProperty("newQuantity").GetInt32());
        Assert.Equal(location.ToString(), heardStock.GetProperty("locationId").GetString());
        Assert.False(string.IsNullOrEmpty(heardStock.GetProperty("changedBy").GetString()));
        Assert.True(heardStock.TryGetProperty("timestamp", out _));

        var alert = await watcher.NextAsync("alert:lowStock", e => e.GetProperty("productId").GetString() == productId.ToString());
        Assert.Equal(7, alert.GetProperty("quantity").GetInt32());
        Assert.Equal(8, alert.GetProperty("parLevel").GetInt32());
        Assert.Equal("VODKA-750", alert.GetProperty("sku").GetString());
    }

    [Fact]
    public async Task A_count_is_heard_as_an_inventory_update()
    {
        var tenant = await product.NewTenantAsync();
        var (location, productId) = await tenant.StockedAsync(10);
        var itemId = (await tenant.Admin.GetAsync($"/api/v1/inventory/items?locationId={location}")).ShouldSucceed()
            .Data.GetProperty("items")[0].GetProperty("id").GetString();
        await using var watcher = await LiveClient.ConnectAsync(product.Host.Address, tenant.AdminToken);
        await watcher.SubscribeAsync(location);

        (await tenant.Admin.PutAsync($"/api/v1/inventory/items/{itemId}/count", new { quantity = 4, notes = "2 a.m. count" })).ShouldSucceed();

        var heard = await watcher.NextAsync("inventory:updated", e => e.GetProperty("newQuantity").GetInt32() == 4);
        Assert.Equal(productId.ToString(), heard.GetProperty("productId").GetString());
    }

    [Fact]
    public async Task An_admin_watching_the_organisation_hears_every_location_and_nobody_hears_another_organisation()
    {
        var tenant = await product.NewTenantAsync();
        var other = await product.NewTenantAsync();
        var (location, productId) = await tenant.StockedAsync(10);
        var (otherLocation, otherProduct) = await other.StockedAsync(10);
        await using var owner = await LiveClient.ConnectAsync(product.Host.Address, tenant.AdminToken);
        await owner.SubscribeOrganizationAsync();
        await using var stranger = await LiveClient.ConnectAsync(product.Host.Address, other.AdminToken);
        await stranger.SubscribeOrganizationAsync();
        await stranger.SubscribeAsync(otherLocation);

        (await tenant.Admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, items = new[] { new { productId, quantity = 1 } } }))
            .ShouldSucceed(HttpStatusCode.Created);
        await owner.NextAsync("sales:new", e => e.GetProperty("locationId").GetString() == location.ToString());

        // The stranger hears its own sale and, before it, nothing of the first organisation's.
        (await other.Admin.PostAsync("/api/v1/transactions/sales", new { locationId = otherLocation, items = new[] { new { productId = otherProduct, quantity = 1 } } }))
            .ShouldSucceed(HttpStatusCode.Created);
        await stranger.NextAsync("sales:new", e => e.GetProperty("locationId").GetString() == otherLocation.ToString());
        Assert.DoesNotContain(stranger.Heard, h => h.Payload.GetRawText().Contains(location.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(owner.Heard, h => h.Payload.GetRawText().Contains(otherLocation.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Subscribing_to_another_organisations_location_or_to_the_organisation_without_being_admin_is_refused()
    {
        var tenant = await product.NewTenantAsync();
        var other = await product.NewTenantAsync();
        var otherLocation = await other.CreateLocationAsync();
        await using var bartender = await LiveClient.ConnectAsync(product.Host.Address, await tenant.TokenOfNewUserAsync("staff"));

        var foreign = await Assert.ThrowsAsync<HubException>(() => bartender.SubscribeAsync(otherLocation));
        var whole = await Assert.ThrowsAsync<HubException>(bartender.SubscribeOrganizationAsync);
        var missing = await Assert.ThrowsAsync<HubException>(() => bartender.SubscribeAsync(Guid.Empty));

        Assert.Contains("NOT_FOUND", foreign.Message, StringComparison.Ordinal);
        Assert.Contains("FORBIDDEN", whole.Message, StringComparison.Ordinal);
        Assert.Contains("NOT_FOUND", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hub_needs_a_valid_token()
    {
        var anonymous = await product.Host.Client().SendRawAsync(HttpMethod.Post, "/hubs/inventory/negotiate?negotiateVersion=1", "");
        var forged = await product.Host.Client("not.a.token").SendRawAsync(HttpMethod.Post, "/hubs/inventory/negotiate?negotiateVersion=1", "");

        anonymous.ShouldFail(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        forged.ShouldFail(HttpStatusCode.Unauthorized, "INVALID_TOKEN");
        await Assert.ThrowsAnyAsync<Exception>(() => LiveClient.ConnectAsync(product.Host.Address, "not.a.token"));
    }
}
