using Dapper;
using Npgsql;

namespace InventoryProFlow.Grains.Analytics;

/// <summary>A count and what the ledger expected before it: the variance is counted minus expected.</summary>
public sealed record CountVariance(
    Guid EntryId, Guid LocationId, Guid ProductId, string Sku, string Name, decimal Variance, decimal Expected, decimal Counted, decimal UnitCost,
    DateTime OccurredAt, DateOnly Day);

/// <summary>
/// Every count of an organisation (or one location) with the stock the ledger expected just before it. The
/// running sum follows the order the grains applied movements in (recorded_at), which is what each count's
/// variance was taken against. A product-location's first row (its opening count) is not a variance.
/// </summary>
public sealed class CountVarianceQuery(NpgsqlDataSource db)
{
    public async Task<IReadOnlyList<CountVariance>> Counts(Guid organizationId, Guid? locationId)
    {
        await using var connection = await db.OpenConnectionAsync();
        return (await connection.QueryAsync<CountVariance>(
            "WITH ledger AS (SELECT t.id, t.location_id, t.product_id, t.type, t.quantity, t.unit_cost, t.occurred_at, l.timezone, " +
            "sum(t.quantity) OVER w AS running, row_number() OVER w AS n " +
            "FROM app.transactions t JOIN app.locations l ON l.id = t.location_id " +
            "WHERE t.organization_id = @organizationId AND (@locationId::uuid IS NULL OR t.location_id = @locationId) " +
            "WINDOW w AS (PARTITION BY t.location_id, t.product_id ORDER BY t.recorded_at, t.id)) " +
            "SELECT c.id AS entry_id, c.location_id, c.product_id, p.sku, p.name, c.quantity AS variance, c.running - c.quantity AS expected, " +
            "c.running AS counted, coalesce(c.unit_cost, p.cost) AS unit_cost, c.occurred_at, (c.occurred_at AT TIME ZONE c.timezone)::date AS day " +
            "FROM ledger c JOIN app.products p ON p.id = c.product_id WHERE c.type = 'count' AND c.n > 1 ORDER BY c.location_id, c.occurred_at, c.id",
            new { organizationId, locationId })).ToList();
    }
}
