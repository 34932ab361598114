using System.Text.Json;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Stock;
using InventoryProFlow.Grains.Storage;
using Npgsql;
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

    private const string IdempotencyKeyConstraint = "idempotency_keys_pkey";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private IdempotencyRecord? _first;

    public async Task<MovementResult> Execute(MovementOrder order, Actor actor)
    {
        var (organizationId, scope, key) = GrainKeys.ParseMovement(this.GetPrimaryKeyString());
        var hash = IdempotencyRecord.Hash(JsonSerializer.Serialize(order, Json));
        if (_first is not null)
        {
            return new MovementResult(_first.Replay<MovementReceipt>(hash), Replayed: true);
        }

        if (scope == GeneratedScope)
        {
            // Nobody can send this key again: the activation has nothing left to do.
            DeactivateOnIdle();
            return new MovementResult(await Apply(organizationId, order, actor, idempotency: null), Replayed: false);
        }

        // A new key is not looked up first: a sale would pay a round trip for the rare replay. A key answered before
        // this activation is found when the movement fails: its commit meets the stored key, or a rule refuses what
        // the first request already did (a transfer of stock that has since gone). The first answer wins either way.
        try
        {
            var receipt = await Apply(organizationId, order, actor, (scope, key, hash));

            // Most keys are never sent again, and a POS sends thousands a minute: holding an activation per key for
            // minutes would fill the silo's memory. A replay that comes later finds the stored answer (below).
            DeactivateOnIdle();
            return new MovementResult(receipt, Replayed: false);
        }
        catch (Exception failure) when (failure is DomainException || IsStoredKey(failure))
        {
            _first = await stock.FindKey(organizationId, scope, key);
            if (_first is null)
            {
                throw;
            }

            return new MovementResult(_first.Replay<MovementReceipt>(hash), Replayed: true);
        }
    }

    private async Task<MovementReceipt> Apply(Guid organizationId, MovementOrder order, Actor actor, (string Scope, string Key, string Hash)? idempotency)
    {
        var now = time.GetUtcNow().UtcDateTime;
        MovementRules.Check(order, now);
        var lines = await Resolve(organizationId, order);

        var movementId = ids.NewId();
        var occurredAt = order.Timestamp?.ToUniversalTime() ?? now;
        var changes = new List<Change>();
        foreach (var (line, index, productId) in lines)
        {
            var (type, delta, mayGoNegative) = MovementRules.Effect(order, line.Quantity!.Value);
            var counterpart = order.Type == MovementTypes.Transfer ? order.ToLocationId : null;
            changes.Add(new Change(index, line, order.LocationId!.Value, productId, IsTransferIn: false, new StockChange(
                movementId, ids.NewId(), type, delta, mayGoNegative, line.UnitCost, line.UnitPrice, order.ReferenceId, order.Notes,
                line.Reason ?? order.Reason, actor.UserId, order.SupplierId, counterpart, occurredAt, now)));
            if (order.Type == MovementTypes.Transfer)
            {
                changes.Add(new Change(index, line, order.ToLocationId!.Value, productId, IsTransferIn: true, new StockChange(
                    movementId, ids.NewId(), MovementTypes.TransferIn, -delta, true, null, null, order.ReferenceId, order.Notes,
                    line.Reason ?? order.Reason, actor.UserId, null, order.LocationId, occurredAt, now)));
            }
        }

        var grains = changes.Select(c => GrainFactory.GetGrain<IProductAtLocationGrain>(GrainKeys.ProductAtLocation(organizationId, c.LocationId, c.ProductId))).ToList();
        var staging = changes.Select((c, i) => grains[i].Stage(c.Stock)).ToList();
        try
        {
            await Task.WhenAll(staging);
        }
        catch
        {
            // All or nothing: what was staged is undone, and the refusals are the answer.
            await SettleAll(grains, staging, movementId, committed: false);
            throw Refusal(staging, changes);
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

    // Lines name products by id or sku; a sku is turned into its id here, and everything else (is the product live,
    // is the location open) is checked by the product-location grains when the lines are staged.
    private async Task<List<(MovementLine Line, int Index, Guid ProductId)>> Resolve(Guid organizationId, MovementOrder order)
    {
        var items = order.Items!;
        var skus = items.Where(l => l.ProductId is null).Select(l => l.Sku!.Trim()).Distinct().ToArray();
        var found = skus.Length == 0 ? [] : await stock.FindProducts(organizationId, [], skus);
        var errors = new List<FieldError>();
        var resolved = new List<(MovementLine, int, Guid)>();
        for (var i = 0; i < items.Count; i++)
        {
            var line = items[i];
            var productId = line.ProductId ?? found.FirstOrDefault(p => p.Sku == line.Sku!.Trim())?.Id;
            if (productId is null)
            {
                errors.Add(NoProduct(i, line));
            }
            else
            {
                resolved.Add((line, i, productId.Value));
            }
        }

        if (order.SupplierId is { } supplier && !await stock.SupplierExists(organizationId, supplier))
        {
            errors.Insert(0, new FieldError("supplierId", "supplierId is not a supplier of this organisation."));
        }

        return errors.Count > 0 ? throw new ValidationFailedException(errors) : resolved;
    }

    // The grains' refusals name their own fields (locationId, productId); the client's request names them per line and side.
    private static Exception Refusal(List<Task<StagedChange>> staging, List<Change> changes)
    {
        var fields = new List<FieldError>();
        for (var i = 0; i < staging.Count; i++)
        {
            if (staging[i].Exception?.InnerException is ValidationFailedException refused)
            {
                fields.AddRange(refused.Details.Select(d => d.Field switch
                {
                    "locationId" when changes[i].IsTransferIn => new FieldError("toLocationId", "toLocationId is not an active location of this organisation."),
                    "locationId" => new FieldError("locationId", "locationId is not an active location of this organisation."),
                    "productId" => NoProduct(changes[i].LineIndex, changes[i].Line),
                    _ => d,
                }));
            }
        }

        return fields.Count > 0
            ? new ValidationFailedException(fields.Distinct().OrderBy(f => f.Field.StartsWith("items", StringComparison.Ordinal)).ToList())
            : staging.First(s => s.IsFaulted).Exception!.InnerException!;
    }

    private static FieldError NoProduct(int index, MovementLine line) =>
        new($"items[{index}].{(line.ProductId is null ? "sku" : "productId")}", $"items[{index}] names no product of this organisation.");

    private static bool IsStoredKey(Exception failure) =>
        failure is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: IdempotencyKeyConstraint };

    private static async Task SettleAll(List<IProductAtLocationGrain> grains, List<Task<StagedChange>> staging, Guid movementId, bool committed) =>
        await Task.WhenAll(grains.Where((_, i) => staging[i].IsCompletedSuccessfully).Distinct().Select(g => g.Settle(movementId, committed)));

    private sealed record Change(int LineIndex, MovementLine Line, Guid LocationId, Guid ProductId, bool IsTransferIn, StockChange Stock);
}
