using InventoryProFlow.Api.Paging;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryProFlow.Api.Identity;

/// <summary>Sign-in and sign-up: the only business endpoints open without a token.</summary>
public static class AuthApi
{
    public sealed record LoginRequest(string? Email, string? Password);

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var auth = routes.MapGroup("/api/v1/auth").WithTags("Auth").AllowAnonymous();
        auth.MapPost("/login", Login).LimitAttempts("login", (LoginRequest body) => body.Email).WithSummary("Sign in with email and password");
        auth.MapPost("/register", Register).LimitAttempts("register").WithSummary("Sign up a new business and its first admin");
        routes.MapGet("/.well-known/jwks.json", (SigningKeys keys) => TypedResults.Json(keys.Jwks()))
            .AllowAnonymous().WithTags("Auth").WithSummary("Public keys that verify our access tokens");
        return routes;
    }

    /// <summary>Signs a user in; a wrong email and a wrong password answer the same 401.</summary>
    private static async Task<Ok<Envelope<SignInResponse>>> Login(LoginRequest body, IGrainFactory grains, TokenIssuer tokens)
    {
        var user = await grains.GetGrain<IIdentityGrain>(GrainKeys.IdentityKey).SignIn(body.Email ?? string.Empty, body.Password ?? string.Empty);
        return TypedResults.Ok(Envelope.Of(await tokens.Issue(user)));
    }

    /// <summary>Creates an organisation (tier starter) and its admin, and signs the admin in.</summary>
    private static async Task<Created<Envelope<SignInResponse>>> Register(Registration body, IGrainFactory grains, TokenIssuer tokens)
    {
        var user = await grains.GetGrain<IIdentityGrain>(GrainKeys.IdentityKey).Register(body);
        return TypedResults.Created($"/api/v1/organizations/{user.OrganizationId}", Envelope.Of(await tokens.Issue(user)));
    }
}
