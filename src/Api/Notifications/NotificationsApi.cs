using System.Security.Claims;
using InventoryProFlow.Api.Identity;
using InventoryProFlow.Api.Paging;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryProFlow.Api.Notifications;

/// <summary>What a signed-in person receives by mail: licence and report alerts, the low-stock digest, shrinkage.</summary>
public static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder routes)
    {
        var mine = routes.MapGroup("/api/v1/users/me/notifications").WithTags("Notifications").RequireAuthorization(Policies.OwnAccount);
        mine.MapGet("/", Get).WithSummary("The mail topics you receive (your choice, or your role's defaults) and whether this installation sends mail");
        mine.MapPut("/", Choose)
            .WithSummary("Choose the mail topics you receive: license, report, low_stock, shrinkage (an empty list: none; topics null: your role's defaults)");
        return routes;
    }

    private static async Task<Ok<Envelope<MailPreferences>>> Get(ClaimsPrincipal principal, IGrainFactory grains)
    {
        var caller = CurrentUser.From(principal);
        return TypedResults.Ok(Envelope.Of(await Notifications(caller, grains).Preferences(caller.UserId)));
    }

    private static async Task<Ok<Envelope<MailPreferences>>> Choose(MailPreferencesChange body, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var caller = CurrentUser.From(principal);
        return TypedResults.Ok(Envelope.Of(await Notifications(caller, grains).ChoosePreferences(caller.UserId, body ?? new MailPreferencesChange(null))));
    }

    private static INotificationsGrain Notifications(CurrentUser caller, IGrainFactory grains) =>
        grains.GetGrain<INotificationsGrain>(GrainKeys.Notifications(caller.OrganizationId));
}
