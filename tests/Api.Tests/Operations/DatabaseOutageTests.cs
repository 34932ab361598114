using System.Diagnostics;
using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Operations;

/// <summary>
/// PostgreSQL goes away under a running product (a restart, a failover): callers are told to come back shortly,
/// 503 SERVICE_UNAVAILABLE with Retry-After, never a 500, nothing half written; and the product recovers by
/// itself when the database returns. The database is a server of this test's own, so stopping it harms no other.
/// In Client mode the grains run in another silo, so the outage must also cross the wire as something Orleans can carry.
/// </summary>
public sealed class DatabaseOutageTests
{
    [Theory]
    [InlineData("Embedded")]
    [InlineData("Client")]
    public Task While_PostgreSQL_is_down_the_Api_answers_503_with_Retry_After_and_recovers_by_itself(string mode) =>
        WithOwnPostgres(async (folder, connectionString) =>
        {
            await using var running = await Product.StartAsync(connectionString, mode);
            var host = running.Api;
            var (_, _, token) = await host.RegisterOwnerAsync(links: running.Silo?.Links);
            var owner = host.Client(token);
            var location = (await owner.PostAsync("/api/v1/locations", new { name = "Main Bar" })).ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetGuid();
            var product = (await owner.PostAsync("/api/v1/products", new { sku = "GIN-1", name = "Gin", category = "spirits", sizeMl = 750, abv = 40, cost = 10, price = 20 }))
                .ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetGuid();
            (await owner.PostAsync("/api/v1/inventory/items", new { locationId = location, productId = product, quantity = 10 })).ShouldSucceed(HttpStatusCode.Created);
            object Sale(string reference) => new { locationId = location, referenceId = reference, items = new[] { new { productId = product, quantity = 1 } } };

            await PgScript("stop", folder);
            var ledger = await owner.GetAsync($"/api/v1/transactions?locationId={location}");
            var sale = await owner.PostAsync("/api/v1/transactions/sales", Sale("till-during-outage"));

            ledger.ShouldFail(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");
            sale.ShouldFail(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");
            Assert.True(sale.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a 503 tells the caller when to come back");

            await PgScript("start", folder);
            // Recovery needs no restart of the product: the pool reconnects, and the refused sale can be sent again.
            await Eventually.Found(async () =>
            {
                var retried = await owner.PostAsync("/api/v1/transactions/sales", Sale("till-during-outage"));
                Assert.True(retried.Status is HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{retried.Status}: {retried.Body}");
                return retried.Status == HttpStatusCode.ServiceUnavailable ? null : retried;
            }, "the product to serve again after PostgreSQL came back", TimeSpan.FromSeconds(60));

            // The test's own reads use a pool of their own, whose connections died with the server.
            using (var stale = new Npgsql.NpgsqlConnection(host.ConnectionString))
            {
                Npgsql.NpgsqlConnection.ClearPool(stale);
            }

            Assert.Equal(1L, await host.Database.ScalarAsync<long>("SELECT count(*) FROM app.transactions WHERE reference_id = 'till-during-outage'"));
            Assert.Equal(9, await host.Database.ScalarAsync<int>("SELECT quantity FROM app.inventory WHERE location_id = @l", ("l", location)));
            Assert.True((await owner.GetAsync("/api/v1/admin/ledger/verify")).ShouldSucceed().Data.GetProperty("balanced").GetBoolean());
        });

    [Fact]
    public Task Grains_woken_while_PostgreSQL_is_down_answer_503_through_an_Api_node_in_client_mode() =>
        WithOwnPostgres(async (folder, connectionString) =>
        {
            await using var product = await Product.StartAsync(connectionString, "Client");
            var host = product.Api;
            var (_, organizationId, token) = await host.RegisterOwnerAsync(links: product.Silo!.Links);
            var owner = host.Client(token);
            var location = (await owner.PostAsync("/api/v1/locations", new { name = "Main Bar" })).ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetGuid();
            (await owner.GetAsync($"/api/v1/inventory/items?locationId={location}")).ShouldSucceed();

            // Every activation ends while the database is still there, so the calls below wake their grains (state read in
            // activation) with the database away.
            await product.Silo!.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
            await PgScript("stop", folder);
            var organization = await owner.GetAsync($"/api/v1/organizations/{organizationId}");
            var stock = await owner.GetAsync($"/api/v1/inventory/items?locationId={location}");

            organization.ShouldFail(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");
            stock.ShouldFail(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");

            await PgScript("start", folder);
            await Eventually.Found(async () =>
            {
                var again = await owner.GetAsync($"/api/v1/organizations/{organizationId}");
                Assert.True(again.Status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{again.Status}: {again.Body}");
                return again.Status == HttpStatusCode.OK ? again : null;
            }, "the organisation to be served again after PostgreSQL came back", TimeSpan.FromSeconds(60));
        });

    // A PostgreSQL server of the test's own (build/outage-pg-*), stopped and removed afterwards whatever happened.
    private static async Task WithOwnPostgres(Func<string, string, Task> test)
    {
        var folder = Path.Combine(TestPostgres.RepositoryRoot(), "build", "outage-pg-" + Guid.NewGuid().ToString("N")[..8]);
        var connectionString = await PgScript("start", folder);
        try
        {
            await test(folder, connectionString);
        }
        finally
        {
            await PgScript("stop", folder);
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The product on one database: in Client mode an Api node and, beside it, the silo it calls.</summary>
    private sealed class Product(ProductHost? silo, ProductHost api) : IAsyncDisposable
    {
        public ProductHost? Silo => silo;

        public ProductHost Api => api;

        public static async Task<Product> StartAsync(string connectionString, string mode)
        {
            var clusterId = "outage-" + Guid.NewGuid().ToString("N")[..8];
            var dataFolder = Directory.CreateTempSubdirectory("ipf-outage-").FullName;
            var silo = mode == "Client"
                ? await ProductHost.StartAsync(connectionString, dataFolder, new Dictionary<string, string?> { ["Orleans:Mode"] = "Cluster", ["Orleans:ClusterId"] = clusterId })
                : null;
            var api = await ProductHost.StartAsync(connectionString, dataFolder, new Dictionary<string, string?> { ["Orleans:Mode"] = mode, ["Orleans:ClusterId"] = clusterId });
            return new Product(silo, api);
        }

        public async ValueTask DisposeAsync()
        {
            await api.DisposeAsync();
            if (silo is not null)
            {
                await silo.DisposeAsync();
            }
        }
    }

    // scripts/pg.sh keeps the server's port in its folder, so a restart answers at the same address.
    private static async Task<string> PgScript(string verb, string folder)
    {
        var start = new ProcessStartInfo("bash", ["scripts/pg.sh", verb, folder]) { WorkingDirectory = TestPostgres.RepositoryRoot(), RedirectStandardOutput = true };
        // pg.sh treats a set ConnectionStrings__Postgres as "someone else's server": this one is ours.
        start.Environment["ConnectionStrings__Postgres"] = string.Empty;
        using var script = Process.Start(start)!;
        var output = await script.StandardOutput.ReadToEndAsync();
        await script.WaitForExitAsync();
        Assert.True(script.ExitCode == 0, $"scripts/pg.sh {verb} failed");
        return output.Trim().Split('\n')[^1];
    }
}
