using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace InventoryProFlow.Bench;

/// <summary>
/// The final JSON of `make bench`: the issue's keys first (from the hot-spot phase), then the targets and whether each is
/// met, the machine, the parameters, the pgbench baselines, the ledger's commit batches and every phase in detail;
/// last, the cluster runs (<see cref="ClusterReport"/>). Without <c>--http</c> (BENCH_ONLY=cluster) only the cluster
/// runs and the machine.
/// </summary>
public static partial class Report
{
    // The issue's targets.
    private const double RatioTarget = 3.0;
    private const double SaleP99TargetMs = 50;
    private const double ListP95TargetMs = 10;
    private const double SignalrP95TargetMs = 50;

    public static int Run(Options options)
    {
        var cluster = options.Optional("cluster") is { } clusterDir
            ? ClusterReport.Build(clusterDir, int.Parse(options.Optional("cluster-api-nodes") ?? "1", CultureInfo.InvariantCulture))
            : null;
        var result = options.Optional("http") is null
            ? new JsonObject
            {
                ["machine"] = Machine(options, "Cluster only: src/Silo processes and src/Api nodes in Client mode; PostgreSQL, they and the load generator share the machine"),
                ["benchSeconds"] = options.Optional("bench-seconds") is { } seconds ? int.Parse(seconds, CultureInfo.InvariantCulture) : null,
            }
            : SingleProcess(options);
        if (cluster is not null)
        {
            result["cluster"] = cluster;
        }

        var text = result.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        File.WriteAllText(options.Required("out"), text + "\n");
        Console.Out.WriteLine(text);
        return 0;
    }

    // The bar's mix beside the whole-unit hot spot of the same run: POS pushes of cocktails and shots, each line
    // turned into pours by the menu. Lines per second are POS lines; each writes depletionRowsPerLine ledger rows.
    private static JsonObject? Recipes(JsonNode? recipes, JsonNode headline, JsonNode? posWholeUnits) => recipes is null ? null : new JsonObject
    {
        ["what"] = "POST /api/v1/integrations/pos/sales (signed sale.created) of menu items at the hot-spot locations: half two-spirit cocktails, half shots, one line in five a double",
        ["saleLinesPerSec"] = recipes["saleLinesPerSec"]?.DeepClone(),
        ["ledgerRowsPerSec"] = recipes["saleLinesPerSec"]?.GetValue<double>() * recipes["depletionRowsPerLine"]?.GetValue<double>() is { } rows ? Math.Round(rows, 1) : null,
        ["depletionRowsPerLine"] = recipes["depletionRowsPerLine"]?.DeepClone(),
        ["saleP50Ms"] = recipes["saleP50Ms"]?.DeepClone(),
        ["saleP99Ms"] = recipes["saleP99Ms"]?.DeepClone(),
        ["errors"] = recipes["errors"]?.DeepClone(),
        ["linesRatioVsWholeUnitHotspot"] = recipes["saleLinesPerSec"]?.GetValue<double>() / headline["saleLinesPerSec"]?.GetValue<double>() is { } ratio ? Math.Round(ratio, 2) : null,
        ["posWholeUnitLinesPerSec"] = posWholeUnits?["saleLinesPerSec"]?.DeepClone(),
        ["posWholeUnitP99Ms"] = posWholeUnits?["saleP99Ms"]?.DeepClone(),
        ["linesRatioVsPosWholeUnits"] = recipes["saleLinesPerSec"]?.GetValue<double>() / posWholeUnits?["saleLinesPerSec"]?.GetValue<double>() is { } pos ? Math.Round(pos, 2) : null,
    };

