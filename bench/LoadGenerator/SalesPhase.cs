using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace InventoryProFlow.Bench;

/// <summary>
/// One phase of the load: <c>Clients</c> POS terminals, each sending its next pre-generated sale as soon as the last one
/// is answered (closed loop), until the phase's time is up or its requests run out; meanwhile one separate client lists
/// a location's inventory (first page, 50 items) every <c>ListIntervalMs</c>, alternating busy and quiet locations.
/// </summary>
public sealed class SalesPhase(HttpClient sales, HttpClient reader, Fixture fixture, LoadSettings settings, CpuSampler cpu, LiveWatch? live)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private SaleRequests _requests = null!;
    private long[] _latency = [];
    private short[] _status = [];
    private int _next;
    private int _replayed;
    private long _deadline;
    private readonly ConcurrentQueue<string> _errorSamples = new();

    private BarMenu? _menu;

    /// <summary>A phase of sales; with a menu, POS pushes of menu items (recipes and pours) instead of sales by product.</summary>
    public async Task<JsonObject> Run(string tag, Mix mix, int seconds, bool measureList, BarMenu? menu = null)
    {
        _menu = menu;
        var count = Math.Max(settings.Clients * 8, seconds * settings.MaxSalesPerSec);
        var generating = Stopwatch.StartNew();
        _requests = SaleRequests.Generate(fixture, mix, count, tag, settings.RunId, new Random(settings.Seed + tag[0]), menu);
        Console.Error.WriteLine($"loadgen: {mix.Name} phase: {count} sales pre-generated in {generating.Elapsed.TotalSeconds:F1} s; running {seconds} s with {settings.Clients} clients");
        _latency = new long[count];
        _status = new short[count];
        _next = 0;
        _replayed = 0;
        _errorSamples.Clear();
        live?.Begin(tag, count);

        using var stopReader = new CancellationTokenSource();
        var cpuStart = cpu.Take();
        var startedAt = DateTime.UtcNow;
        var start = Stopwatch.GetTimestamp();
        _deadline = start + (long)(seconds * (double)Stopwatch.Frequency);
        if (Options.Env("BENCH_PHASE_MARKER_DIR") is { } markers)
        {
            // Lets scripts/bench.sh take a top snapshot in the middle of a phase.
            await File.WriteAllTextAsync(Path.Combine(markers, $"{mix.Name}.started"), startedAt.ToString("O"));
        }

        var lists = measureList ? Task.Run(() => ReadLists(stopReader.Token)) : Task.FromResult(new ListResult([], [], 0, []));
        await Task.WhenAll(Enumerable.Range(0, settings.Clients).Select(_ => Task.Run(Terminal)));
        var elapsed = Stopwatch.GetElapsedTime(start);
        var cpuEnd = cpu.Take();
        stopReader.Cancel();
        var list = await lists;

        var done = Math.Min(_next, count);
        var signalr = live is null ? null : await live.End(done);
        var latencies = new double[done];
        long lines = 0;
        var ok = 0;
        var byStatus = new SortedDictionary<int, int>();
        for (var i = 0; i < done; i++)
        {
            latencies[i] = Latencies.ToMs(_latency[i]);
            if (_status[i] is >= 200 and < 300)
            {
                ok++;
                lines += _requests.Lines[i];
            }
            else
            {
                byStatus[_status[i]] = byStatus.GetValueOrDefault(_status[i]) + 1;
            }
        }

        var saleSummary = Latencies.Summary(latencies);
        var result = new JsonObject
        {
            ["mix"] = menu is null ? mix.Name : menu.BySku ? $"{mix.Name}, POS pushes by sku" : $"{mix.Name}, POS pushes of menu items",
            ["depletionRowsPerLine"] = menu is null || _requests.Lines.Sum(l => (long)l) == 0 ? null : Math.Round((double)_requests.LedgerRows / _requests.Lines.Sum(l => (long)l), 2),
            ["hotLocations"] = mix.HotLocations,
            ["hotProducts"] = mix.HotProducts,
            ["hotPercent"] = mix.HotPercent,
            ["startedAt"] = startedAt.ToString("O"),
            ["plannedSeconds"] = seconds,
            ["durationSeconds"] = Math.Round(elapsed.TotalSeconds, 2),
            ["stoppedBy"] = _next >= count ? "requests" : "time",
            ["sales"] = ok,
            ["saleLines"] = lines,
            ["salesPerSec"] = Math.Round(ok / elapsed.TotalSeconds, 1),
            ["saleLinesPerSec"] = Math.Round(lines / elapsed.TotalSeconds, 1),
            ["saleP50Ms"] = saleSummary["p50Ms"]?.DeepClone(),
            ["saleP95Ms"] = saleSummary["p95Ms"]?.DeepClone(),
            ["saleP99Ms"] = saleSummary["p99Ms"]?.DeepClone(),
            ["saleLatency"] = saleSummary,
            ["errors"] = done - ok,
            ["errorsByStatus"] = new JsonObject(byStatus.Select(p => KeyValuePair.Create(p.Key == 0 ? "exception" : p.Key.ToString(), (JsonNode?)p.Value))),
            ["errorSamples"] = new JsonArray(_errorSamples.Take(5).Select(s => (JsonNode?)s).ToArray()),
            ["replayed"] = _replayed,
            ["cpu"] = cpu.Share(cpuStart, cpuEnd),
            ["signalr"] = signalr,
        };
        if (measureList)
        {
            var all = Latencies.Summary(list.All);
            result["inventoryListP95Ms"] = all["p95Ms"]?.DeepClone();
            result["inventoryList"] = new JsonObject
            {
                ["request"] = "GET /api/v1/inventory/items?locationId=...&limit=50",
                ["intervalMs"] = settings.ListIntervalMs,
                ["all"] = all,
                ["busyLocations"] = Latencies.Summary(list.Busy),
                ["errors"] = list.Errors,
                ["errorSamples"] = new JsonArray(list.ErrorSamples.Take(5).Select(s => (JsonNode?)s).ToArray()),
            };
        }

        Console.Error.WriteLine($"loadgen: {mix.Name} phase: {ok} sales, {lines} lines in {elapsed.TotalSeconds:F1} s = {lines / elapsed.TotalSeconds:F0} lines/s, " +
            $"p50 {saleSummary["p50Ms"]} ms, p99 {saleSummary["p99Ms"]} ms, errors {done - ok}" +
            (measureList ? $", list p95 {result["inventoryListP95Ms"]} ms" : string.Empty));
        return result;
    }

    private async Task Terminal()
    {
        while (Stopwatch.GetTimestamp() < _deadline)
        {
            var i = Interlocked.Increment(ref _next) - 1;
            if (i >= _requests.Count)
            {
                return;
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, _menu is null ? "/api/v1/transactions/sales" : "/api/v1/integrations/pos/sales")
            {
                Content = new ReadOnlyMemoryContent(_requests.Body(i)) { Headers = { ContentType = Json } },
            };
            _menu?.Sign(request, _requests.Body(i).Span);
            var start = Stopwatch.GetTimestamp();
            try
            {
                using var response = await sales.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                _latency[i] = Stopwatch.GetTimestamp() - start;
                _status[i] = (short)response.StatusCode;
                if (!response.IsSuccessStatusCode)
                {
                    Sample($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
                else if (response.Headers.Contains("Idempotent-Replayed"))
                {
                    Interlocked.Increment(ref _replayed);
                }
                else if (live is not null && _requests.Locations[i] == live.LocationIndex)
                {
                    live.Acknowledged(i);
                }
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException or IOException)
            {
                _latency[i] = Stopwatch.GetTimestamp() - start;
                _status[i] = 0;
                Sample($"exception: {error.GetType().Name}: {error.Message}");
            }
        }
    }

    private void Sample(string text)
    {
        if (_errorSamples.Count < 5)
        {
            _errorSamples.Enqueue(text.Length > 500 ? text[..500] : text);
        }
    }

    private sealed record ListResult(double[] All, double[] Busy, int Errors, List<string> ErrorSamples);

    private async Task<ListResult> ReadLists(CancellationToken stop)
    {
        var busy = fixture.Locations.Take(Math.Max(1, settings.HotLocations)).ToList();
        var quiet = fixture.Locations.Skip(busy.Count).DefaultIfEmpty(busy[0]).ToList();
        var all = new List<double>();
        var busyOnly = new List<double>();
        var errors = 0;
        var samples = new List<string>();
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var isBusy = i % 2 == 0;
            var location = isBusy ? busy[i / 2 % busy.Count] : quiet[i / 2 % quiet.Count];
            var start = Stopwatch.GetTimestamp();
            try
            {
                using var response = await reader.GetAsync($"/api/v1/inventory/items?locationId={location.Id}&limit=50", CancellationToken.None);
                var ms = Latencies.ToMs(Stopwatch.GetTimestamp() - start);
                if (response.IsSuccessStatusCode)
                {
                    all.Add(ms);
                    if (isBusy)
                    {
                        busyOnly.Add(ms);
                    }
                }
                else
                {
                    errors++;
                    if (samples.Count < 5)
                    {
                        samples.Add($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
                    }
                }
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException or IOException)
            {
                errors++;
                if (samples.Count < 5)
                {
                    samples.Add($"exception: {error.Message}");
                }
            }

            try
            {
                await Task.Delay(settings.ListIntervalMs, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return new ListResult(all.ToArray(), busyOnly.ToArray(), errors, samples);
    }
}
