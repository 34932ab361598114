using InventoryProFlow.Api.Analytics;
using InventoryProFlow.Api.Catalogue;
using InventoryProFlow.Api.Compliance;
using InventoryProFlow.Api.Errors;
using InventoryProFlow.Api.Identity;
using InventoryProFlow.Api.Integrations;
using InventoryProFlow.Api.Live;
using InventoryProFlow.Api.Menu;
using InventoryProFlow.Api.Notifications;
using InventoryProFlow.Api.Operations;
using InventoryProFlow.Api.Stock;
using InventoryProFlow.Api.Webhooks;
using InventoryProFlow.Grains.Storage;
using InventoryProFlow.Silo.Hosting;
using InventoryProFlow.Silo.Logging;
using InventoryProFlow.Silo.Metrics;
using OpenTelemetry.Metrics;
using Scalar.AspNetCore;
using Serilog;
using Serilog.Context;

namespace InventoryProFlow.Api.Hosting;

/// <summary>Builds the Api process: Program.cs and the integration tests start it the same way.</summary>
public static class ApiApplication
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        // ReadFrom.Services: a sink registered in the container (a test's log catcher) also receives the log. The static
        // logger is left alone, so two hosts in one process (the tests') each log through their own.
        builder.Services.AddSerilog(
            (services, logs) => JsonLogs.Configure(logs, builder.Configuration, "ipf-api").ReadFrom.Services(services), preserveStaticLogger: true);

        var mode = OrleansSettings.From(builder.Configuration).Mode;
        if (mode == OrleansMode.Client)
        {
            builder.AddInventoryClusterClient();
            // Signing keys come from the database, opened with the KEK here: a grain never hands out a private key.
            builder.Services.AddSigningKeyStore(builder.Configuration.PostgresConnectionString());
        }
        else
        {
            builder.AddInventorySilo();
        }

        builder.AddApplicationServices();
        builder.AddMetricsExport("ipf-api", metrics => metrics.AddAspNetCoreInstrumentation());
        var app = builder.Build();
        Configure(app);
        return app;
    }

    /// <summary>Prepares the database (when this process hosts a silo), then starts serving.</summary>
    public static async Task<StartupReport?> StartServingAsync(this WebApplication app)
    {
        var report = OrleansSettings.From(app.Configuration).Mode == OrleansMode.Client
            ? null
            : await app.Services.PrepareDatabaseAsync();
        await app.StartAsync();
        if (report is { DemoSeeded: true })
        {
            await app.Services.WatchDemoComplianceAsync();
        }

        return report;
    }

    private static void Configure(WebApplication app)
    {
        // Before the forwarded-headers step, which replaces the peer: a proxy nobody listed in Api:KnownProxies is worth a warning.
        app.UseMiddleware<UntrustedForwardingWarning>();
        // First: everything after it, rate limits and allow-lists above all, sees the client's address, not the proxy's.
        app.UseForwardedHeaders();
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseCrossOriginRequests();
        app.UseSerilogRequestLogging(options =>
        {
            // This host's logger, not the static one (left alone, see Build).
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            // The request's summary line is written after authentication ran, so it can name the caller.
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                diagnostics.Set("UserId", context.User.FindFirst(ClaimNames.Subject)?.Value);
                diagnostics.Set("OrganizationId", context.User.FindFirst(ClaimNames.Organization)?.Value);
            };
        });
        app.UseMiddleware<ErrorEnvelopeMiddleware>();
        app.UseStatusCodePages(StatusCodeEnvelopes.WriteAsync);
        app.UseWebAppFiles();
        app.UseAuthentication();
        app.Use(async (context, next) =>
        {
            // Log lines of a signed-in request name who and which organisation.
            using (LogContext.PushProperty("UserId", context.User.FindFirst(ClaimNames.Subject)?.Value))
            using (LogContext.PushProperty("OrganizationId", context.User.FindFirst(ClaimNames.Organization)?.Value))
            {
                await next(context);
            }
        });
        app.UseMiddleware<CallerContextMiddleware>();
        app.UseMiddleware<OrganizationGateMiddleware>();
        app.UseAuthorization();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        // A fresh nonce per page for the security headers' policy; fonts and telemetry would reach other hosts, which that policy refuses.
        app.MapScalarApiReference("/docs", options => options.WithTitle("Inventory Pro Flow API").WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .WithNonce().DisableDefaultFonts().DisableTelemetry()).AllowAnonymous();
        app.MapHealthApi();
        app.MapMetricsApi();
        app.MapAuthApi();
        app.MapPasswordApi();
        app.MapNotificationsApi();
        app.MapUsersApi();
        app.MapOrganizationsApi();
        app.MapIpAllowListApi();
        app.MapUsageApi();
        app.MapLocationsApi();
        app.MapSuppliersApi();
        app.MapMenuApi();
        app.MapCountSessionsApi();
        app.MapProductsApi();
        app.MapInventoryApi();
        app.MapTransactionsApi();
        app.MapAdminApi();
        app.MapDashboardApi(app.Configuration);
        app.MapOperatorApi();
        app.MapAuditApi();
        app.MapIntegrationsApi();
        app.MapIntegrationClientsApi();
        app.MapPosSalesApi();
        app.MapWebhooksApi();
        app.MapLicensesApi();
        app.MapReportsApi();
        app.MapSalesAnalyticsApi();
        app.MapShrinkageApi();
        app.MapVarianceApi();
        app.MapForecastApi();
        app.MapFederalRecordsApi();
        // A connection ends when its token does, so a deactivated or demoted user stops hearing events within a token's life
        // (LiveSessionExpiry, on the product's clock; SignalR's CloseOnAuthenticationExpiration reads the machine's).
        app.MapHub<InventoryHub>(InventoryHub.Path);
    }
}
