using InventoryProFlow.Api.Errors;
using InventoryProFlow.Api.Identity;
using InventoryProFlow.Api.Live;
using InventoryProFlow.Api.Operations;
using InventoryProFlow.Contracts.Errors;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;

namespace InventoryProFlow.Api.Hosting;

public static class ApiServices
{
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    /// <summary>Everything the Api adds to the container: JSON, auth, OpenAPI, health, limits.</summary>
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // The same one clock as the silo's (GrainServices); a test's own clock, registered first, wins.
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<JsonOptions>(options => ApiJson.Configure(options.SerializerOptions));
        // Binding failures (bad JSON, wrong types, oversize bodies) reach our error envelope instead of an empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddSingleton(Exports.ExportLimits.From(builder.Configuration));
        services.AddSingleton(Integrations.PosRefusalPause.From(builder.Configuration));
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Limits.MaxRequestBodySize = builder.Configuration.GetValue("Api:MaxRequestBodyBytes", DefaultMaxRequestBodyBytes));
        builder.HardenKestrel();
        builder.AddCrossOriginRequests();

        // The framework's own keys (antiforgery, cookies) live beside ours instead of in a temp folder.
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(SigningKeys.DataFolder(builder.Configuration), "keys", "data-protection")));
        services.AddSingleton<SigningKeys>();
        services.AddHostedService(provider => provider.GetRequiredService<SigningKeys>());
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, GuardHandler>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<SigningKeys, TimeProvider>(ConfigureBearer);
        Policies.Add(services.AddAuthorizationBuilder());
        builder.AddDashboardSessions();
        services.AddClientAddresses(builder.Configuration);

        services.AddLiveEvents(builder.Configuration);

        services.AddOpenApi(options => options
            .AddDocumentTransformer<DocumentDescription>()
            .AddDocumentTransformer<BearerSecurityScheme>()
            .AddDocumentTransformer<ErrorEnvelopeSchema>()
            .AddOperationTransformer<OperationGuards>()
            .AddOperationTransformer<OperationIds>()
            .AddOperationTransformer<OperationErrors>()
            .AddSchemaTransformer<ConvertedTypeSchemas>()
            .AddSchemaTransformer<OptionalNullableMembers>());
        services.AddHealthChecks().AddCheck<SiloAndDatabaseCheck>("silo-and-database", tags: [HealthApi.ReadyTag]);
        return builder;
    }

    private static void ConfigureBearer(JwtBearerOptions options, SigningKeys keys, TimeProvider time)
    {
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = TokenIssuer.Issuer,
            ValidAudience = TokenIssuer.Audience,
            // Resolved per token, so a key that joined the ring since start-up verifies without a restart.
            IssuerSigningKeyResolver = (_, _, _, _) => keys.Verifiers,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            NameClaimType = ClaimNames.Subject,
            RoleClaimType = ClaimNames.Role,
            ClockSkew = SigningKeys.ClockSkew,
            LifetimeValidator = TokenLifetime.By(time),
        };
        options.Events = new JwtBearerEvents
        {
            // Browsers cannot set headers on a WebSocket: the hub takes the token from the query string, as ASP.NET Core documents.
            OnMessageReceived = context =>
            {
                if (context.HttpContext.Request.Path.StartsWithSegments(InventoryHub.Path) && context.Request.Query["access_token"] is [{ Length: > 0 } token])
                {
                    context.Token = token;
                }

                return Task.CompletedTask;
            },
            // A well-signed token must still name a user, an organisation and a known role.
            OnTokenValidated = context =>
            {
                if (context.Principal is null || !CurrentUser.TryFrom(context.Principal, out _))
                {
                    context.Fail("The token lacks a valid sub, org or role claim.");
                }

                return Task.CompletedTask;
            },
            OnChallenge = context =>
            {
                context.HandleResponse();
                var (code, message) = context.AuthenticateFailure switch
                {
                    SecurityTokenExpiredException => (ErrorCodes.TokenExpired, "The access token has expired: refresh it or sign in again."),
                    not null => (ErrorCodes.InvalidToken, "The access token is not valid."),
                    _ => (ErrorCodes.Unauthorized, "Sign in first: this request needs a Bearer token."),
                };
                return ErrorResponses.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, code, message);
            },
            OnForbidden = context =>
                ErrorResponses.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "Your role may not do this."),
        };
    }
}
