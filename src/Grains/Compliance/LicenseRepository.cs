using Dapper;
using InventoryProFlow.Contracts.Compliance;
using InventoryProFlow.Contracts.Paging;
using InventoryProFlow.Grains.Storage;
using Npgsql;

namespace InventoryProFlow.Grains.Compliance;

/// <summary>A licence and the time zone of the business day it is judged by (its location's, else the organisation's).</summary>
public sealed record LicenseOnCalendar(LicenseDetails License, string Timezone);

/// <summary>SQL for app.licenses. Deleted licences stay (alerts point at them) but are never listed.</summary>
public sealed class LicenseRepository(NpgsqlDataSource db, AuditLog audit) : TenantTable<LicenseDetails>(
    db,
    audit,
    "app.licenses",
    "licence",
    l => l.Id,
    l => l.OrganizationId,
    "id, organization_id, location_id, license_type, issuing_authority, license_number, issued_on, expires_on, " +
    "renewal_lead_days, notes, created_at, updated_at",
    liveFilter: "deleted_at IS NULL")
{
    public Task<Page<LicenseDetails>> List(Guid organizationId, Guid? locationId, PageRequest page) =>
        Page("(@locationId::uuid IS NULL OR location_id = @locationId)", "expires_on, license_type, id", new { organizationId, locationId }, page);

    /// <summary>Every live licence of the organisation with its business-day time zone: what one check reads.</summary>
    public async Task<IReadOnlyList<LicenseOnCalendar>> OnCalendar(Guid organizationId)
    {
        await using var connection = await Db.OpenConnectionAsync();
        var rows = await connection.QueryAsync<LicenseDetails, string, LicenseOnCalendar>(
            $"SELECT {Prefixed("l")}, coalesce(loc.timezone, o.timezone) AS timezone FROM app.licenses l " +
            "JOIN app.organizations o ON o.id = l.organization_id LEFT JOIN app.locations loc ON loc.id = l.location_id " +
            "WHERE l.organization_id = @organizationId AND l.deleted_at IS NULL ORDER BY l.expires_on, l.id",
            (license, timezone) => new LicenseOnCalendar(license, timezone),
            new { organizationId },
            splitOn: "timezone");
        return rows.ToList();
    }

    /// <summary>The types of the live licences that cover a location: its own and the business's.</summary>
    public async Task<IReadOnlyList<string>> TypesCovering(Guid organizationId, Guid locationId)
    {
        await using var connection = await Db.OpenConnectionAsync();
        return (await connection.QueryAsync<string>(
            "SELECT DISTINCT license_type FROM app.licenses WHERE organization_id = @organizationId AND deleted_at IS NULL " +
            "AND (location_id = @locationId OR location_id IS NULL) ORDER BY license_type",
            new { organizationId, locationId })).ToList();
    }

    /// <summary>The organisation's open locations with the licence types covering each: what filings are owed from.</summary>
    public async Task<IReadOnlyList<LocationOnFile>> LocationsOnFile(Guid organizationId)
    {
        await using var connection = await Db.OpenConnectionAsync();
        var rows = await connection.QueryAsync<LocationRow>(
            "SELECT l.id, l.name, l.state, l.timezone, l.created_at, " +
            "coalesce(array_agg(DISTINCT lic.license_type) FILTER (WHERE lic.id IS NOT NULL), '{}')::text[] AS licence_types " +
            "FROM app.locations l LEFT JOIN app.licenses lic ON lic.organization_id = l.organization_id AND lic.deleted_at IS NULL " +
            "AND (lic.location_id = l.id OR lic.location_id IS NULL) " +
            "WHERE l.organization_id = @organizationId AND l.is_active GROUP BY l.id ORDER BY l.name, l.id",
            new { organizationId });
        return rows.Select(r => new LocationOnFile(r.Id, r.Name, r.State, r.Timezone, r.CreatedAt, r.LicenceTypes)).ToList();
    }

    // Properties, not a constructor: Npgsql types an array column as System.Array, which no constructor signature matches.
    private sealed class LocationRow
    {
        public Guid Id { get; init; }

        public string Name { get; init; } = string.Empty;

        public string? State { get; init; }

        public string Timezone { get; init; } = string.Empty;

        public DateTime CreatedAt { get; init; }

        public string[] LicenceTypes { get; init; } = [];
    }

    private string Prefixed(string alias) => string.Join(", ", Columns.Split(',', StringSplitOptions.TrimEntries).Select(c => $"{alias}.{c}"));
}
