using InventoryProFlow.Contracts.Operations;
using Npgsql;
using Orleans.Concurrency;

namespace InventoryProFlow.Grains.Operations;

/// <summary>Readiness from inside the silo: a call that reaches this grain proves the silo serves; the query proves the database answers.</summary>
[StatelessWorker]
public sealed class HealthGrain(NpgsqlDataSource db) : Grain, IHealthGrain
{
    public async Task<bool> DatabaseReachable()
    {
        try
        {
            await using var command = db.CreateCommand("SELECT 1");
            return await command.ExecuteScalarAsync() is 1;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }
}
