using Dapper;
using InventoryProFlow.Contracts.Paging;
using InventoryProFlow.Contracts.Stock;
using InventoryProFlow.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InventoryProFlow.Grains.Stock;

/// <summary>
/// What a product-location grain loads when it wakes: whether the location is open and the product live,
/// the product and its container, its inventory row and open alerts.
/// </summary>
public sealed record ProductAtLocationRow
{
    public required bool LocationActive { get; init; }
    public required bool ProductLive { get; init; }
    public required string Sku { get; init; }
    public required string Name { get; init; }
    public required string Category { get; init; }
    public bool ProductActive { get; init; } = true;
    public required decimal Cost { get; init; }
    public required decimal Price { get; init; }
    public required Container Container { get; init; }
    public Guid? InventoryId { get; init; }
    public decimal Quantity { get; init; }

    /// <summary>The volume on hand, for a liquid: the sum of the ledger's volumes, as exact as the pours and counts were.</summary>
    public decimal? VolumeMl { get; init; }

    public decimal ParLevel { get; init; }
    public decimal ReorderPoint { get; init; }
    public DateTime? LastCountDate { get; init; }
    public Guid? LastCountedBy { get; init; }
    public DateTime? UpdatedAt { get; init; }
    public Guid? LowStockAlertId { get; init; }
    public Guid? NegativeStockAlertId { get; init; }
}

/// <summary>A product of a movement, found by id or sku within one organisation.</summary>
public sealed record ProductRef(Guid Id, string Sku);

/// <summary>SQL that the stock grains read: their starting state, lists, the ledger and its verification.</summary>
public sealed class StockRepository(NpgsqlDataSource db, [FromKeyedServices(StatementTimeouts.Reports)] NpgsqlDataSource reports)
{
    private const string ItemColumns =
        "i.id, i.location_id, i.product_id, p.sku, p.name, p.category, p.unit, i.quantity, i.volume_ml, i.par_level, i.reorder_point, p.cost, p.price, " +
        "i.last_count_date, i.last_counted_by, " +
        "EXISTS (SELECT 1 FROM app.stock_alerts a WHERE a.location_id = i.location_id AND a.product_id = i.product_id AND a.kind = 'low_stock' AND a.cleared_at IS NULL) AS low_stock, " +
        "i.quantity < 0 AS negative_stock, i.updated_at, p.is_active";

    public async Task<ProductAtLocationRow?> LoadProductAtLocation(Guid organizationId, Guid locationId, Guid productId)
    {
        await using var connection = await db.OpenConnectionAsync();
        var row = await connection.QuerySingleOrDefaultAsync<LoadedRow>(
            "SELECT l.is_active AS location_active, p.id IS NOT NULL AS product_live, coalesce(p.sku, '') AS sku, coalesce(p.name, '') AS name, " +
            "coalesce(p.category, '') AS category, coalesce(p.is_active, true) AS product_active, coalesce(p.cost, 0) AS cost, coalesce(p.price, 0) AS price, " +
            "coalesce(p.unit, 'bottle') AS unit, p.size_ml, p.full_weight_g, p.empty_weight_g, p.density_g_per_ml, i.id AS inventory_id, " +
            "coalesce(i.quantity, 0) AS quantity, CASE WHEN p.size_ml IS NULL THEN NULL ELSE coalesce(i.volume_ml, coalesce(i.quantity, 0) * p.size_ml) END AS volume_ml, " +
            "coalesce(i.par_level, 0) AS par_level, coalesce(i.reorder_point, 0) AS reorder_point, " +
            "i.last_count_date, i.last_counted_by, i.updated_at, " +
            "(SELECT a.id FROM app.stock_alerts a WHERE a.location_id = l.id AND a.product_id = p.id AND a.kind = 'low_stock' AND a.cleared_at IS NULL LIMIT 1) AS low_stock_alert_id, " +
            "(SELECT a.id FROM app.stock_alerts a WHERE a.location_id = l.id AND a.product_id = p.id AND a.kind = 'negative_stock' AND a.cleared_at IS NULL LIMIT 1) AS negative_stock_alert_id " +
            "FROM app.locations l LEFT JOIN app.products p ON p.organization_id = l.organization_id AND p.id = @productId AND p.deleted_at IS NULL " +
            "LEFT JOIN app.inventory i ON i.location_id = l.id AND i.product_id = p.id " +
            "WHERE l.organization_id = @organizationId AND l.id = @locationId",
            new { organizationId, locationId, productId });
        return row?.ToRow();
    }

