using System.Diagnostics.Metrics;
using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;
using InventoryProFlow.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InventoryProFlow.Api.Tests.Security;

/// <summary>
/// Expensive work from cheap requests (issue 21, finding 5): heavy requests have an allowance per organisation, exports
/// stream under a row cap, every statement runs under a timeout, and a count sheet is judged for shrinkage in one query.
/// One product for the class, with small limits; the limits' clock stands in the middle of a minute.
/// </summary>
public sealed class HeavyWorkTests(HeavyWorkTests.Host host) : IClassFixture<HeavyWorkTests.Host>
{
    private const int HeavyPerMinute = 3;
    private const int ExportRows = 3;

    [Fact]
    public async Task Heavy_requests_beyond_the_minutes_allowance_are_refused_429_and_change_nothing()
    {
        var a = await Tenant();
        var b = await Tenant();
        var location = await Location(a);
        var resetsAt = RateLimitExpectations.WindowEnd(host.Clock.GetUtcNow(), TimeSpan.FromMinutes(1));

        for (var call = 1; call <= HeavyPerMinute; call++)
        {
            (await a.GetAsync("/api/v1/compliance/audit/verify")).ShouldSucceed().ShouldShowLimit(HeavyPerMinute, HeavyPerMinute - call, resetsAt);
        }

        (await a.GetAsync("/api/v1/admin/ledger/verify")).ShouldBeRateLimited(HeavyPerMinute, resetsAt, host.Clock.GetUtcNow());
        var before = await host.Product.Database.CountsAsync();
        (await a.SendRawAsync(HttpMethod.Post, $"/api/v1/inventory/import?locationId={location}", "sku,count\nGHOST-1,3\n", "text/csv"))
            .ShouldBeRateLimited(HeavyPerMinute, resetsAt, host.Clock.GetUtcNow());
        Assert.Equal(before, await host.Product.Database.CountsAsync());

        // Ordinary calls of that organisation, and heavy ones of another, go on.
        (await a.GetAsync("/api/v1/locations")).ShouldSucceed();
        (await b.GetAsync("/api/v1/compliance/audit/verify")).ShouldSucceed().ShouldShowLimit(HeavyPerMinute, HeavyPerMinute - 1, resetsAt);
    }

    [Fact]
    public async Task An_export_beyond_the_row_cap_is_refused_before_a_byte_and_one_within_it_streams_whole()
    {
        var admin = await Tenant();
        var bar = await Location(admin, "Bar");
        var store = await Location(admin, "Store");
        var supplier = Id(await admin.PostAsync("/api/v1/suppliers", new { name = "Southern Glazer's", email = "orders@supplier.example" }));
        var gin = Id(await admin.PostAsync("/api/v1/products", new { sku = "GIN-X", name = "Gin", category = "spirits", sizeMl = 750, abv = 40, cost = 10, price = 20 }));
        foreach (var (location, day) in new[] { (bar, "2025-05-02"), (bar, "2025-05-03"), (bar, "2025-05-04"), (store, "2025-05-05") })
        {
            (await admin.PostAsync("/api/v1/transactions/purchases", new
            {
                locationId = location,
                supplierId = supplier,
                timestamp = $"{day}T17:00:00Z",
                items = new[] { new { productId = gin, quantity = 6, unitCost = 10.00m } },
            })).ShouldSucceed(HttpStatusCode.Created);
        }

        var refused = (await admin.GetAsync("/api/v1/compliance/records/receiving?from=2025-05-01&to=2025-05-31&format=csv"))
            .ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal(["to"], refused.ErrorFields);
        Assert.Contains($"more than {ExportRows} receipts", refused.ErrorMessage, StringComparison.Ordinal);

        // Three rows, streamed in chunks of two: every receipt once, oldest first.
        var (status, mediaType, text) = await admin.GetTextAsync($"/api/v1/compliance/records/receiving?from=2025-05-01&to=2025-05-31&locationId={bar}&format=csv");
        Assert.Equal((HttpStatusCode.OK, "text/csv"), (status, mediaType));
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("date,occurredAt,location", lines[0], StringComparison.Ordinal);
        Assert.Equal(["2025-05-02", "2025-05-03", "2025-05-04"], lines[1..].Select(l => l[..10]));
    }

