using InventoryProFlow.Api.Hosting;
using InventoryProFlow.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace InventoryProFlow.Api.Tests.Infrastructure;

/// <summary>
/// The whole product in this process, as `make run` starts it: Kestrel on a free loopback port,
/// a co-hosted silo, a real PostgreSQL database. Tests talk to it over real HTTP.
/// </summary>
public sealed class ProductHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ProductHost(WebApplication app, Uri address, string connectionString, string dataFolder, StartupReport? report, LogCatcher log, SmtpCatcher? smtp)
    {
        _app = app;
        Address = address;
        ConnectionString = connectionString;
        DataFolder = dataFolder;
        Report = report;
        Log = log;
        Links = new AccountLinks(log, smtp);
    }

    /// <summary>What the product logged at Warning and above.</summary>
    public LogCatcher Log { get; }

    /// <summary>The verification and invitation links the product sent (by mail to <c>smtp</c>, or into its log).</summary>
    public AccountLinks Links { get; }

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
        TestClock? clock = null,
        SmtpCatcher? smtp = null)
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
        foreach (var (key, value) in (smtp?.ProductSettings() ?? new Dictionary<string, string?>()).Concat(settings ?? new Dictionary<string, string?>()))
        {
            configuration[key] = value;
        }

        var log = new LogCatcher();
        var app = ApiApplication.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(configuration);
            builder.Services.AddSingleton<ILogEventSink>(log);
            clock?.Install(builder.Services);
            services?.Invoke(builder.Services);
        });
        var report = await app.StartServingAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ProductHost(app, new Uri(address), connectionString, dataFolder, report, log, smtp);
    }

    /// <summary>Signs up a new business with a unique email: its owner's email, organisation id and access token.</summary>
    public async Task<(string Email, Guid OrganizationId, string Token)> RegisterOwnerAsync(string organizationName = "Test Bar", string businessType = "bar", AccountLinks? links = null)
    {
        var signUp = await SignUpAsync(organizationName: organizationName, businessType: businessType, links: links);
        return (signUp.AdminEmail, signUp.OrganizationId, signUp.AdminToken);
    }

    /// <summary>
    /// Signs up a business as its owner would: registers, then follows the verification link the product sent (read from
    /// the mail or the log), which signs the admin in. The registration comes from <paramref name="address"/>, when given.
    /// An Api node in client mode sends no link itself: <paramref name="links"/> are then the silo's.
    /// </summary>
    public async Task<SignUp> SignUpAsync(string? address = null, string? organizationName = null, string businessType = "bar", string? email = null, AccountLinks? links = null)
    {
        email ??= $"owner-{Guid.NewGuid():N}@example.com";
        var anonymous = address is null ? Client() : ClientFrom(address);
        (await anonymous.PostAsync("/api/v1/auth/register", new
        {
            organizationName = organizationName ?? "Tenant " + email[6..14],
            businessType,
            email,
            password = Tenant.Password,
            firstName = "Olive",
            lastName = "Owner",
        })).ShouldSucceed(System.Net.HttpStatusCode.Accepted);
        var signedIn = await VerifyAsync(email, links: links);
        return new SignUp(Guid.Parse(signedIn.GetProperty("user").GetProperty("organizationId").GetString()!), email, signedIn.GetProperty("accessToken").GetString()!);
    }

    /// <summary>Follows the newest verification link sent to <paramref name="email"/>: answers the sign-in it gives (login's body).</summary>
    public async Task<System.Text.Json.JsonElement> VerifyAsync(string email, int seen = 0, AccountLinks? links = null)
    {
        var token = await (links ?? Links).TokenAsync(email, AccountLinks.Verification, seen);
        return (await Client().PostAsync("/api/v1/auth/verify-email", new { token })).ShouldSucceed(System.Net.HttpStatusCode.Created).Data;
    }

    /// <summary>Follows the newest invitation sent to <paramref name="email"/>, choosing <paramref name="password"/>: answers the invitee's access token.</summary>
    public async Task<string> AcceptInvitationAsync(string email, string? password = Tenant.Password)
    {
        var token = await Links.TokenAsync(email, AccountLinks.Invitation);
        var data = (await Client().PostAsync("/api/v1/auth/accept-invitation", new { token, password })).ShouldSucceed().Data;
        return data.GetProperty("accessToken").GetString()!;
    }

    public ApiClient Client(string? token = null) => new(new HttpClient { BaseAddress = Address }, token);

    /// <summary>A client whose every request says, in X-Forwarded-For, that it comes from <paramref name="address"/>.</summary>
    public ApiClient ClientFrom(string address, string? token = null)
    {
        var http = new HttpClient { BaseAddress = Address };
        http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return new ApiClient(http, token);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A business just signed up on a host of its own: its organisation, its admin's email and access token.</summary>
public sealed record SignUp(Guid OrganizationId, string AdminEmail, string AdminToken);
