using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace InventoryProFlow.Bench;

/// <summary>
/// The measured part of `make bench`: warm-up (uniform, not reported), a uniform phase, then the hot-spot phase that gives
/// the headline figures, and finally the ledger verification through the admin endpoint.
/// </summary>
public static class LoadRun
{
    public static async Task<int> Run(Options options)
    {
        var baseAddress = options.BaseAddress();
        var organization = JsonNode.Parse(await File.ReadAllTextAsync(options.Required("org")))!;
        var token = organization["accessToken"]!.GetValue<string>();
        var fixture = Fixture.Load(options.Required("locations"), options.Required("products"));
        var settings = LoadSettings.FromEnvironment();
        var cpu = new CpuSampler(settings.ApiPid, settings.PostgresPid, settings.SiloPids);

        using var sales = Client(baseAddress, token, settings.Clients * 2);
        using var reader = Client(baseAddress, token, 4);
        // The busiest location (hot locations come first in the fixture) has an owner watching it live.
        await using var live = await LiveWatch.Start(baseAddress, token, fixture.Locations[0].Id, fixture.Locations[0].Index);
        var phase = new SalesPhase(sales, reader, fixture, settings, cpu, live);
        var result = new JsonObject
        {
            ["runId"] = settings.RunId,
            ["startedAt"] = DateTime.UtcNow.ToString("O"),
            ["parameters"] = settings.ToJson(fixture),
        };

        // Every location's list once, so the phases measure lists of live location grains, not their first load.
        var firstLists = Stopwatch.StartNew();
        var listWarmupErrors = 0;
        foreach (var location in fixture.Locations)
        {
            using var response = await reader.GetAsync($"/api/v1/inventory/items?locationId={location.Id}&limit=50");
            listWarmupErrors += response.IsSuccessStatusCode ? 0 : 1;
        }

        result["firstListsSeconds"] = Math.Round(firstLists.Elapsed.TotalSeconds, 2);

        // The same list with nothing else running: what a list costs by itself, to set beside the figures under load.
        var idleLists = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            var location = fixture.Locations[i % fixture.Locations.Count];
            var start = Stopwatch.GetTimestamp();
            using var response = await reader.GetAsync($"/api/v1/inventory/items?locationId={location.Id}&limit=50");
            await response.Content.ReadAsByteArrayAsync();
            idleLists.Add(Latencies.ToMs(Stopwatch.GetTimestamp() - start));
            listWarmupErrors += response.IsSuccessStatusCode ? 0 : 1;
        }

        result["inventoryListIdle"] = Latencies.Summary(idleLists.ToArray());
        result["firstListErrors"] = listWarmupErrors;

        var phases = new JsonObject();
        if (settings.WarmupSeconds > 0)
        {
            result["warmup"] = await phase.Run("W", Mix.Uniform, settings.WarmupSeconds, measureList: false);
        }

        if (settings.UniformSeconds > 0)
        {
            phases["uniform"] = await phase.Run("U", Mix.Uniform, settings.UniformSeconds, measureList: true);
        }

        phases["hotspot"] = await phase.Run("H", settings.Hotspot, settings.Seconds, measureList: true);
        if (settings.RecipeSeconds > 0)
        {
            // The bar's mix: the same busy locations, each line a cocktail or a shot the menu depletes by volume.
            // Measured beside the same POS push by sku (whole units), so the menu's cost is told apart from the push's.
            var menu = await BarMenu.Create(sales, fixture, settings.HotProducts);
            phases["posWholeUnits"] = await phase.Run("P", settings.Hotspot, settings.RecipeSeconds, measureList: true, menu with { BySku = true });
            phases["recipes"] = await phase.Run("R", settings.Hotspot, settings.RecipeSeconds, measureList: true, menu);
        }

        result["phases"] = phases;
        result["headlinePhase"] = "hotspot";

        var verification = Stopwatch.StartNew();
        using (var response = await sales.GetAsync("/api/v1/admin/ledger/verify"))
        {
            var body = await response.Content.ReadAsStringAsync();
            var data = response.IsSuccessStatusCode ? JsonNode.Parse(body)!["data"] : null;
            result["ledgerVerification"] = new JsonObject
            {
                ["status"] = (int)response.StatusCode,
                ["balanced"] = data?["balanced"]?.GetValue<bool>() ?? false,
                ["itemsChecked"] = data?["itemsChecked"]?.DeepClone(),
                ["ledgerRows"] = data?["ledgerRows"]?.DeepClone(),
                ["differences"] = data?["differences"]?.AsArray().Count,
                ["seconds"] = Math.Round(verification.Elapsed.TotalSeconds, 2),
                ["body"] = response.IsSuccessStatusCode ? null : body,
            };
        }

        await File.WriteAllTextAsync(options.Required("out"), result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }

    private static HttpClient Client(Uri baseAddress, string token, int connections)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
