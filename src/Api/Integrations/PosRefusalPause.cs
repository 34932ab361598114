namespace InventoryProFlow.Api.Integrations;

/// <summary>
/// How long a POS push refused for its minute's allowance waits before its 429 (<c>RateLimits:PosRefusalPauseMilliseconds</c>,
/// default 1,000; 0 answers at once), never past the window's end. A POS that honours Retry-After loses nothing; one
/// that pushes again at once, in a loop, gets one refusal a second per connection instead of thousands, each of which
/// would be read, verified and parsed on the cores the other tenants' sales need.
/// </summary>
public sealed record PosRefusalPause(TimeSpan Pause)
{
    public static PosRefusalPause From(IConfiguration configuration)
    {
        var milliseconds = configuration.GetValue("RateLimits:PosRefusalPauseMilliseconds", 1000);
        if (milliseconds is < 0 or > 60_000)
        {
            throw new InvalidOperationException($"RateLimits:PosRefusalPauseMilliseconds must be between 0 and 60000, not {milliseconds}.");
        }

        return new PosRefusalPause(TimeSpan.FromMilliseconds(milliseconds));
    }

    /// <summary>Waits out the pause, or until the window ends if that comes first; a caller who hangs up ends it.</summary>
    public Task Wait(DateTimeOffset windowEnds, TimeProvider time, CancellationToken aborted)
    {
        var wait = TimeSpan.FromTicks(Math.Min(Pause.Ticks, Math.Max(0, (windowEnds - time.GetUtcNow()).Ticks)));
        return wait > TimeSpan.Zero ? Task.Delay(wait, time, aborted) : Task.CompletedTask;
    }
}
