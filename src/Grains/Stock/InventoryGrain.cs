using InventoryProFlow.Contracts;
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

    public async Task<InventoryItem> Item(Guid itemId)
    {
        var found = await stock.FindItem(OrganizationId, itemId) ?? throw NotFoundException.For("inventory item", itemId);
        return await ProductAt(found.LocationId, found.ProductId).Get();
    }

    public async Task<IReadOnlyList<InventoryItem>> AcrossLocations(Guid productId)
    {
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

    private IProductAtLocationGrain ProductAt(Guid locationId, Guid productId) =>
        GrainFactory.GetGrain<IProductAtLocationGrain>(GrainKeys.ProductAtLocation(OrganizationId, locationId, productId));
}
