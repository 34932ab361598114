using InventoryProFlow.Contracts.Paging;

namespace InventoryProFlow.Contracts.Stock;

/// <summary>The first answer to a movement; replays get the same one.</summary>
[GenerateSerializer, Immutable, Alias("ipf.MovementResult.v1")]
public sealed record MovementResult(
    [property: Id(0)] MovementReceipt Receipt,
    [property: Id(1)] bool Replayed);

/// <summary>What makes a movement apply once: a POS referenceId (scope "sale") or an Idempotency-Key header (scope "request").</summary>
[GenerateSerializer, Immutable, Alias("ipf.MovementKey.v1")]
public sealed record MovementKey(
    [property: Id(0)] string Scope,
    [property: Id(1)] string Key);

/// <summary>
/// The movements of one shard of an organisation's keys: each applied once, all lines or none, and every
/// replay answered with the first answer (409 IDEMPOTENCY_CONFLICT when the replay's body differs).
/// </summary>
public interface IMovementGrain : IGrainWithStringKey
{
    /// <summary>Applies a movement; one without a key is always new.</summary>
    Task<MovementResult> Execute(MovementKey? key, MovementOrder order, Actor actor);

    /// <summary>
    /// The counts of a completed count session, applied once as one movement of type count: each line is the difference
    /// between what was counted and what the ledger held at the snapshot (the order's timestamp), signed.
    /// </summary>
    Task<MovementResult> Recount(MovementKey key, MovementOrder order, Actor actor);
}

/// <summary>The live inventory list of one location, kept current by its product-location grains.</summary>
public interface ILocationStockGrain : IGrainWithStringKey
{
    Task<Page<InventoryItem>> List(InventoryQuery query);

    [Orleans.Concurrency.OneWay]
    Task Changed(InventoryItem item);

    /// <summary>A product was deleted: it leaves the list.</summary>
    [Orleans.Concurrency.OneWay]
    Task Removed(Guid productId);
}

/// <summary>Which ledger rows to list.</summary>
[GenerateSerializer, Immutable, Alias("ipf.LedgerQuery.v1")]
public sealed record LedgerQuery(
    [property: Id(0)] int Page,
    [property: Id(1)] int Limit,
    [property: Id(2)] string? Type = null,
    [property: Id(3)] Guid? LocationId = null,
    [property: Id(4)] Guid? ProductId = null,
    [property: Id(5)] DateTime? From = null,
    [property: Id(6)] DateTime? To = null);

/// <summary>Organisation-wide stock questions: items by id, a product across locations, the ledger, its verification.</summary>
public interface IInventoryGrain : IGrainWithStringKey
{
    /// <summary>The items of every open location, as a chain owner reads them in one list.</summary>
    Task<Page<InventoryItem>> Items(InventoryQuery query);

    Task<Page<OpenStockAlert>> OpenAlerts(StockAlertQuery query);

    /// <summary>The product-location an inventory item id names, or NOT_FOUND.</summary>
    Task<InventoryItem> Item(Guid itemId);

    Task<IReadOnlyList<InventoryItem>> AcrossLocations(Guid productId);

    Task<Page<LedgerEntry>> Ledger(LedgerQuery query);

    Task<LedgerVerification> Verify();

    /// <summary>Up to 5,000 counts or level changes, each applied or rejected on its own.</summary>
    Task<BatchReport> ApplyBatch(IReadOnlyList<BatchRow> rows, Actor actor);

    /// <summary>A count sheet exported from a spreadsheet (CSV with sku or barcode, and count), applied as a batch.</summary>
    Task<BatchReport> ImportCountSheet(Guid locationId, string csv, Actor actor);
}
