using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Paging;
using InventoryProFlow.Contracts.Stock;
using InventoryProFlow.Grains.Placement;

namespace InventoryProFlow.Grains.Stock;

/// <summary>
/// The live inventory list of one location: loaded from the tables once, then kept current by its
/// product-location grains, which announce every committed change. Lists are answered from memory.
/// </summary>
[LocationPlacement]
public sealed class LocationStockGrain(StockRepository stock) : Grain, ILocationStockGrain
{
    private readonly Dictionary<Guid, InventoryItem> _items = [];
    private List<Guid>? _order;
    private bool _exists;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (organizationId, locationId) = GrainKeys.ParseLocationStock(this.GetPrimaryKeyString());
        try
        {
            _exists = await stock.LocationExists(organizationId, locationId);
            if (_exists)
            {
                foreach (var item in await stock.ItemsAt(organizationId, locationId))
                {
                    _items[item.ProductId] = item;
                }
            }
        }
        catch (Exception error) when (ServiceUnavailableException.MustReplace(error))
        {
            // A failed activation bypasses the silo's call filter, and its cause would reach the caller as a codec failure.
            throw ServiceUnavailableException.ForDatabase();
        }
    }

    public Task<Page<InventoryItem>> List(InventoryQuery query)
    {
        if (!_exists)
        {
            throw NotFoundException.For("location", GrainKeys.ParseLocationStock(this.GetPrimaryKeyString()).LocationId);
        }

        var page = new PageRequest(query.Page, query.Limit);
        var items = new List<InventoryItem>(page.Limit);
        var matching = 0;
        var words = query.Search?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        foreach (var productId in Order())
        {
            var item = _items[productId];
            if ((query.IncludeInactive || item.IsActive) && (query.Category is null || string.Equals(item.Category, query.Category, StringComparison.OrdinalIgnoreCase)) && (!query.LowStockOnly || item.LowStock || item.NegativeStock)
                && words.All(word => item.Name.Contains(word, StringComparison.OrdinalIgnoreCase) || item.Sku.Contains(word, StringComparison.OrdinalIgnoreCase)))
            {
                if (matching >= page.Offset && items.Count < page.Limit)
                {
                    items.Add(item);
                }

                matching++;
            }
        }

        return Task.FromResult(new Page<InventoryItem>(items, page.Page, page.Limit, matching));
    }

    public Task Changed(InventoryItem item)
    {
        // Announcements may arrive out of order; the later state wins.
        if (!_items.TryGetValue(item.ProductId, out var known) || known.UpdatedAt <= item.UpdatedAt)
        {
            _items[item.ProductId] = item;
            if (known is null || known.Name != item.Name)
            {
                _order = null;
            }
        }

        return Task.CompletedTask;
    }

    public Task Removed(Guid productId)
    {
        if (_items.Remove(productId))
        {
            _order = null;
        }

        return Task.CompletedTask;
    }

    // Lists are by name. Stock moves all the time but names and the set of items rarely do, so the order is kept
    // between lists and a page is a walk, not a sort of every item.
    private List<Guid> Order() =>
        _order ??= _items.Values.OrderBy(i => i.Name, StringComparer.OrdinalIgnoreCase).ThenBy(i => i.ProductId).Select(i => i.ProductId).ToList();
}
