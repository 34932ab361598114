using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using InventoryProFlow.Api.Hosting;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Operations;

/// <summary>
/// The Orleans Dashboard is the operator's: only an admin of the operator's organisation opens a session, and only that
/// session's cookie (not a bearer token, not an access token in its place) opens the pages and their data.
/// </summary>
public sealed class DashboardAccessTests(OperatorProduct product) : IClassFixture<OperatorProduct>
{
    [Fact]
    public async Task Without_a_session_the_data_is_refused_and_a_page_navigation_goes_to_sign_in()
    {
        var data = await product.Dashboard.GetAsync("/dashboard/DashboardCounters");
        var page = await product.Dashboard.SendAsync(Navigation("/dashboard/"));
        var signIn = await product.Dashboard.SendAsync(Navigation("/dashboard/sign-in"));

        Assert.Equal(HttpStatusCode.Unauthorized, data.StatusCode);
        Assert.Equal("UNAUTHORIZED", await ErrorCodeAsync(data));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/dashboard/sign-in", page.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("sign-in.js", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(SecurityHeadersMiddleware.DashboardPolicy, signIn.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory]
    [InlineData("staff")]
    [InlineData("manager")]
    public async Task Staff_and_managers_of_the_operators_organisation_open_no_session(string role)
    {
        var token = await product.TokenOfNewUserAsync(role);

        var session = await product.Host.Client(token).PostAsync("/api/v1/admin/dashboard/session", new { });
        var withBearer = await product.Dashboard.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/dashboard/DashboardCounters")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
        });

        session.ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.False(session.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.Unauthorized, withBearer.StatusCode);
    }

    [Fact]
    public async Task An_operators_session_cookie_opens_the_dashboard_page_and_its_data()
    {
        var cookie = await product.OpenSessionAsync();

        var page = await product.Dashboard.SendAsync(WithCookie("/dashboard/", cookie));
        // The dashboard's collector reads the cluster every few seconds: a fresh host may not have been read yet.
        var counters = await Eventually.Found(async () =>
        {
            var response = await product.Dashboard.SendAsync(WithCookie("/dashboard/DashboardCounters", cookie));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return body.RootElement.GetProperty("totalActiveHostCount").GetInt32() > 0 ? body : null;
        }, "the dashboard's first reading of the cluster");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<title>Orleans Dashboard</title>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(SecurityHeadersMiddleware.DashboardPolicy, page.Headers.GetValues("Content-Security-Policy").Single());
        // Embedded mode: the one silo co-hosted in the Api is the cluster, and it is active.
        using (counters)
        {
            Assert.Equal(1, counters.RootElement.GetProperty("totalActiveHostCount").GetInt32());
        }
    }

    [Fact]
    public async Task The_session_cookie_is_Secure_HttpOnly_SameSite_Strict_short_lived_and_scoped_to_the_dashboard()
    {
        var response = await product.Host.Client(product.OperatorToken).PostAsync("/api/v1/admin/dashboard/session", new { });

        var data = response.ShouldSucceed().Data;
        var setCookie = response.Headers.GetValues("Set-Cookie").Single();
        Assert.Equal("/dashboard/", data.GetProperty("url").GetString());
        Assert.StartsWith("ipf_dashboard=", setCookie, StringComparison.Ordinal);
        Assert.Contains("path=/dashboard", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        // Plain HTTP here, as behind a TLS proxy the product was not told of: outside Development the cookie is Secure all the same.
        Assert.Contains("; secure", setCookie, StringComparison.OrdinalIgnoreCase);
        var lifetime = data.GetProperty("expiresAt").GetDateTime() - DateTime.UtcNow;
        Assert.InRange(lifetime, TimeSpan.Zero, TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task Another_organisations_admin_finds_no_dashboard_and_gets_no_cookie()
    {
        var other = await product.Host.SignUpAsync();

        var response = await product.Host.Client(other.AdminToken).PostAsync("/api/v1/admin/dashboard/session", new { });

        response.ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task An_access_token_put_in_the_cookie_is_no_dashboard_session()
    {
        var forged = await product.Dashboard.SendAsync(WithCookie("/dashboard/DashboardCounters", $"ipf_dashboard={product.OperatorToken}"));

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    private static HttpRequestMessage Navigation(string path) => new(HttpMethod.Get, path) { Headers = { { "Accept", "text/html,application/xhtml+xml" } } };

    private static HttpRequestMessage WithCookie(string path, string cookie) => new(HttpMethod.Get, path) { Headers = { { "Cookie", cookie } } };

    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("error").GetProperty("code").GetString();
    }
}

/// <summary>
/// A product whose operator's organisation is one made in the test: a first start creates it (as a deployment's first
/// start creates the bootstrap admin's), and the product is started again with Operations:OperatorOrganizationId naming it.
/// </summary>
public sealed class OperatorProduct : IAsyncLifetime
{
    public const string OperatorEmail = "operator@example.com";

    public ProductHost Host { get; private set; } = null!;

    public string OperatorToken { get; private set; } = null!;

    /// <summary>A client that keeps no cookies and follows no redirects, so each test says what it sends and sees what it gets.</summary>
    public HttpClient Dashboard { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var dataFolder = Directory.CreateTempSubdirectory("ipf-dashboard-").FullName;
        var first = new Dictionary<string, string?> { ["IPF_ADMIN_EMAIL"] = OperatorEmail };
        Guid organizationId;
        await using (var firstStart = await ProductHost.StartAsync(connectionString, dataFolder, first))
        {
            organizationId = Guid.Parse((await SignInAsync(firstStart)).GetProperty("user").GetProperty("organizationId").GetString()!);
        }

        Host = await ProductHost.StartAsync(connectionString, dataFolder, new Dictionary<string, string?>(first)
        {
            ["Operations:OperatorOrganizationId"] = organizationId.ToString(),
        });
        OperatorToken = (await SignInAsync(Host)).GetProperty("accessToken").GetString()!;
        Dashboard = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = Host.Address };
    }

    /// <summary>Opens a session as the operator's admin; answers the cookie to send back.</summary>
    public async Task<string> OpenSessionAsync()
    {
        var response = (await Host.Client(OperatorToken).PostAsync("/api/v1/admin/dashboard/session", new { })).ShouldSucceed();
        return response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
    }

    /// <summary>Adds a user of a role to the operator's organisation and answers their access token.</summary>
    public async Task<string> TokenOfNewUserAsync(string role)
    {
        var email = $"{role}-{Guid.NewGuid():N}@example.com";
        (await Host.Client(OperatorToken).PostAsync("/api/v1/users", new { email, password = Tenant.Password, firstName = "Pat", lastName = role, role }))
            .ShouldSucceed(HttpStatusCode.Created);
        await Host.AcceptInvitationAsync(email, password: null);
        var login = await Host.Client().PostAsync("/api/v1/auth/login", new { email, password = Tenant.Password });
        return login.ShouldSucceed().Data.GetProperty("accessToken").GetString()!;
    }

    public async Task DisposeAsync()
    {
        Dashboard.Dispose();
        await Host.DisposeAsync();
    }

    private static async Task<JsonElement> SignInAsync(ProductHost host) =>
        (await host.Client().PostAsync("/api/v1/auth/login", new { email = OperatorEmail, password = "Bootstrap-Admin-1" })).ShouldSucceed().Data;
}