    [Fact]
    public async Task Sessions_run_under_their_statement_timeouts_and_a_statement_cut_short_answers_503_QUERY_TIMEOUT()
    {
        Assert.Equal("30s", await Show(host.Product.Services.GetRequiredService<NpgsqlDataSource>()));
        Assert.Equal("2s", await Show(host.Product.Services.GetRequiredKeyedService<NpgsqlDataSource>(StatementTimeouts.Reports)));

        var signUp = await host.Product.SignUpAsync();
        var admin = host.Product.Client(signUp.AdminToken);
        (await admin.GetAsync("/api/v1/compliance/audit/verify")).ShouldSucceed();
        (await admin.PostAsync("/api/v1/locations", new { name = "Cellar" })).ShouldSucceed(HttpStatusCode.Created);

        // Someone holds the organisation's checkpoint row: the verification's move of it waits until the reports pool's 2 s are up.
        await using (var holder = new NpgsqlConnection(host.Product.ConnectionString))
        {
            await holder.OpenAsync();
            await using var transaction = await holder.BeginTransactionAsync();
            await using (var hold = new NpgsqlCommand("SELECT 1 FROM app.audit_checkpoints WHERE organization_id = @o FOR UPDATE", holder, transaction))
            {
                hold.Parameters.AddWithValue("o", signUp.OrganizationId);
                Assert.Equal(1, await hold.ExecuteScalarAsync());
            }

            var timedOut = (await admin.GetAsync("/api/v1/compliance/audit/verify")).ShouldFail(HttpStatusCode.ServiceUnavailable, "QUERY_TIMEOUT");
            Assert.True(timedOut.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a 503 tells the caller when to come back");
            Assert.Contains("time limit", timedOut.ErrorMessage, StringComparison.Ordinal);
        }

        Assert.True((await admin.GetAsync("/api/v1/compliance/audit/verify")).ShouldSucceed().Data.GetProperty("verified").GetBoolean());
    }

    [Fact]
    public async Task A_count_sheet_is_judged_for_shrinkage_in_one_query_and_alerted_as_single_counts_are()
    {
        var signUp = await host.Product.SignUpAsync();
        var admin = host.Product.Client(signUp.AdminToken);
        var location = await Location(admin);
        var skus = new[] { "GIN-1", "RUM-1", "RYE-1", "TEQ-1", "VOD-1", "WHI-1" };
        var items = new Dictionary<string, Guid>();
        foreach (var sku in skus)
        {
            var product = Id(await admin.PostAsync("/api/v1/products", new { sku, name = "Bottle " + sku, category = "spirits", sizeMl = 750, abv = 40, cost = 15.00m, price = 20.99m }));
            host.Clock.Advance(TimeSpan.FromMilliseconds(1));
            items[sku] = Id(await admin.PostAsync("/api/v1/inventory/items", new { locationId = location, productId = product, quantity = 24 }));
        }

        // The location's usual, as in ShrinkageTests: counts mostly right, now and then a bottle out. The clock moves a
        // millisecond before each movement, as time does: the ledger orders a product-location's rows by when they were recorded.
        foreach (var (sku, item) in items)
        {
            host.Clock.Advance(TimeSpan.FromMilliseconds(1));
            (await admin.PutAsync($"/api/v1/inventory/items/{item}/count", new { quantity = 24 })).ShouldSucceed();
            host.Clock.Advance(TimeSpan.FromMilliseconds(1));
            (await admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, items = new[] { new { sku, quantity = 2 } } })).ShouldSucceed(HttpStatusCode.Created);
            host.Clock.Advance(TimeSpan.FromMilliseconds(1));
            (await admin.PutAsync($"/api/v1/inventory/items/{item}/count", new { quantity = 21 })).ShouldSucceed();
            host.Clock.Advance(TimeSpan.FromMilliseconds(1));
            (await admin.PutAsync($"/api/v1/inventory/items/{item}/count", new { quantity = 21 })).ShouldSucceed();
        }

