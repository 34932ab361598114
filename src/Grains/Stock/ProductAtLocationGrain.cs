using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Analytics;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Live;
using InventoryProFlow.Contracts.Stock;
using InventoryProFlow.Grains.Compliance;
using InventoryProFlow.Grains.Live;
using InventoryProFlow.Grains.Storage;
using InventoryProFlow.Grains.Validation;
using InventoryProFlow.Grains.Webhooks;

namespace InventoryProFlow.Grains.Stock;

/// <summary>
/// One product at one location, the single writer of its stock. A change is decided here, in one
/// turn: checked against the live quantity, applied in memory as pending, and handed back as rows;
/// the caller commits them (with the rest of its movement) and settles. A change that never reaches
/// the ledger is undone. Memory therefore always equals the ledger plus what is being committed.
/// </summary>
public sealed class ProductAtLocationGrain(StockRepository stock, LedgerWriter ledger, IdFactory ids, TimeProvider time) : Grain, IProductAtLocationGrain
{
    // A staged change not settled by then is checked against the ledger: its movement's silo may have died.
    private static readonly TimeSpan SettleDeadline = TimeSpan.FromMinutes(1);

    private readonly List<Pending> _pending = [];
    private Guid _organizationId;
    private Guid _locationId;
    private Guid _productId;
    private ProductAtLocationRow? _row;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The row is read by the first call (Fresh), so a grain woken for a missing product is not read twice.
        (_organizationId, _locationId, _productId) = GrainKeys.ParseProductAtLocation(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public async Task<InventoryItem> Get()
    {
        var row = await Current();
        return row.InventoryId is null ? throw new NotFoundException($"Product {_productId} is not stocked at location {_locationId}.") : Item(row);
    }

    public async Task<InventoryItem> Stock(StockLevels levels, int? openingQuantity, Actor actor)
    {
        var row = await Current();
        if (row.InventoryId is not null)
        {
            return Item(row);
        }

        var checkedLevels = Checked(levels, row);
        RefuseInactiveLocation(row);
        if (openingQuantity is > 0)
        {
            // The count stages on a row that already has its id, so staging does not read the row again over these levels.
            Apply(row with { ParLevel = checkedLevels.ParLevel, ReorderPoint = checkedLevels.ReorderPoint, InventoryId = ids.NewId() });
            try
            {
                await Counted(new StockCount(openingQuantity, "Opening stock"), actor, LevelsAudit("created", null, _row!));
            }
            catch
            {
                _row = row;
                throw;
            }

            return Item(_row!);
        }

        await CommitAlone(row with { ParLevel = checkedLevels.ParLevel, ReorderPoint = checkedLevels.ReorderPoint }, actor.UserId, auditVerb: "created");
        return Item(_row!);
    }

    public async Task<InventoryItem> SetLevels(StockLevels levels)
    {
        var row = await Current();
        if (row.InventoryId is null)
        {
            throw new NotFoundException($"Product {_productId} is not stocked at location {_locationId}.");
        }

        var checkedLevels = Checked(levels, row);
        var unchanged = checkedLevels == (row.ParLevel, row.ReorderPoint);
        await CommitAlone(row with { ParLevel = checkedLevels.ParLevel, ReorderPoint = checkedLevels.ReorderPoint }, by: null, auditVerb: unchanged ? null : "levels_changed");
        return Item(_row!);
    }

    public Task<MovementReceipt> Count(StockCount count, Actor actor) => Counted(count, actor, audit: null);

    private async Task<MovementReceipt> Counted(StockCount count, Actor actor, AuditedChange? audit)
    {
        new Violations().Required("quantity", count.Quantity).Range("quantity", count.Quantity, 0, StockRules.MaxQuantity)
            .MaxLength("notes", count.Notes, 1000).ThrowIfAny();
        var now = time.GetUtcNow().UtcDateTime;
        var movementId = ids.NewId();
        var staged = await Stage(new StockChange(
            movementId, ids.NewId(), MovementTypes.Count, count.Quantity!.Value, MayGoNegative: true, null, null, null, count.Notes, null,
            actor.UserId, null, null, now, now));
        var inventory = staged.Inventory with { LastCountDate = now, LastCountedBy = actor.UserId };
        _row = _row! with { LastCountDate = now, LastCountedBy = actor.UserId };
        var receipt = new MovementReceipt(movementId, MovementTypes.Count, null, now, now, [staged.Entry!], [staged.After], staged.Alerts.Select(a => a.Alert).ToList());
        var live = LiveEventsOf.Movement(_organizationId, receipt, actor.UserId);
        await Commit(movementId, new LedgerCommit(_organizationId, [staged.Entry!], [inventory], staged.Alerts, Events: WebhookPayloads.Of(live), Audit: audit));
        GrainFactory.PublishLive(live);
        if (staged.Entry!.Quantity < 0 && audit is null)
        {
            // Stock missing at a count: whether it is beyond the usual is judged off this grain's path.
            GrainFactory.GetGrain<IAnalyticsGrain>(GrainKeys.Analytics(_organizationId)).CountRecorded(_locationId, _productId, staged.Entry.Id).Ignore();
        }

        return receipt;
    }

    public async Task<StagedChange> Stage(StockChange change)
    {
        var row = await Stageable();
        var delta = change.Type == MovementTypes.Count ? change.Quantity - row.Quantity : change.Quantity;
        if (!change.MayGoNegative && row.Quantity + delta < 0)
        {
            throw new ConflictException(
                ErrorCodes.InsufficientStock,
                $"Only {Math.Max(row.Quantity, 0)} of {row.Sku} on hand at this location; {-delta} asked.",
                [new FieldError("quantity", $"{row.Sku}: {Math.Max(row.Quantity, 0)} on hand.")]);
        }

        var after = row with
        {
            InventoryId = row.InventoryId ?? ids.NewId(),
            Quantity = row.Quantity + delta,
            Cost = change.Type == MovementTypes.Purchase && change.UnitCost is { } cost ? cost : row.Cost,
        };
        var (alerted, alerts) = Alerts(after, change.RecordedAt);
        var (unitCost, unitPrice) = StockRules.RecordedMoney(change, row.Cost, row.Price);
        var total = unitPrice is { } price ? price * Math.Abs(delta) : unitCost is { } unit ? unit * Math.Abs(delta) : (decimal?)null;
        var entry = new LedgerEntry(
            change.EntryId, change.MovementId, change.Type, _locationId, _productId, row.Sku, delta, unitCost, unitPrice, total,
            change.ReferenceId, change.Notes, change.Reason, change.UserId, change.SupplierId, change.CounterpartLocationId, change.OccurredAt, change.RecordedAt);
        _pending.Add(new Pending(change.MovementId, delta, row, time.GetTimestamp()));
        Apply(alerted);
        return new StagedChange(entry, Write(alerted, delta, change.Type == MovementTypes.Purchase ? change.UnitCost : null), alerts, After(alerted));
    }

    public Task Settle(Guid movementId, bool committed)
    {
        var settled = _pending.Where(p => p.MovementId == movementId).ToList();
        foreach (var pending in settled)
        {
            _pending.Remove(pending);
            if (!committed)
            {
                Undo(pending);
            }
        }

        if (settled.Count > 0 && committed)
        {
            Announce();
        }

        return Task.CompletedTask;
    }

    public async Task RefreshProduct()
    {
        var fresh = await stock.LoadProductAtLocation(_organizationId, _locationId, _productId);
        if (fresh is null || _row is null)
        {
            return;
        }

        if (!fresh.ProductLive)
        {
            // A deleted product keeps its history here but leaves the location's list, as a reload would leave it out.
            _row = _row with { ProductLive = false, LocationActive = fresh.LocationActive };
            GrainFactory.GetGrain<ILocationStockGrain>(GrainKeys.LocationStock(_organizationId, _locationId)).Removed(_productId).Ignore();
            return;
        }

        _row = _row with
        {
            Sku = fresh.Sku,
            Name = fresh.Name,
            Category = fresh.Category,
            Cost = fresh.Cost,
            Price = fresh.Price,
            LocationActive = fresh.LocationActive,
            ProductLive = true,
        };
        Announce();
    }

    public Task LocationClosed()
    {
        // A grain that has not read its row yet reads it when first asked, and the table already says closed.
        if (_row is not null)
        {
            _row = _row with { LocationActive = false };
        }

        return Task.CompletedTask;
    }

    private async Task<ProductAtLocationRow> Current()
    {
        await Fresh();
        return _row is { ProductLive: true } row ? row : throw new NotFoundException($"No product {_productId} at location {_locationId} in this organisation.");
    }

    // Movements are checked here, not with SQL per sale: this grain's row says whether the product is live and the
    // location open, and the catalogue refreshes it when either changes.
    private async Task<ProductAtLocationRow> Stageable()
    {
        await Fresh();
        RefuseInactiveLocation(_row);
        return _row!.ProductLive
            ? _row
            : throw new ValidationFailedException([new FieldError("productId", $"productId {_productId} names no product of this organisation.")]);
    }

    // A grain not stocked here yet gets no refresh from the catalogue (which finds grains by their inventory rows),
    // so it reads its row again before it answers.
    private async Task Fresh()
    {
        await SettleOverdue();
        if (_row?.InventoryId is null && _pending.Count == 0)
        {
            _row = await stock.LoadProductAtLocation(_organizationId, _locationId, _productId);
        }
    }

    // The movement that staged these never said how it ended: the ledger knows.
    private async Task SettleOverdue()
    {
        if (_pending.Count == 0 || time.GetElapsedTime(_pending[0].StagedAt) <= SettleDeadline)
        {
            return;
        }

        var overdue = _pending.Where(p => time.GetElapsedTime(p.StagedAt) > SettleDeadline).ToList();
        foreach (var pending in overdue)
        {
            await Settle(pending.MovementId, await stock.MovementRecorded(pending.MovementId, _locationId, _productId));
        }
    }

    // A change of this grain alone (levels, a count): commit it here and settle at once.
    private async Task CommitAlone(ProductAtLocationRow changed, Guid? by, string? auditVerb)
    {
        var movementId = ids.NewId();
        var before = _row!;
        var withId = changed with { InventoryId = changed.InventoryId ?? ids.NewId() };
        var now = time.GetUtcNow().UtcDateTime;
        var (alerted, alerts) = Alerts(withId, now);
        _pending.Add(new Pending(movementId, 0, before, time.GetTimestamp()));
        Apply(alerted);
        var live = LiveEventsOf.Alone(_organizationId, Item(_row!), alerts, by, now);
        var audit = auditVerb is null ? null : LevelsAudit(auditVerb, auditVerb == "created" ? null : before, withId);
        await Commit(movementId, new LedgerCommit(_organizationId, [], [Write(alerted, 0, null)], alerts, Events: WebhookPayloads.Of(live), Audit: audit));
        GrainFactory.PublishLive(live);
    }


    private async Task Commit(Guid movementId, LedgerCommit commit)
    {
        try
        {
            await ledger.Append(commit);
        }
        catch
        {
            await Settle(movementId, committed: false);
            throw;
        }

        await Settle(movementId, committed: true);
    }

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

            var id = open ?? ids.NewId();
            alerts.Add(new AlertWrite(id, _organizationId, new StockAlert(kind, _locationId, _productId, row.Quantity, row.ParLevel, Raised: now), at));
            return now ? id : null;
        }

