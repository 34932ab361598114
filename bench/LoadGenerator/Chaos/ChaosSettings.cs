namespace InventoryProFlow.Bench.Chaos;

/// <summary>
/// The shape of a fault run, from CHAOS_* variables (scripts/chaos.sh sets the short form for CI):
/// how many tills sell how fast, how long the load runs steady before and after each fault, and how long
/// PostgreSQL stays down.
/// </summary>
public sealed record ChaosSettings(int Tills, int SalesPerSecond, int PhaseSeconds, int OutageSeconds, int Products, int GiveUpSeconds)
{
    public static ChaosSettings FromEnvironment() => new(
        Tills: Options.EnvInt("CHAOS_TILLS", 8, 1, 256),
        SalesPerSecond: Options.EnvInt("CHAOS_SALES_PER_SECOND", 80, 1, 5000),
        PhaseSeconds: Options.EnvInt("CHAOS_PHASE_SECONDS", 20, 3, 300),
        OutageSeconds: Options.EnvInt("CHAOS_OUTAGE_SECONDS", 8, 1, 120),
        Products: Options.EnvInt("CHAOS_PRODUCTS", 12, 2, 500),
        // A till keeps resending one sale (same referenceId) this long before it gives up and reports it unacknowledged.
        GiveUpSeconds: Options.EnvInt("CHAOS_GIVE_UP_SECONDS", 120, 10, 600));
}
