using System.Collections.Concurrent;
using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Stock;

/// <summary>Promises 1, 3 and 4 under a crash: kill -9 of the silo mid-stream loses no acknowledged movement and leaves no half transfer.</summary>
public sealed class CrashTests
{
    [Fact]
    public async Task A_silo_killed_mid_stream_loses_no_acknowledged_movement_and_leaves_no_half_transfer()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var dataFolder = Directory.CreateTempSubdirectory("ipf-crash-").FullName;
        var database = new Database(connectionString);
        var acknowledged = new ConcurrentDictionary<Guid, string>();
        string token;
        Guid from, to;
        Guid[] products;

        await using (var product = await ProductProcess.StartAsync(connectionString, dataFolder))
        {
            token = await SignIn(product);
            var admin = product.Client(token);
            from = await Create(admin, "/api/v1/locations", new { name = "Bar", timezone = "America/Chicago" });
            to = await Create(admin, "/api/v1/locations", new { name = "Cellar", timezone = "America/Chicago" });
            products = new Guid[5];
            for (var i = 0; i < products.Length; i++)
            {
                products[i] = await Create(admin, "/api/v1/products", new { sku = $"CRASH-{i}", name = $"Bottle {i}", category = "spirits", sizeMl = 750, abv = 40, cost = 10, price = 15 });
                await Create(admin, "/api/v1/inventory/items", new { locationId = from, productId = products[i], quantity = 10_000 });
            }

            // Eight tills send sales and transfers; the process is killed once enough have been acknowledged.
            using var killed = new CancellationTokenSource();
            var tills = Enumerable.Range(0, 8).Select(till => Task.Run(async () =>
            {
                var client = product.Client(token);
                for (var n = 0; n < 500 && !killed.IsCancellationRequested; n++)
                {
                    var transfer = n % 3 == 0;
                    var line = products[(till + n) % products.Length];
                    try
                    {
                        var reply = transfer
                            ? await client.PostAsync("/api/v1/transactions/transfers", new { fromLocationId = from, toLocationId = to, items = new[] { new { productId = line, quantity = 1 } } })
                            : await client.PostAsync("/api/v1/transactions/sales", new
                            {
                                locationId = from,
                                referenceId = $"till-{till}-{n}",
                                // A bottle and a pour: the ledger's decimals and volumes are what a crash must not tear.
                                items = new object[] { new { productId = line, quantity = 1 }, new { productId = products[(till + n + 1) % products.Length], volumeMl = 44.36m } },
                            });
                        if (reply.Status == HttpStatusCode.Created)
                        {
                            acknowledged[Guid.Parse(reply.Data.GetProperty("movementId").GetString()!)] = transfer ? "transfer" : "sale";
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return;
                    }
                    catch (TaskCanceledException)
                    {
                        return;
                    }
                }
            })).ToList();

            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (acknowledged.Count < 300 && DateTime.UtcNow < deadline && tills.Any(t => !t.IsCompleted))
            {
                await Task.Delay(10);
            }

            product.Kill();
            await killed.CancelAsync();
            await Task.WhenAll(tills);
        }

        Assert.True(acknowledged.Count >= 100, $"only {acknowledged.Count} movements were acknowledged before the kill");
        var recorded = await database.ScalarAsync<long>(
            "SELECT count(DISTINCT movement_id) FROM app.transactions WHERE movement_id = ANY(@ids)", ("ids", acknowledged.Keys.ToArray()));
        Assert.Equal(acknowledged.Count, recorded);
        Assert.Equal(0L, await database.ScalarAsync<long>(
            "SELECT count(*) FROM (SELECT movement_id FROM app.transactions WHERE type LIKE 'transfer%' GROUP BY movement_id " +
            "HAVING count(*) <> 2 OR sum(quantity) <> 0) AS half"));
        Assert.Equal(0L, await database.ScalarAsync<long>(
            "SELECT count(*) FROM (SELECT movement_id FROM app.transactions WHERE type = 'sale' GROUP BY movement_id HAVING count(*) <> 2) AS partial"));
        Assert.Equal(0L, await database.ScalarAsync<long>(
            "SELECT count(*) FROM app.inventory i WHERE (i.quantity, i.volume_ml) <> (SELECT coalesce(sum(t.quantity), 0), coalesce(sum(t.volume_ml), 0) FROM app.transactions t " +
            "WHERE t.location_id = i.location_id AND t.product_id = i.product_id)"));

        // After a restart the product agrees, and a replay of an acknowledged sale still answers its first answer.
        await using var restarted = await ProductProcess.StartAsync(connectionString, dataFolder);
        var client2 = restarted.Client(token);
        Assert.True((await client2.GetAsync("/api/v1/admin/ledger/verify")).ShouldSucceed().Data.GetProperty("balanced").GetBoolean());
        var aSale = await database.ScalarAsync<string>(
            "SELECT reference_id FROM app.transactions WHERE type = 'sale' AND movement_id = ANY(@ids) LIMIT 1", ("ids", acknowledged.Where(a => a.Value == "sale").Select(a => a.Key).ToArray()));
        var till = aSale.Split('-');
        var replay = (await client2.PostAsync("/api/v1/transactions/sales", new
        {
            locationId = from,
            referenceId = aSale,
            items = new object[]
            {
                new { productId = products[(int.Parse(till[1], System.Globalization.CultureInfo.InvariantCulture) + int.Parse(till[2], System.Globalization.CultureInfo.InvariantCulture)) % products.Length], quantity = 1 },
                new { productId = products[(int.Parse(till[1], System.Globalization.CultureInfo.InvariantCulture) + int.Parse(till[2], System.Globalization.CultureInfo.InvariantCulture) + 1) % products.Length], volumeMl = 44.36m },
            },
        })).ShouldSucceed(HttpStatusCode.Created);
        Assert.True(acknowledged.ContainsKey(Guid.Parse(replay.Data.GetProperty("movementId").GetString()!)));
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
    }

    private static async Task<string> SignIn(ProductProcess product) =>
        (await product.Client().PostAsync("/api/v1/auth/login", new { email = "crash.admin@example.com", password = "Crash-Admin-Pass-1" }))
            .ShouldSucceed().Data.GetProperty("accessToken").GetString()!;

    private static async Task<Guid> Create(ApiClient client, string path, object body) =>
        Guid.Parse((await client.PostAsync(path, body)).ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetString()!);
}
