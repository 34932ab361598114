using System.Text.Json;
using InventoryProFlow.Contracts.Json;
using InventoryProFlow.Contracts.Stock;
using InventoryProFlow.Grains.Stock;
using Microsoft.Extensions.DependencyInjection;

namespace InventoryProFlow.Silo.Hosting;

/// <summary>
/// The `verify-ledger` verb: proves quantity = sum of ledger for every product-location of every
/// organisation, straight from PostgreSQL (no silo needed), and exits 1 when any differs.
/// </summary>
public static class LedgerCheck
{
    public const string Verb = "verify-ledger";

    private static readonly JsonSerializerOptions Json = new(ContractJson.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        var (items, rows, differences) = await services.GetRequiredService<StockRepository>().Verify(organizationId: null);
        var verification = new LedgerVerification(differences.Count == 0, items, rows, differences, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        await output.WriteLineAsync(JsonSerializer.Serialize(verification, Json));
        return verification.Balanced ? 0 : 1;
    }
}
