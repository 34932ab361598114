using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Operations;

/// <summary>
/// A page's total is counted up to 10,000 rows (or the end of the page asked for), not over the whole list: beyond that
/// the total is a lower bound and the pagination block says so; near the end of the list it is exact again.
/// </summary>
[Collection(SharedProduct.Collection)]
public sealed class PaginationCountTests(SharedProduct product)
{
    private const int Rows = 10_050;

    [Fact]
    public async Task A_long_list_counts_to_the_cap_and_says_its_total_is_a_lower_bound()
    {
        var tenant = await product.NewTenantAsync();
        var (location, productId) = await tenant.StockedAsync(0);
        // A ledger of ten thousand movements, written as the database would hold them after a busy year.
        Assert.Equal(Rows, await product.Host.Database.TamperAsync(
            "INSERT INTO app.transactions (id, organization_id, location_id, product_id, type, quantity, occurred_at, recorded_at) " +
            "SELECT gen_random_uuid(), @o, @l, @p, 'adjustment', 1, timestamptz '2026-01-01' + n * interval '1 minute', timestamptz '2026-01-01' + n * interval '1 minute' " +
            "FROM generate_series(1, @n) n",
            ("o", tenant.OrganizationId), ("l", location), ("p", productId), ("n", Rows)));

        var first = (await tenant.Admin.GetAsync($"/api/v1/transactions?locationId={location}&type=adjustment&limit=50")).ShouldSucceed().Data.GetProperty("pagination");
        Assert.Equal((10_001L, 201, true), (first.GetProperty("total").GetInt64(), first.GetProperty("pages").GetInt32(), first.GetProperty("totalIsLowerBound").GetBoolean()));

        // A page past the cap counts to its own end: the last page knows the list's end exactly.
        var last = (await tenant.Admin.GetAsync($"/api/v1/transactions?locationId={location}&type=adjustment&limit=50&page=201")).ShouldSucceed().Data;
        var pagination = last.GetProperty("pagination");
        Assert.Equal((Rows, 201, false), (pagination.GetProperty("total").GetInt64(), pagination.GetProperty("pages").GetInt32(), pagination.GetProperty("totalIsLowerBound").GetBoolean()));
        Assert.Equal(Rows - (200 * 50), last.GetProperty("items").GetArrayLength());

        var small = (await tenant.Admin.GetAsync($"/api/v1/inventory/items?locationId={location}")).ShouldSucceed().Data.GetProperty("pagination");
        Assert.Equal((1L, false), (small.GetProperty("total").GetInt64(), small.GetProperty("totalIsLowerBound").GetBoolean()));
    }
}
