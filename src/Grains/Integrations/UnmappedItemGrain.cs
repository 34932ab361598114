using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Integrations;
using InventoryProFlow.Contracts.Stock;

namespace InventoryProFlow.Grains.Integrations;

/// <summary>
/// One queued POS line, the single place it is mapped. Mapping applies it as a sale keyed by the line itself,
/// then marks it mapped; if the process dies in between, mapping again replays the same sale and finishes.
/// </summary>
public sealed class UnmappedItemGrain(IntegrationRepository integrations, TimeProvider time) : Grain, IUnmappedItemGrain
{
    public async Task<UnmappedItem> Map(Guid productId, Actor actor)
    {
        var (organizationId, itemId) = GrainKeys.ParseUnmappedItem(this.GetPrimaryKeyString());
        var item = await integrations.FindUnmapped(organizationId, itemId) ?? throw NotFoundException.For("unmapped item", itemId);
        if (item.Status == "mapped")
        {
            return item.ProductId == productId
                ? item
                : throw new ConflictException(ErrorCodes.Conflict, $"This line was already mapped to product {item.ProductId} and applied.");
        }

        try
        {
            await GrainFactory.GetGrain<ICatalogueGrain>(GrainKeys.Catalogue(organizationId)).GetProduct(productId);
        }
        catch (NotFoundException)
        {
            throw new ValidationFailedException([new FieldError("productId", $"productId {productId} names no product of this organisation.")]);
        }

        var key = new MovementKey("unmapped", itemId.ToString("D"));
        var order = new MovementOrder(
            MovementTypes.Sale, item.LocationId, ReferenceId: item.PosTransactionId, Timestamp: item.OccurredAt,
            Notes: $"POS line {item.LineNumber + 1} ({item.Sku ?? item.Barcode}) mapped to a product",
            Items: [new MovementLine(productId, Quantity: item.Quantity, UnitPrice: item.UnitPrice)]);
        var sale = await GrainFactory.GetGrain<IMovementGrain>(GrainKeys.Movements(organizationId, key)).Execute(key, order, actor);
        return await integrations.MarkMapped(item, productId, sale.Receipt.MovementId, actor.UserId, time.GetUtcNow().UtcDateTime);
    }
}
