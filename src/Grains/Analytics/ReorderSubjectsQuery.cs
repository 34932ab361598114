using Dapper;
using Npgsql;

namespace InventoryProFlow.Grains.Analytics;

/// <summary>A product as an order needs it: stock on hand at the location, case pack, cost, supplier and its lead time.</summary>
public sealed record ReorderSubject(
    Guid ProductId, string Sku, string Name, decimal OnHand, int? CasePack, decimal Cost, Guid? SupplierId, string? SupplierName, int? LeadTimeDays);

/// <summary>The products stocked at a location (or one product), with what sizing an order needs.</summary>
public sealed class ReorderSubjectsQuery(NpgsqlDataSource db)
{
    public async Task<IReadOnlyList<ReorderSubject>> At(Guid organizationId, Guid locationId, Guid? productId = null)
    {
        await using var connection = await db.OpenConnectionAsync();
        return (await connection.QueryAsync<ReorderSubject>(
            "SELECT p.id AS product_id, p.sku, p.name, coalesce(i.quantity, 0) AS on_hand, p.case_pack, p.cost, p.supplier_id, s.name AS supplier_name, s.lead_time_days " +
            "FROM app.products p LEFT JOIN app.inventory i ON i.product_id = p.id AND i.location_id = @locationId " +
            "LEFT JOIN app.suppliers s ON s.id = p.supplier_id " +
            // A product no longer carried is never suggested for an order; its own forecast may still be asked for.
            "WHERE p.organization_id = @organizationId AND p.deleted_at IS NULL AND (@productId::uuid IS NOT NULL OR p.is_active) " +
            "AND (@productId::uuid IS NOT NULL AND p.id = @productId OR @productId::uuid IS NULL AND i.id IS NOT NULL) ORDER BY p.name, p.id",
            new { organizationId, locationId, productId })).ToList();
    }
}