        var changed = row with
        {
            LowStockAlertId = Toggle(StockAlertKinds.LowStock, low, row.LowStockAlertId),
            NegativeStockAlertId = Toggle(StockAlertKinds.NegativeStock, negative, row.NegativeStockAlertId),
        };
        return (changed, alerts);
    }

    private void Apply(ProductAtLocationRow row) => _row = row with { UpdatedAt = time.GetUtcNow().UtcDateTime };

    // Undo only the quantity: levels and alerts return to what they were if nothing staged after this change.
    private void Undo(Pending pending)
    {
        var laterChanges = _pending.Any(p => p.StagedAt >= pending.StagedAt);
        // What the catalogue said since (a product deleted, a location closed) stays: only the stock goes back.
        _row = laterChanges
            ? _row! with { Quantity = _row!.Quantity - pending.Delta }
            : pending.Before with
            {
                Sku = _row!.Sku,
                Name = _row.Name,
                Category = _row.Category,
                Price = _row.Price,
                LocationActive = _row.LocationActive,
                ProductLive = _row.ProductLive,
            };
        if (laterChanges)
        {
            // Alert ids may now be off; the database's open alerts are the truth and are reloaded on the next activation.
            DeactivateOnIdle();
        }
    }

    private void Announce()
    {
        if (_row?.InventoryId is not null)
        {
            GrainFactory.GetGrain<ILocationStockGrain>(GrainKeys.LocationStock(_organizationId, _locationId)).Changed(Item(_row)).Ignore();
        }
    }

    private InventoryWrite Write(ProductAtLocationRow row, int delta, decimal? newCost) =>
        new(row.InventoryId!.Value, _organizationId, _locationId, _productId, delta, row.ParLevel, row.ReorderPoint, null, null, newCost);

    private StockAfter After(ProductAtLocationRow row) => new(_locationId, _productId, row.Quantity, row.Quantity < 0);

    private InventoryItem Item(ProductAtLocationRow row) => new(
        row.InventoryId ?? Guid.Empty, _locationId, _productId, row.Sku, row.Name, row.Category, row.Quantity, row.ParLevel, row.ReorderPoint,
        row.Cost, row.Price, row.LastCountDate, row.LastCountedBy, row.LowStockAlertId is not null, row.Quantity < 0, row.UpdatedAt);

    // A deactivated location keeps its history but takes no new stock; a missing one (no row at all) is refused alike.
    private void RefuseInactiveLocation(ProductAtLocationRow? row)
    {
        if (row is not { LocationActive: true })
        {
            throw new ValidationFailedException([new FieldError("locationId", $"Location {_locationId} is not an active location of this organisation.")]);
        }
    }

    private static (int ParLevel, int ReorderPoint) Checked(StockLevels levels, ProductAtLocationRow row)
    {
        var par = levels.ParLevel ?? row.ParLevel;
        var reorder = levels.ReorderPoint ?? row.ReorderPoint;
        new Violations()
            .Range("parLevel", par, 0, StockRules.MaxQuantity)
            .Range("reorderPoint", reorder, 0, StockRules.MaxQuantity)
            .ThrowIfAny();
        return (par, reorder);
    }

    // An item's settings are audited (its stock is in the ledger already): the levels as they were and are.
    private AuditedChange LevelsAudit(string verb, ProductAtLocationRow? before, ProductAtLocationRow after) =>
        AuditedChange.ByCurrentCaller(AuditChange.Of("inventory_item", verb, after.InventoryId!.Value, Levels(before), Levels(after)));

    private object? Levels(ProductAtLocationRow? row) =>
        row is null ? null : new { LocationId = _locationId, ProductId = _productId, row.Sku, row.ParLevel, row.ReorderPoint };

    // StagedAt is a monotonic timestamp (TimeProvider.GetTimestamp): the deadline is a duration, immune to a clock step.
    private sealed record Pending(Guid MovementId, int Delta, ProductAtLocationRow Before, long StagedAt);
}
