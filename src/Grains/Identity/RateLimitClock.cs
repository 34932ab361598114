namespace InventoryProFlow.Grains.Identity;

/// <summary>
/// The clock the rate-limit windows are cut by. A clock of its own, so a test can stand in the middle of a minute,
/// or step into the next hour, without moving token lifetimes and ledger times with it.
/// </summary>
public sealed record RateLimitClock(TimeProvider Time)
{
    public DateTimeOffset Now => Time.GetUtcNow();
}
