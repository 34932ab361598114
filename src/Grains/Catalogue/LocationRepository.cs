using Dapper;
using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Paging;
using InventoryProFlow.Grains.Compliance;
using InventoryProFlow.Grains.Storage;
using Npgsql;

namespace InventoryProFlow.Grains.Catalogue;

/// <summary>SQL for app.locations.</summary>
public sealed class LocationRepository(NpgsqlDataSource db, AuditLog audit) : TenantTable<LocationDetails>(
    db,
    audit,
    "app.locations",
    "location",
    l => l.Id,
    l => l.OrganizationId,
    "id, organization_id, name, location_type, license_number, address_line1, address_line2, city, state, zip, " +
    "phone, timezone, latitude, longitude, is_active, created_at, updated_at")
{
    public Task<Page<LocationDetails>> List(Guid organizationId, PageRequest page, bool includeInactive) =>
        Page("is_active OR @includeInactive", "name, id", new { organizationId, includeInactive }, page);

    /// <summary>The distinct time zones of the organisation's locations, active or not.</summary>
    public async Task<IReadOnlyList<string>> Timezones(Guid organizationId)
    {
        await using var connection = await Db.OpenConnectionAsync();
        return (await connection.QueryAsync<string>("SELECT DISTINCT timezone FROM app.locations WHERE organization_id = @organizationId", new { organizationId })).ToList();
    }
}
