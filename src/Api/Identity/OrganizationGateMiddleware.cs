using System.Globalization;
using System.Security.Claims;
using InventoryProFlow.Api.Errors;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Compliance;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Identity;
using Microsoft.AspNetCore.Authorization;

namespace InventoryProFlow.Api.Identity;

/// <summary>
/// Every signed-in request passes its organisation's gate grain once, before any handler runs: one grain call that
/// refuses a token its holder's changes have outlived (401 INVALID_TOKEN: a new role, deactivation, a new password, a
/// revoked client), refuses a suspended organisation (403 ACCOUNT_SUSPENDED, not counted), checks the enterprise
/// allow-list and counts the call against the tier's hourly allowance, the same count on every Api node. Runs after authentication (it needs the organisation) and before authorization, so a refused role still
/// counts as a call. Requests without a user token (sign-in, health, POS pushes with an API key) do not pass here; those
/// that prove themselves with a credential of their own (a POS key, a client's secret, a refresh token) ask the gate's
/// <see cref="IOrganizationGateGrain.EnsureAdmitted"/> once their organisation is known.
/// </summary>
public sealed class OrganizationGateMiddleware(RequestDelegate next, IGrainFactory grains)
{
    /// <summary>On every answer to a past_due organisation: its subscription needs paying, though it is still served.</summary>
    public const string SubscriptionStatusHeader = "X-Subscription-Status";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!CurrentUser.TryFrom(context.User, out var caller))
        {
            await next(context);
            return;
        }

        var client = ClientAddress.Of(context);
        var admission = await grains.GetGrain<IOrganizationGateGrain>(GrainKeys.OrganizationGate(caller.OrganizationId)).Admit(client, TokenHolderClaims.Of(context.User, caller));
        if (admission.TokenRevoked && context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            // An open route (sign-in, refresh) needs no credential, so one that no longer stands is dropped, not refused:
            // a client signing in again while it still sends the old token must get through.
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
            RequestContext.Remove(CallerContext.UserId);
            await next(context);
            return;
        }

        if (admission.TokenRevoked)
        {
            // INVALID_TOKEN, as for any token we no longer honour: clients refresh on a 401, and the refresh decides.
            await ErrorResponses.WriteAsync(
                context,
                StatusCodes.Status401Unauthorized,
                ErrorCodes.InvalidToken,
                "The access token was issued before a change to its account (role, access or password) or its client was revoked: refresh it or sign in again.");
            return;
        }

        if (admission.SubscriptionStatus == SubscriptionStatuses.Suspended)
        {
            var suspended = new AccountSuspendedException();
            await ErrorResponses.WriteAsync(context, StatusCodes.Status403Forbidden, suspended.Code, suspended.Message);
            return;
        }

        if (admission.SubscriptionStatus == SubscriptionStatuses.PastDue)
        {
            // Still served: the header lets a client remind its people before the operator suspends the account.
            context.Response.Headers[SubscriptionStatusHeader] = admission.SubscriptionStatus;
        }

        if (!admission.AddressAllowed)
        {
            var refused = ForbiddenException.OffAllowList(client);
            await ErrorResponses.WriteAsync(context, StatusCodes.Status403Forbidden, refused.Code, refused.Message);
            return;
        }

        if (admission.Calls is { } calls)
        {
            if (!calls.Allowed)
            {
                await RateLimitHeaders.RefuseAsync(context, calls, string.Create(
                    CultureInfo.InvariantCulture,
                    $"Your organisation has made its {calls.Limit:N0} API calls for this hour ({admission.SubscriptionTier} tier)."));
                return;
            }

            RateLimitHeaders.Write(context.Response, calls);
        }

        await next(context);
    }
}
