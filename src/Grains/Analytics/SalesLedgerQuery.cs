using Dapper;
using InventoryProFlow.Contracts.Analytics;
using InventoryProFlow.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InventoryProFlow.Grains.Analytics;

/// <summary>
/// Sales figures summed by PostgreSQL over the ledger's sale rows, in one round trip and one scan of the period. A row's business date is
/// its time in its own location's time zone; the scan is bounded by instants a day wider than the dates on
/// either side (no zone is more than 14 hours from UTC), so the (organization_id, occurred_at) index serves it.
/// </summary>
public sealed class SalesLedgerQuery([FromKeyedServices(StatementTimeouts.Reports)] NpgsqlDataSource db)
{
    // One scan of the period's sale rows answers every breakdown (GROUPING SETS); a second sums the period before.
    private const string Sales =
        "WITH sales AS (SELECT t.movement_id, t.product_id, t.location_id, -t.quantity AS units, coalesce(t.total_amount, 0) AS amount, " +
        "(t.occurred_at AT TIME ZONE l.timezone)::date AS day " +
        "FROM app.transactions t JOIN app.locations l ON l.id = t.location_id " +
        "WHERE t.organization_id = @organizationId AND t.type = 'sale' AND t.occurred_at >= @scanFrom AND t.occurred_at < @scanTo " +
        "AND (@locationId::uuid IS NULL OR t.location_id = @locationId)) ";

    private const string Breakdowns =
        Sales +
        "SELECT GROUPING(s.day, s.product_id, p.category, s.location_id) AS grouping, s.day, s.product_id, " +
        "p.category, s.location_id, " +
        "sum(s.amount) AS sales, count(DISTINCT s.movement_id) AS transactions, sum(s.units) AS units " +
        "FROM sales s JOIN app.products p ON p.id = s.product_id WHERE s.day BETWEEN @start AND @end " +
        "GROUP BY GROUPING SETS ((), (s.day), (s.product_id), (p.category), (s.location_id));" +
        Sales +
        "SELECT coalesce(sum(amount), 0) AS sales, count(DISTINCT movement_id) AS transactions FROM sales WHERE day BETWEEN @previousStart AND @previousEnd;";

    // GROUPING() bits, in the order of its arguments (day, product, category, location): 1 where a column is not grouped on.
    private const int ByDay = 0b0111;
    private const int ByProduct = 0b1011;
    private const int ByCategory = 0b1101;
    private const int ByLocation = 0b1110;
    private const int Overall = 0b1111;

    public async Task<SalesAnalytics> Run(Guid organizationId, SalesAnalyticsQuery query)
    {
        var days = query.EndDate.DayNumber - query.StartDate.DayNumber + 1;
        var previousEnd = query.StartDate.AddDays(-1);
        var previousStart = previousEnd.AddDays(1 - days);
        var parameters = new
        {
            organizationId,
            locationId = query.LocationId,
            start = query.StartDate,
            end = query.EndDate,
            previousStart,
            previousEnd,
            scanFrom = previousStart.AddDays(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            scanTo = query.EndDate.AddDays(2).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        };
        await using var connection = await db.OpenConnectionAsync();
        await using var results = await connection.QueryMultipleAsync(Breakdowns, parameters);
        var rows = (await results.ReadAsync<Breakdown>()).ToLookup(r => r.Grouping);
        var previous = await results.ReadSingleAsync<Totals>();
        var totals = rows[Overall].FirstOrDefault() ?? new Breakdown(Overall, null, null, null, null, 0m, 0, 0);
        var products = rows[ByProduct].ToList();
        var names = await Names(connection, products.Select(r => r.ProductId!.Value).ToList());
        var top = products
            .Select(r => new TopProduct(r.ProductId!.Value, names[r.ProductId.Value].Sku, names[r.ProductId.Value].Name, r.Units, r.Sales))
            .OrderByDescending(p => p.Revenue).ThenByDescending(p => p.Quantity).ThenBy(p => p.Sku, StringComparer.Ordinal)
            .Take(query.Top)
            .ToList();
        var daily = rows[ByDay].ToDictionary(r => r.Day!.Value);
        var locationNames = await LocationNames(connection, organizationId);

        return new SalesAnalytics(
            query.StartDate,
            query.EndDate,
            query.LocationId,
            totals.Sales,
            totals.Transactions,
            totals.Transactions == 0 ? 0m : decimal.Round(totals.Sales / totals.Transactions, 2, MidpointRounding.AwayFromZero),
            totals.Units,
            top,
            Enumerable.Range(0, days).Select(i => query.StartDate.AddDays(i))
                .Select(d => daily.TryGetValue(d, out var r) ? new DailySales(d, r.Sales, r.Transactions, r.Units) : new DailySales(d, 0m, 0, 0)).ToList(),
            rows[ByCategory].OrderByDescending(r => r.Sales).ThenBy(r => r.Category, StringComparer.Ordinal)
                .Select(r => new CategorySales(r.Category!, r.Sales, r.Transactions, r.Units)).ToList(),
            rows[ByLocation].Select(r => new LocationSales(r.LocationId!.Value, locationNames.GetValueOrDefault(r.LocationId.Value, string.Empty), r.Sales, r.Transactions, r.Units))
                .OrderByDescending(l => l.Sales).ThenBy(l => l.Name, StringComparer.Ordinal).ToList(),
            new PeriodComparison(previousStart, previousEnd, previous.Sales, previous.Transactions, Change(totals.Sales, previous.Sales), Change(totals.Transactions, previous.Transactions)));
    }

    /// <summary>Sku and name of the products that sold: looked up once, after the scan, not joined into it.</summary>
    private static async Task<Dictionary<Guid, (string Sku, string Name)>> Names(NpgsqlConnection connection, IReadOnlyList<Guid> ids) =>
        (await connection.QueryAsync<(Guid Id, string Sku, string Name)>("SELECT id, sku, name FROM app.products WHERE id = ANY(@ids)", new { ids = ids.ToArray() }))
            .ToDictionary(p => p.Id, p => (p.Sku, p.Name));

    private static async Task<Dictionary<Guid, string>> LocationNames(NpgsqlConnection connection, Guid organizationId) =>
        (await connection.QueryAsync<(Guid Id, string Name)>("SELECT id, name FROM app.locations WHERE organization_id = @organizationId", new { organizationId }))
            .ToDictionary(l => l.Id, l => l.Name);

    private static decimal? Change(decimal now, decimal before) =>
        before == 0 ? null : decimal.Round((now - before) / before * 100m, 1, MidpointRounding.AwayFromZero);

    private sealed record Totals(decimal Sales, long Transactions);

    private sealed record Breakdown(int Grouping, DateOnly? Day, Guid? ProductId, string? Category, Guid? LocationId, decimal Sales, long Transactions, decimal Units);
}
