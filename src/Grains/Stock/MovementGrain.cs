using System.Text.Json;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Compliance;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Json;
using InventoryProFlow.Contracts.Live;
using InventoryProFlow.Contracts.Stock;
using InventoryProFlow.Grains.Live;
using InventoryProFlow.Grains.Placement;
using InventoryProFlow.Grains.Storage;
using InventoryProFlow.Grains.Webhooks;
using Npgsql;
using Orleans.Concurrency;

namespace InventoryProFlow.Grains.Stock;

/// <summary>
/// The movements of one shard of an organisation's idempotency keys. A movement's lines are staged in their
/// product-location grains, committed together in one ledger transaction (with the key's first answer), then
/// settled. Movements of different keys run side by side (the grain is reentrant); a key's replays wait for its
/// first request and get its answer. One long-lived activation per shard, not one per key: a POS sends
/// thousands of keys a minute, and an activation per key cost more than the sale itself.
/// </summary>
[Reentrant]
[LocationPlacement]
public sealed class MovementGrain(StockRepository stock, LedgerWriter ledger, IdFactory ids, TimeProvider time) : Grain, IMovementGrain
{
    private const string IdempotencyKeyConstraint = "idempotency_keys_pkey";

    private static readonly JsonSerializerOptions Json = ContractJson.Web;

    // Keys being applied now, with the first answer once there is one (null: the attempt failed).
    private readonly Dictionary<MovementKey, Task<IdempotencyRecord?>> _inFlight = [];
    private readonly RecentKeys _answered = new(time);

    private Guid OrganizationId => GrainKeys.ParseMovements(this.GetPrimaryKeyString());

    public Task<MovementResult> Execute(MovementKey? key, MovementOrder order, Actor actor) => Run(key, order, actor, recount: false);

    public Task<MovementResult> Recount(MovementKey key, MovementOrder order, Actor actor) => Run(key, order, actor, recount: true);

    private async Task<MovementResult> Run(MovementKey? key, MovementOrder order, Actor actor, bool recount)
    {
        if (key is null)
        {
            return new MovementResult((await Apply(order, actor, idempotency: null, recount)).Receipt, Replayed: false);
        }

        var hash = IdempotencyRecord.Hash(JsonSerializer.Serialize(order, Json));
        while (_inFlight.TryGetValue(key, out var running))
        {
            if (await running is { } first)
            {
                return new MovementResult(first.Replay<MovementReceipt>(hash), Replayed: true);
            }
        }

        // A key answered lately is looked up at once, rather than tried and refused by its stored answer.
        if (_answered.Contains(key) && await stock.FindKey(OrganizationId, key.Scope, key.Key) is { } stored)
        {
            return new MovementResult(stored.Replay<MovementReceipt>(hash), Replayed: true);
        }

        var attempt = new TaskCompletionSource<IdempotencyRecord?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _inFlight[key] = attempt.Task;
        IdempotencyRecord? answer = null;
        try
        {
            var (result, record) = await ApplyOnce(key, hash, order, actor, recount);
            answer = record;
            _answered.Add(key);
            return result;
        }
        finally
        {
            _inFlight.Remove(key);
            attempt.SetResult(answer);
        }
    }

    // A new key is not looked up first: every sale would pay a round trip for the rare replay. A key answered
    // before (by an activation since gone) is found when the movement fails: its commit meets the stored key, or
    // a rule refuses what the first request already did (a transfer of stock that has since gone). The first
    // answer wins either way.
    private async Task<(MovementResult Result, IdempotencyRecord Record)> ApplyOnce(MovementKey key, string hash, MovementOrder order, Actor actor, bool recount)
    {
        try
        {
            var (receipt, record) = await Apply(order, actor, (key, hash), recount);
            return (new MovementResult(receipt, Replayed: false), record!);
        }
        catch (Exception failure) when (failure is DomainException || IsStoredKey(failure))
        {
            var stored = await stock.FindKey(OrganizationId, key.Scope, key.Key);
            if (stored is null)
            {
                throw;
            }

            return (new MovementResult(stored.Replay<MovementReceipt>(hash), Replayed: true), stored);
        }
    }

