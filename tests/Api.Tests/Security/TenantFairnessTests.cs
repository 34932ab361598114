using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;
using Npgsql;

namespace InventoryProFlow.Api.Tests.Security;

/// <summary>
/// One tenant cannot slow the others (issue 21, finding 2): POS pushes are limited by sale lines per key and per
/// organisation, webhooks per organisation are capped, the ledger's shared transaction carries one event row per
/// change whatever the number of webhooks, deliveries are one per webhook and fair between organisations, a
/// failing receiver's circuit opens, a deleted webhook's backlog goes with it, and a full ledger queue answers 503.
/// </summary>
public sealed class TenantFairnessTests(TenantFairnessTests.Product product) : IClassFixture<TenantFairnessTests.Product>
{
    private Database Db => product.Host.Database;

    [Fact]
    public async Task A_push_beyond_its_keys_or_its_organisations_line_allowance_is_refused_with_retry_after_and_writes_nothing()
    {
        // A fresh minute, so the whole test sits in one window of the allowance.
        var now = product.Clock.GetUtcNow();
        product.Clock.SetUtcNow(new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero).AddMinutes(1).AddSeconds(1));
        var tenant = await product.NewTenantAsync();
        var location = await tenant.CreateLocationAsync();
        string[] skus = ["GIN-1", "GIN-2", "GIN-3", "GIN-4"];
        foreach (var sku in skus)
        {
            await tenant.StockAsync(location, await tenant.CreateProductAsync(sku), 100);
        }

        var first = await PosClient.SetUpAsync(tenant, "Square, bar");
        var second = await PosClient.SetUpAsync(tenant, "Square, patio");
        object Sale(string id) => new { transactionId = id, locationId = location, items = skus.Select(sku => new { sku, quantity = 1, price = 8m }).ToArray() };

