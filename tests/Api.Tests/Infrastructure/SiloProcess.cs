using System.Diagnostics;
using System.Globalization;

namespace InventoryProFlow.Api.Tests.Infrastructure;

/// <summary>A built <c>src/Silo</c> as its own process, a member of a cluster on PostgreSQL, serving /metrics on loopback.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SiloProcess(Process process, Uri metrics)
    {
        _process = process;
        Metrics = metrics;
    }

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    /// <summary>The verification and invitation links this silo's grains wrote into its log (it has no SMTP server).</summary>
    public AccountLinks Links => AccountLinks.InOutput(_output);

    /// <summary>Where its metrics endpoint listens (127.0.0.1 and a free port).</summary>
    public Uri Metrics { get; }

    public static async Task<SiloProcess> StartAsync(string connectionString, string dataFolder, string clusterId)
    {
        var silo = Loopback.BuiltProgram("Silo");
        var metricsPort = Loopback.FreePort();
        var start = new ProcessStartInfo("dotnet", [silo])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(silo)!,
        };
        start.Environment["ConnectionStrings__Postgres"] = connectionString;
        start.Environment["IPF_DATA_DIR"] = dataFolder;
        start.Environment["Secrets__KeyEncryptionKey"] = TestSecrets.KeyEncryptionKey;
        start.Environment["IPF_ADMIN_EMAIL"] = "silo.admin@example.com";
        start.Environment["IPF_ADMIN_PASSWORD"] = "Silo-Admin-Pass-1";
        start.Environment["Orleans__ClusterId"] = clusterId;
        start.Environment["Orleans__SiloPort"] = Loopback.FreePort().ToString(CultureInfo.InvariantCulture);
        start.Environment["Orleans__GatewayPort"] = Loopback.FreePort().ToString(CultureInfo.InvariantCulture);
        start.Environment["Metrics__Port"] = metricsPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["Metrics__ListenAddress"] = "127.0.0.1";
        start.Environment["Identity__PasswordHashIterations"] = "10000";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        start.Environment["RateLimits__SignInAttemptsPerMinute"] = "unlimited";
        start.Environment["RateLimits__StarterCallsPerHour"] = "unlimited";
        var process = Process.Start(start)!;
        var running = new SiloProcess(process, new Uri($"http://127.0.0.1:{metricsPort}"));
        // Drain output so a full pipe never blocks the silo; standard output (its JSON log) is kept for the links in it.
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
            {
                running._output.Enqueue(text);
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        await running.WaitUntilServingAsync();
        return running;
    }

    public ApiClient MetricsClient() => new(new HttpClient { BaseAddress = Metrics, Timeout = TimeSpan.FromSeconds(30) }, null);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    // The endpoint starts after the silo has joined the cluster, so an answer means the silo serves.
    private async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient { BaseAddress = Metrics, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The silo exited with code {_process.ExitCode} while starting.");
            }

            try
            {
                if ((await http.GetAsync("/metrics")).IsSuccessStatusCode)
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

        throw new TimeoutException("The silo's metrics endpoint did not answer within 90 s.");
    }
}
