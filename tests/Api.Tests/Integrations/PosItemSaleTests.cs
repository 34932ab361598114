using System.Net;
using System.Text.Json;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Integrations;

/// <summary>
/// A bar's POS rings menu items, not skus: a Margarita, a double shot with no ice. The menu turns each line into what
/// it pours, through the ledger with every promise of a sale; an item the menu does not know waits in the queue and
/// is applied once when it is mapped.
/// </summary>
[Collection(SharedProduct.Collection)]
public sealed class PosItemSaleTests(SharedProduct product)
{
    // 1 US fl oz = 29.5735295625 ml: 1.5 oz = 44.360, 2 oz = 59.147, 1 oz = 29.574 (to the thousandth).
    private Database Db => product.Host.Database;

    [Fact]
    public async Task A_cocktail_and_a_double_shot_with_an_ignored_modifier_deplete_by_volume_once()
    {
        var tenant = await product.NewTenantAsync();
        var bar = await BarAsync(tenant);
        var pos = await PosClient.SetUpAsync(tenant);
        var sale = new
        {
            transactionId = "toast-9001",
            locationId = bar.Location,
            items = new object[]
            {
                new { itemId = "M-1", name = "Margarita", quantity = 2, price = 12.00m },
                new { itemId = "S-TEQ", name = "Tequila shot", quantity = 1, price = 8.00m, modifiers = new[] { new { id = "DBL", name = "Double" }, new { id = "NOICE", name = "No ice" } } },
            },
        };

        var first = await pos.SaleCreatedAsync(sale);
        var again = await pos.SaleCreatedAsync(sale);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal((2, 0), (first.Data.GetProperty("linesApplied").GetInt32(), first.Data.GetProperty("linesUnmapped").GetInt32()));
        Assert.Equal("duplicate", again.Data.GetProperty("status").GetString());
        // Tequila: 2 Margaritas x 59.147 + a double shot 2 x 44.360 = 207.014 ml; triple sec 2 x 29.574 = 59.148 ml.
        Assert.Equal(7500m - 207.014m, await VolumeAsync(bar.Location, bar.Tequila));
        Assert.Equal(7500m - 59.148m, await VolumeAsync(bar.Location, bar.TripleSec));
        Assert.Equal(10m - Math.Round(118.294m / 750m, 8) - Math.Round(88.720m / 750m, 8), await Db.QuantityAsync(bar.Location, bar.Tequila));
        // What the till took, $32.00, is what the sale's rows record.
        Assert.Equal(32.00m, await Db.ScalarAsync<decimal>("SELECT sum(total_amount) FROM app.transactions WHERE reference_id = 'toast-9001'"));
        Assert.True((await tenant.Admin.GetAsync("/api/v1/admin/ledger/verify")).ShouldSucceed().Data.GetProperty("balanced").GetBoolean());
    }

