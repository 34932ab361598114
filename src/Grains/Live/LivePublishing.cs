using InventoryProFlow.Contracts.Live;

namespace InventoryProFlow.Grains.Live;

internal static class LivePublishing
{
    /// <summary>After a commit is durable: hands its events to this silo's fan-out, one way, so the caller never waits on it.</summary>
    public static void PublishLive(this IGrainFactory grains, LiveEvents events) =>
        grains.GetGrain<ILiveEventsGrain>(0).Publish(events).Ignore();
}
