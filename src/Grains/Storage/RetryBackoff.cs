namespace InventoryProFlow.Grains.Storage;

/// <summary>When an outbox tries again after a failed send (webhooks, mail).</summary>
public static class RetryBackoff
{
    // Exponential, capped, with full jitter on the upper half so that a receiver coming back is not hit by everything at once.
    public static TimeSpan After(int attempt, TimeSpan first, TimeSpan cap)
    {
        var exponential = first * Math.Pow(2, Math.Min(attempt - 1, 20));
        var capped = exponential < cap ? exponential : cap;
        return capped * (0.5 + (Random.Shared.NextDouble() / 2));
    }
}
