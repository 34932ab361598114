using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Stock;

/// <summary>
/// Absurd figures get a precise 400 naming the line, never a 500 from a database column that cannot hold the sum, and
/// nothing is recorded: a line whose money no ledger row can hold, and stock on hand beyond a billion.
/// </summary>
[Collection(SharedProduct.Collection)]
public sealed class StockBoundsTests(SharedProduct product)
{
    [Fact]
    public async Task A_line_whose_money_overflows_the_ledger_is_refused_400_naming_it_and_nothing_is_recorded()
    {
        var tenant = await product.NewTenantAsync();
        var (location, vodka) = await tenant.StockedAsync(10);

        var refused = (await tenant.Admin.PostAsync("/api/v1/transactions/sales", new
        {
            locationId = location,
            items = new[] { new { productId = vodka, quantity = 100_000, unitPrice = 9_999_999_999.99m } },
        })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal(["items[0].unitPrice"], refused.ErrorFields);
        Assert.Contains("more than 9999999999.99", refused.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(10m, await QuantityAsync(tenant, location, vodka));
        Assert.Equal(1L, await LedgerRowsAsync(tenant));
    }

    [Fact]
    public async Task Stock_pushed_past_the_largest_quantity_is_refused_400_naming_the_line_and_nothing_is_recorded()
    {
        var tenant = await product.NewTenantAsync();
        var location = await tenant.CreateLocationAsync();
        var supplier = await tenant.CreateSupplierAsync();
        var gin = await tenant.CreateProductAsync("GIN-BULK");
        // Stock no one could have received, just inside what the column holds: the next delivery would overflow it.
        await product.Host.Database.TamperAsync(
            "INSERT INTO app.inventory (id, organization_id, location_id, product_id, quantity, volume_ml) VALUES (gen_random_uuid(), @o, @l, @p, 999999999999, 0)",
            ("o", tenant.OrganizationId), ("l", location), ("p", gin));

        var refused = (await tenant.Admin.PostAsync("/api/v1/transactions/purchases", new
        {
            locationId = location,
            supplierId = supplier,
            items = new[] { new { productId = gin, quantity = 100_000, unitCost = 10m } },
        })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal(["items[0].quantity"], refused.ErrorFields);
        Assert.Contains("a product holds at most 1000000000 either way of zero", refused.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(999_999_999_999m, await QuantityAsync(tenant, location, gin));
        Assert.Equal(0L, await LedgerRowsAsync(tenant));
    }

    private Task<decimal> QuantityAsync(Tenant tenant, Guid location, Guid productId) =>
        product.Host.Database.ScalarAsync<decimal>(
            "SELECT quantity FROM app.inventory WHERE organization_id = @o AND location_id = @l AND product_id = @p",
            ("o", tenant.OrganizationId), ("l", location), ("p", productId));

    private Task<long> LedgerRowsAsync(Tenant tenant) =>
        product.Host.Database.ScalarAsync<long>("SELECT count(*) FROM app.transactions WHERE organization_id = @o", ("o", tenant.OrganizationId));
}
