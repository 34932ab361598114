using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Integrations;
using InventoryProFlow.Contracts.Menu;
using InventoryProFlow.Contracts.Stock;
using InventoryProFlow.Grains.Catalogue;
using InventoryProFlow.Grains.Menu;

namespace InventoryProFlow.Grains.Integrations;

/// <summary>
/// One queued POS line, the single place it is mapped. Mapping applies it as a sale keyed by the line itself,
/// then marks it mapped; if the process dies in between, mapping again replays the same sale and finishes.
/// </summary>
public sealed class UnmappedItemGrain(IntegrationRepository integrations, TimeProvider time) : Grain, IUnmappedItemGrain
{
    public async Task<UnmappedItem> Map(Guid productId, Actor actor)
    {
        var item = await Open(existing => existing.ProductId == productId
            ? existing
            : throw new ConflictException(ErrorCodes.Conflict, $"This line was already mapped to product {existing.ProductId} and applied."));
        if (item.Status == "mapped")
        {
            return item;
        }

        await GrainFactory.ReferencedProduct(item.OrganizationId, productId);

        return await Sell(item, productId, [new MovementLine(productId, Quantity: item.Quantity, UnitPrice: item.UnitPrice)], actor,
            $"POS line {item.LineNumber + 1} ({item.Sku ?? item.Barcode ?? item.ItemName}) mapped to a product");
    }

    public async Task<UnmappedItem> Apply(IReadOnlyList<Depletion> depletion, Actor actor)
    {
        var item = await Open(existing => existing);
        return item.Status == "mapped"
            ? item
            : await Sell(item, null, DepletionLines.Of(depletion, item.UnitPrice, item.Quantity), actor,
                $"POS line {item.LineNumber + 1} ({item.ItemName ?? item.PosItemId}) applied when its POS item was mapped");
    }

    // The line as queued; one mapped already is answered by whenMapped (the same mapping again, or a conflict).
    private async Task<UnmappedItem> Open(Func<UnmappedItem, UnmappedItem> whenMapped)
    {
        var (organizationId, itemId) = GrainKeys.ParseUnmappedItem(this.GetPrimaryKeyString());
        var item = await integrations.FindUnmapped(organizationId, itemId) ?? throw NotFoundException.For("unmapped item", itemId);
        return item.Status == "mapped" ? whenMapped(item) : item;
    }

    // Applied as a sale keyed by the line itself, so mapping again after a crash replays it rather than selling twice.
    private async Task<UnmappedItem> Sell(UnmappedItem item, Guid? productId, IReadOnlyList<MovementLine> lines, Actor actor, string notes)
    {
        var key = new MovementKey("unmapped", item.Id.ToString("D"));
        var order = new MovementOrder(
            MovementTypes.Sale, item.LocationId, ReferenceId: item.PosTransactionId, Timestamp: item.OccurredAt, Notes: notes, Items: lines);
        var sale = await GrainFactory.GetGrain<IMovementGrain>(GrainKeys.Movements(item.OrganizationId, order, key)).Execute(key, order, actor);
        return await integrations.MarkMapped(item, productId, sale.Receipt.MovementId, actor.UserId, time.GetUtcNow().UtcDateTime);
    }
}