        // 10 lines a minute per key, 15 per organisation: the headers tell of the tighter.
        var pushed = (await first.SaleCreatedAsync(Sale("l-1"))).ShouldSucceed(HttpStatusCode.Created);
        Assert.Equal("10", pushed.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal("6", pushed.Headers.GetValues("X-RateLimit-Remaining").Single());
        (await first.SaleCreatedAsync(Sale("l-2"))).ShouldSucceed(HttpStatusCode.Created);

        // A refusal is answered after the pause, so a POS that pushes again at once in a loop is slowed to its pace.
        var asked = System.Diagnostics.Stopwatch.StartNew();
        var byKey = (await first.SaleCreatedAsync(Sale("l-3"))).ShouldFail(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        Assert.True(asked.Elapsed >= TimeSpan.FromMilliseconds(RefusalPauseMilliseconds), $"answered after {asked.Elapsed}, before the pause");
        Assert.Contains("this POS key", byKey.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("2", byKey.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.True(int.Parse(byKey.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);

        // The other key of the organisation still has its own 10, but the organisation only 7 of its 15 left.
        (await second.SaleCreatedAsync(Sale("l-4"))).ShouldSucceed(HttpStatusCode.Created);
        var byOrganisation = (await second.SaleCreatedAsync(Sale("l-5"))).ShouldFail(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        Assert.Contains("organisation", byOrganisation.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("15", byOrganisation.Headers.GetValues("X-RateLimit-Limit").Single());

        // A push larger than a whole minute's allowance could never pass: 413, not a Retry-After to wait for in vain.
        var third = await PosClient.SetUpAsync(tenant, "Square, kitchen");
        var tooBig = (await third.BatchAsync(Enumerable.Range(0, 11).Select(i => (object)new { transactionId = $"big-{i}", locationId = location, items = new[] { new { sku = "GIN-1", quantity = 1, price = 8m } } }).ToArray()))
            .ShouldFail(HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE");
        Assert.Contains("11 sale lines", tooBig.ErrorMessage, StringComparison.Ordinal);

        Assert.Equal(3L, await Db.ScalarAsync<long>("SELECT count(DISTINCT reference_id) FROM app.transactions WHERE location_id = @l AND type = 'sale'", ("l", location)));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM app.transactions WHERE location_id = @l AND (reference_id IN ('l-3', 'l-5') OR reference_id LIKE 'big-%')", ("l", location)));

        // Another organisation's POS has allowances of its own.
        var other = await product.NewTenantAsync();
        var (otherLocation, _) = await other.StockedAsync(10, sku: "GIN-1");
        (await (await PosClient.SetUpAsync(other)).SaleCreatedAsync(new { transactionId = "o-1", locationId = otherLocation, items = new[] { new { sku = "GIN-1", quantity = 1, price = 8m } } }))
            .ShouldSucceed(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_26th_webhook_of_an_organisation_is_refused_and_not_stored()
    {
        var tenant = await product.NewTenantAsync();
        for (var i = 0; i < 25; i++)
        {
            (await tenant.Admin.PostAsync("/api/v1/webhooks", new { url = $"http://127.0.0.1:9/hooks/{i}", events = new[] { "sale.created" } })).ShouldSucceed(HttpStatusCode.Created);
        }

        var refused = (await tenant.Admin.PostAsync("/api/v1/webhooks", new { url = "http://127.0.0.1:9/hooks/26", events = new[] { "sale.created" } }))
            .ShouldFail(HttpStatusCode.Conflict, "WEBHOOK_LIMIT_REACHED");
        Assert.Contains("25 webhooks", refused.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(25L, await Db.ScalarAsync<long>("SELECT count(*) FROM app.webhooks WHERE organization_id = @o", ("o", tenant.OrganizationId)));

        // Deleting one makes room for one.
        var id = (await tenant.Admin.GetAsync("/api/v1/webhooks?limit=1")).ShouldSucceed().Data.GetProperty("items")[0].GetProperty("id").GetString();
        (await tenant.Admin.DeleteAsync($"/api/v1/webhooks/{id}")).ShouldSucceed(HttpStatusCode.NoContent);
        (await tenant.Admin.PostAsync("/api/v1/webhooks", new { url = "http://127.0.0.1:9/hooks/26", events = new[] { "sale.created" } })).ShouldSucceed(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_sale_writes_one_event_row_in_the_ledgers_transaction_and_its_copies_to_each_webhook_come_after()
    {
        var tenant = await product.NewTenantAsync();
        var (location, vodka) = await tenant.StockedAsync(50);
        var gin = await tenant.CreateProductAsync("GIN-750", "Tanqueray");
        await tenant.StockAsync(location, gin, 50);
        await using var receiver = await WebhookReceiver.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            (await tenant.Admin.PostAsync("/api/v1/webhooks", new { url = receiver.Url, events = new[] { "sale.created", "inventory.updated" } })).ShouldSucceed(HttpStatusCode.Created);
        }

        // While nothing can be added to the outbox, the sale still commits: its transaction writes no copy.
        await using var connection = new NpgsqlConnection(product.Host.ConnectionString);
        await connection.OpenAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using (var hold = new NpgsqlCommand("LOCK TABLE app.webhook_outbox IN SHARE MODE", connection, transaction))
            {
                await hold.ExecuteNonQueryAsync();
            }

            var sale = tenant.Admin.PostAsync("/api/v1/transactions/sales", new
            {
                locationId = location,
                referenceId = "one-row",
                items = new[] { new { productId = vodka, quantity = 1 }, new { productId = gin, quantity = 2 } },
            });
            (await sale.WaitAsync(TimeSpan.FromSeconds(20))).ShouldSucceed(HttpStatusCode.Created);

            Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT count(*) FROM app.webhook_events WHERE organization_id = @o", ("o", tenant.OrganizationId)));
            Assert.Equal(3, await Db.ScalarAsync<int>("SELECT jsonb_array_length(events) FROM app.webhook_events WHERE organization_id = @o", ("o", tenant.OrganizationId)));
            await transaction.RollbackAsync();
        }

        // Then each of the three webhooks gets the sale and both stock changes.
        await Eventually.Found(async () => receiver.All.Count(r => r.Status == 200) >= 9 ? receiver.All : null, "nine deliveries");
        Assert.Equal(3, receiver.All.Count(r => r.Event == "sale.created"));
        Assert.Equal(6, receiver.All.Count(r => r.Event == "inventory.updated"));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM app.webhook_events WHERE organization_id = @o", ("o", tenant.OrganizationId)));
    }

    [Fact]
    public async Task A_receiver_that_never_answers_does_not_hold_back_another_organisations_deliveries()
    {
        var slow = await product.NewTenantAsync();
        var (slowLocation, slowProduct) = await slow.StockedAsync(50);
        await using var hanging = await WebhookReceiver.StartAsync(neverAnswer: true);
        for (var i = 0; i < 3; i++)
        {
            (await slow.Admin.PostAsync("/api/v1/webhooks", new { url = hanging.Url, events = new[] { "sale.created", "inventory.updated" } })).ShouldSucceed(HttpStatusCode.Created);
        }

        (await slow.Admin.PostAsync("/api/v1/transactions/sales", new { locationId = slowLocation, items = new[] { new { productId = slowProduct, quantity = 1 } } }))
            .ShouldSucceed(HttpStatusCode.Created);
        await Eventually.Found(async () => hanging.All.Count >= 3 ? hanging.All : null, "the hanging receiver to hold three deliveries");

        var other = await product.NewTenantAsync();
        var (location, productId) = await other.StockedAsync(50);
        await using var receiver = await WebhookReceiver.StartAsync();
        (await other.Admin.PostAsync("/api/v1/webhooks", new { url = receiver.Url, events = new[] { "sale.created" } })).ShouldSucceed(HttpStatusCode.Created);
        (await other.Admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, referenceId = "fair-1", items = new[] { new { productId, quantity = 1 } } }))
            .ShouldSucceed(HttpStatusCode.Created);

        var delivered = await receiver.NextAsync(r => r.Event == "sale.created");
        Assert.Equal("fair-1", delivered.Json.GetProperty("data").GetProperty("referenceId").GetString());

        // Delivered while every request to the hanging receiver is still open, and one at a time per webhook.
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM app.webhook_deliveries WHERE organization_id = @o", ("o", slow.OrganizationId)));
        Assert.Equal(3, hanging.All.Count);
        Assert.Equal(3, hanging.All.Select(r => r.DeliveryId).Distinct().Count());
    }

    [Fact]
    public async Task Deleting_a_webhook_drops_its_pending_deliveries()
    {
        var tenant = await product.NewTenantAsync();
        var (location, productId) = await tenant.StockedAsync(50);
        await using var hanging = await WebhookReceiver.StartAsync(neverAnswer: true);
        var webhookId = Guid.Parse((await tenant.Admin.PostAsync("/api/v1/webhooks", new { url = hanging.Url, events = new[] { "sale.created", "inventory.updated" } }))
            .ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetString()!);
        (await tenant.Admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, items = new[] { new { productId, quantity = 1 } } }))
            .ShouldSucceed(HttpStatusCode.Created);
        await Eventually.Found(async () => await Pending(webhookId) == 2 && hanging.All.Count == 1 ? hanging.All : null, "two events waiting, one of them in flight");

        (await tenant.Admin.DeleteAsync($"/api/v1/webhooks/{webhookId}")).ShouldSucceed(HttpStatusCode.NoContent);

        Assert.Equal(0L, await Pending(webhookId));
        Assert.Equal(2L, await Db.ScalarAsync<long>(
            "SELECT count(*) FROM app.webhook_outbox WHERE webhook_id = @w AND failed_at IS NOT NULL AND last_error = 'The webhook was deleted before this event was delivered.'",
            ("w", webhookId)));
    }

    [Fact]
    public async Task A_receiver_that_keeps_failing_has_its_circuit_opened_and_is_sent_nothing_more()
    {
        var tenant = await product.NewTenantAsync();
        var (location, productId) = await tenant.StockedAsync(50);
        await using var failing = await WebhookReceiver.StartAsync(failFirst: int.MaxValue);
        (await tenant.Admin.PostAsync("/api/v1/webhooks", new { url = failing.Url, events = new[] { "sale.created" } })).ShouldSucceed(HttpStatusCode.Created);
        var shown = (await tenant.Admin.GetAsync("/api/v1/webhooks")).ShouldSucceed().Data.GetProperty("items")[0];
        Assert.Equal("closed", shown.GetProperty("circuit").GetString());

        (await tenant.Admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, items = new[] { new { productId, quantity = 1 } } }))
            .ShouldSucceed(HttpStatusCode.Created);
        var opened = await Eventually.Found(
            async () =>
            {
                var webhook = (await tenant.Admin.GetAsync("/api/v1/webhooks")).ShouldSucceed().Data.GetProperty("items")[0];
                return webhook.GetProperty("circuit").GetString() == "open" ? (object)webhook : null;
            },
            "the circuit to open");

        var webhook = (System.Text.Json.JsonElement)opened;
        Assert.Equal(3, webhook.GetProperty("consecutiveFailures").GetInt32());
        Assert.True(webhook.GetProperty("circuitOpenUntil").GetDateTime() > product.Clock.GetUtcNow().UtcDateTime);
        // Three tries, the third opened it; the event waits for the circuit to close rather than being given up.
        Assert.Equal(3, failing.All.Count);
        Assert.Equal(1L, await Db.ScalarAsync<long>(
            "SELECT count(*) FROM app.webhook_outbox WHERE organization_id = @o AND delivered_at IS NULL AND failed_at IS NULL AND attempts = 3", ("o", tenant.OrganizationId)));
    }

    [Fact]
    public async Task A_full_ledger_queue_answers_503_with_retry_after_and_writes_nothing()
    {
        var tenant = await product.NewTenantAsync();
        var location = await tenant.CreateLocationAsync();
        var products = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            products.Add(await tenant.CreateProductAsync($"RUM-{i}", $"Rum {i}"));
            await tenant.StockAsync(location, products[i], 10);
        }

        Task<ApiResponse> Sell(Guid productId) =>
            tenant.Admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, items = new[] { new { productId, quantity = 1 } } });

        // The one writer loop waits on the inventory rows this test holds; the queue (1 place) then fills.
        await using var connection = new NpgsqlConnection(product.Host.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("SELECT 1 FROM app.inventory WHERE location_id = @l FOR UPDATE", connection, transaction))
        {
            hold.Parameters.AddWithValue("l", location);
            await hold.ExecuteNonQueryAsync();
        }

        var writing = Sell(products[0]);
        await Eventually.Found(
            async () => await Db.ScalarAsync<long>("SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted AND a.datname = current_database()") > 0 ? "" : null,
            "the ledger writer to wait on the held rows");
        var more = products.Skip(1).Select(Sell).ToList();
        await Eventually.Found(async () => more.Count(t => t.IsCompleted) >= 2 ? "" : null, "two of three sales to be answered while the writer waits");

        var refused = more.Where(t => t.IsCompleted).Select(t => t.Result).ToList();
        Assert.All(refused, r => r.ShouldFail(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE"));
        Assert.All(refused, r => Assert.True(r.Headers.RetryAfter is not null));
        await transaction.CommitAsync();
        await transaction.DisposeAsync();

        (await writing).ShouldSucceed(HttpStatusCode.Created);
        Assert.Single(await Task.WhenAll(more), r => r.Status == HttpStatusCode.Created);
        Assert.Equal(2L, await Db.ScalarAsync<long>("SELECT count(*) FROM app.transactions WHERE location_id = @l AND type = 'sale'", ("l", location)));
        Assert.Equal(38m, await Db.ScalarAsync<decimal>("SELECT sum(quantity) FROM app.inventory WHERE location_id = @l", ("l", location)));
    }

    private const int RefusalPauseMilliseconds = 1_500;

    private Task<long> Pending(Guid webhookId) =>
        Db.ScalarAsync<long>("SELECT count(*) FROM app.webhook_outbox WHERE webhook_id = @w AND delivered_at IS NULL AND failed_at IS NULL", ("w", webhookId));

    /// <summary>
    /// One product for the class: small POS allowances (10 lines a minute per key, 15 per organisation; a refusal paused
    /// 1.5 s), webhooks that
    /// wait a minute for an answer and open their circuit after 3 failures for an hour, and one ledger writer with a
    /// queue of one.
    /// </summary>
    public sealed class Product : SharedProduct
    {
        // From the machine's time, so POS signatures (checked within 5 minutes of the product's clock) stay good.
        public override TestClock Clock { get; } = TestClock.Running(DateTimeOffset.UtcNow);

        protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
        {
            ["RateLimits:PosLinesPerMinutePerKey"] = "10",
            ["RateLimits:PosLinesPerMinutePerOrganization"] = "15",
            ["RateLimits:PosRefusalPauseMilliseconds"] = RefusalPauseMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Webhooks:TimeoutSeconds"] = "60",
            ["Webhooks:CircuitFailures"] = "3",
            ["Webhooks:CircuitOpenSeconds"] = "3600",
            ["Ledger:Writers"] = "1",
            ["Ledger:MaxQueued"] = "1",
        };
    }
}
