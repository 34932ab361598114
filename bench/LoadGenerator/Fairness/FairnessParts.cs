using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace InventoryProFlow.Bench.Fairness;

/// <summary>The fairness run's sizes (FAIR_* environment variables; defaults in brackets in scripts/bench-fairness.sh).</summary>
public sealed record FairnessSettings(
    int PhaseSeconds, int Repeats, int WarmupSeconds, int SalesPerSecond, int LinesPerSale, int Products,
    int FloodClients, int FloodKeys, int FloodWebhooks, int FloodSalesPerPush, int FloodLinesPerSale, int FloodMaxPushes)
{
    public static FairnessSettings FromEnvironment() => new(
        Options.EnvInt("FAIR_PHASE_SECONDS", 20, 1, 600),
        Options.EnvInt("FAIR_REPEATS", 3, 1, 9),
        Options.EnvInt("FAIR_WARMUP_SECONDS", 5, 0, 120),
        Options.EnvInt("FAIR_B_SALES_PER_SECOND", 20, 1, 500),
        Options.EnvInt("FAIR_B_LINES", 3, 1, 20),
        Options.EnvInt("FAIR_PRODUCTS", 20, 1, 200),
        Options.EnvInt("FAIR_A_CLIENTS", 4, 1, 64),
        Options.EnvInt("FAIR_A_KEYS", 2, 1, 16),
        Options.EnvInt("FAIR_A_WEBHOOKS", 200, 0, 1000),
        Options.EnvInt("FAIR_A_SALES_PER_PUSH", 50, 1, 1000),
        Options.EnvInt("FAIR_A_LINES", 4, 1, 500),
        Options.EnvInt("FAIR_A_MAX_PUSHES", 200_000, 1, 10_000_000));
}

/// <summary>An organisation of the run: its admin, one location, its products (by sku) stocked deep, and its POS keys.</summary>
public sealed record BenchTenant(int Index, HttpClient Admin, string LocationId, int Products, IReadOnlyList<PosKey> Keys)
{
    private static int _tenants;

    public static async Task<BenchTenant> Create(Uri baseAddress, string name, int products, int keys)
    {
        var index = Interlocked.Increment(ref _tenants);
        using var anonymous = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var signUp = await Setup.SignUp(anonymous, Environment.GetEnvironmentVariable("IPF_API_LOG"));
        var admin = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", signUp["accessToken"]!.GetValue<string>());
        var location = await AdminCalls.Id(admin, "/api/v1/locations", new { name = $"Bar {name}", timezone = "America/Chicago", city = "Des Moines", state = "IA" });
        for (var p = 0; p < products; p++)
        {
            var product = await AdminCalls.Id(admin, "/api/v1/products", new
            {
                sku = FairnessRun.Sku(index, p), name = $"Fairness spirit {p}", brand = "Bench", category = "spirits", sizeMl = 750, abv = 40.0m, cost = 15m, price = 20m,
            });
            await AdminCalls.Id(admin, "/api/v1/inventory/items", new { locationId = location, productId = product, quantity = 100_000, parLevel = 0 });
        }

        var issued = new List<PosKey>();
        for (var k = 0; k < keys; k++)
        {
            var integration = await AdminCalls.Post(admin, "/api/v1/integrations", new { name = $"POS {name} {k}", kind = "pos" });
            issued.Add(new PosKey(integration["apiKey"]!.GetValue<string>(), integration["webhookSecret"]!.GetValue<string>()));
        }

        return new BenchTenant(index, admin, location, products, issued);
    }

    public object Sale(string transactionId, int lines, int seed) => new
    {
        transactionId,
        locationId = LocationId,
        items = Enumerable.Range(0, lines).Select(l => new { sku = FairnessRun.Sku(Index, (seed + (l * 7)) % Products), quantity = 1, price = 20m }).ToArray(),
    };
}

/// <summary>A sale of B's that the product acknowledged, and when (a Stopwatch timestamp).</summary>
public sealed record Acknowledged(string TransactionId, long AckedAt);

/// <summary>One measured phase of B's sales: the latencies of acknowledged sales, and the answers that were not 201.</summary>
public sealed record PhaseResult(string Name, double[] LatenciesMs, List<Acknowledged> Acknowledged, int Errors)
{
    public double P99Ms => Latencies.Percentile(LatenciesMs.Order().ToArray(), 99);
}

/// <summary>B's steady stream of signed single-sale pushes, sent on a fixed schedule (open loop) so a slow answer cannot slow the offer.</summary>
public sealed class MeasuredSales(HttpClient http, BenchTenant b, FairnessSettings settings, TimingReceiver receiver)
{
    private int _sequence;

    public async Task<PhaseResult> Phase(string name, int seconds)
    {
        var count = seconds * settings.SalesPerSecond;
        var interval = TimeSpan.FromSeconds(1.0 / settings.SalesPerSecond);
        var started = Stopwatch.GetTimestamp();
        var sends = new List<Task<(int Status, long Ticks, string Id)>>(count);
        for (var i = 0; i < count; i++)
        {
            var due = (interval * i) - Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            var id = $"b-{Interlocked.Increment(ref _sequence)}";
            sends.Add(Send(id));
        }

        var answers = await Task.WhenAll(sends);
        var acknowledged = answers.Where(a => a.Status == 201).ToList();
        return new PhaseResult(
            name, acknowledged.Select(a => Latencies.ToMs(a.Ticks)).ToArray(),
            acknowledged.Select(a => new Acknowledged(a.Id, receiver.AckTimes[a.Id])).ToList(), answers.Count(a => a.Status != 201));
    }

