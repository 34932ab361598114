using System.Net;
using InventoryProFlow.Api.Hosting;
using InventoryProFlow.Api.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace InventoryProFlow.Api.Tests.Operations;

/// <summary>Browsers on the origins in Api:CorsOrigins may call the Api (with credentials, as SignalR needs); no other origin may.</summary>
public sealed class CrossOriginTests(CrossOriginTests.ProductWithOrigins product) : IClassFixture<CrossOriginTests.ProductWithOrigins>
{
    private const string WebApp = "https://app.example.com";
    private const string BackOffice = "https://office.example.com:8443";

    [Fact]
    public async Task A_preflight_from_a_configured_origin_is_allowed_with_credentials()
    {
        var response = await Preflight(product.Host, WebApp, "/api/v1/products", "POST", "authorization,content-type");

        Assert.Equal(HttpStatusCode.NoContent, response.Status);
        Assert.Equal(WebApp, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("true", Header(response, "Access-Control-Allow-Credentials"));
        var allowed = Header(response, "Access-Control-Allow-Headers")!.ToLowerInvariant().Split(',');
        Assert.Contains("authorization", allowed);
        Assert.Contains("content-type", allowed);
        Assert.Contains("POST", Header(response, "Access-Control-Allow-Methods")!.Split(','));
        Assert.Equal("600", Header(response, "Access-Control-Max-Age"));
    }

    [Fact]
    public async Task The_second_origin_of_the_list_is_allowed_too()
    {
        var response = await Preflight(product.Host, BackOffice, "/api/v1/products", "GET", "authorization");

        Assert.Equal(BackOffice, Header(response, "Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("https://evil.example.com")]
    [InlineData("http://app.example.com")]
    [InlineData("https://app.example.com.evil.example")]
    [InlineData("null")]
    public async Task A_preflight_from_any_other_origin_gets_no_permission(string origin)
    {
        var response = await Preflight(product.Host, origin, "/api/v1/products", "POST", "authorization,content-type");

        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
        Assert.Null(Header(response, "Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task A_header_outside_the_list_is_not_allowed()
    {
        var response = await Preflight(product.Host, WebApp, "/api/v1/products", "GET", "x-custom-header");

        // The answer lists what is allowed; the browser refuses the request because its header is not among them.
        Assert.DoesNotContain("x-custom-header", (Header(response, "Access-Control-Allow-Headers") ?? string.Empty).ToLowerInvariant().Split(','));
    }

    [Fact]
    public async Task SignalRs_negotiate_preflight_is_allowed_with_credentials()
    {
        var response = await Preflight(product.Host, WebApp, "/hubs/inventory/negotiate?negotiateVersion=1", "POST", "authorization,x-requested-with,x-signalr-user-agent");

        Assert.Equal(WebApp, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("true", Header(response, "Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task An_error_answer_to_a_configured_origin_is_readable_with_its_request_and_rate_limit_headers()
    {
        var response = (await product.Host.Client().SendAsync(HttpMethod.Get, "/api/v1/products", null, r => r.Headers.Add("Origin", WebApp)))
            .ShouldFail(HttpStatusCode.Unauthorized, "UNAUTHORIZED");

        Assert.Equal(WebApp, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal(
            ["x-request-id", "retry-after", "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset", "x-subscription-status"],
            Header(response, "Access-Control-Expose-Headers")!.ToLowerInvariant().Split(','));
    }

    [Theory]
    [InlineData("https://a.example, https://b.example:8443/", new[] { "https://a.example", "https://b.example:8443" })]
    [InlineData("", new string[0])]
    public void Origins_are_read_from_a_comma_separated_setting(string setting, string[] origins)
    {
        Assert.Equal(origins, CrossOriginRequests.Origins(Configuration(new() { [CrossOriginRequests.Setting] = setting })));
    }

    [Fact]
    public void Origins_are_read_from_an_array_setting()
    {
        var configuration = Configuration(new()
        {
            [CrossOriginRequests.Setting + ":0"] = "https://a.example",
            [CrossOriginRequests.Setting + ":1"] = "https://B.example",
        });

        Assert.Equal(["https://a.example", "https://b.example"], CrossOriginRequests.Origins(configuration));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("https://*.example.com")]
    [InlineData("app.example.com")]
    [InlineData("https://app.example.com/path")]
    [InlineData("ftp://app.example.com")]
    public void A_setting_that_is_not_an_origin_stops_start_up(string setting)
    {
        var error = Assert.Throws<InvalidOperationException>(() => CrossOriginRequests.Origins(Configuration(new() { [CrossOriginRequests.Setting] = setting })));

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    internal static Task<ApiResponse> Preflight(ProductHost host, string origin, string path, string method, string headers) =>
        host.Client().SendAsync(HttpMethod.Options, path, null, request =>
        {
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", method);
            request.Headers.Add("Access-Control-Request-Headers", headers);
        });

    // A list-valued header may arrive as one value or several, with or without spaces.
    internal static string? Header(ApiResponse response, string name) =>
        response.Headers.TryGetValues(name, out var values)
            ? string.Join(',', values.SelectMany(v => v.Split(',')).Select(v => v.Trim()))
            : null;

    /// <summary>The product allowing a web app and a back office (SecurityHeadersTests checks the default, no origins).</summary>
    public sealed class ProductWithOrigins : IAsyncLifetime
    {
        public ProductHost Host { get; private set; } = null!;

        public async Task InitializeAsync() =>
            Host = await ProductHost.StartAsync(settings: new Dictionary<string, string?> { [CrossOriginRequests.Setting] = $"{WebApp}, {BackOffice}" });

        public Task DisposeAsync() => Host.DisposeAsync().AsTask();
    }
}
