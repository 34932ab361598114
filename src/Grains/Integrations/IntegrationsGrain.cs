using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Integrations;
using InventoryProFlow.Contracts.Menu;
using InventoryProFlow.Contracts.Paging;
using InventoryProFlow.Contracts.Stock;
using InventoryProFlow.Grains.Catalogue;
using InventoryProFlow.Grains.Menu;
using InventoryProFlow.Grains.Operations;
using InventoryProFlow.Grains.Stock;
using InventoryProFlow.Grains.Storage;
using InventoryProFlow.Grains.Validation;
using Orleans.Concurrency;

namespace InventoryProFlow.Grains.Integrations;

/// <summary>
/// An organisation's integrations and POS ingestion. Stateless: the tables hold the facts, and a POS pushing a
/// busy night's sales is served by several activations side by side.
/// </summary>
[StatelessWorker]
public sealed class IntegrationsGrain(IntegrationRepository integrations, StockRepository stock, IdFactory ids, TimeProvider time, TradeMetrics metrics)
    : Grain, IIntegrationsGrain
{
    // Sales of one request run side by side up to this many; each is its own movement.
    private const int SalesInParallel = 16;

    private Guid OrganizationId => GrainKeys.ParseIntegrations(this.GetPrimaryKeyString());

    public async Task<IssuedIntegration> Create(string? name, string? kind, Guid createdBy)
    {
        new Violations().Required("name", name, 100).OneOf("kind", kind ?? "pos", ["pos"]).ThrowIfAny();
        var apiKey = ApiKeys.NewKey();
        var secret = ApiKeys.NewWebhookSecret();
        var details = new IntegrationDetails(ids.NewId(), OrganizationId, name!.Trim(), kind ?? "pos", ApiKeys.Prefix(apiKey), time.GetUtcNow().UtcDateTime, null);
        var stored = await integrations.Insert(details, ApiKeys.Hash(apiKey), secret, createdBy);
        return new IssuedIntegration(stored, apiKey, secret);
    }

    public Task<Page<IntegrationDetails>> List(PageRequest page) => integrations.List(OrganizationId, page);

    public async Task Revoke(Guid integrationId)
    {
        // Told every time, so a revoke that failed half way is finished by the next one.
        var keyHash = await integrations.Revoke(OrganizationId, integrationId, time.GetUtcNow().UtcDateTime)
            ?? throw NotFoundException.For("integration", integrationId);
        await GrainFactory.GetGrain<IIntegrationKeyGrain>(GrainKeys.IntegrationKey(keyHash)).Forget();
    }

    public Task<Page<UnmappedItem>> Unmapped(PageRequest page, bool includeMapped) => integrations.Unmapped(OrganizationId, page, includeMapped);

    public async Task<IReadOnlyList<PosSaleResult>> Ingest(Guid integrationId, IReadOnlyList<PosSale> sales)
    {
        if (sales.Count is 0 or > PosRules.MaxSalesPerRequest)
        {
            throw new ValidationFailedException([new FieldError("sales", $"Send 1 to {PosRules.MaxSalesPerRequest} sales per request.")]);
        }

        // Side by side in this activation's own turn (its calls interleave, nothing else does), a few at a time.
        var results = new List<PosSaleResult>(sales.Count);
        foreach (var chunk in sales.Chunk(SalesInParallel))
        {
            results.AddRange(await Task.WhenAll(chunk.Select(sale => IngestOne(integrationId, sale))));
        }

        return results;
    }

    private async Task<PosSaleResult> IngestOne(Guid integrationId, PosSale? sale)
    {
        if (sale is null)
        {
            return new PosSaleResult(null, PosSaleStatus.Rejected, null, 0, 0, ErrorCodes.ValidationFailed, "The sale is empty.");
        }

        try
        {
            PosRules.Check(sale, time.GetUtcNow().UtcDateTime);
            var location = await GrainFactory.GetGrain<ILocationGrain>(GrainKeys.Location(OrganizationId, sale.LocationId!.Value)).Get();
            if (!location.IsActive)
            {
                throw new ValidationFailedException([new FieldError("locationId", "locationId is not an active location of this organisation.")]);
            }

            var transactionId = sale.TransactionId!.Trim();
            var queued = await integrations.QueuedLines(integrationId, sale.LocationId!.Value, transactionId);
            var (matched, lines, unmatched) = await Match(sale, queued);
            MovementResult? applied = null;
            if (matched.Count > 0)
            {
                // The POS's transaction id is the key, within this integration and location: stores of one system may number alike.
                var key = new MovementKey($"pos/{integrationId:D}", $"{sale.LocationId:D}/{transactionId}");
                var order = new MovementOrder(MovementTypes.Sale, sale.LocationId, ReferenceId: transactionId, Timestamp: sale.Timestamp, Items: matched);
                applied = await GrainFactory.GetGrain<IMovementGrain>(GrainKeys.Movements(OrganizationId, order, key)).Execute(key, order, Actor.Integration);
            }

            // Queued after the matched lines are durable; a POS that got no answer sends the sale again, and both steps are idempotent.
            if (unmatched.Count > 0)
            {
                var now = time.GetUtcNow().UtcDateTime;
                var queuedNow = await integrations.Queue(unmatched.Select(u => new UnmappedItem(
                    ids.NewId(), OrganizationId, integrationId, sale.LocationId!.Value, transactionId, u.Line, u.Item.Sku?.Trim(), u.Item.Barcode?.Trim(),
                    u.Item.Quantity!.Value, u.Item.Price, sale.Timestamp?.ToUniversalTime() ?? now, "open", null, null, null, null, now,
                    u.Item.ItemId?.Trim(), u.Item.Name?.Trim(), ModifierIdsOf(u.Item))).ToList());
                metrics.UnmappedLinesQueued(queuedNow);
            }

            // A sale with nothing to apply was seen before if an earlier delivery queued its lines.
            var replayed = applied?.Replayed ?? queued.Count > 0;
            return new PosSaleResult(
                transactionId, replayed ? PosSaleStatus.Duplicate : PosSaleStatus.Recorded, applied?.Receipt.MovementId,
                lines, unmatched.Count, null, null);
        }
        catch (DomainException refused)
        {
            return new PosSaleResult(sale.TransactionId, PosSaleStatus.Rejected, null, 0, 0, refused.Code, refused.Message, refused.Details);
        }
        catch (Exception failure) when (failure is System.Data.Common.DbException { IsTransient: true } or TimeoutException or OrleansMessageRejectionException)
        {
            // A database or cluster blip fails this sale alone; the rest of the batch keeps its answers, and this one is safe to send again.
            return new PosSaleResult(sale.TransactionId, PosSaleStatus.Rejected, null, 0, 0, ErrorCodes.ServiceUnavailable, "Could not record this sale just now; send it again.");
        }
    }

    // A line naming the POS's item is what the menu says it pours; otherwise (or when the menu does not know the item) by sku,
    // then by barcode (any GTIN form, compared as GTIN-14). A line queued by an earlier delivery stays queued even if it
    // matches now: it is applied once, when mapped, and the sale replays as first sent.
    private async Task<(List<MovementLine> Matched, int Lines, List<(int Line, PosItem Item)> Unmatched)> Match(PosSale sale, IReadOnlyList<int> queued)
    {
        var items = sale.Items!;
        var skus = items.Where(i => !string.IsNullOrWhiteSpace(i.Sku)).Select(i => i.Sku!.Trim()).Distinct().ToArray();
        var gtins = items.Where(i => !string.IsNullOrWhiteSpace(i.Barcode)).Select(i => Gtin.Parse(i.Barcode!.Trim()).Gtin14!).Distinct().ToArray();
        var bySku = skus.Length == 0 ? [] : (await stock.FindProducts(OrganizationId, [], skus)).ToDictionary(p => p.Sku, p => p.Id);
        var byGtin = gtins.Length == 0 ? [] : (await stock.FindByGtins(OrganizationId, gtins)).ToDictionary(p => p.Gtin, p => p.ProductId);
        var poured = await Pours(sale.LocationId!.Value, items);
        var matched = new List<MovementLine>();
        var lines = 0;
        var unmatched = new List<(int, PosItem)>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            Guid? productId = item.Sku is { } sku && bySku.TryGetValue(sku.Trim(), out var a) ? a
                : !string.IsNullOrWhiteSpace(item.Barcode) && byGtin.TryGetValue(Gtin.Parse(item.Barcode!.Trim()).Gtin14!, out var b) ? b
                : null;
            if (queued.Contains(i) || (poured[i] is null && productId is null))
            {
                unmatched.Add((i, item));
                continue;
            }

            lines++;
            matched.AddRange(poured[i] is { } depletion
                ? DepletionLines.Of(depletion, item.Price, item.Quantity!.Value)
                : [new MovementLine(productId, Quantity: item.Quantity, UnitPrice: item.Price)]);
        }

        return (matched, lines, unmatched);
    }

    // One call to the menu for every line that names a POS item; null for the rest and for items the menu does not map.
    private async Task<IReadOnlyList<IReadOnlyList<Depletion>?>> Pours(Guid locationId, IReadOnlyList<PosItem> items)
    {
        var named = items.Select((item, i) => (item, i)).Where(x => !string.IsNullOrWhiteSpace(x.item.ItemId)).ToList();
        var result = new IReadOnlyList<Depletion>?[items.Count];
        if (named.Count > 0)
        {
            var depleted = await GrainFactory.GetGrain<IMenuGrain>(GrainKeys.Menu(OrganizationId)).Deplete(locationId, named
                .Select(x => new PosLine(x.item.ItemId!.Trim(), ModifierIdsOf(x.item), x.item.Quantity!.Value)).ToList());
            for (var n = 0; n < named.Count; n++)
            {
                result[named[n].i] = depleted[n];
            }
        }

        return result;
    }

    private static string[] ModifierIdsOf(PosItem item) => (item.Modifiers ?? []).Select(m => m.Id!.Trim()).ToArray();
}
