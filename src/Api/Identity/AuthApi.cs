using InventoryProFlow.Api.Hosting;
using InventoryProFlow.Api.Paging;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Identity;
using InventoryProFlow.Contracts.Integrations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryProFlow.Api.Identity;

/// <summary>
/// Sign-in, sign-up, refresh, sign-out and client credentials: the only business endpoints open without a token. A
/// suspended organisation's sign-in, refresh and client-credentials requests get 403 ACCOUNT_SUSPENDED once the
/// credentials prove right, and no token; a refresh or client-credentials request from outside an enforced IP allow-list
/// gets 403 FORBIDDEN, and spends nothing.
/// </summary>
public static class AuthApi
{
    public sealed record LoginRequest(string? Email, string? Password);

    public sealed record RefreshRequest(string? RefreshToken);

    public sealed record VerificationRequest(string? Token);

    public sealed record ResendRequest(string? Email);

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var auth = routes.MapGroup("/api/v1/auth").WithTags("Auth").AllowAnonymous();
        auth.MapPost("/login", Login).LimitAttempts("login", (LoginRequest body) => body.Email).WithName("signIn")
            .ProducesErrors(StatusCodes.Status401Unauthorized).WithSummary("Sign in with email and password");
        auth.MapPost("/register", Register).LimitAttempts("register").WithName("signUp")
            .WithSummary("Sign up a new business and its first admin: a link to verify the email is mailed, and nothing exists until it is followed; the same answer whether or not the email has an account");
        auth.MapPost("/verify-email", VerifyEmail).LimitAttempts("verify-email").WithName("verifyEmail")
            .ProducesErrors(StatusCodes.Status409Conflict)
            .WithSummary("Follow a sign-up's link (token): creates the organisation and its admin and signs the admin in (the body of login); a link works once, until it expires");
        auth.MapPost("/verify-email/resend", ResendVerification).LimitAttempts("verify-email-resend", (ResendRequest body) => body.Email).WithName("resendVerificationEmail")
            .WithSummary("Mail a new verification link for a sign-up still waiting; the same answer whether or not there is one");
        auth.MapPost("/accept-invitation", AcceptInvitation).LimitAttempts("accept-invitation").WithName("acceptInvitation")
            .ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict)
            .WithSummary("Follow an invitation's link (token) and choose a password (optional when the admin chose one): signs the invitee in");
        auth.MapPost("/refresh", Refresh).LimitAttempts("refresh").WithName("refreshToken").ProducesErrors(StatusCodes.Status401Unauthorized)
            .WithSummary("Trade a refresh token for a new access token and a new refresh token; the old one is spent, and spending it again signs that session out everywhere");
        auth.MapPost("/logout", Logout).WithName("signOut").WithSummary("Sign out: the refresh token and every token refreshed from the same sign-in stop working");
        // It reads a form or JSON itself, so the document shows no body for OperationErrors to infer 400 from.
        auth.MapPost("/token", ClientToken).LimitAttempts("token").WithName("issueClientToken")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized)
            .WithSummary("OAuth 2.0 client credentials (grant_type=client_credentials, client_id, client_secret, optional scope) for integration clients; form or JSON");
        routes.MapGet("/.well-known/jwks.json", (SigningKeys keys) => TypedResults.Json(keys.Jwks()))
            .AllowAnonymous().WithTags("Auth").WithName("getJsonWebKeySet").WithSummary("Public keys that verify our access tokens");
        return routes;
    }

    /// <summary>Signs a user in; a wrong email and a wrong password answer the same 401.</summary>
    private static async Task<Ok<Envelope<SignInResponse>>> Login(LoginRequest body, IGrainFactory grains, TokenIssuer tokens)
    {
        var grant = await grains.GetGrain<IIdentityGrain>(GrainKeys.IdentityKey).SignIn(body.Email ?? string.Empty, body.Password ?? string.Empty);
        return TypedResults.Ok(Envelope.Of(await tokens.Issue(grant)));
    }

    /// <summary>Records a sign-up and mails its verification link: 202, whether or not the email has an account.</summary>
    private static async Task<Accepted<Envelope<SignUpAccepted>>> Register(Registration body, IGrainFactory grains) =>
        TypedResults.Accepted((string?)null, Envelope.Of(await grains.GetGrain<IIdentityGrain>(GrainKeys.IdentityKey).Register(body)));

    /// <summary>Creates the organisation (tier starter) and admin of a verified sign-up, and signs the admin in: the seed's sign-up answer.</summary>
    private static async Task<Created<Envelope<SignInResponse>>> VerifyEmail(VerificationRequest? body, IGrainFactory grains, TokenIssuer tokens)
    {
        var grant = await grains.GetGrain<IIdentityGrain>(GrainKeys.IdentityKey).VerifyEmail(body?.Token);
        return TypedResults.Created($"/api/v1/organizations/{grant.User.OrganizationId}", Envelope.Of(await tokens.Issue(grant)));
    }

    private static async Task<Accepted<Envelope<SignUpAccepted>>> ResendVerification(ResendRequest? body, IGrainFactory grains) =>
        TypedResults.Accepted((string?)null, Envelope.Of(await grains.GetGrain<IIdentityGrain>(GrainKeys.IdentityKey).ResendVerification(body?.Email)));

    /// <summary>Accepts an invitation and signs the invitee in: the same body as login.</summary>
    private static async Task<Ok<Envelope<SignInResponse>>> AcceptInvitation(InvitationAcceptance? body, IGrainFactory grains, TokenIssuer tokens)
    {
        var grant = await grains.GetGrain<IIdentityGrain>(GrainKeys.IdentityKey).AcceptInvitation(body ?? new InvitationAcceptance(null, null));
        return TypedResults.Ok(Envelope.Of(await tokens.Issue(grant)));
    }

    private static async Task<Ok<Envelope<SignInResponse>>> Refresh(RefreshRequest? body, HttpContext http, TokenIssuer tokens) =>
        TypedResults.Ok(Envelope.Of(await tokens.Refresh(RequiredToken(body), ClientAddress.Of(http))));

    /// <summary>Always 204 for a well-formed request, so signing out twice, or with a token already gone, is not an error.</summary>
    private static async Task<NoContent> Logout(RefreshRequest? body, TokenIssuer tokens)
    {
        await tokens.Revoke(RequiredToken(body));
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ClientTokenResponse>> ClientToken(HttpRequest request, IGrainFactory grains, TokenIssuer tokens)
    {
        var asked = await ClientCredentials.ReadAsync(request);
        var client = await grains.GetGrain<IIntegrationClientsGrain>(GrainKeys.IdentityKey).Authenticate(asked.ClientId, asked.ClientSecret);
        await grains.GetGrain<IOrganizationGateGrain>(GrainKeys.OrganizationGate(client.OrganizationId)).EnsureAdmitted(ClientAddress.Of(request.HttpContext));
        var scopes = asked.Scopes ?? client.Scopes;
        var refused = scopes.Where(s => !client.Scopes.Contains(s)).ToList();
        if (refused.Count > 0)
        {
            throw new ValidationFailedException(refused.Select(s => new FieldError("scope", $"{s} was not granted to this client.")).ToList());
        }

        return TypedResults.Ok(tokens.IssueForClient(client.Id, client.OrganizationId, scopes));
    }

    private static string RequiredToken(RefreshRequest? body) =>
        body?.RefreshToken is { Length: > 0 and <= 512 } token
            ? token
            : throw new ValidationFailedException([new FieldError("refreshToken", "refreshToken is required: the one from sign-in or the last refresh.")]);
}
