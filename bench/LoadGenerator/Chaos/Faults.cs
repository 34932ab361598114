using System.Diagnostics;

namespace InventoryProFlow.Bench.Chaos;

/// <summary>
/// A fault as it happened: when it was injected, when it was healed (the killed process started again, or
/// PostgreSQL back), and where its window ends (the next fault, or the end of the load), in seconds since the load began.
/// </summary>
public sealed record FaultWindow(string Name, string Description, double InjectedAt, double HealedAt, double EndsAt, bool RecoveryFromHeal);

/// <summary>
/// Injects the faults through scripts/cluster.sh, in order, with steady load between them:
/// kill -9 of a silo, kill -9 of an Api node, then PostgreSQL stopped for a while and started again.
/// </summary>
public sealed class Faults(string clusterScript, Stopwatch clock, ChaosSettings settings)
{
    public async Task<IReadOnlyList<FaultWindow>> Run()
    {
        var phase = TimeSpan.FromSeconds(settings.PhaseSeconds);
        var windows = new List<(string Name, string Description, double Injected, double Healed, bool FromHeal)>();

        await Task.Delay(phase);

        var injected = await Cluster("kill-silo", "2");
        await Task.Delay(phase);
        // The silo comes back as a new incarnation; the cluster takes it in while the load goes on.
        windows.Add(("silo", "kill -9 of silo 2, started again after the phase", injected, await Cluster("start-silo", "2"), false));
        await Task.Delay(phase / 2);

        injected = await Cluster("kill-api", "1");
        await Task.Delay(phase);
        windows.Add(("api", "kill -9 of Api node 1, started again after the phase", injected, await Cluster("start-api", "1"), false));
        await Task.Delay(phase / 2);

        injected = await Cluster("stop-pg");
        await Task.Delay(TimeSpan.FromSeconds(settings.OutageSeconds));
        windows.Add(("postgres", $"PostgreSQL stopped for {settings.OutageSeconds} s, then started", injected, await Cluster("start-pg"), true));
        await Task.Delay(phase);

        var end = clock.Elapsed.TotalSeconds;
        return windows.Select((w, i) => new FaultWindow(
            w.Name, w.Description, w.Injected, w.Healed, i + 1 < windows.Count ? windows[i + 1].Injected : end, w.FromHeal)).ToList();
    }

    /// <summary>Runs one cluster.sh command and answers when it was done, in seconds since the load began.</summary>
    private async Task<double> Cluster(params string[] command)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = false, RedirectStandardError = false };
        start.ArgumentList.Add(clusterScript);
        foreach (var part in command)
        {
            start.ArgumentList.Add(part);
        }

        using var process = Process.Start(start) ?? throw new BenchException($"could not run {clusterScript}");
        await process.WaitForExitAsync();
        var at = clock.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"loadgen: {at,7:F1} s  cluster.sh {string.Join(' ', command)}");
        return process.ExitCode == 0 ? at : throw new BenchException($"cluster.sh {string.Join(' ', command)} failed ({process.ExitCode})");
    }
}
