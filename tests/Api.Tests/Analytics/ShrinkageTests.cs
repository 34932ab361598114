using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Analytics;

/// <summary>Bottles that leave without a movement show up at the next count, ranked by the money they cost.</summary>
[Collection(SharedProduct.Collection)]
public sealed class ShrinkageTests(SharedProduct product)
{
    [Fact]
    public async Task Stock_removed_without_a_movement_is_found_first_at_the_next_count_and_alerted()
    {
        var tenant = await product.NewTenantAsync();
        var location = await tenant.CreateLocationAsync();
        var items = new Dictionary<string, Guid>();
        foreach (var sku in new[] { "GIN-1", "RUM-1", "RYE-1", "TEQ-1", "VOD-1", "WHI-1" })
        {
            items[sku] = await tenant.StockAsync(location, await tenant.CreateProductAsync(sku, "Bottle " + sku), 24);
        }

        // The location's usual: counts mostly right, now and then a bottle out.
        foreach (var (sku, item) in items)
        {
            await Count(tenant, item, 24);
            (await tenant.Admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, items = new[] { new { sku, quantity = 2 } } }))
                .ShouldSucceed(HttpStatusCode.Created);
            await Count(tenant, item, 21);
            await Count(tenant, item, 21);
        }

        var token = await tenant.TokenOfNewUserAsync("manager");
        await using var live = await LiveClient.ConnectAsync(product.Host.Address, token);
        await live.SubscribeAsync(location);

        // Ten bottles of rye walk out with nobody recording it; two of rum. The next counts find them.
        await Count(tenant, items["RYE-1"], 11);
        await Count(tenant, items["RUM-1"], 19);

        var flagged = (await tenant.Admin.GetAsync($"/api/v1/analytics/anomalies?locationId={location}")).ShouldSucceed().Data;
        var first = Assert.Single(flagged.GetProperty("items").EnumerateArray());
        Assert.Equal("RYE-1", first.GetProperty("sku").GetString());
        // In the period: this count's ten bottles and the one the usual counts missed, at 15.00 each.
        Assert.Equal((21L, 11L, 11L, 165.00m), (first.GetProperty("expectedUnits").GetInt64(), first.GetProperty("countedUnits").GetInt64(),
            first.GetProperty("shortUnits").GetInt64(), first.GetProperty("moneyLost").GetDecimal()));
        Assert.True(first.GetProperty("flagged").GetBoolean());

        var all = (await manager(tenant)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sku").GetString()).ToList();
        Assert.Equal(["RYE-1", "RUM-1"], all.Take(2));
        Assert.Equal(6, all.Count);

        var alert = await live.NextAsync("alert:shrinkage", a => a.GetProperty("sku").GetString() == "RYE-1");
        Assert.Equal(150.00m, alert.GetProperty("moneyLost").GetDecimal());
        Assert.DoesNotContain(live.Heard, h => h.Event == "alert:shrinkage" && h.Payload.GetProperty("sku").GetString() == "RUM-1");

        async Task<System.Text.Json.JsonElement> manager(Tenant t) =>
            (await product.Host.Client(token).GetAsync($"/api/v1/analytics/anomalies?locationId={location}&all=true")).ShouldSucceed().Data;
    }

    [Fact]
    public async Task Staff_are_refused_and_bad_ranges_get_the_field()
    {
        var tenant = await product.NewTenantAsync();
        (await (await tenant.SignedInAsync("staff")).GetAsync("/api/v1/analytics/anomalies")).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        foreach (var (query, field) in new[] { ("from=2026-02-30", "from"), ("from=2026-03-01&to=2026-02-01", "to"), ("all=yes", "all"), ("locationId=x", "locationId") })
        {
            var failure = (await tenant.Admin.GetAsync($"/api/v1/analytics/anomalies?{query}")).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
            Assert.Contains(failure.Body.GetProperty("error").GetProperty("details").EnumerateArray(), d => d.GetProperty("field").GetString() == field);
        }

        (await tenant.Admin.GetAsync($"/api/v1/analytics/anomalies?locationId={Guid.NewGuid()}")).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    private static async Task Count(Tenant tenant, Guid item, int quantity) =>
        (await tenant.Admin.PutAsync($"/api/v1/inventory/items/{item}/count", new { quantity })).ShouldSucceed();
}
