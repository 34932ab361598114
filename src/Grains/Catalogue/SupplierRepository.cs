using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Paging;
using InventoryProFlow.Grains.Compliance;
using InventoryProFlow.Grains.Storage;
using Npgsql;

namespace InventoryProFlow.Grains.Catalogue;

/// <summary>SQL for app.suppliers.</summary>
public sealed class SupplierRepository(NpgsqlDataSource db, AuditLog audit) : TenantTable<SupplierDetails>(
    db,
    audit,
    "app.suppliers",
    "supplier",
    s => s.Id,
    s => s.OrganizationId,
    "id, organization_id, name, contact_name, email, phone, address_line1, address_line2, city, state, zip, " +
    "account_number, payment_terms, is_active, created_at, updated_at, lead_time_days")
{
    public Task<Page<SupplierDetails>> List(Guid organizationId, PageRequest page, bool includeInactive) =>
        Page("is_active OR @includeInactive", "name, id", new { organizationId, includeInactive }, page);
}