    private async Task<(MovementReceipt Receipt, IdempotencyRecord? Record)> Apply(MovementOrder order, Actor actor, (MovementKey Key, string Hash)? idempotency, bool recount)
    {
        var organizationId = OrganizationId;
        var now = time.GetUtcNow().UtcDateTime;
        MovementRules.Check(order, now, recount);
        var lines = await Resolve(organizationId, order);

        var movementId = ids.NewId();
        var occurredAt = order.Timestamp?.ToUniversalTime() ?? now;
        if (order.Timestamp is not null)
        {
            // Only a movement dated earlier can fall in a filed period: a period is filed once it is over.
            await EnsureOpen(organizationId, order, occurredAt);
        }

        var changes = new List<Change>();
        foreach (var (line, index, productId) in lines)
        {
            var (type, sign, mayGoNegative) = MovementRules.Effect(order);
            var outgoing = new StockChange
            {
                MovementId = movementId,
                EntryId = ids.NewId(),
                Type = type,
                Quantity = sign * line.Quantity,
                VolumeMl = sign * line.VolumeMl,
                MayGoNegative = mayGoNegative,
                UnitCost = line.UnitCost,
                UnitPrice = line.UnitPrice,
                TotalAmount = line.Amount,
                ReferenceId = order.ReferenceId,
                Notes = order.Notes,
                Reason = line.Reason ?? order.Reason,
                UserId = actor.UserId,
                SupplierId = order.SupplierId,
                CounterpartLocationId = order.Type == MovementTypes.Transfer ? order.ToLocationId : null,
                OccurredAt = occurredAt,
                RecordedAt = now,
                CountedAsOf = recount ? occurredAt : null,
                MayOverridePrice = StockRules.MayOverridePrice(actor),
            };
            changes.Add(new Change(index, line, order.LocationId!.Value, productId, IsTransferIn: false, outgoing));
            if (order.Type == MovementTypes.Transfer)
            {
                // The receiving side's row: the same units in, no money, pointing back at the sending location.
                changes.Add(new Change(index, line, order.ToLocationId!.Value, productId, IsTransferIn: true, outgoing with
                {
                    EntryId = ids.NewId(),
                    Type = MovementTypes.TransferIn,
                    Quantity = -sign * line.Quantity,
                    VolumeMl = -sign * line.VolumeMl,
                    MayGoNegative = true,
                    UnitCost = null,
                    UnitPrice = null,
                    TotalAmount = null,
                    SupplierId = null,
                    CounterpartLocationId = order.LocationId,
                }));
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
        var key = idempotency is { } k ? IdempotencyRecord.Of(k.Key.Scope, k.Key.Key, k.Hash, 201, receipt) : null;
        var live = LiveEventsOf.Movement(organizationId, receipt, actor.UserId);
        try
        {
            await ledger.Append(new LedgerCommit(
                organizationId, receipt.Entries, staged.Select(s => s.Inventory).ToList(), staged.SelectMany(s => s.Alerts).ToList(), key, WebhookPayloads.Of(live)));
        }
        catch
        {
            await SettleAll(grains, staging, movementId, committed: false);
            throw;
        }

        await SettleAll(grains, staging, movementId, committed: true);
        GrainFactory.PublishLive(live);
        return (receipt, key);
    }

    // A filed period closes both sides of a transfer: stock that left a location in it, or reached one, is in its report.
    private async Task EnsureOpen(Guid organizationId, MovementOrder order, DateTime occurredAt)
    {
        foreach (var location in new[] { order.LocationId, order.ToLocationId }.OfType<Guid>().Distinct())
        {
            await GrainFactory.GetGrain<IFiledPeriodsGrain>(GrainKeys.FiledPeriods(organizationId, location)).EnsureOpen(occurredAt);
        }
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
                    "quantity" or "unitPrice" or "unitCost" or "amount" => new FieldError($"items[{changes[i].LineIndex}].{d.Field}", $"items[{changes[i].LineIndex}]: {d.Message}"),
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
