using Dapper;
using InventoryProFlow.Contracts.Compliance;
using InventoryProFlow.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InventoryProFlow.Grains.Compliance;

/// <summary>
/// The ABC report's figures, summed by PostgreSQL over the ledger of one location. The period is business dates
/// in the location's time zone; only rows recorded by <c>asOf</c> count, so the same question asked again
/// gets the same answer even if a late POS sale for the period arrives later.
/// </summary>
public sealed class AbcLedgerQuery([FromKeyedServices(StatementTimeouts.Reports)] NpgsqlDataSource db)
{
    // The report's rows are by compliance class, not the merchant's category: hard cider is wine under federal law
    // (26 U.S.C. 5041), non-alcoholic and other products are "other".
    // Units and millilitres are summed exactly in numeric (a pour is a fraction of a bottle); litres are millilitres / 1000.
    private const string Period =
        "WITH bounds AS (SELECT (@start::date)::timestamp AT TIME ZONE @timezone AS from_at, (@end::date + 1)::timestamp AT TIME ZONE @timezone AS to_at), " +
        "moves AS (SELECT CASE p.compliance_class WHEN 'spirits' THEN 'spirits' WHEN 'wine' THEN 'wine' WHEN 'cider' THEN 'wine' WHEN 'beer' THEN 'beer' ELSE 'other' END AS category, " +
        "t.type, t.quantity AS units, coalesce(t.volume_ml, t.quantity * p.size_ml, 0) AS ml, coalesce(t.total_amount, 0) AS amount, " +
        "t.occurred_at < b.from_at AS before, t.supplier_id " +
        "FROM app.transactions t JOIN app.products p ON p.id = t.product_id CROSS JOIN bounds b " +
        "WHERE t.organization_id = @organizationId AND t.location_id = @locationId AND t.occurred_at < b.to_at AND t.recorded_at <= @asOf) ";

    public async Task<(IReadOnlyList<AbcCategoryFigures> ByCategory, IReadOnlyList<SupplierPurchases> Suppliers)> Figures(
        Guid organizationId, Guid locationId, ReportPeriod period, string timezone, DateTime asOf)
    {
        var parameters = new { organizationId, locationId, start = period.Start, end = period.End, timezone, asOf };
        await using var connection = await db.OpenConnectionAsync();
        var sums = (await connection.QueryAsync<CategorySums>(
            Period +
            "SELECT category, " +
            "coalesce(sum(units) FILTER (WHERE before), 0) AS opening_units, coalesce(sum(ml) FILTER (WHERE before), 0) AS opening_ml, " +
            Flow("purchase", "purchased", 1) + Flow("sale", "sold", -1) + Flow("waste", "wasted", -1) + Flow("comp", "comped", -1) +
            Flow("transfer_in", "transferred_in", 1) + Flow("transfer_out", "transferred_out", -1) +
            "coalesce(sum(units) FILTER (WHERE NOT before AND type IN ('adjustment', 'count')), 0) AS adjusted_units, " +
            "coalesce(sum(ml) FILTER (WHERE NOT before AND type IN ('adjustment', 'count')), 0) AS adjusted_ml, " +
            "coalesce(sum(units), 0) AS closing_units, coalesce(sum(ml), 0) AS closing_ml " +
            "FROM moves GROUP BY category",
            parameters)).ToDictionary(s => s.Category);
        var suppliers = await connection.QueryAsync<SupplierSums>(
            Period +
            "SELECT m.supplier_id, coalesce(s.name, 'No supplier recorded') AS supplier_name, m.category, sum(m.units) AS units, sum(m.ml) AS ml, sum(m.amount) AS amount " +
            "FROM moves m LEFT JOIN app.suppliers s ON s.id = m.supplier_id WHERE NOT m.before AND m.type = 'purchase' " +
            "GROUP BY m.supplier_id, s.name, m.category ORDER BY supplier_name, m.category",
            parameters);

        // Every category appears, with zeros when it had no movement: a regulator's form has every row.
        var byCategory = ReportCategories.All.Select(c => sums.TryGetValue(c, out var s) ? s.Figures() : CategorySums.Zero(c).Figures()).ToList();
        return (byCategory, suppliers.Select(s => new SupplierPurchases(s.SupplierId, s.SupplierName, s.Category, s.Units, Litres(s.Ml), s.Amount)).ToList());
    }

    /// <summary>Units, millilitres and money of one movement type within the period, signed so they read as positive.</summary>
    private static string Flow(string type, string name, int sign) =>
        $"coalesce({sign} * sum(units) FILTER (WHERE NOT before AND type = '{type}'), 0) AS {name}_units, " +
        $"coalesce({sign} * sum(ml) FILTER (WHERE NOT before AND type = '{type}'), 0) AS {name}_ml, " +
        $"coalesce(sum(amount) FILTER (WHERE NOT before AND type = '{type}'), 0) AS {name}_amount, ";

    internal static decimal Litres(decimal millilitres) => millilitres / 1000m;

    private sealed record SupplierSums(Guid? SupplierId, string SupplierName, string Category, decimal Units, decimal Ml, decimal Amount);

    private sealed record CategorySums(
        string Category,
        decimal OpeningUnits,
        decimal OpeningMl,
        decimal PurchasedUnits,
        decimal PurchasedMl,
        decimal PurchasedAmount,
        decimal SoldUnits,
        decimal SoldMl,
        decimal SoldAmount,
        decimal WastedUnits,
        decimal WastedMl,
        decimal WastedAmount,
        decimal CompedUnits,
        decimal CompedMl,
        decimal CompedAmount,
        decimal TransferredInUnits,
        decimal TransferredInMl,
        decimal TransferredInAmount,
        decimal TransferredOutUnits,
        decimal TransferredOutMl,
        decimal TransferredOutAmount,
        decimal AdjustedUnits,
        decimal AdjustedMl,
        decimal ClosingUnits,
        decimal ClosingMl)
    {
        public static CategorySums Zero(string category) => new(category, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        /// <summary>Gross receipts are what the period's sales took in; comps and waste take nothing.</summary>
        public AbcCategoryFigures Figures() => new(
            Category, OpeningUnits, PurchasedUnits, SoldUnits, WastedUnits, CompedUnits, AdjustedUnits, TransferredInUnits, TransferredOutUnits, ClosingUnits,
            Litres(OpeningMl), Litres(PurchasedMl), Litres(SoldMl), Litres(WastedMl), Litres(CompedMl), Litres(AdjustedMl), Litres(TransferredInMl),
            Litres(TransferredOutMl), Litres(ClosingMl), PurchasedAmount, SoldAmount, WastedAmount, CompedAmount, GrossReceipts: SoldAmount);
    }
}
