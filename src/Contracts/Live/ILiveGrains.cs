using Orleans.Concurrency;

namespace InventoryProFlow.Contracts.Live;

/// <summary>An Api node's SignalR hub, as a grain observer: it sends what it is given to its connected clients.</summary>
public interface ILiveHubObserver : IGrainObserver
{
    [OneWay]
    Task Deliver(LiveEvents events);
}

/// <summary>
/// The Api nodes that are up. Each node registers its hub and renews the registration; a node that stops
/// renewing (it died) drops out by itself.
/// </summary>
public interface IHubDirectoryGrain : IGrainWithStringKey
{
    /// <summary>How often an Api node renews its registration; three missed renewals and it is dropped.</summary>
    static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(5);

    Task Register(string nodeId, ILiveHubObserver hub);

    Task Unregister(string nodeId);

    Task<IReadOnlyList<ILiveHubObserver>> Live();
}

/// <summary>Fans each commit's events out to every live Api node; stateless, so every silo has its own.</summary>
public interface ILiveEventsGrain : IGrainWithIntegerKey
{
    [OneWay]
    Task Publish(LiveEvents events);
}
