using Dapper;
using InventoryProFlow.Contracts.Analytics;
using InventoryProFlow.Grains.Stock;
using InventoryProFlow.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InventoryProFlow.Grains.Analytics;

/// <summary>
/// The ledger of one location summed per product between two snapshots (after the first, up to and including the
/// second), and what the variance report cannot see in that period.
/// </summary>
public sealed class VarianceLedgerQuery([FromKeyedServices(StatementTimeouts.Reports)] NpgsqlDataSource db)
{
    // A count session's rows happen at its snapshot, so "up to the snapshot" holds exactly what was counted.
    private static readonly string FlowsSql =
        "WITH t AS (SELECT product_id, type, quantity, volume_ml, occurred_at > @from AS within FROM app.transactions " +
        "WHERE organization_id = @organizationId AND location_id = @locationId AND occurred_at <= @to) " +
        "SELECT p.id AS product_id, p.sku, p.name, p.category, p.unit, p.size_ml, p.cost, p.price, " +
        Flow("opening", "NOT within", 1) + Flow("received", "within AND type = 'purchase'", 1) + Flow("transfers_in", "within AND type = 'transfer_in'", 1) +
        Flow("transfers_out", "within AND type = 'transfer_out'", -1) + Flow("adjustments", "within AND type = 'adjustment'", 1) +
        Flow("sold", "within AND type = 'sale'", -1) + Flow("wasted", "within AND type = 'waste'", -1) + Flow("comped", "within AND type = 'comp'", -1) +
        "coalesce(sum(t.quantity), 0) AS closing_units, coalesce(sum(t.volume_ml), 0) AS closing_ml " +
        "FROM t JOIN app.products p ON p.id = t.product_id GROUP BY p.id";

    public async Task<IReadOnlyList<ProductFlows>> Flows(Guid organizationId, Guid locationId, DateTime from, DateTime to, IReadOnlySet<Guid> countedAtClose)
    {
        await using var connection = await db.OpenConnectionAsync();
        var rows = await connection.QueryAsync<FlowRow>(FlowsSql, new { organizationId, locationId, from, to });
        return rows.Select(r => r.Flows(countedAtClose.Contains(r.ProductId))).ToList();
    }

    public async Task<VarianceDataHealth> Health(Guid organizationId, Guid locationId, DateTime from, DateTime to, IReadOnlySet<Guid> countedAtClose)
    {
        await using var connection = await db.OpenConnectionAsync();
        var parameters = new { organizationId, locationId, from, to };
        var unmapped = await connection.QueryAsync<(string What, int Lines)>(
            "SELECT coalesce(item_name, pos_item_id, sku, barcode) AS what, count(*)::int AS lines FROM app.unmapped_items " +
            "WHERE organization_id = @organizationId AND location_id = @locationId AND status = 'open' AND occurred_at > @from AND occurred_at <= @to " +
            "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 100", parameters);
        var costless = await connection.QueryAsync<(Guid ProductId, string Sku, int Lines)>(
            "SELECT t.product_id, p.sku, count(*)::int FROM app.transactions t JOIN app.products p ON p.id = t.product_id " +
            "WHERE t.organization_id = @organizationId AND t.location_id = @locationId AND t.type = 'purchase' AND t.occurred_at > @from AND t.occurred_at <= @to " +
            "AND coalesce(t.unit_cost, 0) = 0 GROUP BY t.product_id, p.sku ORDER BY 3 DESC, 2 LIMIT 100", parameters);
        var sold = await connection.QueryAsync<(Guid ProductId, string Sku, int Lines)>(
            "SELECT t.product_id, p.sku, count(*)::int FROM app.transactions t JOIN app.products p ON p.id = t.product_id " +
            "WHERE t.organization_id = @organizationId AND t.location_id = @locationId AND t.type = 'sale' AND t.occurred_at > @from AND t.occurred_at <= @to " +
            "GROUP BY t.product_id, p.sku ORDER BY 3 DESC, 2", parameters);
        return new VarianceDataHealth(
            unmapped.Select(u => new DataHealthItem(u.What, u.Lines)).ToList(),
            costless.Select(c => new DataHealthItem(c.Sku, c.Lines, c.ProductId)).ToList(),
            sold.Where(s => !countedAtClose.Contains(s.ProductId)).Take(100).Select(s => new DataHealthItem(s.Sku, s.Lines, s.ProductId)).ToList());
    }

    private static string Flow(string name, string filter, int sign) =>
        $"coalesce({sign} * sum(t.quantity) FILTER (WHERE {filter}), 0) AS {name}_units, coalesce({sign} * sum(t.volume_ml) FILTER (WHERE {filter}), 0) AS {name}_ml, ";

    private sealed record FlowRow(
        Guid ProductId, string Sku, string Name, string Category, string Unit, decimal? SizeMl, decimal Cost, decimal Price,
        decimal OpeningUnits, decimal OpeningMl, decimal ReceivedUnits, decimal ReceivedMl, decimal TransfersInUnits, decimal TransfersInMl,
        decimal TransfersOutUnits, decimal TransfersOutMl, decimal AdjustmentsUnits, decimal AdjustmentsMl, decimal SoldUnits, decimal SoldMl,
        decimal WastedUnits, decimal WastedMl, decimal CompedUnits, decimal CompedMl, decimal ClosingUnits, decimal ClosingMl)
    {
        public ProductFlows Flows(bool countedAtClose)
        {
            // A product without a size moves in units only.
            Measure M(decimal units, decimal ml) => new(units, SizeMl is null ? null : ml);
            return new ProductFlows(
                ProductId, Sku, Name, Category, Unit, SizeMl, Cost, Price,
                M(OpeningUnits, OpeningMl), M(ReceivedUnits, ReceivedMl), M(TransfersInUnits, TransfersInMl), M(TransfersOutUnits, TransfersOutMl),
                M(AdjustmentsUnits, AdjustmentsMl), M(SoldUnits, SoldMl), M(WastedUnits, WastedMl), M(CompedUnits, CompedMl),
                M(ClosingUnits, ClosingMl), countedAtClose);
        }
    }
}