    private static JsonObject SingleProcess(Options options)
    {
        var http = JsonNode.Parse(File.ReadAllText(options.Required("http")))!.AsObject();
        var phases = http["phases"]!.AsObject();
        var headline = phases["hotspot"]!.AsObject();
        var pgUniform = Pgbench(options.Required("pg-uniform"));
        var pgHotspot = options.Optional("pg-hotspot") is { } hot ? Pgbench(hot) : null;
        var batches = Batches(options.Optional("batches"));

        var linesPerSec = headline["saleLinesPerSec"]!.GetValue<double>();
        var baseline = pgUniform?["linesPerSec"]?.GetValue<double>();
        var ratio = baseline is > 0 ? Math.Round(linesPerSec / baseline.Value, 2) : (double?)null;
        var p99 = headline["saleP99Ms"]?.GetValue<double>();
        var listP95 = headline["inventoryListP95Ms"]?.GetValue<double>();
        var errors = Errors(http);
        var verified = http["ledgerVerification"]?["balanced"]?.GetValue<bool>() ?? false;
        var signalr = headline["signalr"];
        var signalrP95 = signalr?["p95Ms"]?.GetValue<double>();
        var missed = signalr?["missed"]?.GetValue<int>();

        return new JsonObject
        {
            ["saleLinesPerSec"] = linesPerSec,
            ["saleP50Ms"] = headline["saleP50Ms"]?.DeepClone(),
            ["saleP95Ms"] = headline["saleP95Ms"]?.DeepClone(),
            ["saleP99Ms"] = p99,
            ["inventoryListP95Ms"] = listP95,
            ["pgBaselineLinesPerSec"] = baseline,
            ["ratioVsPostgres"] = ratio,
            ["errors"] = errors,
            ["ledgerVerified"] = verified,
            ["signalrP50Ms"] = signalr?["p50Ms"]?.DeepClone(),
            ["signalrP95Ms"] = signalrP95,
            ["signalrP99Ms"] = signalr?["p99Ms"]?.DeepClone(),
            ["signalrMissed"] = missed,
            ["salesPerSec"] = headline["salesPerSec"]?.DeepClone(),
            ["sales"] = headline["sales"]?.DeepClone(),
            ["saleLines"] = headline["saleLines"]?.DeepClone(),
            ["durationSeconds"] = headline["durationSeconds"]?.DeepClone(),
            ["mix"] = "hotspot",
            ["recipes"] = Recipes(phases["recipes"], headline, phases["posWholeUnits"]),
            ["loadShape"] = "warm-up (uniform, not reported), then a uniform phase, then a hot-spot phase; the keys above are the hot-spot phase " +
                $"({headline["hotPercent"]}% of sales at {headline["hotLocations"]} busy locations, {headline["hotPercent"]}% of lines on {headline["hotProducts"]} best sellers); " +
                "pgBaselineLinesPerSec is pgbench's one-line-per-transaction sale on a uniformly random row",
            ["targets"] = new JsonObject
            {
                ["ratioVsPostgresAtLeast"] = RatioTarget,
                ["ratioMet"] = ratio >= RatioTarget,
                ["saleP99MsBelow"] = SaleP99TargetMs,
                ["saleP99Met"] = p99 < SaleP99TargetMs,
                ["inventoryListP95MsBelow"] = ListP95TargetMs,
                ["inventoryListP95Met"] = listP95 < ListP95TargetMs,
                ["signalrP95MsBelow"] = SignalrP95TargetMs,
                ["signalrP95Met"] = signalrP95 < SignalrP95TargetMs,
                ["signalrMissedZero"] = missed == 0,
                ["errorsZero"] = errors == 0,
                ["ledgerVerified"] = verified,
            },
            ["machine"] = Machine(options, "Embedded: one Api process with a co-hosted silo; PostgreSQL, the Api and the load generator share the machine"),
            ["parameters"] = http["parameters"]?.DeepClone(),
            ["pgbench"] = new JsonObject
            {
                ["script"] = "bench/pgbench-sale-line.sql: BEGIN; UPDATE app.inventory (quantity - 1) of one row; INSERT one app.transactions sale row; END",
                ["uniform"] = pgUniform,
                ["hotspot"] = pgHotspot,
            },
            ["unbalancedRowsAfterPgbench"] = options.Optional("unbalanced-after-pgbench") is { } u ? long.Parse(u, CultureInfo.InvariantCulture) : null,
            ["commitBatches"] = batches,
            ["phases"] = phases.DeepClone(),
            ["warmup"] = http["warmup"]?.DeepClone(),
            ["firstListsSeconds"] = http["firstListsSeconds"]?.DeepClone(),
            ["inventoryListIdle"] = http["inventoryListIdle"]?.DeepClone(),
            ["ledgerVerification"] = http["ledgerVerification"]?.DeepClone(),
            ["runId"] = http["runId"]?.DeepClone(),
            ["startedAt"] = http["startedAt"]?.DeepClone(),
            ["benchSeconds"] = options.Optional("bench-seconds") is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : null,
        };
    }

