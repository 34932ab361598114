using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using InventoryProFlow.Api.Hosting;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Operations;

/// <summary>Every answer tells the browser to treat it as data; Kestrel names no software and refuses oversize request heads.</summary>
[Collection(SharedProduct.Collection)]
public sealed partial class SecurityHeadersTests(SharedProduct product)
{
    [Fact]
    public async Task A_200_from_an_anonymous_endpoint_carries_the_headers()
    {
        var response = await product.Host.Client().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        AssertHardened(response.Headers);
    }

    [Fact]
    public async Task A_200_with_a_signed_in_callers_data_carries_the_headers()
    {
        var tenant = await product.NewTenantAsync();

        var response = (await tenant.Admin.GetAsync("/api/v1/products")).ShouldSucceed();

        AssertHardened(response.Headers);
    }

    [Fact]
    public async Task A_404_carries_the_headers()
    {
        var tenant = await product.NewTenantAsync();

        var response = (await tenant.Admin.GetAsync($"/api/v1/products/{Guid.NewGuid()}")).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");

        AssertHardened(response.Headers);
    }

    [Fact]
    public async Task A_404_for_an_unknown_route_carries_the_headers()
    {
        var tenant = await product.NewTenantAsync();

        var response = (await tenant.Admin.GetAsync("/api/v1/no-such-thing")).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");

        AssertHardened(response.Headers);
    }

    [Fact]
    public async Task A_401_written_by_the_bearer_challenge_carries_the_headers()
    {
        var response = (await product.Host.Client().GetAsync("/api/v1/products")).ShouldFail(HttpStatusCode.Unauthorized, "UNAUTHORIZED");

        AssertHardened(response.Headers);
    }

    [Fact]
    public async Task A_400_thrown_by_a_rule_carries_the_headers()
    {
        var response = (await product.Host.Client().PostAsync("/api/v1/auth/login", new { })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        AssertHardened(response.Headers);
    }

    [Fact]
    public async Task A_413_for_an_oversize_body_carries_the_envelope_and_the_headers()
    {
        var tenant = await product.NewTenantAsync();
        var body = new StringContent("{\"name\":\"" + new string('x', 2 * 1024 * 1024) + "\"}", System.Text.Encoding.UTF8, "application/json");

        // Expect: 100-continue lets the server refuse before the client has pushed 2 MB into a closed socket.
        var response = (await tenant.Admin.SendAsync(HttpMethod.Post, "/api/v1/suppliers", body, r => r.Headers.ExpectContinue = true))
            .ShouldFail(HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE");

        AssertHardened(response.Headers);
    }

    [Fact]
    public async Task The_docs_page_gets_a_policy_that_lets_only_its_own_nonced_scripts_run()
    {
        using var http = new HttpClient { BaseAddress = product.Host.Address };

        using var response = await http.GetAsync("/docs/");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = NonceSource().Match(policy).Groups[1].Value;
        Assert.True(nonce.Length >= 16, policy);
        Assert.Equal(SecurityHeadersMiddleware.DocsPolicy(nonce), policy);
        var scripts = ScriptTag().Matches(page);
        Assert.NotEmpty(scripts);
        Assert.All(scripts, tag => Assert.Contains($"nonce=\"{nonce}\"", tag.Value, StringComparison.Ordinal));
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());

        using var again = await http.GetAsync("/docs/");
        Assert.NotEqual(policy, again.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task No_answer_names_the_server_software()
    {
        using var http = new HttpClient { BaseAddress = product.Host.Address };

        using var response = await http.GetAsync("/health/live");

        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Plain_http_gets_no_transport_security_header()
    {
        var response = await product.Host.Client().GetAsync("/health/live");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task A_request_line_longer_than_8_KB_is_414()
    {
        using var http = new HttpClient { BaseAddress = product.Host.Address };

        using var response = await http.GetAsync("/api/v1/products?q=" + new string('a', KestrelHardening.MaxRequestLineBytes));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
    }

    [Fact]
    public async Task Request_headers_over_32_KB_are_431()
    {
        using var http = new HttpClient { BaseAddress = product.Host.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Padding", new string('a', KestrelHardening.MaxRequestHeadersBytes));

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Without_configured_origins_a_preflight_gets_no_cors_headers()
    {
        var response = await CrossOriginTests.Preflight(product.Host, "https://app.example.com", "/api/v1/products", "GET", "authorization");

        Assert.DoesNotContain(response.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
    }

    private static void AssertHardened(HttpResponseHeaders headers)
    {
        Assert.Equal("nosniff", headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", headers.GetValues("Referrer-Policy").Single());
        Assert.Equal(SecurityHeadersMiddleware.ApiPolicy, headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(SecurityHeadersMiddleware.PermissionsPolicy, headers.GetValues("Permissions-Policy").Single());
        // Health checks add no-cache of their own; what matters is that nothing is stored.
        Assert.True(headers.CacheControl!.NoStore, headers.CacheControl.ToString());
        Assert.False(headers.Contains("Server"));
        Assert.Single(headers.GetValues("X-Request-Id"));
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceSource();

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();
}
