using Dapper;
using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Paging;
using InventoryProFlow.Grains.Storage;
using Npgsql;

namespace InventoryProFlow.Grains.Catalogue;

/// <summary>SQL for app.locations. Every query is scoped by organisation: a tenant never sees another's rows.</summary>
public sealed class LocationRepository(NpgsqlDataSource db)
{
    private const string Columns =
        "id, organization_id, name, location_type, license_number, address_line1, address_line2, city, state, zip, " +
        "phone, timezone, latitude, longitude, is_active, created_at, updated_at";

    private const string Values =
        "@Id, @OrganizationId, @Name, @LocationType, @LicenseNumber, @AddressLine1, @AddressLine2, @City, @State, @Zip, " +
        "@Phone, @Timezone, @Latitude, @Longitude, @IsActive, @CreatedAt, @UpdatedAt";

    public async Task<LocationDetails?> Find(Guid organizationId, Guid id)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<LocationDetails>(
            $"SELECT {Columns} FROM app.locations WHERE organization_id = @organizationId AND id = @id",
            new { organizationId, id });
    }

    public Task<Page<LocationDetails>> List(Guid organizationId, PageRequest page, bool includeInactive) =>
        db.QueryPageAsync<LocationDetails>(
            Columns,
            "FROM app.locations WHERE organization_id = @organizationId AND (is_active OR @includeInactive)",
            "name, id",
            new { organizationId, includeInactive },
            page);

    public async Task Insert(LocationDetails location)
    {
        await using var connection = await db.OpenConnectionAsync();
        await Insert(connection, null, location);
    }

    public static Task Insert(NpgsqlConnection connection, NpgsqlTransaction? transaction, LocationDetails location) =>
        connection.ExecuteAsync($"INSERT INTO app.locations ({Columns}) VALUES ({Values})", location, transaction);

    public async Task Update(LocationDetails location)
    {
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "UPDATE app.locations SET name = @Name, location_type = @LocationType, license_number = @LicenseNumber, " +
            "address_line1 = @AddressLine1, address_line2 = @AddressLine2, city = @City, state = @State, zip = @Zip, " +
            "phone = @Phone, timezone = @Timezone, latitude = @Latitude, longitude = @Longitude, is_active = @IsActive, " +
            "updated_at = @UpdatedAt WHERE organization_id = @OrganizationId AND id = @Id",
            location);
    }
}
