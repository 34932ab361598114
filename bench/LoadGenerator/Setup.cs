using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace InventoryProFlow.Bench;

/// <summary>Before the load: wait for the Api, and sign up the organisation the benchmark sells for.</summary>
public static class Setup
{
    public static async Task<int> WaitReady(Options options)
    {
        var baseAddress = options.BaseAddress();
        var timeout = TimeSpan.FromSeconds(int.Parse(options.Optional("timeout-seconds") ?? "120"));
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var pid = options.Optional("pid");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (pid is not null && !Directory.Exists($"/proc/{pid}"))
            {
                throw new BenchException($"the Api process {pid} exited before it was ready");
            }

            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    Console.Error.WriteLine($"loadgen: Api ready after {clock.Elapsed.TotalSeconds:F1} s");
                    return 0;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but slow to answer while the silo starts.
            }

            await Task.Delay(250);
        }

        throw new BenchException($"the Api at {baseAddress} was not ready within {timeout.TotalSeconds:F0} s");
    }

    /// <summary>POST /api/v1/auth/register: a new organisation and its admin, signed in. Writes the ids and the token.</summary>
    public static async Task<int> Register(Options options)
    {
        using var http = new HttpClient { BaseAddress = options.BaseAddress(), Timeout = TimeSpan.FromSeconds(60) };
        var result = await SignUp(http, options.Optional("api-log") ?? Environment.GetEnvironmentVariable("IPF_API_LOG"));
        await File.WriteAllTextAsync(options.Required("out"), result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }

    /// <summary>A new organisation with a random admin address: organizationId, userId, email and accessToken.</summary>
    /// <remarks>
    /// Sign-up mails a verification link, and the benchmark's Api has no SMTP server, so it writes the link into its log:
    /// <paramref name="apiLog"/> is that log (JSON lines), or a folder of such logs (a cluster's), read as an operator
    /// would, and the link is followed.
    /// </remarks>
    public static async Task<JsonObject> SignUp(HttpClient http, string? apiLog)
    {
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var registration = new
        {
            organizationName = "Friday Night Spirits Co.",
            businessType = "bar",
            email = $"owner-{suffix}@fridaynight.example",
            // Meets the password policy (upper, lower, digit) and is not a dictionary word.
            password = $"Bench-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(9))}-Zq7",
            firstName = "Frankie",
            lastName = "Owner",
        };
        using var registered = await http.PostAsJsonAsync("/api/v1/auth/register", registration);
        if ((int)registered.StatusCode != 202)
        {
            throw new BenchException($"register answered {(int)registered.StatusCode}: {await registered.Content.ReadAsStringAsync()}");
        }

        var token = await LoggedToken(apiLog ?? throw new BenchException("--api-log is required: the verification link is in the Api's log"), registration.email);
        using var response = await http.PostAsJsonAsync("/api/v1/auth/verify-email", new { token });
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != 201)
        {
            throw new BenchException($"verify-email answered {(int)response.StatusCode}: {body}");
        }

        var data = JsonNode.Parse(body)!["data"]!;
        var result = new JsonObject
        {
            ["organizationId"] = data["user"]!["organizationId"]!.GetValue<string>(),
            ["userId"] = data["user"]!["id"]!.GetValue<string>(),
            ["email"] = registration.email,
            ["accessToken"] = data["accessToken"]!.GetValue<string>(),
        };
        Console.Error.WriteLine($"loadgen: registered organisation {result["organizationId"]} (admin {registration.email})");
        return result;
    }

    private static async Task<string> LoggedToken(string apiLog, string email)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            var lines = new List<string>();
            foreach (var file in Directory.Exists(apiLog) ? Directory.GetFiles(apiLog, "*.log") : [apiLog])
            {
                using var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
                lines.AddRange((await reader.ReadToEndAsync()).Split('\n'));
            }

            foreach (var line in Enumerable.Reverse(lines).Where(l => l.StartsWith('{') && l.Contains(email, StringComparison.Ordinal)))
            {
                if (JsonNode.Parse(line)?["metadata"]?["Link"]?.GetValue<string>() is { } link && link.Contains("verify-email?token=", StringComparison.Ordinal))
                {
                    return Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
                }
            }

            await Task.Delay(100);
        }

        throw new BenchException($"no verification link for {email} in {apiLog}");
    }
}
