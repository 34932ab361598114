using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace InventoryProFlow.Api.Hosting;

/// <summary>
/// Serves the built web app (src/Web, built by `make run` into src/Api/wwwroot or the folder in <c>Web:Root</c>)
/// and answers deep links such as /inventory with its index.html. Paths owned by the Api never fall back,
/// so an unknown /api route still gets the JSON NOT_FOUND envelope.
/// </summary>
public static class WebAppFiles
{
    /// <summary>Set on a request whose answer is one of the web app's files, so it gets <see cref="SecurityHeadersMiddleware.WebAppPolicy"/>.</summary>
    public const string ItemKey = "ipf.web-app";

    private static readonly string[] ApiPrefixes = ["/api", "/hubs", "/health", "/openapi", "/docs", "/dashboard", "/metrics"];

    /// <summary>The folder holding index.html: <c>Web:Root</c> when set, else wwwroot beside the content root.</summary>
    public static string Root(WebApplication app)
    {
        var configured = app.Configuration["Web:Root"];
        return string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(app.Environment.ContentRootPath, "wwwroot")
            : Path.GetFullPath(configured, app.Environment.ContentRootPath);
    }

    public static void UseWebAppFiles(this WebApplication app)
    {
        var root = Root(app);
        // Built lazily: the folder may appear after the Api started (a web build running beside it).
        var files = new Lazy<PhysicalFileProvider?>(() => Directory.Exists(root) ? new PhysicalFileProvider(root) : null);
        app.Use(async (context, next) =>
        {
            if (files.Value is not { } provider || context.GetEndpoint() is not null || !IsRead(context.Request) || IsApiPath(context.Request.Path))
            {
                await next(context);
                return;
            }

            var path = context.Request.Path.Value ?? "/";
            var file = provider.GetFileInfo(path);
            if (file is not { Exists: true, IsDirectory: false })
            {
                // A missing asset is a 404 (an old page asking for a chunk a deploy replaced); any other path is a screen of the app.
                if (Path.HasExtension(path))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }

                if (!provider.GetFileInfo("/index.html").Exists)
                {
                    await next(context);
                    return;
                }

                path = "/index.html";
                file = provider.GetFileInfo(path);
            }

            await SendAsync(context, provider, file, path);
        });
    }

    // Brotli first: a third smaller than gzip on the app's scripts; both are written beside each file at build time.
    private static readonly (string Encoding, string Suffix)[] Precompressed = [("br", ".br"), ("gzip", ".gz")];

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private static async Task SendAsync(HttpContext context, IFileProvider provider, IFileInfo file, string path)
    {
        context.Items[ItemKey] = true;
        context.Response.ContentType = ContentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream";
        if (Compressed(context.Request, provider, path) is { } variant)
        {
            file = variant.File;
            context.Response.Headers.ContentEncoding = variant.Encoding;
        }

        context.Response.Headers.Vary = "Accept-Encoding";
        context.Response.ContentLength = file.Length;
        // Vite names built assets by content hash, so they never change; index.html must always be fresh.
        context.Response.Headers.CacheControl = path.StartsWith("/assets/", StringComparison.Ordinal)
            ? "public, max-age=31536000, immutable"
            : "no-cache";
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        await context.Response.SendFileAsync(file, context.RequestAborted);
    }

    /// <summary>The smaller copy of the file that the browser accepts, when the build wrote one.</summary>
    private static (string Encoding, IFileInfo File)? Compressed(HttpRequest request, IFileProvider provider, string path)
    {
        var accepted = request.GetTypedHeaders().AcceptEncoding;
        foreach (var (encoding, suffix) in Precompressed)
        {
            var wanted = accepted.Any(a => string.Equals(a.Value.Value, encoding, StringComparison.OrdinalIgnoreCase) && a.Quality is not 0);
            if (wanted && provider.GetFileInfo(path + suffix) is { Exists: true, IsDirectory: false } copy)
            {
                return (encoding, copy);
            }
        }

        return null;
    }

    private static bool IsRead(HttpRequest request) => HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);

    private static bool IsApiPath(PathString path) =>
        ApiPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
}
