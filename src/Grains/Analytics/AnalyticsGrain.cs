using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Analytics;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Grains.Catalogue;
using InventoryProFlow.Grains.Validation;
using Orleans.Concurrency;

namespace InventoryProFlow.Grains.Analytics;

/// <summary>An organisation's sales figures, computed from the ledger on request. Stateless.</summary>
[StatelessWorker]
public sealed class AnalyticsGrain(SalesLedgerQuery sales, LocationRepository locations) : Grain, IAnalyticsGrain
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
        if (query.LocationId is { } location && await locations.Find(OrganizationId, location) is null)
        {
            throw NotFoundException.For("location", location);
        }

        return await sales.Run(OrganizationId, query);
    }
}
