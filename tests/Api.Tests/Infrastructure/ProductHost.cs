using InventoryProFlow.Api.Hosting;
using InventoryProFlow.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InventoryProFlow.Api.Tests.Infrastructure;

/// <summary>
/// The whole product in this process, as `make run` starts it: Kestrel on a free loopback port,
/// a co-hosted silo, a real PostgreSQL database. Tests talk to it over real HTTP.
/// </summary>
public sealed class ProductHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ProductHost(WebApplication app, Uri address, string connectionString, string dataFolder, StartupReport? report)
    {
        _app = app;
        Address = address;
        ConnectionString = connectionString;
        DataFolder = dataFolder;
        Report = report;
    }

    public Uri Address { get; }

    public string ConnectionString { get; }

    public string DataFolder { get; }

    public StartupReport? Report { get; }

    public Database Database => new(ConnectionString);

    /// <summary>The process's services, for tests that ask the silo or the node itself (its view of the cluster, its signing keys).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The co-hosted silo's grains, for tests that must reach past HTTP (to end an activation, say).</summary>
    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    public static async Task<ProductHost> StartAsync(
        string? connectionString = null,
        string? dataFolder = null,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        TestClock? clock = null)
    {
        connectionString ??= await TestPostgres.CreateDatabaseAsync();
        dataFolder ??= Directory.CreateTempSubdirectory("ipf-test-").FullName;
        var configuration = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = connectionString,
            ["IPF_DATA_DIR"] = dataFolder,
            ["Secrets:KeyEncryptionKey"] = TestSecrets.KeyEncryptionKey,
            ["Orleans:SiloPort"] = Loopback.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = Loopback.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:ClusterId"] = "test-" + Guid.NewGuid().ToString("N")[..8],
            // Cheaper hashing keeps the suite quick; the algorithm and code path are the production ones.
            ["Identity:PasswordHashIterations"] = "10000",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["IPF_ADMIN_PASSWORD"] = "Bootstrap-Admin-1",
            // Receivers in the tests listen on loopback, and retries come quickly.
            ["Webhooks:AllowPrivateAddresses"] = "true",
            ["Webhooks:RetryBaseSeconds"] = "0.2",
            ["Webhooks:PollSeconds"] = "0.1",
            // The suite signs in hundreds of times from 127.0.0.1 and sells a thousand times in one organisation;
            // the rate limits' own tests set the limits they test.
            ["RateLimits:SignInAttemptsPerMinute"] = "unlimited",
            ["RateLimits:StarterCallsPerHour"] = "unlimited",
            ["RateLimits:HeavyRequestsPerMinute"] = "unlimited",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var app = ApiApplication.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(configuration);
            clock?.Install(builder.Services);
            services?.Invoke(builder.Services);
        });
        var report = await app.StartServingAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ProductHost(app, new Uri(address), connectionString, dataFolder, report);
    }

    /// <summary>Signs up a new business with a unique email: its owner's email, organisation id and access token.</summary>
    public async Task<(string Email, Guid OrganizationId, string Token)> RegisterOwnerAsync(string organizationName = "Test Bar", string businessType = "bar")
    {
        var email = $"owner-{Guid.NewGuid():N}@example.com";
        var data = (await Client().PostAsync("/api/v1/auth/register", new
        {
            organizationName,
            businessType,
            email,
            password = Tenant.Password,
            firstName = "Olive",
            lastName = "Owner",
        })).ShouldSucceed(System.Net.HttpStatusCode.Created).Data;
        return (email, Guid.Parse(data.GetProperty("user").GetProperty("organizationId").GetString()!), data.GetProperty("accessToken").GetString()!);
    }

    public ApiClient Client(string? token = null) => new(new HttpClient { BaseAddress = Address }, token);

    /// <summary>A client whose every request says, in X-Forwarded-For, that it comes from <paramref name="address"/>.</summary>
    public ApiClient ClientFrom(string address, string? token = null)
    {
        var http = new HttpClient { BaseAddress = Address };
        http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return new ApiClient(http, token);
    }

    /// <summary>Signs up a new business (from <paramref name="address"/>, when given) and answers its admin's session.</summary>
    public async Task<SignUp> SignUpAsync(string? address = null)
    {
        var email = $"owner-{Guid.NewGuid():N}@example.com";
        var response = await (address is null ? Client() : ClientFrom(address)).PostAsync("/api/v1/auth/register", new
        {
            organizationName = "Tenant " + email[6..14],
            businessType = "bar",
            email,
            password = Tenant.Password,
            firstName = "Olive",
            lastName = "Owner",
        });
        var data = response.ShouldSucceed(System.Net.HttpStatusCode.Created).Data;
        return new SignUp(Guid.Parse(data.GetProperty("user").GetProperty("organizationId").GetString()!), email, data.GetProperty("accessToken").GetString()!);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A business just signed up on a host of its own: its organisation, its admin's email and access token.</summary>
public sealed record SignUp(Guid OrganizationId, string AdminEmail, string AdminToken);
