using Dapper;
using InventoryProFlow.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
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
public sealed class CountVarianceQuery(NpgsqlDataSource db, [FromKeyedServices(StatementTimeouts.Reports)] NpgsqlDataSource reports)
{
    // A count that is not its product-location's first ledger row (an opening count is no variance), found by the ledger's order index.
    private const string NotFirst =
        "EXISTS (SELECT 1 FROM app.transactions e WHERE e.location_id = c.location_id AND e.product_id = c.product_id AND (e.recorded_at, e.id) < (c.recorded_at, c.id))";

    // What the ledger expected before each judged count: the stock now, less every row the grain applied after the count
    // (few: the count is new), which is the running sum up to it without reading the rows before it.
    private const string JudgedSql =
        "SELECT c.id AS entry_id, c.location_id, c.product_id, p.sku, p.name, c.quantity AS variance, r.counted - c.quantity AS expected, r.counted, " +
        "coalesce(c.unit_cost, p.cost) AS unit_cost, c.occurred_at, (c.occurred_at AT TIME ZONE l.timezone)::date AS day " +
        "FROM app.transactions c JOIN app.products p ON p.id = c.product_id JOIN app.locations l ON l.id = c.location_id " +
        "JOIN app.inventory i ON i.location_id = c.location_id AND i.product_id = c.product_id " +
        "CROSS JOIN LATERAL (SELECT i.quantity - coalesce(sum(a.quantity), 0) AS counted FROM app.transactions a " +
        "WHERE a.location_id = c.location_id AND a.product_id = c.product_id AND (a.recorded_at, a.id) > (c.recorded_at, c.id)) r " +
        "WHERE c.organization_id = @organizationId AND c.id = ANY(@entries) AND c.type = 'count' AND " + NotFirst;

    // Every count variance of the judged counts' locations, for the usual: the counts alone, by their partial index.
    private const string UsualSql =
        "SELECT c.location_id, c.quantity AS variance FROM app.transactions c " +
        "WHERE c.organization_id = @organizationId AND c.location_id = ANY(@locations) AND c.type = 'count' AND " + NotFirst;

    /// <summary>
    /// Counts just recorded, with what the ledger expected before each, and the usual variance of each of their locations,
    /// taken over the same counts <see cref="Counts"/> reads: one round trip for a whole count sheet. A count that is its
    /// product-location's first row is left out, as there.
    /// </summary>
    public async Task<(IReadOnlyDictionary<Guid, RobustVariance> Usual, IReadOnlyList<CountVariance> Judged)> Judged(Guid organizationId, Guid[] locations, Guid[] entries)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var results = await connection.QueryMultipleAsync($"{UsualSql}; {JudgedSql};", new { organizationId, locations, entries });
        var variances = (await results.ReadAsync<(Guid LocationId, decimal Variance)>()).ToList();
        var judged = (await results.ReadAsync<CountVariance>()).ToList();
        var usual = locations.ToDictionary(
            location => location, location => RobustVariance.Of(variances.Where(v => v.LocationId == location).Select(v => v.Variance).ToList()));
        return (usual, judged);
    }

    public async Task<IReadOnlyList<CountVariance>> Counts(Guid organizationId, Guid? locationId)
    {
        await using var connection = await reports.OpenConnectionAsync();
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
