using System.Diagnostics;
using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Stock;

/// <summary>Promise 3's proof finds a difference when there is one, by the endpoint and by the command.</summary>
public sealed class LedgerVerificationTests
{
    [Fact]
    public async Task Verification_lists_a_product_location_whose_quantity_is_not_its_ledger()
    {
        await using var host = await ProductHost.StartAsync();
        var tenant = await RegisterAsync(host);
        var location = Guid.Parse((await tenant.PostAsync("/api/v1/locations", new { name = "Bar" })).ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetString()!);
        var productId = Guid.Parse((await tenant.PostAsync("/api/v1/products", new { sku = "V-1", name = "Vodka", category = "spirits", sizeMl = 750, abv = 40, cost = 10, price = 15 }))
            .ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetString()!);
        (await tenant.PostAsync("/api/v1/inventory/items", new { locationId = location, productId, quantity = 8 })).ShouldSucceed(HttpStatusCode.Created);
        Assert.True((await tenant.GetAsync("/api/v1/admin/ledger/verify")).ShouldSucceed().Data.GetProperty("balanced").GetBoolean());
        Assert.Equal(0, await Command(host.ConnectionString));

        // Someone edits the table behind the product's back.
        await host.Database.ScalarAsync<object>("UPDATE app.inventory SET quantity = 5 WHERE product_id = @p RETURNING 1", ("p", productId));

        var verification = (await tenant.GetAsync("/api/v1/admin/ledger/verify")).ShouldSucceed().Data;
        Assert.False(verification.GetProperty("balanced").GetBoolean());
        var difference = verification.GetProperty("differences")[0];
        Assert.Equal(5, difference.GetProperty("quantity").GetInt32());
        Assert.Equal(8, difference.GetProperty("ledgerSum").GetInt64());
        Assert.Equal(1, await Command(host.ConnectionString));
    }

    private static async Task<ApiClient> RegisterAsync(ProductHost host) => host.Client((await host.RegisterOwnerAsync("Verify Bar")).Token);

    // The `verify-ledger` verb of the silo program, as `make verify-ledger` runs it.
    private static async Task<int> Command(string connectionString)
    {
        var start = new ProcessStartInfo("dotnet", [Loopback.BuiltProgram("Silo"), "verify-ledger"]) { RedirectStandardOutput = true };
        start.Environment["ConnectionStrings__Postgres"] = connectionString;
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
