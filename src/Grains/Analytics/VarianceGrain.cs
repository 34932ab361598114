using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Analytics;
using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Paging;
using InventoryProFlow.Contracts.Stock;
using InventoryProFlow.Grains.Stock;
using Orleans.Concurrency;

namespace InventoryProFlow.Grains.Analytics;

/// <summary>The variance report: which products left the shelf beyond what was sold, between two counts of a location.</summary>
[StatelessWorker]
public sealed class VarianceGrain(CountSessionRepository sessions, VarianceLedgerQuery ledger) : Grain, IVarianceGrain
{
    public async Task<VarianceReport> Report(Guid locationId, Guid? fromSessionId, Guid? toSessionId)
    {
        var organizationId = GrainKeys.ParseVariance(this.GetPrimaryKeyString());
        var location = await GrainFactory.GetGrain<ILocationGrain>(GrainKeys.Location(organizationId, locationId)).Get();
        var (from, to) = await Bounds(organizationId, locationId, fromSessionId, toSessionId);
        var counted = to.Lines.Select(l => l.ProductId).ToHashSet();
        var flows = await ledger.Flows(organizationId, locationId, from.SnapshotAt, to.SnapshotAt, counted);
        var products = flows.Select(VarianceSheet.Product)
            .Where(p => p.Opening.Units != 0 || p.Closing.Units != 0 || p.ActualUsage.Units != 0 || p.TheoreticalUsage.Units != 0)
            .OrderByDescending(p => p.Variance.Cost).ThenBy(p => p.Sku, StringComparer.Ordinal)
            .ToList();
        var categories = products.GroupBy(p => p.Category).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => VarianceSheet.Total(g.Key, g.ToList())).ToList();
        return new VarianceReport(
            location.Id, location.Name, Bound(from), Bound(to), products, categories, VarianceSheet.Total("total", products),
            await ledger.Health(organizationId, locationId, from.SnapshotAt, to.SnapshotAt, counted), VarianceSheet.Method);
    }

    // Both ends are completed sessions of this location, the first before the second; by default its last two.
    private async Task<(CountSession From, CountSession To)> Bounds(Guid organizationId, Guid locationId, Guid? fromId, Guid? toId)
    {
        if (fromId is null || toId is null)
        {
            var last = (await sessions.List(organizationId, new CountSessionQuery(new PageRequest(1, 2), locationId, CountSessionStatus.Completed))).Items;
            if (last.Count < 2 && (fromId ?? toId) is null)
            {
                throw new ValidationFailedException([new FieldError("from", "This location has fewer than two completed count sessions: a variance needs an opening and a closing count.")]);
            }

            toId ??= last[0].Id;
            fromId ??= last.FirstOrDefault(s => s.Id != toId)?.Id
                ?? throw new ValidationFailedException([new FieldError("from", "Name the opening count session (from).")]);
        }

        var from = await Completed(organizationId, locationId, fromId.Value, "from");
        var to = await Completed(organizationId, locationId, toId.Value, "to");
        return from.SnapshotAt < to.SnapshotAt
            ? (from, to)
            : throw new ValidationFailedException([new FieldError("to", "The closing count (to) must be taken after the opening count (from).")]);
    }

    private async Task<CountSession> Completed(Guid organizationId, Guid locationId, Guid sessionId, string field)
    {
        var session = await sessions.Find(organizationId, sessionId);
        return session is { Status: CountSessionStatus.Completed } && session.LocationId == locationId
            ? session
            : throw new ValidationFailedException([new FieldError(field, $"{field} must name a completed count session of this location.")]);
    }

    private static VarianceBound Bound(CountSession session) => new(session.Id, session.Name, session.SnapshotAt);
}
