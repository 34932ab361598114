using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace InventoryProFlow.Bench;

/// <summary>The load's parameters, from the BENCH_* environment (defaults make `make bench` fit in 10 minutes on 2 cores).</summary>
public sealed record LoadSettings(
    int Clients,
    int Seconds,
    int UniformSeconds,
    int WarmupSeconds,
    int RecipeSeconds,
    int HotLocations,
    int HotProducts,
    int HotPercent,
    int MaxSalesPerSec,
    int ListIntervalMs,
    int Seed,
    string RunId,
    int? ApiPid,
    int? PostgresPid,
    IReadOnlyList<int> SiloPids)
{
    public static LoadSettings FromEnvironment() => new(
        Clients: Options.EnvInt("BENCH_CLIENTS", 64, 1, 4096),
        Seconds: Options.EnvInt("BENCH_SECONDS", 60, 1, 3600),
        UniformSeconds: Options.EnvInt("BENCH_UNIFORM_SECONDS", 30, 0, 3600),
        WarmupSeconds: Options.EnvInt("BENCH_WARMUP_SECONDS", 10, 0, 600),
        RecipeSeconds: Options.EnvInt("BENCH_RECIPE_SECONDS", 30, 0, 3600),
        HotLocations: Options.EnvInt("BENCH_HOT_LOCATIONS", 10, 1, 100_000),
        HotProducts: Options.EnvInt("BENCH_HOT_PRODUCTS", 50, 1, 1_000_000),
        HotPercent: Options.EnvInt("BENCH_HOT_PERCENT", 80, 0, 100),
        MaxSalesPerSec: Options.EnvInt("BENCH_MAX_SALES_PER_SEC", 4000, 10, 1_000_000),
        ListIntervalMs: Options.EnvInt("BENCH_LIST_INTERVAL_MS", 20, 1, 60_000),
        Seed: Options.EnvInt("BENCH_SEED", 20251126, 0, int.MaxValue),
        RunId: Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3)),
        ApiPid: Options.Env("BENCH_API_PID") is { } api ? int.Parse(api) : null,
        PostgresPid: Options.Env("BENCH_PG_PID") is { } pg ? int.Parse(pg) : null,
        // A cluster's silo processes (comma-separated), so their CPU is named apart from the Api's.
        SiloPids: Options.Env("BENCH_SILO_PIDS") is { } silos ? silos.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList() : []);

    public Mix Hotspot => new("hotspot", HotLocations, HotProducts, HotPercent);

    public JsonObject ToJson(Fixture fixture) => new()
    {
        ["locations"] = fixture.Locations.Count,
        ["products"] = fixture.Products.Count,
        ["inventoryRows"] = (long)fixture.Locations.Count * fixture.Products.Count,
        ["clients"] = Clients,
        ["warmupSeconds"] = WarmupSeconds,
        ["uniformSeconds"] = UniformSeconds,
        ["recipeSeconds"] = RecipeSeconds,
        ["hotspotSeconds"] = Seconds,
        ["hotLocations"] = HotLocations,
        ["hotProducts"] = HotProducts,
        ["hotPercent"] = HotPercent,
        ["linesPerSale"] = "1-5, weights 35/30/18/10/7 %",
        ["unitsPerLine"] = "1-3, weights 75/20/5 %",
        ["maxSalesPerSec"] = MaxSalesPerSec,
        ["listIntervalMs"] = ListIntervalMs,
        ["seed"] = Seed,
        ["ledgerWriters"] = Options.Env("Ledger__Writers") ?? "product default",
        ["ledgerMaxBatch"] = Options.Env("Ledger__MaxBatch") ?? "product default",
    };
}
