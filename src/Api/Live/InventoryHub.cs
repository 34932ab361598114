using InventoryProFlow.Api.Identity;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Identity;
using InventoryProFlow.Contracts.Live;
using Microsoft.AspNetCore.SignalR;

namespace InventoryProFlow.Api.Live;

/// <summary>
/// <c>/hubs/inventory</c>: a client subscribes to the locations it watches, or an admin to the whole organisation, and
/// hears the events of them that its scopes allow (<see cref="LiveEventKinds"/>). Subscribing is checked against the
/// caller's organisation; every call passes the organisation's gate (<see cref="HubCallGate"/>); the events come from
/// every Api node of the cluster (see <see cref="LiveHubNode"/>).
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.InventoryReader)]
public sealed class InventoryHub(IGrainFactory grains, LiveLimits limits) : Hub
{
    public const string Path = "/hubs/inventory";

    // What this connection follows: location ids, and the organisation. Calls of one connection run one at a time (SignalR's default).
    private const string FollowingKey = "ipf.live.following";
    private const string WholeOrganization = "organization";

    public sealed record LocationSubscription(Guid? LocationId);

    /// <summary>Events of one location of the caller's organisation.</summary>
    public async Task Subscribe(LocationSubscription? request)
    {
        var caller = Caller();
        var locationId = request?.LocationId ?? throw Refused(ErrorCodes.ValidationFailed, "subscribe needs { locationId }: the id of a location of your organisation.");
        var added = Reserve(locationId.ToString("D"));
        try
        {
            await grains.GetGrain<ILocationGrain>(GrainKeys.Location(caller.OrganizationId, locationId)).Get();
        }
        catch (NotFoundException)
        {
            if (added)
            {
                Following.Remove(locationId.ToString("D"));
            }

            // Another organisation's location looks exactly like a missing one.
            throw Refused(ErrorCodes.NotFound, $"No location with id {locationId}.");
        }

        await Join(LiveEventKinds.AllowedFor(caller.Scopes).Select(kind => LiveGroups.Location(caller.OrganizationId, locationId, kind)));
    }

    public async Task Unsubscribe(LocationSubscription? request)
    {
        var caller = Caller();
        var locationId = request?.LocationId ?? throw Refused(ErrorCodes.ValidationFailed, "unsubscribe needs { locationId }.");
        await Leave(LiveEventKinds.ScopeNeeded.Keys.Select(kind => LiveGroups.Location(caller.OrganizationId, locationId, kind)));
        Following.Remove(locationId.ToString("D"));
    }

    /// <summary>Every location of the organisation at once: for admins, who watch the whole chain.</summary>
    public async Task SubscribeOrganization()
    {
        var caller = Caller();
        if (caller.Role != Roles.Admin)
        {
            throw Refused(ErrorCodes.Forbidden, "Only an admin may watch the whole organisation; subscribe to locations instead.");
        }

        Reserve(WholeOrganization);
        await Join(LiveEventKinds.AllowedFor(caller.Scopes).Select(kind => LiveGroups.Organization(caller.OrganizationId, kind)));
    }

    public async Task UnsubscribeOrganization()
    {
        var organizationId = Caller().OrganizationId;
        await Leave(LiveEventKinds.ScopeNeeded.Keys.Select(kind => LiveGroups.Organization(organizationId, kind)));
        Following.Remove(WholeOrganization);
    }

    private HashSet<string> Following
    {
        get
        {
            if (Context.Items.TryGetValue(FollowingKey, out var kept) && kept is HashSet<string> following)
            {
                return following;
            }

            var fresh = new HashSet<string>();
            Context.Items[FollowingKey] = fresh;
            return fresh;
        }
    }

    // Counted before the groups are joined, so a connection never follows more than the cap; answers whether it is new.
    private bool Reserve(string subscription)
    {
        if (!Following.Contains(subscription) && Following.Count >= limits.MaxSubscriptionsPerConnection)
        {
            throw Refused(
                ErrorCodes.RateLimited,
                $"This connection already follows {Following.Count} subscriptions, the most one connection may. Unsubscribe from one first.");
        }

        return Following.Add(subscription);
    }

    private Task Join(IEnumerable<string> groups) => Task.WhenAll(groups.Select(group => Groups.AddToGroupAsync(Context.ConnectionId, group)));

    private Task Leave(IEnumerable<string> groups) => Task.WhenAll(groups.Select(group => Groups.RemoveFromGroupAsync(Context.ConnectionId, group)));

    private CurrentUser Caller() => CurrentUser.From(Context.User!);

    // The client sees a HubException's message as is: it starts with the error code, as the REST envelope's does.
    private static HubException Refused(string code, string message) => new($"{code}: {message}");
}
