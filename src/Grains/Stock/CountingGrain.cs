using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Paging;
using InventoryProFlow.Contracts.Stock;
using InventoryProFlow.Grains.Catalogue;
using InventoryProFlow.Grains.Storage;
using InventoryProFlow.Grains.Validation;
using Orleans.Concurrency;

namespace InventoryProFlow.Grains.Stock;

/// <summary>Opens an organisation's count sessions and lists them. Stateless: the table holds the sessions.</summary>
[StatelessWorker]
public sealed class CountingGrain(CountSessionRepository sessions, IdFactory ids, TimeProvider time) : Grain, ICountingGrain
{
    public const int MaxAreas = 20;

    // A session may be opened for a count already taken (written on paper last night), not for one far back.
    private static readonly TimeSpan LongestLookBack = TimeSpan.FromDays(31);

    public async Task<CountSession> Open(CountSessionDraft draft, Actor actor)
    {
        var organizationId = GrainKeys.ParseCounting(this.GetPrimaryKeyString());
        var now = time.GetUtcNow().UtcDateTime;
        var areas = (draft.Areas is { Count: > 0 } named ? named : ["Main"]).Select(a => a?.Trim() ?? string.Empty).ToList();
        new Violations()
            .Required("locationId", draft.LocationId)
            .MaxLength("name", draft.Name, 100)
            .When(draft.SnapshotAt > now + StockRules.FutureTolerance, "snapshotAt", "snapshotAt is in the future.")
            .When(draft.SnapshotAt < now - LongestLookBack, "snapshotAt", "snapshotAt is more than 31 days ago.")
            .When(areas.Count > MaxAreas, "areas", $"areas may hold at most {MaxAreas}.")
            .When(areas.Any(a => a.Length is 0 or > 50), "areas", "Each area needs a name of up to 50 characters.")
            .When(areas.Distinct(StringComparer.OrdinalIgnoreCase).Count() != areas.Count, "areas", "Area names must differ.")
            .ThrowIfAny();
        var location = await ActiveLocation(organizationId, draft.LocationId!.Value);
        var snapshot = draft.SnapshotAt?.ToUniversalTime() ?? now;
        var session = new CountSession(
            ids.NewId(), organizationId, location.Id,
            string.IsNullOrWhiteSpace(draft.Name) ? $"{location.Name} count {time.Today(location.Timezone):yyyy-MM-dd}" : draft.Name.Trim(),
            snapshot, CountSessionStatus.Open, areas.Select((a, i) => new CountArea(a, i)).ToList(), [], actor.UserId, now);
        await sessions.Insert(session);
        return session;
    }

    public Task<Page<CountSession>> List(CountSessionQuery query)
    {
        new Violations().OneOf("status", query.Status, CountSessionStatus.All).ThrowIfAny();
        return sessions.List(GrainKeys.ParseCounting(this.GetPrimaryKeyString()), query);
    }

    private async Task<LocationDetails> ActiveLocation(Guid organizationId, Guid locationId) =>
        await GrainFactory.ActiveLocationOrNull(organizationId, locationId)
        ?? throw new ValidationFailedException([new FieldError("locationId", $"locationId {locationId} is not an active location of this organisation.")]);
}
