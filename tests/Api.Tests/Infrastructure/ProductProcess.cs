using System.Collections.Concurrent;
using System.Diagnostics;

namespace InventoryProFlow.Api.Tests.Infrastructure;

/// <summary>
/// The product as its own operating-system process (the built Api), so a test can kill it the way a
/// crash does: SIGKILL, no shutdown, nothing flushed.
/// </summary>
public sealed class ProductProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ProductProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>What the product wrote to standard output, line by line: its JSON logs.</summary>
    public ConcurrentQueue<string> OutputLines { get; } = new();

    // The last lines the product wrote to standard error: why it stopped, when it stops while starting.
    private readonly ConcurrentQueue<string> _errorLines = new();

    /// <summary>Starts the built Api; <paramref name="settings"/> are environment variables over the test defaults.</summary>
    public static async Task<ProductProcess> StartAsync(string connectionString, string dataFolder, IDictionary<string, string>? settings = null)
    {
        var port = Loopback.FreePort();
        var api = Loopback.BuiltProgram("Api");
        var start = new ProcessStartInfo("dotnet", [api])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(api)!,
        };
        start.Environment["ConnectionStrings__Postgres"] = connectionString;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["IPF_DATA_DIR"] = dataFolder;
        start.Environment["Secrets__KeyEncryptionKey"] = TestSecrets.KeyEncryptionKey;
        start.Environment["IPF_ADMIN_EMAIL"] = "crash.admin@example.com";
        start.Environment["IPF_ADMIN_PASSWORD"] = "Crash-Admin-Pass-1";
        start.Environment["Orleans__SiloPort"] = Loopback.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Orleans__GatewayPort"] = Loopback.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Identity__PasswordHashIterations"] = "10000";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        start.Environment["Webhooks__AllowPrivateAddresses"] = "true";
        start.Environment["Webhooks__RetryBaseSeconds"] = "0.2";
        start.Environment["Webhooks__PollSeconds"] = "0.1";
        start.Environment["RateLimits__SignInAttemptsPerMinute"] = "unlimited";
        start.Environment["RateLimits__StarterCallsPerHour"] = "unlimited";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        var product = new ProductProcess(process, new Uri($"http://127.0.0.1:{port}"));
        // Drain output so a full pipe never blocks the product; standard output is kept for tests that read the logs.
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
            {
                product.OutputLines.Enqueue(text);
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
            {
                product._errorLines.Enqueue(text);
                while (product._errorLines.Count > 40 && product._errorLines.TryDequeue(out string? _))
                {
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        await product.WaitUntilReadyAsync();
        return product;
    }

    /// <summary>The verification and invitation links the product wrote into its log (it has no SMTP server).</summary>
    public AccountLinks Links => AccountLinks.InOutput(OutputLines);

    /// <summary>Signs up a business, follows the verification link from the log and signs its admin in: the admin's access token.</summary>
    public async Task<string> SignUpAsync(string organizationName)
    {
        var email = $"owner-{Guid.NewGuid():N}@example.com";
        (await Client().PostAsync("/api/v1/auth/register", new { organizationName, businessType = "bar", email, password = Tenant.Password, firstName = "Olive", lastName = "Owner" }))
            .ShouldSucceed(System.Net.HttpStatusCode.Accepted);
        var token = await Links.TokenAsync(email, AccountLinks.Verification);
        return (await Client().PostAsync("/api/v1/auth/verify-email", new { token })).ShouldSucceed(System.Net.HttpStatusCode.Created)
            .Data.GetProperty("accessToken").GetString()!;
    }

    public ApiClient Client(string? token = null) => new(new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) }, token);

    /// <summary>A client whose every request says, in X-Forwarded-For, that it comes from <paramref name="address"/>.</summary>
    public ApiClient ClientFrom(string address)
    {
        var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return new ApiClient(http, null);
    }

    /// <summary>SIGKILL: the process ends mid-request, as in a power cut or an OOM kill.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        await Task.CompletedTask;
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                var said = string.Join('\n', _errorLines.Concat(OutputLines.TakeLast(10)));
                throw new InvalidOperationException($"The product exited with code {_process.ExitCode} while starting. Its last words:\n{said}");
            }

            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The product did not become ready within 90 s.");
    }
}
