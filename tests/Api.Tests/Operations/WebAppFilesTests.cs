using System.Net;
using InventoryProFlow.Api.Hosting;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Operations;

/// <summary>
/// The Api serves the web app's build: screens by deep link, hashed assets cached for good, the service worker and
/// index.html always fresh, and never an app page where the Api owns the path.
/// </summary>
public sealed class WebAppFilesTests(WebAppFilesTests.ProductWithWebApp product) : IClassFixture<WebAppFilesTests.ProductWithWebApp>
{
    private HttpClient Http => new() { BaseAddress = product.Host.Address };

    [Theory]
    [InlineData("/")]
    [InlineData("/count")]
    [InlineData("/inventory/anything/deep")]
    public async Task A_screen_is_answered_with_the_app_and_its_own_policies(string path)
    {
        var response = await Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("<!doctype html><div id=root></div>", await response.Content.ReadAsStringAsync());
        Assert.Equal(SecurityHeadersMiddleware.WebAppPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        // Count mode scans barcodes with the camera; the Api's JSON answers still give no one the camera.
        Assert.Equal(SecurityHeadersMiddleware.WebAppPermissionsPolicy, response.Headers.GetValues("Permissions-Policy").Single());
        Assert.True(response.Headers.CacheControl!.NoCache);
    }

    [Fact]
    public async Task Hashed_assets_are_kept_for_a_year_and_the_service_worker_never()
    {
        var asset = await Http.GetAsync("/assets/index-AbC123.js");
        var worker = await Http.GetAsync("/sw.js");
        var manifest = await Http.GetAsync("/manifest.webmanifest");

        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal("text/javascript", asset.Content.Headers.ContentType!.MediaType);
        Assert.Equal(TimeSpan.FromDays(365), asset.Headers.CacheControl!.MaxAge);
        Assert.True(worker.Headers.CacheControl!.NoCache);
        Assert.Equal("application/manifest+json", manifest.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("/assets/index-AbC123.js", "br, gzip", "br", "brotli bytes")]
    [InlineData("/assets/index-AbC123.js", "gzip, deflate", "gzip", "gzip bytes")]
    [InlineData("/assets/index-AbC123.js", "br;q=0, gzip", "gzip", "gzip bytes")]
    [InlineData("/assets/index-AbC123.js", "", null, "console.log(1)")]
    [InlineData("/count", "gzip, deflate, br", "br", "brotli page")]
    [InlineData("/sw.js", "br", null, "self.addEventListener('fetch', () => {})")]
    public async Task A_file_goes_out_in_the_smallest_form_the_browser_accepts(string path, string accepts, string? encoding, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accepts.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", accepts);
        }

        var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(encoding is null ? [] : [encoding], response.Content.Headers.ContentEncoding);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Equal(path == "/count" ? "text/html" : "text/javascript", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_missing_asset_is_404_and_an_unknown_api_path_keeps_the_json_envelope()
    {
        var asset = await Http.GetAsync("/assets/gone-123.js");
        var api = await product.Host.Client().GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, asset.StatusCode);
        // Not the app's index.html: the Api's own answer (a stranger is asked to sign in first).
        Assert.False(api.Body.GetProperty("success").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, api.Status);
        Assert.Equal(SecurityHeadersMiddleware.PermissionsPolicy, api.Headers.GetValues("Permissions-Policy").Single());
    }

    /// <summary>The product serving a small stand-in build from a folder of its own.</summary>
    public sealed class ProductWithWebApp : IAsyncLifetime
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "ipf-web-" + Guid.NewGuid().ToString("N"));

        public ProductHost Host { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(Path.Combine(_root, "assets"));
            await File.WriteAllTextAsync(Path.Combine(_root, "index.html"), "<!doctype html><div id=root></div>");
            await File.WriteAllTextAsync(Path.Combine(_root, "assets", "index-AbC123.js"), "console.log(1)");
            // As the build writes them: the same script compressed beside it (their bytes here only tell them apart).
            await File.WriteAllTextAsync(Path.Combine(_root, "assets", "index-AbC123.js.br"), "brotli bytes");
            await File.WriteAllTextAsync(Path.Combine(_root, "assets", "index-AbC123.js.gz"), "gzip bytes");
            await File.WriteAllTextAsync(Path.Combine(_root, "index.html.br"), "brotli page");
            await File.WriteAllTextAsync(Path.Combine(_root, "sw.js"), "self.addEventListener('fetch', () => {})");
            await File.WriteAllTextAsync(Path.Combine(_root, "manifest.webmanifest"), "{\"name\":\"Inventory Pro Flow\"}");
            Host = await ProductHost.StartAsync(settings: new Dictionary<string, string?> { ["Web:Root"] = _root });
        }

        public async Task DisposeAsync()
        {
            await Host.DisposeAsync();
            Directory.Delete(_root, recursive: true);
        }
    }
}
