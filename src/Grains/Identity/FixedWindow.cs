using InventoryProFlow.Contracts.Identity;

namespace InventoryProFlow.Grains.Identity;

/// <summary>
/// Requests counted in fixed windows cut from the clock (each whole minute, each whole hour, UTC), so every node
/// names the same window and its reset time. Only requests let through are counted. Up to twice the limit can pass
/// across a window's edge (the end of one and the start of the next); that is the price of one counter and an exact
/// reset time. Kept by one grain activation, so it needs no locking.
/// </summary>
public sealed class FixedWindow(TimeSpan length)
{
    private long _startTicks = long.MinValue;
    private int _count;

    public RateLimitDecision Count(DateTimeOffset now, int limit) => Count(now, limit, 1);

    /// <summary>Counts <paramref name="units"/> at once (a push's sale lines), all or none: they pass only if all fit in what is left.</summary>
    public RateLimitDecision Count(DateTimeOffset now, int limit, int units)
    {
        var decision = Check(now, limit, units);
        if (decision.Allowed)
        {
            _count += units;
            decision = Decision(now, limit, allowed: true);
        }

        return decision;
    }

    /// <summary>Whether <paramref name="units"/> would fit now, counting nothing: to check two windows before charging either.</summary>
    public RateLimitDecision Check(DateTimeOffset now, int limit, int units)
    {
        Roll(now);
        return Decision(now, limit, allowed: (long)_count + units <= limit);
    }

    /// <summary>Where the window stands, counting nothing: what the last counted request was told, for a usage report.</summary>
    public (int Count, DateTimeOffset StartedAt, DateTimeOffset ResetsAt) Peek(DateTimeOffset now)
    {
        Roll(now);
        return (_count, new DateTimeOffset(_startTicks, TimeSpan.Zero), new DateTimeOffset(_startTicks + length.Ticks, TimeSpan.Zero));
    }

    private void Roll(DateTimeOffset now)
    {
        var start = now.UtcTicks - (now.UtcTicks % length.Ticks);
        if (start != _startTicks)
        {
            _startTicks = start;
            _count = 0;
        }
    }

    private RateLimitDecision Decision(DateTimeOffset now, int limit, bool allowed)
    {
        var resetsAt = new DateTimeOffset(_startTicks + length.Ticks, TimeSpan.Zero);
        var seconds = (int)Math.Ceiling((resetsAt - now).TotalSeconds);
        // A tier lowered mid-hour can leave more calls counted than the new limit allows: none remain, not fewer than none.
        return new RateLimitDecision(allowed, limit, Math.Max(limit - _count, 0), resetsAt, Math.Max(seconds, 1));
    }
}
