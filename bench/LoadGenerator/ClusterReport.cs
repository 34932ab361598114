using System.Globalization;
using System.Text.Json.Nodes;

namespace InventoryProFlow.Bench;

/// <summary>
/// The <c>cluster</c> part of the final JSON: one entry per silo count, from the load run scripts/bench.sh made against
/// that cluster (DIR/silos-N/http.json, the hot-spot phase), with the CPU the silos, the Api node and PostgreSQL used
/// and the sales per ledger commit (DIR/silos-N/commit-batches.csv).
/// </summary>
public static class ClusterReport
{
    public static JsonObject Build(string dir, int apiNodes)
    {
        var runs = Directory.EnumerateDirectories(dir, "silos-*")
            .Select(d => (Silos: int.Parse(Path.GetFileName(d)["silos-".Length..], CultureInfo.InvariantCulture), File: Path.Combine(d, "http.json")))
            .Where(r => File.Exists(r.File))
            .OrderBy(r => r.Silos)
            .Select(r => (r.Silos, Http: JsonNode.Parse(File.ReadAllText(r.File))!.AsObject(), Batches: Report.Batches(Path.Combine(Path.GetDirectoryName(r.File)!, "commit-batches.csv"))))
            .ToList();
        var parameters = runs.FirstOrDefault().Http?["parameters"];
        return new JsonObject
        {
            ["what"] = $"the same organisation and hot-spot sales load against a cluster on this machine: N src/Silo processes " +
                $"(ADO.NET clustering on one PostgreSQL) behind {apiNodes} src/Api node(s) in Client mode; a fresh database for each N",
            ["apiNodes"] = apiNodes,
            ["warmupSeconds"] = parameters?["warmupSeconds"]?.DeepClone(),
            ["seconds"] = parameters?["hotspotSeconds"]?.DeepClone(),
            ["clients"] = parameters?["clients"]?.DeepClone(),
            ["locations"] = parameters?["locations"]?.DeepClone(),
            ["products"] = parameters?["products"]?.DeepClone(),
            ["runs"] = new JsonArray(runs.Select(r => (JsonNode?)Run(r.Silos, r.Http, r.Batches?["hotspot"])).ToArray()),
        };
    }

    private static JsonObject Run(int silos, JsonObject http, JsonNode? batches)
    {
        var phase = http["phases"]!["hotspot"]!;
        var cpu = phase["cpu"];
        return new JsonObject
        {
            ["silos"] = silos,
            ["salesPerSec"] = phase["salesPerSec"]?.DeepClone(),
            ["saleLinesPerSec"] = phase["saleLinesPerSec"]?.DeepClone(),
            ["saleP50Ms"] = phase["saleP50Ms"]?.DeepClone(),
            ["saleP95Ms"] = phase["saleP95Ms"]?.DeepClone(),
            ["saleP99Ms"] = phase["saleP99Ms"]?.DeepClone(),
            ["inventoryListP95Ms"] = phase["inventoryListP95Ms"]?.DeepClone(),
            ["signalrP95Ms"] = phase["signalr"]?["p95Ms"]?.DeepClone(),
            // Every non-2xx answer or failed request of the run (warm-up and lists included), as the top-level errors key counts them.
            ["errors"] = Report.Errors(http),
            ["ledgerVerified"] = http["ledgerVerification"]?["balanced"]?.GetValue<bool>() ?? false,
            ["sales"] = phase["sales"]?.DeepClone(),
            ["saleLines"] = phase["saleLines"]?.DeepClone(),
            ["durationSeconds"] = phase["durationSeconds"]?.DeepClone(),
            // Sales per ledger commit in the hot-spot phase, all silos' writers together (bench/commit-batches.sql).
            ["ledgerCommits"] = batches?["commits"]?.DeepClone(),
            ["salesPerLedgerCommit"] = batches?["movementsPerCommitAvg"]?.DeepClone(),
            ["silosCpuPercent"] = cpu?["silosPercent"]?.DeepClone(),
            ["apiCpuPercent"] = cpu?["apiPercent"]?.DeepClone(),
            ["postgresCpuPercent"] = cpu?["postgresPercent"]?.DeepClone(),
            ["machineBusyPercent"] = cpu?["busyPercent"]?.DeepClone(),
            // Other people's work on a shared machine: a run with much of it is not comparable with one without.
            ["otherProcessesCpuPercent"] = cpu?["otherProcessesPercent"]?.DeepClone(),
            ["cpu"] = cpu?.DeepClone(),
        };
    }
}
