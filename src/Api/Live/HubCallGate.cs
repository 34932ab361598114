using System.Globalization;
using InventoryProFlow.Api.Identity;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Identity;
using Microsoft.AspNetCore.SignalR;

namespace InventoryProFlow.Api.Live;

/// <summary>
/// Every hub method call passes the organisation's gate, as every signed-in HTTP request does (OrganizationGateMiddleware):
/// it counts against the hour's calls, and it is refused for a token that no longer stands, from outside an enterprise allow-list or for a suspended
/// organisation. Otherwise a connection, opened once, would call without limit and from wherever its socket ended up.
/// A refusal is a HubException with the code a REST answer would carry.
/// </summary>
public sealed class HubCallGate(IGrainFactory grains) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var connection = invocationContext.Context;
        var caller = CurrentUser.From(connection.User!);
        var client = connection.GetHttpContext() is { } http ? ClientAddress.Of(http) : null;
        var admission = await grains.GetGrain<IOrganizationGateGrain>(GrainKeys.OrganizationGate(caller.OrganizationId)).Admit(client, TokenHolderClaims.Of(connection.User!, caller));
        if (admission.TokenRevoked)
        {
            throw new HubException($"{ErrorCodes.InvalidToken}: The access token was issued before a change to its account (role, access or password) or its client was revoked: refresh it and connect again.");
        }

        if (admission.SubscriptionStatus == SubscriptionStatuses.Suspended)
        {
            var suspended = new AccountSuspendedException();
            throw new HubException($"{suspended.Code}: {suspended.Message}");
        }

        if (!admission.AddressAllowed)
        {
            var refused = ForbiddenException.OffAllowList(client, "this connection's address");
            throw new HubException($"{refused.Code}: {refused.Message}");
        }

        if (admission.Calls is { Allowed: false } calls)
        {
            throw new HubException(string.Create(
                CultureInfo.InvariantCulture,
                $"{ErrorCodes.RateLimited}: Your organisation has made its {calls.Limit:N0} API calls for this hour ({admission.SubscriptionTier} tier). Retry after {calls.SecondsToReset} seconds, at {calls.ResetsAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}."));
        }

        return await next(invocationContext);
    }
}
