using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Paging;
using InventoryProFlow.Contracts.Stock;

namespace InventoryProFlow.Grains.Stock;

/// <summary>
/// The live inventory list of one location: loaded from the tables once, then kept current by its
/// product-location grains, which announce every committed change. Lists are answered from memory.
/// </summary>
public sealed class LocationStockGrain(StockRepository stock) : Grain, ILocationStockGrain
{
    private readonly Dictionary<Guid, InventoryItem> _items = [];
    private bool _exists;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (organizationId, locationId) = GrainKeys.ParseLocationStock(this.GetPrimaryKeyString());
        _exists = await stock.LocationExists(organizationId, locationId);
        if (_exists)
        {
            foreach (var item in await stock.ItemsAt(organizationId, locationId))
            {
                _items[item.ProductId] = item;
            }
        }
    }

    public Task<Page<InventoryItem>> List(InventoryQuery query)
    {
        if (!_exists)
        {
            throw NotFoundException.For("location", GrainKeys.ParseLocationStock(this.GetPrimaryKeyString()).LocationId);
        }

        var matching = _items.Values
            .Where(i => query.Category is null || i.Category == query.Category)
            .Where(i => !query.LowStockOnly || i.LowStock || i.NegativeStock)
            .OrderBy(i => i.Name, StringComparer.OrdinalIgnoreCase).ThenBy(i => i.ProductId)
            .ToList();
        var page = new PageRequest(query.Page, query.Limit);
        return Task.FromResult(new Page<InventoryItem>(matching.Skip(page.Offset).Take(page.Limit).ToList(), page.Page, page.Limit, matching.Count));
    }

    public Task Changed(InventoryItem item)
    {
        // Announcements may arrive out of order; the later state wins.
        if (!_items.TryGetValue(item.ProductId, out var known) || known.UpdatedAt <= item.UpdatedAt)
        {
            _items[item.ProductId] = item;
        }

        return Task.CompletedTask;
    }
}
