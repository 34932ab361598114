using InventoryProFlow.Api.Identity;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Identity;
using Microsoft.AspNetCore.SignalR;

namespace InventoryProFlow.Api.Live;

/// <summary>
/// <c>/hubs/inventory</c>: a client subscribes to the locations it watches, or an admin to the whole
/// organisation, and hears <c>inventory:updated</c>, <c>sales:new</c> and <c>alert:lowStock</c> for them.
/// Subscribing is checked against the caller's organisation; the events come from every Api node of the
/// cluster (see <see cref="LiveHubNode"/>).
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.InventoryReader)]
public sealed class InventoryHub(IGrainFactory grains) : Hub
{
    public const string Path = "/hubs/inventory";

    public sealed record LocationSubscription(Guid? LocationId);

    /// <summary>Events of one location of the caller's organisation.</summary>
    public async Task Subscribe(LocationSubscription? request)
    {
        var caller = Caller();
        var locationId = request?.LocationId ?? throw Refused(ErrorCodes.ValidationFailed, "subscribe needs { locationId }: the id of a location of your organisation.");
        try
        {
            await grains.GetGrain<ILocationGrain>(GrainKeys.Location(caller.OrganizationId, locationId)).Get();
        }
        catch (NotFoundException)
        {
            // Another organisation's location looks exactly like a missing one.
            throw Refused(ErrorCodes.NotFound, $"No location with id {locationId}.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Location(caller.OrganizationId, locationId));
    }

    public Task Unsubscribe(LocationSubscription? request)
    {
        var caller = Caller();
        var locationId = request?.LocationId ?? throw Refused(ErrorCodes.ValidationFailed, "unsubscribe needs { locationId }.");
        return Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Location(caller.OrganizationId, locationId));
    }

    /// <summary>Every location of the organisation at once: for admins, who watch the whole chain.</summary>
    public Task SubscribeOrganization()
    {
        var caller = Caller();
        return caller.Role == Roles.Admin
            ? Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Organization(caller.OrganizationId))
            : throw Refused(ErrorCodes.Forbidden, "Only an admin may watch the whole organisation; subscribe to locations instead.");
    }

    public Task UnsubscribeOrganization() =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Organization(Caller().OrganizationId));

    private CurrentUser Caller() => CurrentUser.From(Context.User!);

    // The client sees a HubException's message as is: it starts with the error code, as the REST envelope's does.
    private static HubException Refused(string code, string message) => new($"{code}: {message}");
}
