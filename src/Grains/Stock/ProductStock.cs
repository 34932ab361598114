using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Json;
using InventoryProFlow.Contracts.Stock;

namespace InventoryProFlow.Grains.Stock;

/// <summary>
/// The stock of one product at one location as its grain holds it, with no I/O: the live row, the changes
/// staged but not yet settled, the low- and negative-stock alert state, undo, and the ledger row each change
/// produces. Memory equals the ledger plus what is being committed; the grain loads, commits and publishes.
/// </summary>
public sealed class ProductStock(Guid organizationId, Guid locationId, Guid productId, Func<Guid> newId)
{
    private readonly List<Pending> _pending = [];

    public Guid OrganizationId => organizationId;

    public Guid LocationId => locationId;

    public Guid ProductId => productId;

    /// <summary>The row as loaded and changed since; null until the grain has read it.</summary>
    public ProductAtLocationRow? Row { get; private set; }

    public bool HasPending => _pending.Count > 0;

    /// <summary>Whether the product is carried here (has an inventory row, or one is being committed).</summary>
    public bool IsStocked => Row?.InventoryId is not null;

    public void Load(ProductAtLocationRow? row) => Row = row;

    /// <summary>Replaces the row in memory (levels about to be committed, or the row before a failed opening count).</summary>
    public void Replace(ProductAtLocationRow row, DateTime now) => Row = row with { UpdatedAt = now };

    /// <summary>
    /// Decides one change: checked against the live quantity, applied as pending, handed back as the rows to commit.
    /// INSUFFICIENT_STOCK when it may not take stock below zero.
    /// </summary>
    public StagedChange Stage(StockChange change, DateTime now, long stagedAt)
    {
        var row = Row!;
        var asked = row.Container.Measured(change.Quantity, change.VolumeMl);
        var delta = change.Type == MovementTypes.Count && change.CountedAsOf is null
            ? new Measure(asked.Quantity - row.Quantity, asked.VolumeMl - row.VolumeMl)
            : asked;
        if (!change.MayGoNegative && row.Quantity + delta.Quantity < 0)
        {
            var onHand = ShortestDecimal.Text(Math.Max(row.Quantity, 0));
            throw new ConflictException(
                ErrorCodes.InsufficientStock,
                $"Only {onHand} of {row.Sku} on hand at this location; {ShortestDecimal.Text(-delta.Quantity)} asked.",
                [new FieldError("quantity", $"{row.Sku}: {onHand} on hand.")]);
        }

        StockRules.RefusePriceOverride(change, row, delta.Quantity);
        var after = row with
        {
            InventoryId = row.InventoryId ?? newId(),
            Quantity = row.Quantity + delta.Quantity,
            VolumeMl = row.VolumeMl + delta.VolumeMl,
            Cost = change.Type == MovementTypes.Purchase && change.UnitCost is { } cost ? cost : row.Cost,
        };
        var (alerted, alerts) = Alerts(after, change.RecordedAt);
        var (unitCost, unitPrice) = change.TotalAmount is not null && delta.Quantity != 0
            ? (change.UnitCost, StockRules.UnitPriceOf(change.TotalAmount, delta.Quantity))
            : StockRules.RecordedMoney(change, row.Cost, row.Price);
        var entry = new LedgerEntry
        {
            Id = change.EntryId,
            MovementId = change.MovementId,
            Type = change.Type,
            LocationId = locationId,
            ProductId = productId,
            Sku = row.Sku,
            Quantity = delta.Quantity,
            VolumeMl = delta.VolumeMl,
            UnitCost = unitCost,
            UnitPrice = unitPrice,
            TotalAmount = change.TotalAmount ?? StockRules.LineTotal(unitPrice ?? unitCost, delta.Quantity),
            ReferenceId = change.ReferenceId,
            Notes = change.Notes,
            Reason = change.Reason,
            UserId = change.UserId,
            SupplierId = change.SupplierId,
            CounterpartLocationId = change.CounterpartLocationId,
            OccurredAt = change.OccurredAt,
            RecordedAt = change.RecordedAt,
        };
        StockRules.RefuseUnrecordable(change, entry, after.Quantity);
        _pending.Add(new Pending(change.MovementId, delta, row, stagedAt));
        Replace(alerted, now);
        var inventory = Write(alerted, delta, change.Type == MovementTypes.Purchase ? change.UnitCost : null);
        if (change.Type == MovementTypes.Count)
        {
            Row = Row! with { LastCountDate = change.OccurredAt, LastCountedBy = change.UserId };
            inventory = inventory with { LastCountDate = change.OccurredAt, LastCountedBy = change.UserId };
        }

        return new StagedChange(entry, inventory, alerts, After(alerted));
    }

    /// <summary>A change of this product-location alone (its levels): applied as pending, with the inventory row and alerts to commit.</summary>
    public (InventoryWrite Inventory, List<AlertWrite> Alerts) StageLevels(Guid movementId, ProductAtLocationRow changed, DateTime now, long stagedAt)
    {
        var before = Row!;
        var withId = changed with { InventoryId = changed.InventoryId ?? newId() };
        var (alerted, alerts) = Alerts(withId, now);
        var nothing = before.Container.Measured(0m, null);
        _pending.Add(new Pending(movementId, nothing, before, stagedAt));
        Replace(alerted, now);
        return (Write(alerted, nothing, null), alerts);
    }