    [Fact]
    public async Task An_unmapped_POS_item_waits_in_the_queue_and_mapping_it_applies_its_lines_once()
    {
        var tenant = await product.NewTenantAsync();
        var bar = await BarAsync(tenant);
        var pos = await PosClient.SetUpAsync(tenant);

        var queued = await pos.SaleCreatedAsync(new
        {
            transactionId = "toast-9002",
            locationId = bar.Location,
            items = new object[] { new { itemId = "PALOMA", name = "Paloma", quantity = 3, price = 11.00m, modifiers = new[] { new { id = "DBL" } } } },
        });
        Assert.Equal(1, queued.Data.GetProperty("linesUnmapped").GetInt32());
        Assert.Equal(7500m, await VolumeAsync(bar.Location, bar.Tequila));
        var waiting = (await tenant.Admin.GetAsync("/api/v1/integrations/unmapped")).ShouldSucceed().Data.GetProperty("items")[0];
        Assert.Equal(("PALOMA", "Paloma"), (waiting.GetProperty("posItemId").GetString(), waiting.GetProperty("itemName").GetString()));

        var paloma = await CreateAsync(tenant, "/api/v1/recipes", new { name = "Paloma", ingredients = new object[] { new { productId = bar.Tequila, volumeOz = 2 }, new { name = "Grapefruit soda", volumeOz = 4 } } });
        var mapped = (await tenant.Admin.PostAsync("/api/v1/pos-items", new { posItemId = "PALOMA", name = "Paloma", recipeId = paloma })).ShouldSucceed(HttpStatusCode.Created).Data;
        var remapped = (await tenant.Admin.PutAsync($"/api/v1/pos-items/{mapped.GetProperty("item").GetProperty("id").GetString()}",
            new { posItemId = "PALOMA", name = "Paloma", recipeId = paloma })).ShouldSucceed().Data;

        Assert.Equal(1, mapped.GetProperty("queuedLinesApplied").GetInt32());
        Assert.Equal(0, remapped.GetProperty("queuedLinesApplied").GetInt32());
        // 3 Palomas with a double: 3 x 2 x 59.147 = 354.882 ml of tequila, applied once.
        Assert.Equal(7500m - 354.882m, await VolumeAsync(bar.Location, bar.Tequila));
        Assert.Equal(33.00m, await Db.ScalarAsync<decimal>("SELECT sum(total_amount) FROM app.transactions WHERE reference_id = 'toast-9002'"));
        Assert.Equal(0, (await tenant.Admin.GetAsync("/api/v1/integrations/unmapped")).ShouldSucceed().Data.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/v1/serving-sizes", "{\"name\":\"Shot\"}", "volumeMl")]
    [InlineData("/api/v1/serving-sizes", "{\"name\":\"Shot\",\"volumeMl\":44.36,\"volumeOz\":1.5}", "volumeMl")]
    [InlineData("/api/v1/recipes", "{\"name\":\"Empty\",\"ingredients\":[]}", "ingredients")]
    [InlineData("/api/v1/recipes", "{\"name\":\"Bad\",\"ingredients\":[{\"productId\":\"{tequila}\"}]}", "ingredients[0].volumeMl")]
    [InlineData("/api/v1/recipes", "{\"name\":\"Bad\",\"ingredients\":[{\"productId\":\"{other}\",\"volumeMl\":10}]}", "ingredients[0].productId")]
    [InlineData("/api/v1/pos-items", "{\"posItemId\":\"X\",\"name\":\"X\"}", "recipeId")]
    [InlineData("/api/v1/pos-items", "{\"posItemId\":\"X\",\"name\":\"X\",\"recipeId\":\"{other}\"}", "recipeId")]
    [InlineData("/api/v1/pos-items", "{\"posItemId\":\"X\",\"name\":\"X\",\"productId\":\"{tequila}\",\"volumeMl\":-1}", "volumeMl")]
    [InlineData("/api/v1/pos-modifiers", "{\"posModifierId\":\"DBL\",\"name\":\"Double\",\"action\":\"multiply\"}", "factor")]
    [InlineData("/api/v1/pos-modifiers", "{\"posModifierId\":\"X\",\"name\":\"X\",\"action\":\"explode\"}", "action")]
    public async Task A_broken_menu_record_is_400_naming_the_field_and_changes_nothing(string path, string body, string field)
    {
        var tenant = await product.NewTenantAsync();
        var bar = await BarAsync(tenant);
        var before = await Db.ScalarAsync<long>("SELECT (SELECT count(*) FROM app.serving_sizes) + (SELECT count(*) FROM app.recipes) + (SELECT count(*) FROM app.pos_items) + (SELECT count(*) FROM app.pos_modifiers)");

        var refused = (await tenant.Admin.SendRawAsync(HttpMethod.Post, path, body.Replace("{tequila}", bar.Tequila.ToString(), StringComparison.Ordinal).Replace("{other}", Guid.NewGuid().ToString(), StringComparison.Ordinal)))
            .ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Contains(field, refused.ErrorFields);
        Assert.Equal(before, await Db.ScalarAsync<long>("SELECT (SELECT count(*) FROM app.serving_sizes) + (SELECT count(*) FROM app.recipes) + (SELECT count(*) FROM app.pos_items) + (SELECT count(*) FROM app.pos_modifiers)"));
    }

    [Fact]
    public async Task A_serving_size_in_use_cannot_be_deleted_and_names_are_unique()
    {
        var tenant = await product.NewTenantAsync();
        var bar = await BarAsync(tenant);

        (await tenant.Admin.DeleteAsync($"/api/v1/serving-sizes/{bar.Shot}")).ShouldFail(HttpStatusCode.Conflict, "CONFLICT");
        var poured = (await tenant.Admin.DeleteAsync($"/api/v1/products/{bar.TripleSec}")).ShouldFail(HttpStatusCode.Conflict, "CONFLICT");
        Assert.Contains("Margarita", poured.ErrorMessage, StringComparison.Ordinal);
        (await tenant.Admin.PostAsync("/api/v1/serving-sizes", new { name = "shot", volumeOz = 1.25m })).ShouldFail(HttpStatusCode.Conflict, "CONFLICT");
        var other = await product.NewTenantAsync();
        (await other.Admin.GetAsync($"/api/v1/recipes/{bar.Margarita}")).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Equal(0, (await other.Admin.GetAsync("/api/v1/pos-items")).ShouldSucceed().Data.GetProperty("items").GetArrayLength());
    }

    private async Task<decimal> VolumeAsync(Guid location, Guid productId) =>
        await Db.ScalarAsync<decimal>("SELECT volume_ml FROM app.inventory WHERE location_id = @l AND product_id = @p", ("l", location), ("p", productId));

    private static async Task<Guid> CreateAsync(Tenant tenant, string path, object body)
    {
        var data = (await tenant.Admin.PostAsync(path, body)).ShouldSucceed(HttpStatusCode.Created).Data;
        return Guid.Parse((data.TryGetProperty("item", out var item) ? item : data).GetProperty("id").GetString()!);
    }

    // A bar with tequila and triple sec (10 bottles of 750 ml each), a shot, a Margarita and a double.
    private static async Task<Bar> BarAsync(Tenant tenant)
    {
        var location = await tenant.CreateLocationAsync();
        var tequila = await tenant.CreateProductAsync("TEQ-750", "Blanco Tequila");
        var tripleSec = await tenant.CreateProductAsync("TRIPLE-750", "Triple Sec");
        await tenant.StockAsync(location, tequila, 10);
        await tenant.StockAsync(location, tripleSec, 10);
        var shot = await CreateAsync(tenant, "/api/v1/serving-sizes", new { name = "Shot", volumeOz = 1.5m });
        var margarita = await CreateAsync(tenant, "/api/v1/recipes", new
        {
            name = "Margarita",
            ingredients = new object[] { new { productId = tequila, volumeOz = 2 }, new { productId = tripleSec, volumeOz = 1 }, new { name = "Lime juice", volumeOz = 1 } },
        });
        await CreateAsync(tenant, "/api/v1/pos-items", new { posItemId = "M-1", name = "Margarita", recipeId = margarita });
        await CreateAsync(tenant, "/api/v1/pos-items", new { posItemId = "S-TEQ", name = "Tequila shot", productId = tequila, servingSizeId = shot });
        await CreateAsync(tenant, "/api/v1/pos-modifiers", new { posModifierId = "DBL", name = "Double", action = "multiply", factor = 2 });
        await CreateAsync(tenant, "/api/v1/pos-modifiers", new { posModifierId = "NOICE", name = "No ice", action = "ignore" });
        return new Bar(location, tequila, tripleSec, shot, margarita);
    }

    private sealed record Bar(Guid Location, Guid Tequila, Guid TripleSec, Guid Shot, Guid Margarita);
}
