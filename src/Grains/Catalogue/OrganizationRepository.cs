using Dapper;
using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Grains.Compliance;
using Npgsql;

namespace InventoryProFlow.Grains.Catalogue;

/// <summary>SQL for app.organizations.</summary>
public sealed class OrganizationRepository(NpgsqlDataSource db, AuditLog audit)
{
    private const string Columns =
        "id, name, business_type, subscription_tier, license_number, email, phone, address_line1, address_line2, " +
        "city, state, zip, country, timezone, is_active, created_at, updated_at, tax_id, subscription_status";

    public async Task<OrganizationDetails?> Find(Guid id)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<OrganizationDetails>(
            $"SELECT {Columns} FROM app.organizations WHERE id = @id", new { id });
    }

    /// <summary>A business that just signed up: starter tier, US, central time until its owner says otherwise.</summary>
    public static OrganizationDetails Starter(Guid id, string name, string businessType, string email, DateTime now) =>
        new(id, name, businessType, "starter", null, email, null, null, null, null, null, null, "US", DefaultTimezone, IsActive: true, now, now);

    public const string DefaultTimezone = "America/Chicago";

    public static Task Insert(NpgsqlConnection connection, NpgsqlTransaction transaction, OrganizationDetails organization) =>
        connection.ExecuteAsync(
            $"INSERT INTO app.organizations ({Columns}) VALUES (@Id, @Name, @BusinessType, @SubscriptionTier, @LicenseNumber, " +
            "@Email, @Phone, @AddressLine1, @AddressLine2, @City, @State, @Zip, @Country, @Timezone, @IsActive, @CreatedAt, @UpdatedAt, @TaxId, @SubscriptionStatus)",
            organization,
            transaction);

    /// <summary>
    /// Updates the row, audited as organization.updated. The settings live in the grain's state, not here, so the caller
    /// names them as they were (<paramref name="settingsBefore"/>) and will be (<paramref name="organization"/>'s).
    /// </summary>
    public async Task<OrganizationDetails> Update(OrganizationDetails organization, OrganizationSettings settingsBefore)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var before = await connection.QuerySingleAsync<OrganizationDetails>(
            $"SELECT {Columns} FROM app.organizations WHERE id = @Id FOR UPDATE", organization, transaction);
        var stored = await connection.QuerySingleAsync<OrganizationDetails>(
            "UPDATE app.organizations SET name = @Name, business_type = @BusinessType, license_number = @LicenseNumber, " +
            "email = @Email, phone = @Phone, address_line1 = @AddressLine1, address_line2 = @AddressLine2, city = @City, " +
            "state = @State, zip = @Zip, country = @Country, timezone = @Timezone, tax_id = @TaxId, updated_at = @UpdatedAt " +
            $"WHERE id = @Id RETURNING {Columns}",
            organization,
            transaction);
        await audit.Append(
            connection, transaction, organization.Id,
            AuditChange.Of("organization", "updated", organization.Id, before with { Settings = settingsBefore }, stored with { Settings = organization.Settings }));
        await transaction.CommitAsync();
        return stored;
    }
}
