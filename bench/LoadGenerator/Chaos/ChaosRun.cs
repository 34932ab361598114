using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace InventoryProFlow.Bench.Chaos;

/// <summary>
/// `loadgen chaos`: a steady sales load (and a trickle of transfers) through every Api node while the faults
/// happen, then the ledger checked against the driver's own record. Writes the JSON summary and, for
/// `make test`, a TAP report; exits 1 when any check fails.
/// </summary>
public static class ChaosRun
{
    private static readonly TimeSpan TransferEvery = TimeSpan.FromMilliseconds(250);

    public static async Task<int> Run(Options options)
    {
        var settings = ChaosSettings.FromEnvironment();
        var addresses = options.Required("nodes").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => Options.Loopback("nodes", n)).ToList();
        var connectionString = (await File.ReadAllTextAsync(options.Required("connection"))).Trim();
        var shop = await ChaosShop.Open(addresses[0], settings.Products);

        using var nodes = new ApiNodes(addresses, shop.AccessToken);
        var book = new Acknowledgements();
        var clock = Stopwatch.StartNew();
        var till = new Till(nodes, book, clock, TimeSpan.FromSeconds(settings.GiveUpSeconds));
        using var closing = new CancellationTokenSource();
        var load = Enumerable.Range(0, settings.Tills)
            .Select(t => Task.Run(() => Sell(t, shop, settings, till, clock, closing.Token)))
            .Append(Task.Run(() => MoveStock(shop, nodes.Count, till, closing.Token)))
            .ToList();
        Console.Error.WriteLine($"loadgen: chaos load started: {settings.Tills} tills, {settings.SalesPerSecond} sales/s over {addresses.Count} Api nodes");

        IReadOnlyList<FaultWindow> faults;
        try
        {
            faults = await new Faults(options.Required("cluster"), clock, settings).Run();
        }
        finally
        {
            // The tills finish the sale in hand (resending it until acknowledged) and start no new one.
            await closing.CancelAsync();
            await Task.WhenAll(load);
        }

        var loadSeconds = clock.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"loadgen: load stopped after {loadSeconds:F1} s; {book.Acknowledged.Count} movements acknowledged; checking the ledger");
        var findings = await LedgerAudit.Run(connectionString, Guid.Parse(shop.OrganizationId), book.Acknowledged);
        var balanced = await VerifyThroughApi(nodes);

        var report = new ChaosReport(settings, addresses, await Membership(options.Optional("membership")), book, faults, findings, balanced, loadSeconds);
        var summary = report.Summary();
        await File.WriteAllTextAsync(options.Required("out"), summary.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        if (options.Optional("tap") is { } tap)
        {
            await File.WriteAllTextAsync(tap, report.Tap());
        }

        Console.Error.Write(report.Tap());
        return report.Passed ? 0 : 1;
    }

    // Each till rings sales at its share of the steady rate, one at a time: a sale in trouble holds up its till, as at a bar.
    private static async Task Sell(int number, ChaosShop shop, ChaosSettings settings, Till till, Stopwatch clock, CancellationToken closing)
    {
        var period = TimeSpan.FromSeconds((double)settings.Tills / settings.SalesPerSecond);
        var random = new Random(number);
        var location = number % 2 == 0 ? shop.Bar : shop.Cellar;
        var next = clock.Elapsed;
        for (var n = 0; !closing.IsCancellationRequested; n++)
        {
            var wait = next - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, closing);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            // Never burst to catch up after a stall: the till rings the next sale when it can.
            next = Max(next + period, clock.Elapsed);
            var items = shop.Products.OrderBy(_ => random.Next()).Take(random.Next(1, 4))
                .Select(product => new { productId = product, quantity = 1 }).ToArray();
            var referenceId = $"till{number}-{n}";
            await till.Send(new Movement("sale", referenceId, "/api/v1/transactions/sales", new { locationId = location, referenceId, items }, items.Length), number);
        }
    }

    // Transfers both ways between the bar and the cellar: each must land on both sides or neither.
    private static async Task MoveStock(ChaosShop shop, int nodeCount, Till till, CancellationToken closing)
    {
        for (var n = 0; !closing.IsCancellationRequested; n++)
        {
            var (from, to) = n % 2 == 0 ? (shop.Bar, shop.Cellar) : (shop.Cellar, shop.Bar);
            var key = $"transfer-{n}";
            var body = new { fromLocationId = from, toLocationId = to, notes = key, items = new[] { new { productId = shop.Products[n % shop.Products.Count], quantity = 1 } } };
            await till.Send(new Movement("transfer", key, "/api/v1/transactions/transfers", body, 2), n % nodeCount);
            try
            {
                await Task.Delay(TransferEvery, closing);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The product's own check (GET /admin/ledger/verify), asked of each node in turn until one answers.</summary>
    private static async Task<bool> VerifyThroughApi(ApiNodes nodes)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var response = await nodes[attempt % nodes.Count].GetAsync("/api/v1/admin/ledger/verify");
                if (response.IsSuccessStatusCode)
                {
                    var body = await response.Content.ReadFromJsonAsync<JsonNode>();
                    return body!["data"]!["balanced"]!.GetValue<bool>();
                }
            }
            catch (HttpRequestException)
            {
                // That node is not back yet; the next one may be.
            }
            catch (TaskCanceledException)
            {
                // Slow while the cluster settles.
            }

            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(500);
        }
    }

    /// <summary>The cluster's Orleans__Membership__* settings (KEY=VALUE lines scripts/cluster.sh wrote), by their short names.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> Membership(string? file) =>
        file is null || !File.Exists(file)
            ? new Dictionary<string, string>()
            : (await File.ReadAllLinesAsync(file)).Select(line => line.Split('=', 2)).Where(kv => kv.Length == 2)
                .ToDictionary(kv => kv[0].Replace("Orleans__Membership__", "", StringComparison.Ordinal), kv => kv[1]);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
