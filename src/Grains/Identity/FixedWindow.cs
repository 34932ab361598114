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

    public RateLimitDecision Count(DateTimeOffset now, int limit)
    {
        var start = now.UtcTicks - (now.UtcTicks % length.Ticks);
        if (start != _startTicks)
        {
            _startTicks = start;
            _count = 0;
        }

        var allowed = _count < limit;
        if (allowed)
        {
            _count++;
        }

        var resetsAt = new DateTimeOffset(start + length.Ticks, TimeSpan.Zero);
        var seconds = (int)Math.Ceiling((resetsAt - now).TotalSeconds);
        return new RateLimitDecision(allowed, limit, limit - _count, resetsAt, Math.Max(seconds, 1));
    }
}
