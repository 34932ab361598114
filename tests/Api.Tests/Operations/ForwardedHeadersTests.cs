using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Operations;

/// <summary>
/// Behind a proxy that ends TLS the Api sees plain HTTP; X-Forwarded-Proto from a known proxy says the client's request
/// was HTTPS, so the answer is treated as one (HSTS, a Secure cookie). From anyone else the header is ignored, and with
/// no known proxy at all every forwarded header is (ASP.NET Core believes anyone when its lists are empty).
/// </summary>
[Collection(SharedProduct.Collection)]
public sealed class ForwardedHeadersTests(ForwardedHeadersTests.Host host, SharedProduct shared) : IClassFixture<ForwardedHeadersTests.Host>
{
    [Fact]
    public async Task A_known_proxys_X_Forwarded_Proto_https_makes_the_request_https_and_a_strangers_does_not()
    {
        var proxied = await host.Product.Client().SendAsync(HttpMethod.Get, "/health/live", null, ViaTls);
        // The shared product knows no proxy: loopback is a stranger there.
        var spoofed = await shared.Host.Client().SendAsync(HttpMethod.Get, "/health/live", null, ViaTls);

        Assert.Equal("max-age=31536000; includeSubDomains", proxied.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.False(spoofed.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task With_no_known_proxy_X_Forwarded_For_cannot_choose_the_client_address()
    {
        var signUp = await shared.Host.SignUpAsync();

        var shown = (await shared.Host.ClientFrom("203.0.113.5", signUp.AdminToken).GetAsync($"/api/v1/organizations/{signUp.OrganizationId}/ip-allowlist"))
            .ShouldSucceed().Data;

        Assert.Equal("127.0.0.1", shown.GetProperty("yourAddress").GetString());
    }

    private static void ViaTls(HttpRequestMessage request)
    {
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("X-Forwarded-Proto", "https");
    }

    /// <summary>One product for the class, loopback its only trusted proxy.</summary>
    public sealed class Host : IAsyncLifetime
    {
        public ProductHost Product { get; private set; } = null!;

        public async Task InitializeAsync() => Product = await ProductHost.StartAsync(settings: new Dictionary<string, string?> { ["Api:KnownProxies"] = "127.0.0.1" });

        public async Task DisposeAsync() => await Product.DisposeAsync();
    }
}
