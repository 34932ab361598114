using Dapper;
using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Compliance;
using InventoryProFlow.Contracts.Paging;
using InventoryProFlow.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InventoryProFlow.Grains.Compliance;

/// <summary>
/// A retail dealer's records under 27 CFR 31 subpart J, read from the ledger: every receipt, and sales large enough to be
/// recorded. Dates are business dates in each row's location's time zone.
/// </summary>
public sealed class DealerRecordsQuery(NpgsqlDataSource db, [FromKeyedServices(StatementTimeouts.Reports)] NpgsqlDataSource reports)
{
    private const string InRange =
        "t.organization_id = @organizationId AND (@locationId::uuid IS NULL OR t.location_id = @locationId::uuid) " +
        "AND t.occurred_at >= (@from::date)::timestamp AT TIME ZONE l.timezone AND t.occurred_at < (@to::date + 1)::timestamp AT TIME ZONE l.timezone";

    private const string ReceivingColumns =
        "t.id AS transaction_id, t.occurred_at, (t.occurred_at AT TIME ZONE l.timezone)::date AS business_date, t.location_id, l.name AS location_name, " +
        "t.supplier_id, s.name AS supplier_name, t.product_id, p.sku, p.name AS product_name, p.category, t.quantity, coalesce(p.size_ml, 0) AS size_ml, " +
        "coalesce(t.volume_ml, t.quantity * p.size_ml, 0) / 1000 AS litres, t.unit_cost, coalesce(t.total_amount, t.quantity * t.unit_cost) AS amount, t.reference_id";

    private const string ReceivingFrom =
        "FROM app.transactions t JOIN app.products p ON p.id = t.product_id JOIN app.locations l ON l.id = t.location_id " +
        "LEFT JOIN app.suppliers s ON s.id = t.supplier_id WHERE t.type = 'purchase' AND " + InRange;

    // Only alcoholic classes count towards the 20 wine gallons; mixers on the same ticket do not.
    private const string LargeSalesSql =
        "WITH flagged AS (SELECT t.movement_id FROM app.transactions t JOIN app.products p ON p.id = t.product_id JOIN app.locations l ON l.id = t.location_id " +
        "WHERE t.type = 'sale' AND t.movement_id IS NOT NULL AND " + InRange + " GROUP BY t.movement_id " +
        "HAVING coalesce(sum(-coalesce(t.volume_ml, t.quantity * p.size_ml, 0)) FILTER (WHERE p.compliance_class IN ('spirits', 'wine', 'beer', 'cider')), 0) >= @thresholdMl) " +
        "SELECT t.movement_id, t.occurred_at, (t.occurred_at AT TIME ZONE l.timezone)::date AS business_date, t.location_id, l.name AS location_name, " +
        "t.reference_id, t.product_id, p.sku, p.name AS product_name, p.category, -t.quantity AS quantity, coalesce(p.size_ml, 0) AS size_ml, -coalesce(t.volume_ml, t.quantity * p.size_ml, 0) AS volume_ml, " +
        "p.compliance_class FROM app.transactions t JOIN flagged f ON f.movement_id = t.movement_id JOIN app.products p ON p.id = t.product_id JOIN app.locations l ON l.id = t.location_id " +
        "WHERE t.organization_id = @organizationId AND t.type = 'sale' ORDER BY t.occurred_at, t.movement_id, p.sku, t.id";

    public const string LargeSaleNote =
        "27 CFR 31 subpart J: a sale of 20 wine gallons (75.7 L) or more to one person at one time must be recorded with the date, " +
        "the purchaser's name and address, the kind and quantity (and case serial numbers), and a delivery receipt signed by the purchaser; " +
        "keep them for 3 years. The ledger does not hold the purchaser: record it with this movement id.";

    private static readonly string[] Alcoholic = [ComplianceClasses.Spirits, ComplianceClasses.Wine, ComplianceClasses.Beer, ComplianceClasses.Cider];

    public Task<Page<ReceivingRecord>> Receiving(Guid organizationId, Guid? locationId, DateOnly from, DateOnly to, PageRequest page) =>
        db.QueryPageAsync<ReceivingRecord>(ReceivingColumns, ReceivingFrom, "t.occurred_at, t.id", new { organizationId, locationId, from, to }, page);

    /// <summary>How many receipts the range holds, counting no further than <paramref name="upTo"/>.</summary>
    public async Task<long> ReceivingRows(Guid organizationId, Guid? locationId, DateOnly from, DateOnly to, int upTo)
    {
        await using var connection = await reports.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(
            $"SELECT count(*) FROM (SELECT 1 {ReceivingFrom} LIMIT @upTo) counted", new { organizationId, locationId, from, to, upTo });
    }

    /// <summary>The receipts after one (by time, then id), oldest first: a chunk of an export, each a short query of its own.</summary>
    public async Task<IReadOnlyList<ReceivingRecord>> ReceivingAfter(
        Guid organizationId, Guid? locationId, DateOnly from, DateOnly to, DateTime? afterOccurredAt, Guid? afterId, int size)
    {
        await using var connection = await reports.OpenConnectionAsync();
        return (await connection.QueryAsync<ReceivingRecord>(
            $"SELECT {ReceivingColumns} {ReceivingFrom} AND (@afterOccurredAt::timestamptz IS NULL OR (t.occurred_at, t.id) > (@afterOccurredAt::timestamptz, @afterId::uuid)) " +
            "ORDER BY t.occurred_at, t.id LIMIT @size",
            new { organizationId, locationId, from, to, afterOccurredAt, afterId, size })).ToList();
    }

    /// <summary>Every sale movement of the range whose spirits, wine and beer come to 20 wine gallons or more, oldest first.</summary>
    public async Task<IReadOnlyList<LargeSale>> LargeSales(Guid organizationId, Guid? locationId, DateOnly from, DateOnly to)
    {
        var thresholdMl = ProofGallons.RecordableSaleWineGallons * ProofGallons.LitresPerWineGallon * 1000m;
        await using var connection = await reports.OpenConnectionAsync();
        var rows = await connection.QueryAsync<SaleRow>(LargeSalesSql, new { organizationId, locationId, from, to, thresholdMl });
        return rows.GroupBy(r => r.MovementId)
            .Select(sale =>
            {
                var first = sale.First();
                var lines = sale.Select(r => new LargeSaleLine(r.ProductId, r.Sku, r.ProductName, r.Category, r.Quantity, r.SizeMl, r.VolumeMl / 1000m)).ToList();
                var litres = sale.Where(r => Alcoholic.Contains(r.ComplianceClass)).Sum(r => r.VolumeMl) / 1000m;
                var wineGallons = litres / ProofGallons.LitresPerWineGallon;
                return new LargeSale(first.MovementId, first.OccurredAt, first.BusinessDate, first.LocationId, first.LocationName, first.ReferenceId, litres,
                    wineGallons, lines, LargeSaleNote);
            })
            .Where(s => ProofGallons.IsRecordableSale(s.Litres / ProofGallons.LitresPerWineGallon))
            .ToList();
    }

    private sealed record SaleRow(
        Guid MovementId,
        DateTime OccurredAt,
        DateOnly BusinessDate,
        Guid LocationId,
        string LocationName,
        string? ReferenceId,
        Guid ProductId,
        string Sku,
        string ProductName,
        string Category,
        decimal Quantity,
        decimal SizeMl,
        decimal VolumeMl,
        string ComplianceClass);
}