    // Every non-2xx answer (or failed request) of the run: sales of every phase, inventory lists, the verification.
    internal static long Errors(JsonObject http)
    {
        long errors = http["firstListErrors"]?.GetValue<int>() ?? 0;
        foreach (var phase in http["phases"]!.AsObject().Select(p => p.Value!).Append(http["warmup"]).OfType<JsonNode>())
        {
            errors += phase["errors"]!.GetValue<int>() + (phase["inventoryList"]?["errors"]?.GetValue<int>() ?? 0);
        }

        return errors + (http["ledgerVerification"]?["status"]?.GetValue<int>() == 200 ? 0 : 1);
    }

    private static JsonObject? Pgbench(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var text = File.ReadAllText(path);
        double? Number(Regex pattern) => pattern.Match(text) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
        var tps = Number(TpsPattern());
        return new JsonObject
        {
            ["linesPerSec"] = tps is { } t ? Math.Round(t, 1) : null,
            ["transactions"] = Number(ProcessedPattern()),
            ["failed"] = Number(FailedPattern()) ?? 0,
            ["latencyAverageMs"] = Number(LatencyPattern()),
            ["clients"] = Number(ClientsPattern()),
            ["seconds"] = Number(DurationPattern()),
            ["log"] = Path.GetFileName(path),
        };
    }

    // psql -At -F, output: phase tag, commits, movements, lines, avg movements per commit, p50, p95, max.
    internal static JsonObject? Batches(string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        var result = new JsonObject
        {
            ["note"] = "movements (sales) per ledger commit, from app.idempotency_keys.created_at (now() = the commit's transaction start)",
        };
        foreach (var fields in File.ReadLines(path).Where(l => l.Length > 0).Select(l => l.Split(',')))
        {
            var name = fields[0] switch { "W" => "warmup", "U" => "uniform", "H" => "hotspot", var other => other };
            double F(int i) => double.Parse(fields[i], CultureInfo.InvariantCulture);
            result[name] = new JsonObject
            {
                ["commits"] = F(1),
                ["movements"] = F(2),
                ["lines"] = F(3),
                ["movementsPerCommitAvg"] = Math.Round(F(4), 1),
                ["movementsPerCommitP50"] = F(5),
                ["movementsPerCommitP95"] = F(6),
                ["movementsPerCommitMax"] = F(7),
            };
        }

        return result;
    }

    private static JsonObject Machine(Options options, string mode)
    {
        string? Read(string path) => File.Exists(path) ? File.ReadAllText(path) : null;
        var cpuModel = Read("/proc/cpuinfo")?.Split('\n').FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim();
        var memKb = Read("/proc/meminfo")?.Split('\n').FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
            ?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return new JsonObject
        {
            ["nproc"] = Environment.ProcessorCount,
            ["memoryMiB"] = memKb is null ? null : long.Parse(memKb, CultureInfo.InvariantCulture) / 1024,
            ["cpuModel"] = cpuModel,
            ["os"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
            ["dotnet"] = Environment.Version.ToString(),
            ["postgres"] = options.Optional("postgres-version"),
            ["commit"] = options.Optional("commit"),
            ["workTreeChanges"] = options.Optional("dirty"),
            ["mode"] = mode,
        };
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex TpsPattern();

    [GeneratedRegex(@"number of transactions actually processed: ([0-9]+)")]
    private static partial Regex ProcessedPattern();

    [GeneratedRegex(@"number of failed transactions: ([0-9]+)")]
    private static partial Regex FailedPattern();

    [GeneratedRegex(@"latency average = ([0-9.]+) ms")]
    private static partial Regex LatencyPattern();

    [GeneratedRegex(@"number of clients: ([0-9]+)")]
    private static partial Regex ClientsPattern();

    [GeneratedRegex(@"duration: ([0-9]+) s")]
    private static partial Regex DurationPattern();
}
