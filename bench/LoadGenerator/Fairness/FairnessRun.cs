using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace InventoryProFlow.Bench.Fairness;

/// <summary>
/// <c>loadgen fairness</c> (scripts/bench-fairness.sh): can one tenant slow another? Organisation B pushes signed POS
/// sales at a steady rate, with one webhook to a receiver that answers at once; its sale latency is measured alone
/// (repeated, median of the p99s), then while organisation A floods signed POS pushes with 200 webhooks pointing at a
/// receiver that never answers (repeated, median). Printed as JSON: B's p99 with A over B's p99 alone (target: at
/// most 2), and how long B's webhook deliveries took after each sale was acknowledged (target: all within 10 s).
/// Bounded: every phase has a duration, every client a request cap; it stops by itself.
/// </summary>
public static class FairnessRun
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> Run(Options options)
    {
        var settings = FairnessSettings.FromEnvironment();
        var baseAddress = options.BaseAddress();
        await using var hanging = HangingReceiver.Start();
        await using var receiver = TimingReceiver.Start();

        Console.Error.WriteLine("loadgen: setting up organisation A (flooder) and organisation B (measured)");
        var a = await BenchTenant.Create(baseAddress, "A", settings.Products, settings.FloodKeys);
        var b = await BenchTenant.Create(baseAddress, "B", settings.Products, keys: 1);
        for (var i = 0; i < settings.FloodWebhooks; i++)
        {
            await AdminCalls.Post(a.Admin, "/api/v1/webhooks", new { url = hanging.Url, events = new[] { "sale.created", "inventory.updated" }, description = $"never answers {i}" });
        }

        await AdminCalls.Post(b.Admin, "/api/v1/webhooks", new { url = receiver.Url, events = new[] { "sale.created" }, description = "answers at once" });

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var measured = new MeasuredSales(http, b, settings, receiver);

        Console.Error.WriteLine($"loadgen: warm-up, B alone for {settings.WarmupSeconds} s");
        await measured.Phase("warmup", settings.WarmupSeconds);
        var baseline = new List<PhaseResult>();
        for (var r = 0; r < settings.Repeats; r++)
        {
            await measured.Quiesce(TimeSpan.FromSeconds(15));
            baseline.Add(await measured.Phase($"alone-{r + 1}", settings.PhaseSeconds));
            Console.Error.WriteLine($"loadgen: B alone, run {r + 1}: p99 {baseline[^1].P99Ms:F1} ms");
        }

        await measured.Quiesce(TimeSpan.FromSeconds(15));
        Console.Error.WriteLine($"loadgen: A floods with {settings.FloodClients} clients ({settings.FloodSalesPerPush} sales x {settings.FloodLinesPerSale} lines a push)");
        using var stopFlood = new CancellationTokenSource();
        var flood = new Flood(http, a, settings);
        var flooding = flood.Run(stopFlood.Token);
        var contended = new List<PhaseResult>();
        try
        {
            await measured.Phase("flood-warmup", settings.WarmupSeconds);
            for (var r = 0; r < settings.Repeats; r++)
            {
                contended.Add(await measured.Phase($"with-a-{r + 1}", settings.PhaseSeconds));
                Console.Error.WriteLine($"loadgen: B with A flooding, run {r + 1}: p99 {contended[^1].P99Ms:F1} ms");
            }
        }
        finally
        {
            await stopFlood.CancelAsync();
            await flooding;
        }

        // Deliveries of the measured phases: waited for up to 30 s more, then counted as they stand.
        var sales = contended.Concat(baseline).SelectMany(p => p.Acknowledged).ToList();
        await measured.WaitForDeliveries(sales, TimeSpan.FromSeconds(30));
        var result = Report(settings, baseline, contended, receiver, sales.Where(s => contended.Any(p => p.Acknowledged.Contains(s))).ToList(), flood, hanging);
        var text = result.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        await File.WriteAllTextAsync(options.Required("out"), text);
        Console.WriteLine(text);
        return 0;
    }

    private static JsonObject Report(
        FairnessSettings settings, List<PhaseResult> baseline, List<PhaseResult> contended, TimingReceiver receiver, List<Acknowledged> contendedSales, Flood flood, HangingReceiver hanging)
    {
        var baselineP99 = Median(baseline.Select(p => p.P99Ms));
        var contendedP99 = Median(contended.Select(p => p.P99Ms));
        var delays = contendedSales.Select(s => receiver.ArrivedAt(s.TransactionId) is { } at ? (double?)Latencies.ToMs(at - s.AckedAt) : null).ToList();
        var arrived = delays.Where(d => d is not null).Select(d => d!.Value).ToArray();
        var within = arrived.Count(d => d <= 10_000);
        return new JsonObject
        {
            ["settings"] = JsonSerializer.SerializeToNode(settings, Json),
            ["bAlone"] = Phases(baseline),
            ["bWithA"] = Phases(contended),
            ["bAloneP99MedianMs"] = Latencies.Round(baselineP99),
            ["bWithAP99MedianMs"] = Latencies.Round(contendedP99),
            ["p99Ratio"] = Latencies.Round(contendedP99 / baselineP99),
            ["p99WithinTwice"] = contendedP99 <= 2 * baselineP99,
            ["bWebhooks"] = new JsonObject
            {
                ["salesAcknowledgedWithA"] = contendedSales.Count,
                ["delivered"] = arrived.Length,
                ["deliveredWithin10s"] = within,
                ["delayAfterAck"] = Latencies.Summary(arrived),
                ["allWithin10s"] = within == contendedSales.Count,
            },
            ["a"] = flood.Summary(hanging),
        };
    }

    private static JsonArray Phases(IEnumerable<PhaseResult> phases) =>
        new(phases.Select(p => (JsonNode)new JsonObject
        {
            ["name"] = p.Name,
            ["sales"] = p.Acknowledged.Count,
            ["errors"] = p.Errors,
            ["latency"] = Latencies.Summary(p.LatenciesMs),
        }).ToArray());

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>A signed POS push: its status, and how long it took.</summary>
    internal static async Task<(int Status, long Ticks)> Push(HttpClient http, PosKey key, object payload, CancellationToken cancel = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/integrations/pos/sales")
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        key.Sign(request, body);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, cancel);
            await response.Content.ReadAsByteArrayAsync(cancel);
            return ((int)response.StatusCode, Stopwatch.GetTimestamp() - started);
        }
        catch (HttpRequestException)
        {
            return (0, Stopwatch.GetTimestamp() - started);
        }
    }

    internal static string Sku(int tenantIndex, int product) => $"FAIR-{tenantIndex}-{product:D3}";

    internal static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