    public async Task<bool> LocationExists(Guid organizationId, Guid locationId)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM app.locations WHERE organization_id = @organizationId AND id = @locationId)", new { organizationId, locationId });
    }

    public async Task<bool> SupplierExists(Guid organizationId, Guid supplierId)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM app.suppliers WHERE organization_id = @organizationId AND id = @supplierId)", new { organizationId, supplierId });
    }

    public async Task<IReadOnlyList<InventoryItem>> ItemsAt(Guid organizationId, Guid locationId)
    {
        await using var connection = await db.OpenConnectionAsync();
        return (await connection.QueryAsync<InventoryItem>(
            $"SELECT {ItemColumns} FROM app.inventory i JOIN app.products p ON p.id = i.product_id AND p.deleted_at IS NULL " +
            "WHERE i.organization_id = @organizationId AND i.location_id = @locationId",
            new { organizationId, locationId })).ToList();
    }

    /// <summary>
    /// Every open location's items, by name then location: the committed figures, which the location lists also show
    /// (a product-location grain announces a change only once it is committed).
    /// </summary>
    public Task<Page<InventoryItem>> OrganizationItems(Guid organizationId, InventoryQuery query)
    {
        var words = (query.Search ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(LikePattern.Containing).ToArray();
        return db.QueryPageAsync<InventoryItem>(
            ItemColumns,
            "FROM app.inventory i JOIN app.products p ON p.id = i.product_id AND p.deleted_at IS NULL " +
            "JOIN app.locations l ON l.id = i.location_id AND l.is_active " +
            "WHERE i.organization_id = @organizationId AND (@includeInactive OR p.is_active) AND (@category::text IS NULL OR lower(p.category) = lower(@category)) " +
            "AND (NOT @lowStockOnly OR i.quantity < 0 OR EXISTS (SELECT 1 FROM app.stock_alerts a WHERE a.location_id = i.location_id " +
            "AND a.product_id = i.product_id AND a.kind = 'low_stock' AND a.cleared_at IS NULL)) " +
            "AND (SELECT bool_and(p.name ILIKE w OR p.sku ILIKE w) FROM unnest(@words::text[]) w) IS NOT FALSE",
            "lower(p.name), lower(l.name), i.product_id",
            new { organizationId, category = query.Category, lowStockOnly = query.LowStockOnly, words, includeInactive = query.IncludeInactive },
            new PageRequest(query.Page, query.Limit));
    }

    /// <summary>Alerts still open (raised and not cleared), newest first, with the figure on hand now.</summary>
    public Task<Page<OpenStockAlert>> OpenAlerts(Guid organizationId, StockAlertQuery query) =>
        db.QueryPageAsync<OpenStockAlert>(
            "a.id, a.kind, a.location_id, l.name AS location_name, a.product_id, p.sku, p.name, a.quantity, a.par_level, a.raised_at, " +
            "coalesce(i.quantity, 0) AS quantity_now",
            "FROM app.stock_alerts a JOIN app.products p ON p.id = a.product_id JOIN app.locations l ON l.id = a.location_id " +
            "LEFT JOIN app.inventory i ON i.location_id = a.location_id AND i.product_id = a.product_id " +
            "WHERE a.organization_id = @organizationId AND a.cleared_at IS NULL AND p.deleted_at IS NULL " +
            "AND (@locationId::uuid IS NULL OR a.location_id = @locationId) AND (@kind::text IS NULL OR a.kind = @kind)",
            "a.raised_at DESC, a.id",
            new { organizationId, locationId = query.LocationId, kind = query.Kind },
            query.Page);

    public async Task<(Guid LocationId, Guid ProductId)?> FindItem(Guid organizationId, Guid itemId)
    {
        await using var connection = await db.OpenConnectionAsync();
        var row = await connection.QuerySingleOrDefaultAsync<(Guid, Guid)?>(
            "SELECT location_id, product_id FROM app.inventory WHERE organization_id = @organizationId AND id = @itemId", new { organizationId, itemId });
        return row;
    }

    public async Task<IReadOnlyList<Guid>> LocationsCarrying(Guid organizationId, Guid productId)
    {
        await using var connection = await db.OpenConnectionAsync();
        return (await connection.QueryAsync<Guid>(
            "SELECT i.location_id FROM app.inventory i JOIN app.locations l ON l.id = i.location_id " +
            "WHERE i.organization_id = @organizationId AND i.product_id = @productId ORDER BY l.name",
            new { organizationId, productId })).ToList();
    }

    public async Task<IReadOnlyList<ProductRef>> FindProducts(Guid organizationId, Guid[] ids, string[] skus)
    {
        await using var connection = await db.OpenConnectionAsync();
        return (await connection.QueryAsync<ProductRef>(
            "SELECT id, sku FROM app.products WHERE organization_id = @organizationId AND deleted_at IS NULL AND (id = ANY(@ids) OR sku = ANY(@skus))",
            new { organizationId, ids, skus })).ToList();
    }

    /// <summary>The products with an inventory row at a location, whatever their quantity.</summary>
    public async Task<IReadOnlyList<Guid>> ProductsStockedAt(Guid organizationId, Guid locationId)
    {
        await using var connection = await db.OpenConnectionAsync();
        return (await connection.QueryAsync<Guid>(
            "SELECT product_id FROM app.inventory WHERE organization_id = @organizationId AND location_id = @locationId",
            new { organizationId, locationId })).ToList();
    }

    public async Task<IReadOnlyList<(Guid Id, Guid LocationId, Guid ProductId)>> FindItems(Guid organizationId, Guid[] itemIds)
    {
        await using var connection = await db.OpenConnectionAsync();
        return (await connection.QueryAsync<(Guid, Guid, Guid)>(
            "SELECT id, location_id, product_id FROM app.inventory WHERE organization_id = @organizationId AND id = ANY(@itemIds)",
            new { organizationId, itemIds })).ToList();
    }

    public async Task<IReadOnlyList<Guid>> ExistingLocations(Guid organizationId, Guid[] locationIds)
    {
        await using var connection = await db.OpenConnectionAsync();
        return (await connection.QueryAsync<Guid>(
            "SELECT id FROM app.locations WHERE organization_id = @organizationId AND id = ANY(@locationIds) AND is_active",
            new { organizationId, locationIds })).ToList();
    }

    public async Task<IReadOnlyList<(string Gtin, Guid ProductId, string Sku)>> FindByGtins(Guid organizationId, string[] gtins)
    {
        await using var connection = await db.OpenConnectionAsync();
        return (await connection.QueryAsync<(string, Guid, string)>(
            "SELECT gtin, id, sku FROM app.products WHERE organization_id = @organizationId AND deleted_at IS NULL AND gtin = ANY(@gtins)",
            new { organizationId, gtins })).ToList();
    }

    public async Task<bool> MovementRecorded(Guid movementId, Guid locationId, Guid productId)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM app.transactions WHERE movement_id = @movementId AND location_id = @locationId AND product_id = @productId)",
            new { movementId, locationId, productId });
    }

    public async Task<IdempotencyRecord?> FindKey(Guid organizationId, string scope, string key)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<IdempotencyRecord>(
            "SELECT scope, key, request_hash, status, response::text FROM app.idempotency_keys WHERE organization_id = @organizationId AND scope = @scope AND key = @key",
            new { organizationId, scope, key });
    }

    /// <summary>Keeps a first answer that is not part of a ledger commit (a bulk change's report); the first writer wins.</summary>
    public async Task<bool> KeepKey(Guid organizationId, IdempotencyRecord record)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.ExecuteAsync(
            "INSERT INTO app.idempotency_keys (organization_id, scope, key, request_hash, status, response) " +
            "VALUES (@organizationId, @Scope, @Key, @RequestHash, @Status, @Response::jsonb) ON CONFLICT DO NOTHING",
            new { organizationId, record.Scope, record.Key, record.RequestHash, record.Status, record.Response }) == 1;
    }

    public Task<Page<LedgerEntry>> Ledger(Guid organizationId, LedgerQuery query) =>
        db.QueryPageAsync<LedgerEntry>(
            LedgerColumns.Entry,
            "FROM app.transactions t JOIN app.products p ON p.id = t.product_id WHERE t.organization_id = @organizationId " +
            "AND (@type::text IS NULL OR t.type = @type) AND (@locationId::uuid IS NULL OR t.location_id = @locationId) " +
            "AND (@productId::uuid IS NULL OR t.product_id = @productId) AND (@from::timestamptz IS NULL OR t.occurred_at >= @from) " +
            "AND (@to::timestamptz IS NULL OR t.occurred_at < @to)",
            "t.occurred_at DESC, t.id DESC",
            new { organizationId, type = query.Type, locationId = query.LocationId, productId = query.ProductId, from = query.From, to = query.To },
            new PageRequest(query.Page, query.Limit));

    /// <summary>Every product-location of an organisation (or all, when null) whose quantity is not the sum of its ledger.</summary>
    public async Task<(long Items, long Rows, IReadOnlyList<LedgerDifference> Differences)> Verify(Guid? organizationId)
    {
        await using var connection = await reports.OpenConnectionAsync();
        var parameters = new { organizationId };
        var differences = (await connection.QueryAsync<LedgerDifference>(
            "WITH sums AS (SELECT location_id, product_id, sum(quantity) AS total, sum(volume_ml) AS volume FROM app.transactions " +
            "WHERE @organizationId::uuid IS NULL OR organization_id = @organizationId GROUP BY location_id, product_id) " +
            "SELECT coalesce(i.location_id, s.location_id) AS location_id, coalesce(i.product_id, s.product_id) AS product_id, " +
            "coalesce(i.quantity, 0) AS quantity, coalesce(s.total, 0) AS ledger_sum, i.volume_ml, s.volume AS ledger_volume_ml " +
            "FROM (SELECT * FROM app.inventory WHERE @organizationId::uuid IS NULL OR organization_id = @organizationId) i " +
            "FULL JOIN sums s ON s.location_id = i.location_id AND s.product_id = i.product_id " +
            "WHERE coalesce(i.quantity, 0) <> coalesce(s.total, 0) OR coalesce(i.volume_ml, 0) <> coalesce(s.volume, 0) ORDER BY 1, 2 LIMIT 1000",
            parameters)).ToList();
        var items = await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM app.inventory WHERE @organizationId::uuid IS NULL OR organization_id = @organizationId", parameters);
        var rows = await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM app.transactions WHERE @organizationId::uuid IS NULL OR organization_id = @organizationId", parameters);
        return (items, rows, differences);
    }

    // The columns as read, flat; the grain's row holds the product's container as one value.
    private sealed record LoadedRow(
        bool LocationActive, bool ProductLive, string Sku, string Name, string Category, bool ProductActive, decimal Cost, decimal Price,
        string Unit, decimal? SizeMl, decimal? FullWeightG, decimal? EmptyWeightG, decimal? DensityGPerMl,
        Guid? InventoryId, decimal Quantity, decimal? VolumeMl, decimal ParLevel, decimal ReorderPoint,
        DateTime? LastCountDate, Guid? LastCountedBy, DateTime? UpdatedAt, Guid? LowStockAlertId, Guid? NegativeStockAlertId)
    {
        public ProductAtLocationRow ToRow() => new()
        {
            LocationActive = LocationActive,
            ProductLive = ProductLive,
            Sku = Sku,
            Name = Name,
            Category = Category,
            ProductActive = ProductActive,
            Cost = Cost,
            Price = Price,
            Container = new Container(Unit, SizeMl, FullWeightG, EmptyWeightG, DensityGPerMl),
            InventoryId = InventoryId,
            Quantity = Quantity,
            VolumeMl = VolumeMl,
            ParLevel = ParLevel,
            ReorderPoint = ReorderPoint,
            LastCountDate = LastCountDate,
            LastCountedBy = LastCountedBy,
            UpdatedAt = UpdatedAt,
            LowStockAlertId = LowStockAlertId,
            NegativeStockAlertId = NegativeStockAlertId,
        };
    }
}
