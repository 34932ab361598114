using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Stock;
using InventoryProFlow.Grains.Catalogue;
using InventoryProFlow.Grains.Validation;

namespace InventoryProFlow.Grains.Stock;

/// <summary>
/// One count session, the single writer of its lines, so several people counting its areas at once never overwrite
/// each other. Completing it applies, once, a count per product: what its areas counted minus what the ledger held at
/// the snapshot, so the sales rung while people were counting stay in the stock.
/// </summary>
public sealed class CountSessionGrain(CountSessionRepository sessions, TimeProvider time) : Grain, ICountSessionGrain
{
    public const int MaxShelfPosition = 100_000;

    private CountSession? _session;

    public async Task<CountSession> Get() => await Session();

    public async Task<CountLine> Count(CountLineDraft draft, Actor actor)
    {
        var session = await Open();
        new Violations()
            .Required("area", draft.Area, 50)
            .Required("productId", draft.ProductId)
            .Range("shelfPosition", draft.ShelfPosition, 0, MaxShelfPosition)
            .ThrowIfAny();
        var area = Area(session, draft.Area!);
        if (area.FinishedAt is not null)
        {
            throw new ConflictException(ErrorCodes.Conflict, $"The area '{area.Name}' is finished; its count is closed.");
        }

        var product = await GrainFactory.ReferencedProduct(session.OrganizationId, draft.ProductId!.Value);
        var counted = CountRules.Checked(new StockCount(draft.Quantity, Units: draft.Units, Open: draft.Open), Container.Of(product));
        var line = new CountLine(area.Name, product.Id, draft.ShelfPosition ?? 0, counted.Quantity, counted.VolumeMl, actor.UserId, time.GetUtcNow().UtcDateTime);
        await sessions.SaveLine(session.Id, line);
        _session = session with { Lines = session.Lines.Where(l => l.Area != line.Area || l.ProductId != line.ProductId).Append(line).ToList() };
        return line;
    }

    public async Task<CountSession> FinishArea(string name, Actor actor)
    {
        var session = await Open();
        var area = Area(session, name);
        if (area.FinishedAt is null)
        {
            var at = time.GetUtcNow().UtcDateTime;
            await sessions.FinishArea(session.Id, area.Name, at, actor.UserId);
            _session = session with { Areas = session.Areas.Select(a => a.Name == area.Name ? a with { FinishedAt = at, FinishedBy = actor.UserId } : a).ToList() };
        }

        return _session!;
    }

    public async Task<CountSession> Complete(Actor actor)
    {
        var session = await Session();
        if (session.Status == CountSessionStatus.Completed)
        {
            return session;
        }

        session = await Open();
        if (session.Areas.Where(a => a.FinishedAt is null).Select(a => a.Name).ToList() is { Count: > 0 } unfinished)
        {
            throw new ConflictException(ErrorCodes.Conflict, $"Finish every area first: {string.Join(", ", unfinished)} still counting.");
        }

        var counted = session.Lines.GroupBy(l => l.ProductId)
            .Select(g => (ProductId: g.Key, Quantity: g.Sum(l => l.Quantity), VolumeMl: g.Any(l => l.VolumeMl is not null) ? g.Sum(l => l.VolumeMl ?? 0) : (decimal?)null))
            .OrderBy(c => c.ProductId)
            .ToList();
        MovementResult? recorded = null;
        if (counted.Count > 0)
        {
            var held = await sessions.StockAt(session.OrganizationId, session.LocationId, counted.Select(c => c.ProductId).ToArray(), session.SnapshotAt);
            var lines = counted.Select(c =>
            {
                var ledger = held.GetValueOrDefault(c.ProductId) ?? Measure.Zero;
                return new MovementLine(c.ProductId, Quantity: c.Quantity - ledger.Quantity, VolumeMl: c.VolumeMl - (ledger.VolumeMl ?? 0m));
            }).ToList();
            var key = new MovementKey("count-session", session.Id.ToString("D"));
            var order = new MovementOrder(MovementTypes.Count, session.LocationId, Timestamp: session.SnapshotAt, Notes: session.Name, Items: lines);
            recorded = await GrainFactory.GetGrain<IMovementGrain>(GrainKeys.Movements(session.OrganizationId, order, key)).Recount(key, order, actor);
        }

        _session = session with
        {
            Status = CountSessionStatus.Completed,
            CompletedAt = time.GetUtcNow().UtcDateTime,
            CompletedBy = actor.UserId,
            MovementId = recorded?.Receipt.MovementId,
        };
        await sessions.Close(_session);
        return _session;
    }

    public async Task<CountSession> Cancel(Actor actor)
    {
        var session = await Open();
        _session = session with { Status = CountSessionStatus.Cancelled, CompletedAt = time.GetUtcNow().UtcDateTime, CompletedBy = actor.UserId };
        await sessions.Close(_session);
        return _session;
    }

    private async Task<CountSession> Session()
    {
        if (_session is null)
        {
            var (organizationId, sessionId) = GrainKeys.ParseCountSession(this.GetPrimaryKeyString());
            _session = await sessions.Find(organizationId, sessionId) ?? throw NotFoundException.For("count session", sessionId);
        }

        return _session;
    }

    private async Task<CountSession> Open()
    {
        var session = await Session();
        return session.Status == CountSessionStatus.Open
            ? session
            : throw new ConflictException(ErrorCodes.Conflict, $"This count session is {session.Status}.");
    }

    private static CountArea Area(CountSession session, string name) =>
        session.Areas.FirstOrDefault(a => string.Equals(a.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new ValidationFailedException([new FieldError("area", $"area must be one of: {string.Join(", ", session.Areas.Select(a => a.Name))}.")]);
}
