using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Live;
using Orleans.Concurrency;

namespace InventoryProFlow.Grains.Live;

/// <summary>
/// Sends each commit's events to every live Api node (the GPSTracker sample's push notifier). A stateless
/// worker, so each silo fans out its own grains' events without a cluster-wide bottleneck. The node list
/// is read from the directory at most once a second: a node that registered a second ago gets every event.
/// </summary>
[StatelessWorker]
public sealed class LiveEventsGrain(TimeProvider time) : Grain, ILiveEventsGrain
{
    private static readonly TimeSpan ListAge = TimeSpan.FromSeconds(1);

    private IReadOnlyList<ILiveHubObserver> _hubs = [];
    private long? _listedAt;

    public async Task Publish(LiveEvents events)
    {
        if (_listedAt is not { } listedAt || time.GetElapsedTime(listedAt) > ListAge)
        {
            _hubs = await GrainFactory.GetGrain<IHubDirectoryGrain>(GrainKeys.HubDirectoryKey).Live();
            _listedAt = time.GetTimestamp();
        }

        foreach (var hub in _hubs)
        {
            // One-way: a dead node costs nothing here, and drops out of the directory by itself.
            _ = hub.Deliver(events);
        }
    }
}