        host.Clock.Advance(TimeSpan.FromMilliseconds(1));

        await using var live = await LiveClient.ConnectAsync(host.Product.Address, signUp.AdminToken);
        await live.SubscribeAsync(location);
        // Each single count found short was judged on its own: six, the one-bottle shortfalls (none beyond the usual).
        await Eventually.Found(() => Task.FromResult(host.ShrinkageChecks == 6 ? "six" : null), "the six single counts' shrinkage checks");

        // One sheet finds every product short: ten bottles of rye, two of rum, one of each of the others.
        var sheet = "sku,count\n" + string.Join('\n', skus.Select(sku => $"{sku},{sku switch { "RYE-1" => 11, "RUM-1" => 19, _ => 20 }}"));
        var report = (await admin.SendRawAsync(HttpMethod.Post, $"/api/v1/inventory/import?locationId={location}", sheet, "text/csv")).ShouldSucceed().Data;
        Assert.Equal(6, report.GetProperty("applied").GetInt32());

        var alert = await live.NextAsync("alert:shrinkage", a => a.GetProperty("sku").GetString() == "RYE-1");
        Assert.Equal((21m, 11m, 150.00m), (alert.GetProperty("expectedUnits").GetDecimal(), alert.GetProperty("countedUnits").GetDecimal(), alert.GetProperty("moneyLost").GetDecimal()));
        Assert.DoesNotContain(live.Heard, h => h.Event == "alert:shrinkage" && h.Payload.GetProperty("sku").GetString() != "RYE-1");
        Assert.Equal(7, host.ShrinkageChecks);
    }

    private async Task<ApiClient> Tenant() => host.Product.Client((await host.Product.SignUpAsync()).AdminToken);

    private static async Task<Guid> Location(ApiClient admin, string name = "Main Bar") =>
        Id(await admin.PostAsync("/api/v1/locations", new { name, timezone = "America/Chicago", city = "Des Moines", state = "IA" }));

    private static Guid Id(ApiResponse response) => Guid.Parse(response.ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetString()!);

    private static async Task<string> Show(NpgsqlDataSource source)
    {
        await using var command = source.CreateCommand("SHOW statement_timeout");
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// One product for the class: 3 heavy requests a minute, exports of at most 3 rows in chunks of 2, the reports pool's
    /// statements cut at 2 s; and a listener on this product's own shrinkage-check counter.
    /// </summary>
    public sealed class Host : IAsyncLifetime
    {
        private readonly MeterListener _listener = new();
        private long _shrinkageChecks;

        public TestClock Clock { get; } = TestClock.Standing(new DateTimeOffset(2026, 3, 2, 15, 0, 30, TimeSpan.Zero));

        public ProductHost Product { get; private set; } = null!;

        public long ShrinkageChecks => Interlocked.Read(ref _shrinkageChecks);

        public async Task InitializeAsync()
        {
            Product = await ProductHost.StartAsync(
                settings: new Dictionary<string, string?>
                {
                    ["RateLimits:HeavyRequestsPerMinute"] = HeavyPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["Exports:MaxRows"] = ExportRows.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["Exports:ChunkRows"] = "2",
                    ["Database:ReportStatementTimeoutSeconds"] = "2",
                },
                clock: Clock);
            // This product's meters only: other hosts in the test process count their own.
            var meters = Product.Services.GetRequiredService<IMeterFactory>();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == meters && instrument.Name == "ipf.shrinkage.checks")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _shrinkageChecks, value));
            _listener.Start();
        }

        public async Task DisposeAsync()
        {
            _listener.Dispose();
            await Product.DisposeAsync();
        }
    }
}
