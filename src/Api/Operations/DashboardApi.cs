using System.Security.Claims;
using InventoryProFlow.Api.Errors;
using InventoryProFlow.Api.Identity;
using InventoryProFlow.Api.Paging;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Silo.Hosting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Dashboard;

namespace InventoryProFlow.Api.Operations;

/// <summary>A dashboard session just opened: where the dashboard is, and when the cookie ends.</summary>
public sealed record DashboardSession(string Url, DateTime ExpiresAt);

/// <summary>
/// The Orleans Dashboard at /dashboard, for operators only: admins of the operator's organisation open a session with
/// their bearer token (POST /api/v1/admin/dashboard/session), which sets the cookie the dashboard's pages and data
/// answer to. Without it a page navigation goes to /dashboard/sign-in, anything else gets 401.
/// </summary>
public static class DashboardApi
{
    public static WebApplicationBuilder AddDashboardSessions(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PlatformOperator>();
        builder.Services.AddSingleton<DashboardSessions>();
        builder.Services.AddSingleton<IAuthorizationHandler, DashboardOperatorHandler>();
        builder.Services.AddAuthentication().AddJwtBearer(DashboardSessions.Scheme);
        builder.Services.AddOptions<JwtBearerOptions>(DashboardSessions.Scheme).Configure<SigningKeys>((options, keys) =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = DashboardSessions.Validation(keys);
            options.Events = new JwtBearerEvents
            {
                // The dashboard never reads the Authorization header: only its own cookie.
                OnMessageReceived = context =>
                {
                    context.Token = context.Request.Cookies[DashboardSessions.CookieName];
                    return Task.CompletedTask;
                },
                OnChallenge = context =>
                {
                    context.HandleResponse();
                    if (context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
                    {
                        context.Response.Redirect($"{context.Request.PathBase}{DashboardSessions.Path}/sign-in");
                        return Task.CompletedTask;
                    }

                    return ErrorResponses.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized,
                        "Open a dashboard session first: an operator's POST /api/v1/admin/dashboard/session, or sign in at /dashboard/sign-in.");
                },
                OnForbidden = context => ErrorResponses.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, ErrorCodes.Forbidden,
                    "The cluster dashboard is for admins of the operator's organisation."),
            };
        });
        builder.Services.AddAuthorizationBuilder().AddPolicy(DashboardSessions.Policy, policy => policy
            .AddAuthenticationSchemes(DashboardSessions.Scheme).RequireAuthenticatedUser().AddRequirements(new DashboardOperator()));
        return builder;
    }

    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder routes, IConfiguration configuration)
    {
        // Made now, so a bad Operations:OperatorOrganizationId stops start-up instead of failing the first operator.
        routes.ServiceProvider.GetRequiredService<DashboardSessions>();
        routes.MapGroup("/api/v1/admin/dashboard").WithTags("Admin").RequireAuthorization(Policies.Admin)
            .MapPost("/session", Open)
            .WithSummary("Open the Orleans Dashboard in this browser: a 15-minute HttpOnly cookie for /dashboard. Operators only: " +
                "admins of the operator's organisation (Operations__OperatorOrganizationId); other organisations get 404.");
        if (!ClusterDashboard.Enabled(configuration))
        {
            return routes;
        }

        routes.MapGet($"{DashboardSessions.Path}/sign-in", () => TypedResults.Text(DashboardSignInPage.Html, "text/html; charset=utf-8"))
            .AllowAnonymous().ExcludeFromDescription();
        routes.MapGet($"{DashboardSessions.Path}/sign-in.js", () => TypedResults.Text(DashboardSignInPage.Script, "text/javascript; charset=utf-8"))
            .AllowAnonymous().ExcludeFromDescription();
        routes.MapOrleansDashboard(DashboardSessions.Path).RequireAuthorization(DashboardSessions.Policy).ExcludeFromDescription();
        return routes;
    }

    private static Ok<Envelope<DashboardSession>> Open(ClaimsPrincipal principal, HttpContext context, DashboardSessions sessions, IConfiguration configuration)
    {
        var caller = CurrentUser.From(principal);
        // For a tenant's admin the cluster's dashboard does not exist: 404, as for any record of another organisation.
        if (!ClusterDashboard.Enabled(configuration) || !sessions.IsOperator(caller))
        {
            throw new NotFoundException("There is no cluster dashboard for your organisation: it belongs to the operator's organisation.");
        }

        var expiresAt = sessions.Open(caller, context);
        return TypedResults.Ok(Envelope.Of(new DashboardSession($"{context.Request.PathBase}{DashboardSessions.Path}/", expiresAt.UtcDateTime)));
    }
}

/// <summary>The dashboard's guard: its session names an admin of the operator's organisation (checked again, in case the setting changed).</summary>
public sealed record DashboardOperator : IAuthorizationRequirement;

public sealed class DashboardOperatorHandler(DashboardSessions sessions) : AuthorizationHandler<DashboardOperator>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, DashboardOperator requirement)
    {
        if (CurrentUser.TryFrom(context.User, out var caller) && sessions.IsOperator(caller))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
