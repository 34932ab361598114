using InventoryProFlow.Api.Operations;
using Scalar.AspNetCore;

namespace InventoryProFlow.Api.Hosting;

/// <summary>
/// Headers that tell a browser to treat our answers as data: not sniffed, framed, cached, referred or given powerful
/// features. They are added as the answer starts, so every answer that passes through the pipeline carries them,
/// errors included (the envelope middleware clears headers, and 401s are written by the bearer challenge).
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>JSON loads nothing, and may be framed by no one.</summary>
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>The web app (src/Web): its scripts and styles are its own files, and it talks only to this origin, live events over WebSockets included.</summary>
    public const string WebAppPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self' ws: wss:; media-src 'self' blob:; manifest-src 'self'; worker-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    /// <summary>The web app's own pages may open the camera, to scan barcodes in count mode; nothing else may.</summary>
    public const string WebAppPermissionsPolicy = "camera=(self), microphone=(), geolocation=(), payment=(), usb=()";

    public const string TransportPolicy = "max-age=31536000; includeSubDomains";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            Apply(context);
            return Task.CompletedTask;
        });
        return next(context);
    }

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        var webApp = context.Items.ContainsKey(WebAppFiles.ItemKey);
        headers["Permissions-Policy"] = webApp ? WebAppPermissionsPolicy : PermissionsPolicy;
        headers.ContentSecurityPolicy = context.Items[ScalarOptions.NonceHttpContextItemKey] is string nonce ? DocsPolicy(nonce)
            : webApp ? WebAppPolicy
            : context.Request.Path.StartsWithSegments(DashboardSessions.Path) ? DashboardPolicy
            : ApiPolicy;
        if (context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = TransportPolicy;
        }

        // Answers name people, stock and money: no browser or proxy keeps them, unless an endpoint chose otherwise.
        if (headers.CacheControl.Count == 0)
        {
            headers.CacheControl = "no-store";
        }
    }

    /// <summary>
    /// The Orleans Dashboard (/dashboard) and its sign-in page: scripts, stylesheets and fonts are files it serves beside
    /// the page; it styles elements inline and draws with data: images and fonts; it only talks to this origin.
    /// </summary>
    public const string DashboardPolicy = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>
    /// The interactive docs page (Scalar at /docs): its scripts are ours (the per-request nonce Scalar puts on each tag,
    /// and the files it serves beside the page), it styles itself inline, and it only talks to this origin.
    /// </summary>
    public static string DocsPolicy(string nonce) =>
        $"default-src 'none'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
}
