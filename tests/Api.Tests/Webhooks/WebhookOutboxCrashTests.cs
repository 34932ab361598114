using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Webhooks;

/// <summary>
/// The event is written with the change, and copied to each webhook's outbox after it: a product killed before it could
/// copy or deliver still delivers once it is back.
/// </summary>
public sealed class WebhookOutboxCrashTests
{
    [Fact]
    public async Task An_event_committed_before_a_kill_is_delivered_after_the_restart()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var dataFolder = Directory.CreateTempSubdirectory("ipf-outbox-").FullName;
        var receiverPort = Loopback.FreePort();
        var database = new Database(connectionString);
        string token;

        // The first process does not get round to copying or sending (its dispatcher looks once an hour): the event is committed, not delivered.
        await using (var product = await ProductProcess.StartAsync(connectionString, dataFolder, new Dictionary<string, string> { ["Webhooks__PollSeconds"] = "3600" }))
        {
            token = (await product.Client().PostAsync("/api/v1/auth/login", new { email = "crash.admin@example.com", password = "Crash-Admin-Pass-1" }))
                .ShouldSucceed().Data.GetProperty("accessToken").GetString()!;
            var admin = product.Client(token);
            var location = Id(await admin.PostAsync("/api/v1/locations", new { name = "Bar", timezone = "America/Chicago" }));
            var productId = Id(await admin.PostAsync("/api/v1/products", new { sku = "RUM-750", name = "Plantation 3 Stars", category = "spirits", sizeMl = 750, abv = 41.2, cost = 14, price = 22 }));
            (await admin.PostAsync("/api/v1/inventory/items", new { locationId = location, productId, quantity = 12 })).ShouldSucceed(HttpStatusCode.Created);
            (await admin.PostAsync("/api/v1/webhooks", new { url = $"http://127.0.0.1:{receiverPort}/hooks/ipf", events = new[] { "sale.created" } }))
                .ShouldSucceed(HttpStatusCode.Created);
            (await admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, referenceId = "before-the-crash", items = new[] { new { productId, quantity = 1 } } }))
                .ShouldSucceed(HttpStatusCode.Created);
            Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM app.webhook_events WHERE events @> '[{\"event\": \"sale.created\"}]'"));
            Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM app.webhook_outbox"));
            product.Kill();
        }

        await using var receiver = await WebhookReceiver.StartAsync(receiverPort);
        await using var restarted = await ProductProcess.StartAsync(connectionString, dataFolder);

        var delivered = await receiver.NextAsync(r => r.Event == "sale.created");
        Assert.Equal("before-the-crash", delivered.Json.GetProperty("data").GetProperty("referenceId").GetString());
        Assert.Single(receiver.All, r => r.Status == 200);
    }

    private static Guid Id(ApiResponse response) => Guid.Parse(response.ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetString()!);
}
