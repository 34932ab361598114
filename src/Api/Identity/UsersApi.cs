using System.Security.Claims;
using InventoryProFlow.Api.Hosting;
using InventoryProFlow.Api.Paging;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryProFlow.Api.Identity;

/// <summary>The people of the caller's organisation.</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder routes)
    {
        var users = routes.MapGroup("/api/v1/users").WithTags("Users");
        users.MapGet("/", List).RequireAuthorization(Policies.TeamReader).WithSummary("List the users of your organisation");
        users.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.TeamReader).WithSummary("One user of your organisation");
        users.MapPost("/", Create).RequireAuthorization(Policies.Admin)
            .WithSummary("Invite a user to your organisation: they are mailed a link to accept and choose a password (or keep the one given here), and sign in once they have (admin)");
        users.MapPost("/{id:guid}/invitation", Reinvite).RequireAuthorization(Policies.Admin)
            .ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("Mail a user who has not accepted their invitation a new link; earlier links stop working (admin)");
        users.MapPatch("/{id:guid}", Update).RequireAuthorization(Policies.Admin)
            .WithSummary("Change a user's names, role or phone, or deactivate them (isActive=false): a change of role or access ends the tokens they hold at once; never your own role or access; never the last active admin (admin)");
        return routes;
    }

    private static async Task<Ok<Envelope<ListData<UserDetails>>>> List([AsParameters] ListQuery query, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var caller = CurrentUser.From(principal);
        var page = await grains.GetGrain<IIdentityGrain>(GrainKeys.IdentityKey).ListUsers(caller.OrganizationId, query.ToPageRequest());
        return TypedResults.Ok(Envelope.Of(page));
    }

    private static async Task<Ok<Envelope<UserDetails>>> Get(Guid id, ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(Envelope.Of(await grains.GetGrain<IIdentityGrain>(GrainKeys.IdentityKey).GetUser(CurrentUser.From(principal).OrganizationId, id)));

    private static async Task<Ok<Envelope<UserDetails>>> Update(Guid id, UserChange body, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var caller = CurrentUser.From(principal);
        var user = await grains.GetGrain<IIdentityGrain>(GrainKeys.IdentityKey).UpdateUser(caller.OrganizationId, id, body ?? new UserChange(), caller.UserId);
        return TypedResults.Ok(Envelope.Of(user));
    }

    private static async Task<Accepted<Envelope<InvitationSent>>> Reinvite(Guid id, ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Accepted((string?)null, Envelope.Of(await grains.GetGrain<IIdentityGrain>(GrainKeys.IdentityKey).Reinvite(CurrentUser.From(principal).OrganizationId, id)));

    private static async Task<Created<Envelope<UserDetails>>> Create(UserDraft body, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var caller = CurrentUser.From(principal);
        var user = await grains.GetGrain<IIdentityGrain>(GrainKeys.IdentityKey).CreateUser(caller.OrganizationId, body);
        return TypedResults.Created($"/api/v1/users/{user.Id}", Envelope.Of(user));
    }
}
