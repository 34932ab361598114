using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Paging;
using InventoryProFlow.Contracts.Stock;
using Orleans.Concurrency;

namespace InventoryProFlow.Grains.Stock;

/// <summary>Organisation-wide stock questions, answered from the product-location grains (live) or the ledger.</summary>
[StatelessWorker]
public sealed class InventoryGrain(StockRepository stock, TimeProvider time) : Grain, IInventoryGrain
{
    private Guid OrganizationId => GrainKeys.ParseInventory(this.GetPrimaryKeyString());

    public Task<Page<InventoryItem>> Items(InventoryQuery query) => stock.OrganizationItems(OrganizationId, query);

    public async Task<Page<OpenStockAlert>> OpenAlerts(StockAlertQuery query)
    {
        if (query.LocationId is { } locationId)
        {
            // Another organisation's location, or none, is not found, as its own inventory list is.
            await GrainFactory.GetGrain<ILocationGrain>(GrainKeys.Location(OrganizationId, locationId)).Get();
        }

        return await stock.OpenAlerts(OrganizationId, query);
    }

    public async Task<InventoryItem> Item(Guid itemId)
    {
        var found = await stock.FindItem(OrganizationId, itemId) ?? throw NotFoundException.For("inventory item", itemId);
        return await ProductAt(found.LocationId, found.ProductId).Get();
    }

    public async Task<IReadOnlyList<InventoryItem>> AcrossLocations(Guid productId)
    {
        // Another organisation's product, or none, is not found, rather than carried nowhere.
        await GrainFactory.GetGrain<ICatalogueGrain>(GrainKeys.Catalogue(OrganizationId)).GetProduct(productId);
        var locations = await stock.LocationsCarrying(OrganizationId, productId);
        return await Task.WhenAll(locations.Select(l => ProductAt(l, productId).Get()));
    }

    public Task<Page<LedgerEntry>> Ledger(LedgerQuery query)
    {
        if (query.Type is not null && !MovementTypes.Ledger.Contains(query.Type))
        {
            throw new ValidationFailedException([new FieldError("type", $"type must be one of: {string.Join(", ", MovementTypes.Ledger)}.")]);
        }

        return stock.Ledger(OrganizationId, query);
    }

    public async Task<LedgerVerification> Verify()
    {
        var (items, rows, differences) = await stock.Verify(OrganizationId);
        return new LedgerVerification(differences.Count == 0, items, rows, differences, time.GetUtcNow().UtcDateTime);
    }

    public Task<BatchReport> ApplyBatch(IReadOnlyList<BatchRow> rows, Actor actor)
    {
        BatchRules.Check(rows);
        return new BatchApplier(OrganizationId, stock, GrainFactory).Apply(
            rows.Select((row, index) => (index + 1, (BatchRow?)row, BatchRules.Problem(row))).ToList(), actor);
    }

    public async Task<BatchReport> ImportCountSheet(Guid locationId, string csv, Actor actor)
    {
        var lines = CountSheet.Read(locationId, csv);
        BatchRules.Check(lines.Select(l => l.Row ?? new BatchRow()).ToList());
        // Barcodes become skus first, so the batch names every product one way.
        var gtins = (await stock.FindByGtins(OrganizationId, lines.Where(l => l.Gtin is not null).Select(l => l.Gtin!).Distinct().ToArray()))
            .ToDictionary(g => g.Gtin, g => g.Sku);
        var rows = lines.Select(line => line switch
        {
            { Error: { } error } => (line.Line, (BatchRow?)null, (string?)error),
            { Gtin: { } gtin } when !gtins.ContainsKey(gtin) => (line.Line, null, $"No product with barcode GTIN {gtin} in this organisation."),
            { Gtin: { } gtin } => (line.Line, line.Row! with { Sku = gtins[gtin] }, null),
            _ => (line.Line, line.Row, null),
        }).ToList();
        return await new BatchApplier(OrganizationId, stock, GrainFactory).Apply(rows, actor);
    }

    private IProductAtLocationGrain ProductAt(Guid locationId, Guid productId) =>
        GrainFactory.GetGrain<IProductAtLocationGrain>(GrainKeys.ProductAtLocation(OrganizationId, locationId, productId));
}
