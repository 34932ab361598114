namespace InventoryProFlow.Contracts.Stock;

/// <summary>
/// One product at one location: the single writer of its stock. It decides every change, keeps the
/// live quantity and alert state in memory, and has its rows appended to the ledger before it answers.
/// </summary>
public interface IProductAtLocationGrain : IGrainWithStringKey
{
    Task<InventoryItem> Get();

    /// <summary>Starts carrying the product here (idempotent); an opening quantity is recorded as a count.</summary>
    Task<InventoryItem> Stock(StockLevels levels, decimal? openingQuantity, Actor actor);

    Task<InventoryItem> SetLevels(StockLevels levels);

    /// <summary>A physical count: the variance goes into the ledger as a count movement; a shortfall is judged for shrinkage.</summary>
    Task<MovementReceipt> Count(StockCount count, Actor actor);

    /// <summary>One line of a count sheet or batch: as <see cref="Count"/>, but its shortfall is judged with the sheet's others, by the caller.</summary>
    Task<MovementReceipt> CountLine(StockCount count, Actor actor);

    /// <summary>Applies a change in memory and hands back the rows to commit; INSUFFICIENT_STOCK when it may not go below zero.</summary>
    Task<StagedChange> Stage(StockChange change);

    /// <summary>Says whether a staged change reached the ledger; a change that did not is undone.</summary>
    Task Settle(Guid movementId, bool committed);

    /// <summary>The catalogue changed the product (name, price...): reload it.</summary>
    Task RefreshProduct();

    /// <summary>The location was closed: no more stock moves here. Told, not read, so closing a big location costs no query per product.</summary>
    Task LocationClosed();
}
