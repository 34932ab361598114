using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Analytics;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Live;
using InventoryProFlow.Grains.Catalogue;
using InventoryProFlow.Grains.Live;
using InventoryProFlow.Grains.Notifications;
using InventoryProFlow.Grains.Validation;
using Orleans.Concurrency;

namespace InventoryProFlow.Grains.Analytics;

/// <summary>An organisation's sales figures, computed from the ledger on request. Stateless.</summary>
[StatelessWorker]
public sealed class AnalyticsGrain(
    SalesLedgerQuery sales, CountVarianceQuery counts, LocationRepository locations, MailOutbox mail, AlertMails mails, TimeProvider time) : Grain, IAnalyticsGrain
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

    public async Task CountRecorded(Guid locationId, Guid productId, Guid entryId)
    {
        var locationCounts = await counts.Counts(OrganizationId, locationId);
        if (ShrinkageFinder.AlertFor(locationCounts, entryId) is { } alert)
        {
            GrainFactory.PublishLive(new LiveEvents(OrganizationId, [], null, [], Shrinkage: [alert]));
            if (mail.Enabled)
            {
                var productName = locationCounts.First(c => c.EntryId == entryId).Name;
                var locationName = (await locations.Find(OrganizationId, locationId))?.Name ?? "a location";
                await mail.Queue([mails.Shrinkage(OrganizationId, entryId, alert, productName, locationName, time.GetUtcNow().UtcDateTime)]);
            }
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
