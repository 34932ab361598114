using Dapper;
using InventoryProFlow.Contracts.Analytics;
using Npgsql;

namespace InventoryProFlow.Grains.Analytics;

/// <summary>
/// Sales figures summed by PostgreSQL over the ledger's sale rows, in one round trip. A row's business date is
/// its time in its own location's time zone; the scan is bounded by instants a day wider than the dates on
/// either side (no zone is more than 14 hours from UTC), so the (organization_id, occurred_at) index serves it.
/// </summary>
public sealed class SalesLedgerQuery(NpgsqlDataSource db)
{
    private const string Sales =
        "WITH sales AS (SELECT t.movement_id, t.product_id, t.location_id, -t.quantity::bigint AS units, coalesce(t.total_amount, 0) AS amount, " +
        "(t.occurred_at AT TIME ZONE l.timezone)::date AS day " +
        "FROM app.transactions t JOIN app.locations l ON l.id = t.location_id " +
        "WHERE t.organization_id = @organizationId AND t.type = 'sale' AND t.occurred_at >= @scanFrom AND t.occurred_at < @scanTo " +
        "AND (@locationId::uuid IS NULL OR t.location_id = @locationId)), " +
        "period AS (SELECT * FROM sales WHERE day BETWEEN @start AND @end) ";

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
            top = query.Top,
            scanFrom = previousStart.AddDays(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            scanTo = query.EndDate.AddDays(2).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        };
        await using var connection = await db.OpenConnectionAsync();
        await using var results = await connection.QueryMultipleAsync(
            Sales + "SELECT coalesce(sum(amount), 0) AS sales, count(DISTINCT movement_id) AS transactions, coalesce(sum(units), 0)::bigint AS units FROM period;" +
            Sales + "SELECT p.id AS product_id, p.sku, p.name, sum(s.units)::bigint AS quantity, sum(s.amount) AS revenue FROM period s JOIN app.products p ON p.id = s.product_id " +
            "GROUP BY p.id, p.sku, p.name ORDER BY revenue DESC, quantity DESC, p.sku LIMIT @top;" +
            Sales + "SELECT day AS date, sum(amount) AS sales, count(DISTINCT movement_id) AS transactions, sum(units)::bigint AS units FROM period GROUP BY day ORDER BY day;" +
            Sales + "SELECT CASE WHEN p.category IN ('spirits', 'wine', 'beer', 'mixer') THEN p.category ELSE 'other' END AS category, sum(s.amount) AS sales, " +
            "count(DISTINCT s.movement_id) AS transactions, sum(s.units)::bigint AS units FROM period s JOIN app.products p ON p.id = s.product_id GROUP BY 1 ORDER BY sales DESC, 1;" +
            Sales + "SELECT l.id AS location_id, l.name, sum(s.amount) AS sales, count(DISTINCT s.movement_id) AS transactions, sum(s.units)::bigint AS units " +
            "FROM period s JOIN app.locations l ON l.id = s.location_id GROUP BY l.id, l.name ORDER BY sales DESC, l.name;" +
            Sales + "SELECT coalesce(sum(amount), 0) AS sales, count(DISTINCT movement_id) AS transactions, 0::bigint AS units FROM sales WHERE day BETWEEN @previousStart AND @previousEnd;",
            parameters);
        var totals = await results.ReadSingleAsync<Totals>();
        var top = (await results.ReadAsync<TopProduct>()).ToList();
        var daily = (await results.ReadAsync<DailySales>()).ToDictionary(d => d.Date);
        var byCategory = (await results.ReadAsync<CategorySales>()).ToList();
        var byLocation = (await results.ReadAsync<LocationSales>()).ToList();
        var previous = await results.ReadSingleAsync<Totals>();

        return new SalesAnalytics(
            query.StartDate,
            query.EndDate,
            query.LocationId,
            totals.Sales,
            totals.Transactions,
            totals.Transactions == 0 ? 0m : decimal.Round(totals.Sales / totals.Transactions, 2, MidpointRounding.AwayFromZero),
            totals.Units,
            top,
            Enumerable.Range(0, days).Select(i => query.StartDate.AddDays(i)).Select(d => daily.GetValueOrDefault(d) ?? new DailySales(d, 0m, 0, 0)).ToList(),
            byCategory,
            byLocation,
            new PeriodComparison(previousStart, previousEnd, previous.Sales, previous.Transactions, Change(totals.Sales, previous.Sales), Change(totals.Transactions, previous.Transactions)));
    }

    private static decimal? Change(decimal now, decimal before) =>
        before == 0 ? null : decimal.Round((now - before) / before * 100m, 1, MidpointRounding.AwayFromZero);

    private sealed record Totals(decimal Sales, long Transactions, long Units);
}
