using Dapper;
using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Paging;
using InventoryProFlow.Grains.Storage;
using Npgsql;

namespace InventoryProFlow.Grains.Catalogue;

/// <summary>SQL for app.products, scoped by organisation; deleted products are invisible here.</summary>
public sealed class ProductRepository(NpgsqlDataSource db)
{
    public const string SkuUnique = "products_sku_unique";
    public const string GtinUnique = "products_gtin_unique";

    private const string Columns =
        "id, organization_id, supplier_id, sku, barcode, gtin, name, brand, category, subcategory, size_ml, abv, " +
        "cost, price, case_pack, description, created_at, updated_at";

    private const string Values =
        "@Id, @OrganizationId, @SupplierId, @Sku, @Barcode, @Gtin, @Name, @Brand, @Category, @Subcategory, @SizeMl, @Abv, " +
        "@Cost, @Price, @CasePack, @Description, @CreatedAt, @UpdatedAt";

    // The same expression as the trigram index, so the index serves the search.
    private const string SearchText = "(name || ' ' || coalesce(brand, '') || ' ' || sku)";

    public async Task<ProductDetails?> Find(Guid organizationId, Guid id)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<ProductDetails>(
            $"SELECT {Columns} FROM app.products WHERE organization_id = @organizationId AND id = @id AND deleted_at IS NULL",
            new { organizationId, id });
    }

    public async Task<ProductDetails?> FindByGtin(Guid organizationId, string gtin)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<ProductDetails>(
            $"SELECT {Columns} FROM app.products WHERE organization_id = @organizationId AND gtin = @gtin AND deleted_at IS NULL",
            new { organizationId, gtin });
    }

    public Task<Page<ProductDetails>> List(Guid organizationId, ProductQuery query, PageRequest page)
    {
        var text = string.IsNullOrWhiteSpace(query.Text) ? null : query.Text.Trim();
        var pattern = text is null ? null : "%" + EscapeLike(text) + "%";
        return db.QueryPageAsync<ProductDetails>(
            Columns,
            "FROM app.products WHERE organization_id = @organizationId AND deleted_at IS NULL " +
            "AND (@category::text IS NULL OR category = @category) " +
            "AND (@supplierId::uuid IS NULL OR supplier_id = @supplierId) " +
            $"AND (@text::text IS NULL OR {SearchText} ILIKE @pattern OR @text <% {SearchText})",
            $"CASE WHEN @text::text IS NULL THEN 0 ELSE word_similarity(@text, {SearchText}) END DESC, name, id",
            new { organizationId, category = query.Category, supplierId = query.SupplierId, text, pattern },
            page);
    }

    public async Task Insert(ProductDetails product)
    {
        await using var connection = await db.OpenConnectionAsync();
        await Insert(connection, null, product);
    }

    public static Task Insert(NpgsqlConnection connection, NpgsqlTransaction? transaction, ProductDetails product) =>
        connection.ExecuteAsync($"INSERT INTO app.products ({Columns}) VALUES ({Values})", product, transaction);

    public async Task Update(ProductDetails product)
    {
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "UPDATE app.products SET supplier_id = @SupplierId, sku = @Sku, barcode = @Barcode, gtin = @Gtin, name = @Name, " +
            "brand = @Brand, category = @Category, subcategory = @Subcategory, size_ml = @SizeMl, abv = @Abv, cost = @Cost, " +
            "price = @Price, case_pack = @CasePack, description = @Description, updated_at = @UpdatedAt " +
            "WHERE organization_id = @OrganizationId AND id = @Id AND deleted_at IS NULL",
            product);
    }

    public async Task<bool> SoftDelete(Guid organizationId, Guid id, DateTime at)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.ExecuteAsync(
            "UPDATE app.products SET deleted_at = @at, updated_at = @at " +
            "WHERE organization_id = @organizationId AND id = @id AND deleted_at IS NULL",
            new { organizationId, id, at }) == 1;
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
