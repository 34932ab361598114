using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Live;
using Microsoft.AspNetCore.SignalR;

namespace InventoryProFlow.Api.Live;

/// <summary>
/// This Api node in the cluster's list of hubs: registered as a grain observer when the node starts, renewed
/// while it runs, removed when it stops (or dropped by the directory when it dies). Events published by any
/// silo reach it here and go to its SignalR clients.
/// </summary>
public sealed class LiveHubNode(IGrainFactory grains, IHubContext<InventoryHub> hub, ILogger<LiveHubNode> logger)
    : IHostedService, ILiveHubObserver, IDisposable
{
    private readonly string _nodeId = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private readonly CancellationTokenSource _stopping = new();
    private ILiveHubObserver? _reference;
    private Task _renewing = Task.CompletedTask;

    private IHubDirectoryGrain Directory => grains.GetGrain<IHubDirectoryGrain>(GrainKeys.HubDirectoryKey);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _reference = grains.CreateObjectReference<ILiveHubObserver>(this);
        // Registered before the node serves, so its first clients miss nothing; if the cluster is not reachable
        // yet, the renewal loop keeps trying.
        await Register();
        _renewing = Renew();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _renewing;
        try
        {
            await Directory.Unregister(_nodeId).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning(error, "Could not take this node's hub out of the directory; it drops out by itself");
        }

        if (_reference is not null)
        {
            grains.DeleteObjectReference<ILiveHubObserver>(_reference);
        }
    }

    public Task Deliver(LiveEvents events)
    {
        _ = Send(events);
        return Task.CompletedTask;
    }

    public void Dispose() => _stopping.Dispose();

    private async Task Send(LiveEvents events)
    {
        try
        {
            var organization = events.OrganizationId;
            // In this order, one kind after another: a client hears a commit's events in the order they are listed here.
            foreach (var update in events.Inventory)
            {
                await To(organization, update.LocationId, LiveEventKinds.InventoryUpdated).SendAsync(LiveEventKinds.InventoryUpdated, update);
            }

            if (events.Sale is { } sale)
            {
                await To(organization, sale.LocationId, LiveEventKinds.SalesNew).SendAsync(LiveEventKinds.SalesNew, sale);
            }

            foreach (var alert in events.LowStock)
            {
                await To(organization, alert.LocationId, LiveEventKinds.LowStock).SendAsync(LiveEventKinds.LowStock, alert);
            }

            foreach (var alert in events.Shrinkage ?? [])
            {
                await To(organization, alert.LocationId, LiveEventKinds.Shrinkage).SendAsync(LiveEventKinds.Shrinkage, alert);
            }

            foreach (var alert in events.Compliance ?? [])
            {
                await To(organization, alert.LocationId, LiveEventKinds.Compliance).SendAsync(LiveEventKinds.Compliance, alert);
            }
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Could not send live events to this node's clients");
        }
    }

    // Who hears a kind of event of a location: its listeners allowed that kind, and the organisation's; an alert of no location, the organisation's only.
    private IClientProxy To(Guid organizationId, Guid? locationId, string kind) =>
        locationId is { } location
            ? hub.Clients.Groups(LiveGroups.Location(organizationId, location, kind), LiveGroups.Organization(organizationId, kind))
            : hub.Clients.Group(LiveGroups.Organization(organizationId, kind));

    private async Task Renew()
    {
        using var timer = new PeriodicTimer(IHubDirectoryGrain.RenewEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                await Register();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task Register()
    {
        try
        {
            await Directory.Register(_nodeId, _reference!);
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Could not register this node's hub in the cluster; trying again in {Seconds} s", IHubDirectoryGrain.RenewEvery.TotalSeconds);
        }
    }
}
