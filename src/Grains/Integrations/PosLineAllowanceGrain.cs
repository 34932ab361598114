using InventoryProFlow.Contracts.Identity;
using InventoryProFlow.Contracts.Integrations;
using InventoryProFlow.Grains.Identity;
using InventoryProFlow.Grains.Operations;

namespace InventoryProFlow.Grains.Integrations;

/// <summary>
/// One organisation's POS sale lines this minute: a window per key (API key or integration client) and one for the
/// organisation, in one activation so a push is charged to both or to neither. Lines, not requests, since one push
/// may carry 1,000 sales of 500 lines. Memory only, as the other windows: a silo crash forgives at most a minute.
/// </summary>
// A window lasts a minute; an idle counter is worth nothing after it.
[CollectionAgeLimit(Minutes = 2)]
public sealed class PosLineAllowanceGrain(RateLimitSettings limits, TradeMetrics metrics, TimeProvider time) : Grain, IPosLineAllowanceGrain
{
    // An organisation has a handful of integrations and clients; a window per key they name, dropped once idle.
    private const int MaxKeys = 1_000;

    private readonly FixedWindow _organization = new(TimeSpan.FromMinutes(1));
    private readonly Dictionary<Guid, FixedWindow> _keys = [];

    public Task<PosLineAllowance?> Charge(Guid pusherId, int lines)
    {
        if (limits.PosLinesPerMinutePerKey is null && limits.PosLinesPerMinutePerOrganization is null)
        {
            return Task.FromResult<PosLineAllowance?>(null);
        }

        var now = time.GetUtcNow();
        var key = Window(pusherId, now);
        var checks = new List<(FixedWindow Window, int Limit, string Scope)>(2);
        if (limits.PosLinesPerMinutePerKey is { } perKey)
        {
            checks.Add((key, perKey, PosLineAllowance.KeyScope));
        }

        if (limits.PosLinesPerMinutePerOrganization is { } perOrganization)
        {
            checks.Add((_organization, perOrganization, PosLineAllowance.OrganizationScope));
        }

        foreach (var (window, limit, scope) in checks)
        {
            var decision = window.Check(now, limit, lines);
            if (!decision.Allowed)
            {
                metrics.PosLinesRefused(lines);
                return Task.FromResult<PosLineAllowance?>(new PosLineAllowance(decision, scope, NeverFits: lines > limit));
            }
        }

        var counted = checks.Select(c => new PosLineAllowance(c.Window.Count(now, c.Limit, lines), c.Scope)).MinBy(a => a.Decision.Remaining);
        return Task.FromResult(counted);
    }

    private FixedWindow Window(Guid pusherId, DateTimeOffset now)
    {
        if (!_keys.TryGetValue(pusherId, out var window))
        {
            if (_keys.Count >= MaxKeys)
            {
                // Keys idle this minute have nothing counted worth keeping.
                foreach (var idle in _keys.Where(k => k.Value.Peek(now).Count == 0).Select(k => k.Key).ToList())
                {
                    _keys.Remove(idle);
                }
            }

            _keys[pusherId] = window = new FixedWindow(TimeSpan.FromMinutes(1));
        }

        return window;
    }
}
