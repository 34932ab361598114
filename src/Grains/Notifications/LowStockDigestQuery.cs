using Dapper;
using Npgsql;

namespace InventoryProFlow.Grains.Notifications;

/// <summary>What a location's digest lists: every carried product of an open location whose low-stock alert is still open.</summary>
public sealed class LowStockDigestQuery(NpgsqlDataSource db)
{
    public async Task<IReadOnlyList<LowStockLine>> BelowPar(Guid organizationId)
    {
        await using var connection = await db.OpenConnectionAsync();
        return (await connection.QueryAsync<LowStockLine>(
            "SELECT l.id AS location_id, l.name AS location_name, l.timezone, p.sku, p.name, i.quantity::numeric AS quantity, i.par_level::numeric AS par_level " +
            "FROM app.stock_alerts a JOIN app.locations l ON l.id = a.location_id AND l.is_active " +
            "JOIN app.products p ON p.id = a.product_id AND p.deleted_at IS NULL AND p.is_active " +
            "JOIN app.inventory i ON i.location_id = a.location_id AND i.product_id = a.product_id " +
            "WHERE a.organization_id = @organizationId AND a.kind = 'low_stock' AND a.cleared_at IS NULL " +
            "ORDER BY l.name, l.id, lower(p.name), p.sku",
            new { organizationId })).ToList();
    }
}
