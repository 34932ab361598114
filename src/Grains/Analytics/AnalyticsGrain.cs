using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Analytics;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Live;
using InventoryProFlow.Grains.Catalogue;
using InventoryProFlow.Grains.Live;
using InventoryProFlow.Grains.Notifications;
using InventoryProFlow.Grains.Operations;
using InventoryProFlow.Grains.Validation;
using Orleans.Concurrency;

namespace InventoryProFlow.Grains.Analytics;

/// <summary>An organisation's sales figures, computed from the ledger on request. Stateless.</summary>
[StatelessWorker]
public sealed class AnalyticsGrain(
    SalesLedgerQuery sales, CountVarianceQuery counts, LocationRepository locations, MailOutbox mail, AlertMails mails, TradeMetrics metrics, TimeProvider time) : Grain, IAnalyticsGrain
{
    /// <summary>Two years and a day: a year against the year before, and no more in one scan.</summary>
    public const int LongestRangeDays = 731;

    public const int MostTopProducts = 100;

    private Guid OrganizationId => GrainKeys.ParseAnalytics(this.GetPrimaryKeyString());

    public async Task<SalesAnalytics> Sales(SalesAnalyticsQuery query)
    {
        new Violations()
            .When(query.StartDate > query.EndDate, "endDate", "endDate must be on or after startDate.")
            .When(query.EndDate.DayNumber - query.StartDate.DayNumber + 1 > LongestRangeDays, "endDate", $"A range covers at most {LongestRangeDays} days.")
            .When(query.StartDate.Year < 2000 || query.EndDate.Year > 2200, "startDate", "Dates must lie between 2000 and 2200.")
            .Range("top", query.Top, 1, MostTopProducts)
            .ThrowIfAny();
        await RefuseUnknownLocation(query.LocationId);
        return await sales.Run(OrganizationId, query);
    }

    public async Task<ShrinkageReport> Shrinkage(ShrinkageQuery query)
    {
        new Violations()
            .When(query.From > query.To, "to", "to must be on or after from.")
            .When(query.To.DayNumber - query.From.DayNumber + 1 > LongestRangeDays, "to", $"A range covers at most {LongestRangeDays} days.")
            .ThrowIfAny();
        await RefuseUnknownLocation(query.LocationId);
        return ShrinkageFinder.Find(await counts.Counts(OrganizationId, query.LocationId), query);
    }

    public async Task CountsRecorded(IReadOnlyList<RecordedCount> recorded)
    {
        var (usual, judged) = await counts.Judged(OrganizationId, recorded.Select(r => r.LocationId).Distinct().ToArray(), recorded.Select(r => r.EntryId).ToArray());
        metrics.ShrinkageChecked();
        var alerts = judged
            .Select(count => (Count: count, Alert: ShrinkageFinder.AlertFor(usual[count.LocationId], count)))
            .Where(a => a.Alert is not null)
            .ToList();
        if (alerts.Count == 0)
        {
            return;
        }

        GrainFactory.PublishLive(new LiveEvents(OrganizationId, [], null, [], Shrinkage: alerts.Select(a => a.Alert!).ToList()));
        if (mail.Enabled)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var mailed = new List<OutgoingMail>();
            foreach (var (count, alert) in alerts)
            {
                var locationName = (await locations.Find(OrganizationId, count.LocationId))?.Name ?? "a location";
                mailed.Add(mails.Shrinkage(OrganizationId, count.EntryId, alert!, count.Name, locationName, now));
            }

            await mail.Queue(mailed);
        }
    }

    private async Task RefuseUnknownLocation(Guid? locationId)
    {
        if (locationId is { } location && await locations.Find(OrganizationId, location) is null)
        {
            throw NotFoundException.For("location", location);
        }
    }
}
