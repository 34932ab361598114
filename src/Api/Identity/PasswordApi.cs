using System.Security.Claims;
using InventoryProFlow.Api.Paging;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryProFlow.Api.Identity;

/// <summary>A signed-in person changing their own password, whatever their role.</summary>
public static class PasswordApi
{
    public static IEndpointRouteBuilder MapPasswordApi(this IEndpointRouteBuilder routes)
    {
        // Limited like sign-in: a stolen access token must not become a fast way to guess the password.
        routes.MapPost("/api/v1/auth/password", ChangePassword)
            .RequireAuthorization(Policies.OwnAccount)
            .LimitAttempts("password")
            .WithName("changePassword")
            .WithTags("Auth")
            .WithSummary("Change your own password (the current one is required); ends every session of yours, this one too");
        return routes;
    }

    /// <summary>
    /// Checks the current password, applies the password rules to the new one, and revokes every refresh token of
    /// the user. A wrong current password is 400 VALIDATION_FAILED on currentPassword. Every access token of the
    /// user, the one in use too, is refused from its next request: the caller signs in again with the new password.
    /// </summary>
    private static async Task<Ok<Envelope<PasswordChanged>>> ChangePassword(PasswordChange body, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var caller = CurrentUser.From(principal);
        var changed = await grains.GetGrain<IIdentityGrain>(GrainKeys.IdentityKey).ChangePassword(caller.OrganizationId, caller.UserId, body);
        return TypedResults.Ok(Envelope.Of(changed));
    }
}
