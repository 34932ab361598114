using InventoryProFlow.Api.Errors;

namespace InventoryProFlow.Api.Hosting;

/// <summary>
/// Which browser origins (a web app on its own domain) may call the Api: only those listed in Api:CorsOrigins, as a
/// comma-separated string or an array. None listed (the default): no CORS headers at all, so browsers allow same-origin
/// calls only. Listed origins may send credentials, which SignalR's negotiate request needs.
/// </summary>
public static class CrossOriginRequests
{
    public const string Setting = "Api:CorsOrigins";
    public const string PolicyName = "configured-origins";

    /// <summary>What a browser client sends besides the simple headers: the token, JSON, and our own idempotency and correlation headers; SignalR's client adds the last two.</summary>
    public static readonly string[] AllowedHeaders = ["Authorization", "Content-Type", "Idempotency-Key", RequestIdMiddleware.Header, "X-Requested-With", "X-SignalR-User-Agent"];

    /// <summary>Headers a cross-origin script may read: the request id to quote, and when to retry after a rate limit.</summary>
    public static readonly string[] ExposedHeaders = [RequestIdMiddleware.Header, "Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", Identity.OrganizationGateMiddleware.SubscriptionStatusHeader];

    public static WebApplicationBuilder AddCrossOriginRequests(this WebApplicationBuilder builder)
    {
        var origins = Origins(builder.Configuration);
        if (origins.Count > 0)
        {
            builder.Services.AddCors(options => options.AddPolicy(PolicyName, policy => policy
                .WithOrigins([.. origins])
                .WithHeaders(AllowedHeaders)
                .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
                .WithExposedHeaders(ExposedHeaders)
                .AllowCredentials()
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        }

        return builder;
    }

    /// <summary>Answers preflights and marks allowed answers; before authentication, since a preflight carries no token.</summary>
    public static WebApplication UseCrossOriginRequests(this WebApplication app)
    {
        if (Origins(app.Configuration).Count > 0)
        {
            app.UseCors(PolicyName);
        }

        return app;
    }

    /// <summary>The configured origins as a browser sends them (scheme://host[:port]); a malformed one stops start-up.</summary>
    public static IReadOnlyList<string> Origins(IConfiguration configuration)
    {
        var section = configuration.GetSection(Setting);
        var listed = (section.Value ?? string.Empty).Split(',')
            .Concat(section.GetChildren().Select(child => child.Value ?? string.Empty))
            .Select(origin => origin.Trim())
            .Where(origin => origin.Length > 0);
        return listed.Select(Origin).Distinct(StringComparer.Ordinal).ToList();
    }

    private static string Origin(string configured)
    {
        // A wildcard cannot go with credentials, and a path or query never appears in an Origin header.
        if (!Uri.TryCreate(configured, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0 || configured.Contains('*', StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{Setting}: \"{configured}\" is not an origin such as https://app.example.com (scheme, host and optional port; no path or wildcard).");
        }

        return uri.GetLeftPart(UriPartial.Authority);
    }
}
