using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Analytics;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Live;
using InventoryProFlow.Contracts.Stock;
using InventoryProFlow.Grains.Compliance;
using InventoryProFlow.Grains.Live;
using InventoryProFlow.Grains.Placement;
using InventoryProFlow.Grains.Storage;
using InventoryProFlow.Grains.Validation;
using InventoryProFlow.Grains.Webhooks;

namespace InventoryProFlow.Grains.Stock;

/// <summary>
/// One product at one location, the single writer of its stock: the shell around <see cref="ProductStock"/>, which
/// decides every change in memory. This grain loads the row, commits what a change of its own produces (a count,
/// new levels), settles what a movement staged here, and publishes. A change that never reaches the ledger is undone.
/// </summary>
[LocationPlacement]
public sealed class ProductAtLocationGrain(StockRepository repository, LedgerWriter ledger, IdFactory ids, TimeProvider time) : Grain, IProductAtLocationGrain
{
    // A staged change not settled by then is checked against the ledger: its movement's silo may have died.
    private static readonly TimeSpan SettleDeadline = TimeSpan.FromMinutes(1);

    private ProductStock _stock = null!;

    private Guid OrganizationId => _stock.OrganizationId;

    private Guid LocationId => _stock.LocationId;

    private Guid ProductId => _stock.ProductId;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The row is read by the first call (Fresh), so a grain woken for a missing product is not read twice.
        var (organizationId, locationId, productId) = GrainKeys.ParseProductAtLocation(this.GetPrimaryKeyString());
        _stock = new ProductStock(organizationId, locationId, productId, ids.NewId);
        return Task.CompletedTask;
    }

    public async Task<InventoryItem> Get()
    {
        var row = await Current();
        return row.InventoryId is null ? throw NotStocked() : _stock.Item(row);
    }

    public async Task<InventoryItem> Stock(StockLevels levels, decimal? openingQuantity, Actor actor)
    {
        var row = await Current();
        if (row.InventoryId is not null)
        {
            return _stock.Item(row);
        }

        var checkedLevels = Checked(levels, row);
        RefuseInactiveLocation(row);
        if (openingQuantity is > 0)
        {
            // The count stages on a row that already has its id, so staging does not read the row again over these levels.
            _stock.Replace(row with { ParLevel = checkedLevels.ParLevel, ReorderPoint = checkedLevels.ReorderPoint, InventoryId = ids.NewId() }, Now);
            try
            {
                await Counted(new StockCount(openingQuantity, "Opening stock"), actor, LevelsAudit("created", null, _stock.Row!));
            }
            catch
            {
                _stock.Load(row);
                throw;
            }

            return _stock.Item();
        }

        await CommitAlone(row with { ParLevel = checkedLevels.ParLevel, ReorderPoint = checkedLevels.ReorderPoint }, actor.UserId, auditVerb: "created");
        return _stock.Item();
    }

    public async Task<InventoryItem> SetLevels(StockLevels levels)
    {
        var row = await Current();
        if (row.InventoryId is null)
        {
            throw NotStocked();
        }

        var checkedLevels = Checked(levels, row);
        var unchanged = checkedLevels == (row.ParLevel, row.ReorderPoint);
        await CommitAlone(row with { ParLevel = checkedLevels.ParLevel, ReorderPoint = checkedLevels.ReorderPoint }, by: null, auditVerb: unchanged ? null : "levels_changed");
        return _stock.Item();
    }

    public Task<MovementReceipt> Count(StockCount count, Actor actor) => Counted(count, actor, audit: null, judged: true);

    public Task<MovementReceipt> CountLine(StockCount count, Actor actor) => Counted(count, actor, audit: null, judged: false);

    private async Task<MovementReceipt> Counted(StockCount count, Actor actor, AuditedChange? audit, bool judged = false)
    {
        new Violations().MaxLength("notes", count.Notes, 1000).ThrowIfAny();
        var row = await Stageable();
        var counted = CountRules.Checked(count, row.Container);
        var now = Now;
        var movementId = ids.NewId();
        var staged = _stock.Stage(new StockChange
        {
            MovementId = movementId,
            EntryId = ids.NewId(),
            Type = MovementTypes.Count,
            Quantity = counted.Quantity,
            VolumeMl = counted.VolumeMl,
            MayGoNegative = true,
            Notes = count.Notes,
            UserId = actor.UserId,
            OccurredAt = now,
            RecordedAt = now,
        }, now, time.GetTimestamp());
        var receipt = new MovementReceipt(movementId, MovementTypes.Count, null, now, now, [staged.Entry!], [staged.After], staged.Alerts.Select(a => a.Alert).ToList());
        var live = LiveEventsOf.Movement(OrganizationId, receipt, actor.UserId);
        await Commit(movementId, new LedgerCommit(OrganizationId, [staged.Entry!], [staged.Inventory], staged.Alerts, Events: WebhookPayloads.Of(live), Audit: audit));
        GrainFactory.PublishLive(live);
        if (staged.Entry!.Quantity < 0 && judged)
        {
            // Stock missing at a count: whether it is beyond the usual is judged off this grain's path.
            GrainFactory.GetGrain<IAnalyticsGrain>(GrainKeys.Analytics(OrganizationId)).CountsRecorded([new RecordedCount(LocationId, staged.Entry.Id)]).Ignore();
        }

        return receipt;
    }

    public async Task<StagedChange> Stage(StockChange change)
    {
        await Stageable();
        return _stock.Stage(change, Now, time.GetTimestamp());
    }

    public Task Settle(Guid movementId, bool committed)
    {
        if (_stock.Settle(movementId, committed))
        {
            Announce();
        }

        if (_stock.ReloadNeeded)
        {
            // Alert ids may now be off; the database's open alerts are the truth and are reloaded on the next activation.
            DeactivateOnIdle();
        }

        return Task.CompletedTask;
    }

    public async Task RefreshProduct()
    {
        var fresh = await repository.LoadProductAtLocation(OrganizationId, LocationId, ProductId);
        if (fresh is null || _stock.Row is null)
        {
            return;
        }

        _stock.Refreshed(fresh);
        if (!fresh.ProductLive)
        {
            // A deleted product keeps its history here but leaves the location's list, as a reload would leave it out.
            GrainFactory.GetGrain<ILocationStockGrain>(GrainKeys.LocationStock(OrganizationId, LocationId)).Removed(ProductId).Ignore();
            return;
        }

        Announce();
    }

    public Task LocationClosed()
    {
        // A grain that has not read its row yet reads it when first asked, and the table already says closed.
        _stock.LocationClosed();
        return Task.CompletedTask;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private async Task<ProductAtLocationRow> Current()
    {
        await Fresh();
        return _stock.Row is { ProductLive: true } row ? row : throw new NotFoundException($"No product {ProductId} at location {LocationId} in this organisation.");
    }

    // Movements are checked here, not with SQL per sale: this grain's row says whether the product is live and the
    // location open, and the catalogue refreshes it when either changes.
    private async Task<ProductAtLocationRow> Stageable()
    {
        await Fresh();
        RefuseInactiveLocation(_stock.Row);
        return _stock.Row!.ProductLive
            ? _stock.Row
            : throw new ValidationFailedException([new FieldError("productId", $"productId {ProductId} names no product of this organisation.")]);
    }

    // A grain not stocked here yet gets no refresh from the catalogue (which finds grains by their inventory rows),
    // so it reads its row again before it answers.
    private async Task Fresh()
    {
        await SettleOverdue();
        if (!_stock.IsStocked && !_stock.HasPending)
        {
            _stock.Load(await repository.LoadProductAtLocation(OrganizationId, LocationId, ProductId));
        }
    }

    // The movement that staged these never said how it ended: the ledger knows.
    private async Task SettleOverdue()
    {
        foreach (var movementId in _stock.Overdue(stagedAt => time.GetElapsedTime(stagedAt) > SettleDeadline))
        {
            await Settle(movementId, await repository.MovementRecorded(movementId, LocationId, ProductId));
        }
    }

    // A change of this grain alone (its levels): commit it here and settle at once.
    private async Task CommitAlone(ProductAtLocationRow changed, Guid? by, string? auditVerb)
    {
        var movementId = ids.NewId();
        var before = _stock.Row!;
        var now = Now;
        var (inventory, alerts) = _stock.StageLevels(movementId, changed, now, time.GetTimestamp());
        var live = LiveEventsOf.Alone(OrganizationId, _stock.Item(), alerts, by, now);
        var audit = auditVerb is null ? null : LevelsAudit(auditVerb, auditVerb == "created" ? null : before, _stock.Row!);
        await Commit(movementId, new LedgerCommit(OrganizationId, [], [inventory], alerts, Events: WebhookPayloads.Of(live), Audit: audit));
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

    private void Announce()
    {
        if (_stock.IsStocked)
        {
            GrainFactory.GetGrain<ILocationStockGrain>(GrainKeys.LocationStock(OrganizationId, LocationId)).Changed(_stock.Item()).Ignore();
        }
    }

    private NotFoundException NotStocked() => new($"Product {ProductId} is not stocked at location {LocationId}.");

    // A deactivated location keeps its history but takes no new stock; a missing one (no row at all) is refused alike.
    private void RefuseInactiveLocation(ProductAtLocationRow? row)
    {
        if (row is not { LocationActive: true })
        {
            throw new ValidationFailedException([new FieldError("locationId", $"Location {LocationId} is not an active location of this organisation.")]);
        }
    }

    private static (decimal ParLevel, decimal ReorderPoint) Checked(StockLevels levels, ProductAtLocationRow row)
    {
        var par = levels.ParLevel ?? row.ParLevel;
        var reorder = levels.ReorderPoint ?? row.ReorderPoint;
        new Violations()
            .Range("parLevel", par, 0, StockRules.MaxQuantity)
            .Decimals("parLevel", par, Container.QuantityDecimals)
            .Range("reorderPoint", reorder, 0, StockRules.MaxQuantity)
            .Decimals("reorderPoint", reorder, Container.QuantityDecimals)
            .ThrowIfAny();
        return (par, reorder);
    }

    // An item's settings are audited (its stock is in the ledger already): the levels as they were and are.
    private AuditedChange LevelsAudit(string verb, ProductAtLocationRow? before, ProductAtLocationRow after) =>
        AuditedChange.ByCurrentCaller(AuditChange.Of("inventory_item", verb, after.InventoryId!.Value, Levels(before), Levels(after)));

    private object? Levels(ProductAtLocationRow? row) =>
        row is null ? null : new { LocationId, ProductId, row.Sku, row.ParLevel, row.ReorderPoint };
}
