using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Reminders;
using Orleans.Runtime;

namespace InventoryProFlow.Api.Tests.Infrastructure;

/// <summary>
/// The product's one clock in a test that moves time. Only the date and time of day are the test's: timers,
/// delays and stopwatches run on real time, so polling loops, retries and timeouts behave as they do in
/// production. A standing clock stays where the test puts it (exact windows and Retry-After values); a running
/// clock ticks on from there at real speed, as if the machine's date had been set.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly bool _runs;
    private DateTimeOffset _at;
    private long _setAt;

    private TestClock(DateTimeOffset at, bool runs)
    {
        _runs = runs;
        _at = at;
        _setAt = Stopwatch.GetTimestamp();
    }

    public static TestClock Standing(DateTimeOffset at) => new(at, runs: false);

    public static TestClock Running(DateTimeOffset from) => new(from, runs: true);

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _runs ? _at + Stopwatch.GetElapsedTime(_setAt) : _at;
        }
    }

    public void SetUtcNow(DateTimeOffset at)
    {
        lock (_gate)
        {
            _at = at;
            _setAt = Stopwatch.GetTimestamp();
        }
    }

    public void Advance(TimeSpan by) => SetUtcNow(GetUtcNow() + by);

    /// <summary>
    /// Makes this the product's clock in <paramref name="services"/>. Orleans' own machinery (membership, messaging,
    /// reminder schedules, activation collection) keeps the machine's clock: a silo whose membership clock jumps a
    /// month would see itself as long dead, and none of it decides a business fact.
    /// </summary>
    public void Install(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(this);
        string[] orleansClocks =
        [
            TimeProviderNames.Grains, TimeProviderNames.Messaging, TimeProviderNames.SystemTimers, TimeProviderNames.Membership,
            TimeProviderNames.ActivationManagement, TimeProviderNames.GrainDirectory, ReminderTimeProviderNames.Reminders,
        ];
        foreach (var name in orleansClocks)
        {
            services.AddKeyedSingleton(name, TimeProvider.System);
        }
    }
}
