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
    "phone, timezone, latitude, longitude, is_active, created_at, updated_at, is_primary",
    // The organisation grain alone moves the primary part (SetPrimary): a location's own write, made from what it
    // cached, must not put back a flag that moved meanwhile.
    writtenElsewhere: ["is_primary"])
{
    public Task<Page<LocationDetails>> List(Guid organizationId, PageRequest page, bool includeInactive) =>
        Page("is_active OR @includeInactive", "name, id", new { organizationId, includeInactive }, page);

    /// <summary>
    /// Gives the primary part to one location (or to the oldest open one but <paramref name="leaving"/>), in one
    /// transaction; answers the locations whose flag changed, so their grains read them again.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> SetPrimary(Guid organizationId, Guid? locationId, Guid? leaving)
    {
        await using var connection = await Db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var chosen = locationId ?? await connection.QuerySingleOrDefaultAsync<Guid?>(
            "SELECT id FROM app.locations WHERE organization_id = @organizationId AND is_active AND id IS DISTINCT FROM @leaving ORDER BY created_at, id LIMIT 1",
            new { organizationId, leaving }, transaction);
        var cleared = (await connection.QueryAsync<Guid>(
            "UPDATE app.locations SET is_primary = false WHERE organization_id = @organizationId AND is_primary AND id IS DISTINCT FROM @chosen RETURNING id",
            new { organizationId, chosen }, transaction)).ToList();
        var set = chosen is null ? [] : (await connection.QueryAsync<Guid>(
            "UPDATE app.locations SET is_primary = true WHERE organization_id = @organizationId AND id = @chosen AND NOT is_primary RETURNING id",
            new { organizationId, chosen }, transaction)).ToList();
        await transaction.CommitAsync();
        return [.. cleared, .. set];
    }

    public async Task<bool> HasPrimary(Guid organizationId)
    {
        await using var connection = await Db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM app.locations WHERE organization_id = @organizationId AND is_primary)", new { organizationId });
    }

    /// <summary>The distinct time zones of the organisation's locations, active or not.</summary>
    public async Task<IReadOnlyList<string>> Timezones(Guid organizationId)
    {
        await using var connection = await Db.OpenConnectionAsync();
        return (await connection.QueryAsync<string>("SELECT DISTINCT timezone FROM app.locations WHERE organization_id = @organizationId", new { organizationId })).ToList();
    }
}
