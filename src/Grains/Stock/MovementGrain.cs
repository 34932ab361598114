using System.Text.Json;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Stock;
using InventoryProFlow.Grains.Storage;
using Orleans.Concurrency;

namespace InventoryProFlow.Grains.Stock;

/// <summary>
/// One movement, named by its idempotency key. Its lines are staged in their product-location grains,
/// committed together in one ledger transaction (with the key's first answer), then settled. One
/// activation per key cluster-wide makes replays wait for, and return, the first answer.
/// </summary>
[CollectionAgeLimit(Minutes = 2)]
public sealed class MovementGrain(StockRepository stock, LedgerWriter ledger, IdFactory ids, TimeProvider time) : Grain, IMovementGrain
{
    public const string GeneratedScope = "generated";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private IdempotencyRecord? _first;

    public async Task<MovementResult> Execute(MovementOrder order, Actor actor)
    {
        var (organizationId, scope, key) = GrainKeys.ParseMovement(this.GetPrimaryKeyString());
        var hash = IdempotencyRecord.Hash(JsonSerializer.Serialize(order, Json));
        _first ??= scope == GeneratedScope ? null : await stock.FindKey(organizationId, scope, key);
        if (_first is not null)
        {
            return new MovementResult(_first.Replay<MovementReceipt>(hash), Replayed: true);
        }

        var receipt = await Apply(organizationId, order, actor, scope == GeneratedScope ? null : (scope, key, hash));
        return new MovementResult(receipt, Replayed: false);
    }

    private async Task<MovementReceipt> Apply(Guid organizationId, MovementOrder order, Actor actor, (string Scope, string Key, string Hash)? idempotency)
    {
        var now = time.GetUtcNow().UtcDateTime;
        MovementRules.Check(order, now);
        var lines = await Resolve(organizationId, order);

        var movementId = ids.NewId();
        var occurredAt = order.Timestamp?.ToUniversalTime() ?? now;
        var changes = new List<(Guid LocationId, Guid ProductId, StockChange Change)>();
        foreach (var (line, productId) in lines)
        {
            var (type, delta, mayGoNegative) = MovementRules.Effect(order, line.Quantity!.Value);
            var counterpart = order.Type == MovementTypes.Transfer ? order.ToLocationId : null;
            changes.Add((order.LocationId!.Value, productId, new StockChange(
                movementId, ids.NewId(), type, delta, mayGoNegative, line.UnitCost, line.UnitPrice, order.ReferenceId, order.Notes,
                line.Reason ?? order.Reason, actor.UserId, order.SupplierId, counterpart, occurredAt, now)));
            if (order.Type == MovementTypes.Transfer)
            {
                changes.Add((order.ToLocationId!.Value, productId, new StockChange(
                    movementId, ids.NewId(), MovementTypes.TransferIn, -delta, true, null, null, order.ReferenceId, order.Notes,
                    line.Reason ?? order.Reason, actor.UserId, null, order.LocationId, occurredAt, now)));
            }
        }

        var grains = changes.Select(c => GrainFactory.GetGrain<IProductAtLocationGrain>(GrainKeys.ProductAtLocation(organizationId, c.LocationId, c.ProductId))).ToList();
        var staging = changes.Select((c, i) => grains[i].Stage(c.Change)).ToList();
        try
        {
            await Task.WhenAll(staging);
        }
        catch
        {
            // All or nothing: what was staged is undone, and the first refusal is the answer.
            await SettleAll(grains, staging, movementId, committed: false);
            throw staging.First(s => s.IsFaulted).Exception!.InnerException!;
        }

        var staged = staging.Select(s => s.Result).ToList();
        var receipt = new MovementReceipt(
            movementId, order.Type, order.ReferenceId, occurredAt, now, staged.Select(s => s.Entry!).ToList(),
            staged.Select(s => s.After).ToList(), staged.SelectMany(s => s.Alerts).Select(a => a.Alert).ToList());
        var key = idempotency is { } k ? IdempotencyRecord.Of(k.Scope, k.Key, k.Hash, 201, receipt) : null;
        try
        {
            await ledger.Append(new LedgerCommit(organizationId, receipt.Entries, staged.Select(s => s.Inventory).ToList(), staged.SelectMany(s => s.Alerts).ToList(), key));
        }
        catch
        {
            await SettleAll(grains, staging, movementId, committed: false);
            throw;
        }

        await SettleAll(grains, staging, movementId, committed: true);
        _first = key;
        return receipt;
    }

    // Lines name products by id or sku; every one must be a live product of this organisation, at live locations of it.
    private async Task<List<(MovementLine Line, Guid ProductId)>> Resolve(Guid organizationId, MovementOrder order)
    {
        var items = order.Items!;
        var found = await stock.FindProducts(
            organizationId,
            items.Where(l => l.ProductId is not null).Select(l => l.ProductId!.Value).Distinct().ToArray(),
            items.Where(l => l.ProductId is null).Select(l => l.Sku!.Trim()).Distinct().ToArray());
        var errors = new List<FieldError>();
        var resolved = new List<(MovementLine, Guid)>();
        for (var i = 0; i < items.Count; i++)
        {
            var line = items[i];
            var product = line.ProductId is { } id ? found.FirstOrDefault(p => p.Id == id) : found.FirstOrDefault(p => p.Sku == line.Sku!.Trim());
            if (product is null)
            {
                errors.Add(new FieldError($"items[{i}].{(line.ProductId is null ? "sku" : "productId")}", $"items[{i}] names no product of this organisation."));
            }
            else
            {
                resolved.Add((line, product.Id));
            }
        }

        if (!await stock.LocationActive(organizationId, order.LocationId!.Value))
        {
            errors.Insert(0, new FieldError("locationId", "locationId is not an active location of this organisation."));
        }

        if (order.ToLocationId is { } to && !await stock.LocationActive(organizationId, to))
        {
            errors.Insert(0, new FieldError("toLocationId", "toLocationId is not an active location of this organisation."));
        }

        if (order.SupplierId is { } supplier && !await stock.SupplierExists(organizationId, supplier))
        {
            errors.Insert(0, new FieldError("supplierId", "supplierId is not a supplier of this organisation."));
        }

        return errors.Count > 0 ? throw new ValidationFailedException(errors) : resolved;
    }

    private static async Task SettleAll(List<IProductAtLocationGrain> grains, List<Task<StagedChange>> staging, Guid movementId, bool committed) =>
        await Task.WhenAll(grains.Where((_, i) => staging[i].IsCompletedSuccessfully).Distinct().Select(g => g.Settle(movementId, committed)));
}