    /// <summary>Waits until every delivery so far has arrived (the product is idle again), up to <paramref name="most"/>.</summary>
    public async Task Quiesce(TimeSpan most)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(most.TotalSeconds * Stopwatch.Frequency);
        while (receiver.AckTimes.Keys.Any(id => receiver.ArrivedAt(id) is null) && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(100);
        }
    }

    public async Task WaitForDeliveries(IReadOnlyList<Acknowledged> sales, TimeSpan most)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(most.TotalSeconds * Stopwatch.Frequency);
        while (sales.Any(s => receiver.ArrivedAt(s.TransactionId) is null) && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(100);
        }
    }

    private async Task<(int Status, long Ticks, string Id)> Send(string id)
    {
        var (status, ticks) = await FairnessRun.Push(http, b.Keys[0], new { type = "sale.created", data = b.Sale(id, settings.LinesPerSale, _sequence) });
        if (status == 201)
        {
            receiver.AckTimes[id] = Stopwatch.GetTimestamp();
        }

        return (status, ticks, id);
    }
}

/// <summary>A's flood: a few clients pushing big signed batches back to back, not waiting for Retry-After.</summary>
public sealed class Flood(HttpClient http, BenchTenant a, FairnessSettings settings)
{
    private readonly ConcurrentDictionary<int, int> _statuses = new();
    private int _pushes;
    private long _linesAccepted;

    public async Task Run(CancellationToken stop)
    {
        var clients = Enumerable.Range(0, settings.FloodClients).Select(c => Task.Run(() => Client(c, stop), CancellationToken.None));
        await Task.WhenAll(clients);
    }

    public JsonObject Summary(HangingReceiver hanging) => new()
    {
        ["pushes"] = _pushes,
        ["byStatus"] = new JsonObject(_statuses.OrderBy(s => s.Key).Select(s => KeyValuePair.Create(s.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), (JsonNode?)s.Value))),
        ["linesAccepted"] = _linesAccepted,
        ["webhooks"] = settings.FloodWebhooks,
        ["deliveriesHeldByTheReceiverThatNeverAnswers"] = hanging.Connections,
    };

    private async Task Client(int client, CancellationToken stop)
    {
        var key = a.Keys[client % a.Keys.Count];
        for (var push = Interlocked.Increment(ref _pushes); !stop.IsCancellationRequested && push <= settings.FloodMaxPushes; push = Interlocked.Increment(ref _pushes))
        {
            var sales = Enumerable.Range(0, settings.FloodSalesPerPush).Select(s => a.Sale($"a-{push}-{s}", settings.FloodLinesPerSale, push + s)).ToArray();
            try
            {
                var (status, _) = await FairnessRun.Push(http, key, new { sales }, stop);
                _statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                if (status == 200)
                {
                    Interlocked.Add(ref _linesAccepted, settings.FloodSalesPerPush * settings.FloodLinesPerSale);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

/// <summary>A receiver that accepts every connection and never answers: each held connection is one delivery waiting for its timeout.</summary>
public sealed class HangingReceiver : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly ConcurrentBag<Socket> _held = [];
    private readonly Task _accepting;
    private int _connections;

    private HangingReceiver()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = Accept();
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/hooks/never";

    public int Connections => _connections;

    public static HangingReceiver Start() => new();

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _accepting;
        foreach (var socket in _held)
        {
            socket.Dispose();
        }
    }

    private async Task Accept()
    {
        try
        {
            while (true)
            {
                _held.Add(await _listener.AcceptSocketAsync());
                Interlocked.Increment(ref _connections);
            }
        }
        catch (Exception error) when (error is SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }
}

/// <summary>B's receiver: answers 200 at once and notes when each sale's <c>sale.created</c> arrived (by its transaction id).</summary>
public sealed class TimingReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _arrived = new();
    private readonly Task _serving;

    private TimingReceiver(int port)
    {
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        Url = $"http://127.0.0.1:{port}/hooks/b";
        _serving = Serve();
    }

    public string Url { get; }

    /// <summary>When B's sales were acknowledged, by transaction id (Stopwatch timestamps).</summary>
    public ConcurrentDictionary<string, long> AckTimes { get; } = new();

    public static TimingReceiver Start()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new TimingReceiver(port);
    }

    public long? ArrivedAt(string transactionId) => _arrived.TryGetValue(transactionId, out var at) ? at : null;

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _serving;
        _listener.Close();
    }

    private async Task Serve()
    {
        try
        {
            while (true)
            {
                var context = await _listener.GetContextAsync();
                _ = Task.Run(() => Answer(context));
            }
        }
        catch (Exception error) when (error is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // Stopped.
        }
    }

    private void Answer(HttpListenerContext context)
    {
        var at = Stopwatch.GetTimestamp();
        try
        {
            var body = JsonNode.Parse(context.Request.InputStream);
            if (body?["data"]?["transactionId"]?.GetValue<string>() is { } id)
            {
                _arrived.TryAdd(id, at);
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not one of ours; answered all the same.
        }

        context.Response.StatusCode = 200;
        context.Response.Close();
    }
}
