using Dapper;
using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Paging;
using InventoryProFlow.Grains.Storage;
using Npgsql;

namespace InventoryProFlow.Grains.Catalogue;

/// <summary>SQL for app.suppliers, scoped by organisation.</summary>
public sealed class SupplierRepository(NpgsqlDataSource db)
{
    private const string Columns =
        "id, organization_id, name, contact_name, email, phone, address_line1, address_line2, city, state, zip, " +
        "account_number, payment_terms, is_active, created_at, updated_at";

    private const string Values =
        "@Id, @OrganizationId, @Name, @ContactName, @Email, @Phone, @AddressLine1, @AddressLine2, @City, @State, @Zip, " +
        "@AccountNumber, @PaymentTerms, @IsActive, @CreatedAt, @UpdatedAt";

    public async Task<SupplierDetails?> Find(Guid organizationId, Guid id)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<SupplierDetails>(
            $"SELECT {Columns} FROM app.suppliers WHERE organization_id = @organizationId AND id = @id",
            new { organizationId, id });
    }

    public Task<Page<SupplierDetails>> List(Guid organizationId, PageRequest page, bool includeInactive) =>
        db.QueryPageAsync<SupplierDetails>(
            Columns,
            "FROM app.suppliers WHERE organization_id = @organizationId AND (is_active OR @includeInactive)",
            "name, id",
            new { organizationId, includeInactive },
            page);

    public async Task Insert(SupplierDetails supplier)
    {
        await using var connection = await db.OpenConnectionAsync();
        await Insert(connection, null, supplier);
    }

    public static Task Insert(NpgsqlConnection connection, NpgsqlTransaction? transaction, SupplierDetails supplier) =>
        connection.ExecuteAsync($"INSERT INTO app.suppliers ({Columns}) VALUES ({Values})", supplier, transaction);

    public async Task Update(SupplierDetails supplier)
    {
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "UPDATE app.suppliers SET name = @Name, contact_name = @ContactName, email = @Email, phone = @Phone, " +
            "address_line1 = @AddressLine1, address_line2 = @AddressLine2, city = @City, state = @State, zip = @Zip, " +
            "account_number = @AccountNumber, payment_terms = @PaymentTerms, is_active = @IsActive, updated_at = @UpdatedAt " +
            "WHERE organization_id = @OrganizationId AND id = @Id",
            supplier);
    }
}