    /// <summary>Ends a movement's pending changes; one that did not reach the ledger is undone. True when stock changed for good.</summary>
    public bool Settle(Guid movementId, bool committed)
    {
        var settled = _pending.Where(p => p.MovementId == movementId).ToList();
        var reloadNeeded = false;
        foreach (var pending in settled)
        {
            _pending.Remove(pending);
            if (!committed)
            {
                reloadNeeded |= Undo(pending);
            }
        }

        ReloadNeeded |= reloadNeeded;
        return settled.Count > 0 && committed;
    }

    /// <summary>Set when an undo left alert ids that may be off: the database's open alerts are the truth, so the grain reloads.</summary>
    public bool ReloadNeeded { get; private set; }

    /// <summary>The movements staged here whose settling is overdue (their movement's silo may have died).</summary>
    public IReadOnlyList<Guid> Overdue(Func<long, bool> isOverdue) =>
        _pending.Count == 0 || !isOverdue(_pending[0].StagedAt) ? [] : _pending.Where(p => isOverdue(p.StagedAt)).Select(p => p.MovementId).Distinct().ToList();

    /// <summary>The catalogue changed the product or the location: what it says replaces the cached product; stock stays.</summary>
    public void Refreshed(ProductAtLocationRow fresh) => Row = fresh.ProductLive
        ? Row! with
        {
            Sku = fresh.Sku,
            Name = fresh.Name,
            Category = fresh.Category,
            ProductActive = fresh.ProductActive,
            Cost = fresh.Cost,
            Price = fresh.Price,
            Container = fresh.Container,
            LocationActive = fresh.LocationActive,
            ProductLive = true,
        }
        : Row! with { ProductLive = false, LocationActive = fresh.LocationActive };

    public void LocationClosed()
    {
        if (Row is not null)
        {
            Row = Row with { LocationActive = false };
        }
    }

    public InventoryItem Item() => Item(Row!);

    public InventoryItem Item(ProductAtLocationRow row) => new()
    {
        Id = row.InventoryId ?? Guid.Empty,
        LocationId = locationId,
        ProductId = productId,
        Sku = row.Sku,
        Name = row.Name,
        Category = row.Category,
        Unit = row.Container.Unit,
        Quantity = row.Quantity,
        VolumeMl = row.VolumeMl,
        ParLevel = row.ParLevel,
        ReorderPoint = row.ReorderPoint,
        Cost = row.Cost,
        Price = row.Price,
        LastCountDate = row.LastCountDate,
        LastCountedBy = row.LastCountedBy,
        LowStock = row.LowStockAlertId is not null,
        NegativeStock = row.Quantity < 0,
        UpdatedAt = row.UpdatedAt,
        IsActive = row.ProductActive,
    };

    // Low stock is below par (when a par is set); negative stock is below zero. Each is raised once per crossing.
    private (ProductAtLocationRow Row, List<AlertWrite> Alerts) Alerts(ProductAtLocationRow row, DateTime at)
    {
        var alerts = new List<AlertWrite>();
        var low = row.ParLevel > 0 && row.Quantity < row.ParLevel;
        var negative = row.Quantity < 0;
        Guid? Toggle(string kind, bool now, Guid? open)
        {
            if (now == open is not null)
            {
                return open;
            }

            var id = open ?? newId();
            alerts.Add(new AlertWrite(id, organizationId, new StockAlert(kind, locationId, productId, row.Quantity, row.ParLevel, Raised: now), at));
            return now ? id : null;
        }

        var changed = row with
        {
            LowStockAlertId = Toggle(StockAlertKinds.LowStock, low, row.LowStockAlertId),
            NegativeStockAlertId = Toggle(StockAlertKinds.NegativeStock, negative, row.NegativeStockAlertId),
        };
        return (changed, alerts);
    }

    // Undo only the stock: levels and alerts return to what they were if nothing staged after this change.
    private bool Undo(Pending pending)
    {
        var laterChanges = _pending.Any(p => p.StagedAt >= pending.StagedAt);
        var row = Row!;
        // What the catalogue said since (a product deleted, a location closed) stays: only the stock goes back.
        Row = laterChanges
            ? row with { Quantity = row.Quantity - pending.Delta.Quantity, VolumeMl = row.VolumeMl - pending.Delta.VolumeMl }
            : pending.Before with
            {
                Sku = row.Sku,
                Name = row.Name,
                Category = row.Category,
                ProductActive = row.ProductActive,
                Price = row.Price,
                Container = row.Container,
                LocationActive = row.LocationActive,
                ProductLive = row.ProductLive,
            };
        return laterChanges;
    }

    private InventoryWrite Write(ProductAtLocationRow row, Measure delta, decimal? newCost) => new()
    {
        InventoryId = row.InventoryId!.Value,
        OrganizationId = organizationId,
        LocationId = locationId,
        ProductId = productId,
        Delta = delta.Quantity,
        VolumeDeltaMl = delta.VolumeMl,
        ParLevel = row.ParLevel,
        ReorderPoint = row.ReorderPoint,
        NewCost = newCost,
    };

    private StockAfter After(ProductAtLocationRow row) => new(locationId, productId, row.Quantity, row.Quantity < 0, row.VolumeMl);

    // StagedAt is a monotonic timestamp (TimeProvider.GetTimestamp): the deadline is a duration, immune to a clock step.
    private sealed record Pending(Guid MovementId, Measure Delta, ProductAtLocationRow Before, long StagedAt);
}
