namespace InventoryProFlow.Contracts.Compliance;

/// <summary>
/// The periods of one location that a submitted report closed: no movement dated inside one is recorded (409
/// PERIOD_CLOSED) until a manager reopens it. Kept in memory; the reports grain tells it of every submission and reopening.
/// </summary>
public interface IFiledPeriodsGrain : IGrainWithStringKey
{
    /// <summary>Refuses PERIOD_CLOSED when <paramref name="occurredAt"/> falls, on the location's calendar, inside a closed period.</summary>
    Task EnsureOpen(DateTime occurredAt);

    /// <summary>A report of this location was submitted or reopened: read the periods again.</summary>
    Task Forget();
}

/// <summary>Reopening a filed period: why, for the audit trail.</summary>
[GenerateSerializer, Immutable, Alias("ipf.PeriodReopening.v1")]
public sealed record PeriodReopening([property: Id(0)] string? Reason);
