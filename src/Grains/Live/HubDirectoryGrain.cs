using InventoryProFlow.Contracts.Live;

namespace InventoryProFlow.Grains.Live;

/// <summary>
/// The Api nodes whose hubs are up, one activation for the cluster. Kept in memory only: nodes renew every
/// <see cref="IHubDirectoryGrain.RenewEvery"/>, so after a restart of this grain the list is whole again within that time.
/// </summary>
public sealed class HubDirectoryGrain(TimeProvider time) : Grain, IHubDirectoryGrain
{
    // Three missed renewals: the node is gone (killed, or cut off from the cluster).
    private static readonly TimeSpan Expiry = IHubDirectoryGrain.RenewEvery * 3;

    // SeenAt is a monotonic timestamp: liveness is a duration, and a step of the wall clock must not drop every node.
    private readonly Dictionary<string, (ILiveHubObserver Hub, long SeenAt)> _hubs = [];

    public Task Register(string nodeId, ILiveHubObserver hub)
    {
        _hubs[nodeId] = (hub, time.GetTimestamp());
        return Task.CompletedTask;
    }

    public Task Unregister(string nodeId)
    {
        _hubs.Remove(nodeId);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ILiveHubObserver>> Live()
    {
        foreach (var gone in _hubs.Where(h => time.GetElapsedTime(h.Value.SeenAt) > Expiry).Select(h => h.Key).ToList())
        {
            _hubs.Remove(gone);
        }

        return Task.FromResult<IReadOnlyList<ILiveHubObserver>>(_hubs.Values.Select(h => h.Hub).ToList());
    }
}
