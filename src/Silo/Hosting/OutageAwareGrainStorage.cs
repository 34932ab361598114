using InventoryProFlow.Contracts.Errors;
using Orleans.Storage;

namespace InventoryProFlow.Silo.Hosting;

/// <summary>
/// Orleans' ADO.NET grain storage, with a database outage raised as <see cref="ServiceUnavailableException"/>. Grain state
/// is read while a grain activates, outside the silo's call filter, and Npgsql's own exception has no Orleans codec: an Api
/// node in Client mode would get a codec failure and answer 500 where it owes 503.
/// </summary>
public sealed class OutageAwareGrainStorage(IGrainStorage storage) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Guard(() => storage.ReadStateAsync(stateName, grainId, grainState));

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Guard(() => storage.WriteStateAsync(stateName, grainId, grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Guard(() => storage.ClearStateAsync(stateName, grainId, grainState));

    private static async Task Guard(Func<Task> operation)
    {
        try
        {
            await operation();
        }
        catch (Exception error) when (ServiceUnavailableException.MustReplace(error))
        {
            throw ServiceUnavailableException.ForDatabase();
        }
    }
}
