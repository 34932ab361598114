using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Compliance;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Grains.Catalogue;
using InventoryProFlow.Grains.Placement;
using InventoryProFlow.Grains.Storage;

namespace InventoryProFlow.Grains.Compliance;

/// <summary>
/// The periods closed at one location, in memory: every backdated movement there asks once, so a sale rung now never
/// waits on SQL. Submitting or reopening a report tells this grain at once (through the reports grain); a change made in
/// the database behind its back, or a new time zone, counts within <see cref="RereadEvery"/>.
/// </summary>
[LocationPlacement]
public sealed class FiledPeriodsGrain(ComplianceReportRepository reports, LocationRepository locations, TimeProvider time) : Grain, IFiledPeriodsGrain
{
    private static readonly TimeSpan RereadEvery = TimeSpan.FromMinutes(1);

    private (string Timezone, IReadOnlyList<ClosedPeriod> Periods)? _closed;
    // Monotonic: how long the periods have been kept is a duration, not a time of day.
    private long _readAt;

    public async Task EnsureOpen(DateTime occurredAt)
    {
        var (timezone, periods) = await Closed();
        if (periods.Count == 0)
        {
            return;
        }

        var day = BusinessDate.Of(new DateTimeOffset(DateTime.SpecifyKind(occurredAt, DateTimeKind.Utc)), timezone);
        if (periods.FirstOrDefault(p => p.PeriodStart <= day && day <= p.PeriodEnd) is { } closed)
        {
            var message = $"{day:yyyy-MM-dd} falls in {closed.PeriodStart:yyyy-MM-dd} to {closed.PeriodEnd:yyyy-MM-dd}, a period already filed at this location " +
                $"(report {closed.ReportId}): it takes no new movements. A manager can reopen it (POST /api/v1/compliance/reports/{closed.ReportId}/reopen).";
            throw new ConflictException(ErrorCodes.PeriodClosed, message, [new FieldError("timestamp", message)]);
        }
    }

    public Task Forget()
    {
        _closed = null;
        return Task.CompletedTask;
    }

    private async Task<(string Timezone, IReadOnlyList<ClosedPeriod> Periods)> Closed()
    {
        if (_closed is null || time.GetElapsedTime(_readAt) >= RereadEvery)
        {
            var (organizationId, locationId) = GrainKeys.ParseFiledPeriods(this.GetPrimaryKeyString());
            // An unknown location closes nothing here; the movement is refused for it where its lines are staged.
            var location = await locations.Find(organizationId, locationId);
            _closed = location is null ? ("UTC", []) : (location.Timezone, await reports.ClosedPeriods(organizationId, locationId));
            _readAt = time.GetTimestamp();
        }

        return _closed.Value;
    }
}
