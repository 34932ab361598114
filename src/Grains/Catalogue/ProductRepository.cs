using Dapper;
using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Paging;
using InventoryProFlow.Grains.Compliance;
using InventoryProFlow.Grains.Storage;
using Npgsql;

namespace InventoryProFlow.Grains.Catalogue;

/// <summary>SQL for app.products; deleted products are invisible here.</summary>
public sealed class ProductRepository(NpgsqlDataSource db, AuditLog audit) : TenantTable<ProductDetails>(
    db,
    audit,
    "app.products",
    "product",
    p => p.Id,
    p => p.OrganizationId,
    "id, organization_id, supplier_id, sku, barcode, gtin, name, brand, category, subcategory, size_ml, abv, " +
    "cost, price, case_pack, description, created_at, updated_at, unit, full_weight_g, empty_weight_g, density_g_per_ml, compliance_class, image_url, is_active",
    liveFilter: "deleted_at IS NULL")
{
    public const string SkuUnique = "products_sku_unique";
    public const string GtinUnique = "products_gtin_unique";

    // The same expression as the trigram index, so the index serves the search.
    private const string SearchText = "(name || ' ' || coalesce(brand, '') || ' ' || sku)";

    public async Task<ProductDetails?> FindByGtin(Guid organizationId, string gtin)
    {
        await using var connection = await Db.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<ProductDetails>(
            $"SELECT {Columns} FROM app.products WHERE organization_id = @organizationId AND gtin = @gtin AND deleted_at IS NULL",
            new { organizationId, gtin });
    }

    public Task<Page<ProductDetails>> List(Guid organizationId, ProductQuery query, PageRequest page)
    {
        var text = string.IsNullOrWhiteSpace(query.Text) ? null : query.Text.Trim();
        var pattern = text is null ? null : LikePattern.Containing(text);
        return Page(
            "(@category::text IS NULL OR lower(category) = lower(@category)) AND (@includeInactive OR is_active) " +
            "AND (@supplierId::uuid IS NULL OR supplier_id = @supplierId) " +
            $"AND (@text::text IS NULL OR {SearchText} ILIKE @pattern OR @text <% {SearchText})",
            $"CASE WHEN @text::text IS NULL THEN 0 ELSE word_similarity(@text, {SearchText}) END DESC, name, id",
            new { organizationId, category = query.Category, supplierId = query.SupplierId, text, pattern, includeInactive = query.IncludeInactive },
            page);
    }
}
