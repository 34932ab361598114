using System.Net;
using System.Text;
using System.Text.Json;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Stock;

/// <summary>
/// The web app's count mode queues counts on a flaky connection and sends each with an Idempotency-Key:
/// a count resent after a lost answer must not apply again, or it would count over a sale made since.
/// </summary>
[Collection(SharedProduct.Collection)]
public sealed class IdempotentCountTests(SharedProduct product)
{
    private Database Db => product.Host.Database;

    private static StringContent Count(int quantity) =>
        new(JsonSerializer.Serialize(new { quantity, notes = "shelf 3" }), Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_count_resent_with_its_key_answers_the_first_receipt_and_leaves_later_sales_alone()
    {
        var tenant = await product.NewTenantAsync();
        var (location, vodka) = await tenant.StockedAsync(10);
        var item = await Db.ScalarAsync<Guid>("SELECT id FROM app.inventory WHERE location_id = @l", ("l", location));
        var staff = await tenant.SignedInAsync("staff");
        var path = $"/api/v1/inventory/items/{item}/count";

        var first = (await staff.SendAsync(HttpMethod.Put, path, Count(6), r => r.Headers.Add("Idempotency-Key", "phone-7f3a"))).ShouldSucceed();
        (await tenant.Admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, items = new[] { new { productId = vodka, quantity = 2 } } })).ShouldSucceed(HttpStatusCode.Created);
        var replay = (await staff.SendAsync(HttpMethod.Put, path, Count(6), r => r.Headers.Add("Idempotency-Key", "phone-7f3a"))).ShouldSucceed();

        Assert.Equal(-4, first.Data.GetProperty("variance").GetInt32());
        Assert.Equal(first.Data.GetProperty("movementId").GetGuid(), replay.Data.GetProperty("movementId").GetGuid());
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        // The replay answers the item as it is now: counted to 6, then 2 sold.
        Assert.Equal(4, replay.Data.GetProperty("item").GetProperty("quantity").GetInt32());
        Assert.Equal(4, await Db.ScalarAsync<int>("SELECT quantity FROM app.inventory WHERE id = @i", ("i", item)));
        Assert.Equal(2L, await Db.ScalarAsync<long>("SELECT count(*) FROM app.transactions WHERE location_id = @l AND type = 'count'", ("l", location)));
        Assert.True((await tenant.Admin.GetAsync("/api/v1/admin/ledger/verify")).ShouldSucceed().Data.GetProperty("balanced").GetBoolean());
    }

    [Fact]
    public async Task The_same_key_with_another_count_is_a_conflict_and_changes_nothing()
    {
        var tenant = await product.NewTenantAsync();
        var (location, _) = await tenant.StockedAsync(10);
        var item = await Db.ScalarAsync<Guid>("SELECT id FROM app.inventory WHERE location_id = @l", ("l", location));
        var path = $"/api/v1/inventory/items/{item}/count";
        (await tenant.Admin.SendAsync(HttpMethod.Put, path, Count(6), r => r.Headers.Add("Idempotency-Key", "phone-1"))).ShouldSucceed();
        var before = await Db.CountsAsync();

        (await tenant.Admin.SendAsync(HttpMethod.Put, path, Count(9), r => r.Headers.Add("Idempotency-Key", "phone-1")))
            .ShouldFail(HttpStatusCode.Conflict, "IDEMPOTENCY_CONFLICT");

        Assert.Equal(before, await Db.CountsAsync());
        Assert.Equal(6, await Db.ScalarAsync<int>("SELECT quantity FROM app.inventory WHERE id = @i", ("i", item)));
    }

    [Fact]
    public async Task A_bad_count_with_a_key_is_refused_and_the_key_stays_free()
    {
        var tenant = await product.NewTenantAsync();
        var (location, _) = await tenant.StockedAsync(10);
        var item = await Db.ScalarAsync<Guid>("SELECT id FROM app.inventory WHERE location_id = @l", ("l", location));
        var path = $"/api/v1/inventory/items/{item}/count";

        var refused = (await tenant.Admin.SendAsync(HttpMethod.Put, path, Count(-1), r => r.Headers.Add("Idempotency-Key", "phone-2")))
            .ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        var counted = (await tenant.Admin.SendAsync(HttpMethod.Put, path, Count(3), r => r.Headers.Add("Idempotency-Key", "phone-2"))).ShouldSucceed();

        Assert.Equal(["quantity"], refused.ErrorFields);
        Assert.Equal(3, counted.Data.GetProperty("item").GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task The_inventory_list_searches_name_and_sku_by_every_word()
    {
        var tenant = await product.NewTenantAsync();
        var location = await tenant.CreateLocationAsync();
        await tenant.StockAsync(location, await tenant.CreateProductAsync("GIN-HEN-750", "Hendrick's Gin"), 5);
        await tenant.StockAsync(location, await tenant.CreateProductAsync("GIN-TAN-750", "Tanqueray London Dry Gin"), 5);
        await tenant.StockAsync(location, await tenant.CreateProductAsync("VOD-TIT-750", "Tito's Handmade Vodka"), 5);

        async Task<string[]> Names(string q) =>
            (await tenant.Admin.GetAsync($"/api/v1/inventory/items?locationId={location}&q={Uri.EscapeDataString(q)}")).ShouldSucceed()
                .Data.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToArray();

        Assert.Equal(["Hendrick's Gin", "Tanqueray London Dry Gin"], await Names("gin"));
        Assert.Equal(["Tanqueray London Dry Gin"], await Names("GIN london"));
        Assert.Equal(["Tito's Handmade Vodka"], await Names("vod-tit"));
        Assert.Empty(await Names("rum"));
        (await tenant.Admin.GetAsync($"/api/v1/inventory/items?locationId={location}&q={new string('x', 201)}"))
            .ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
    }
}
