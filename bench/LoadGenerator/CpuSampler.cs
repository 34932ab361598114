using System.Globalization;
using System.Text.Json.Nodes;

namespace InventoryProFlow.Bench;

/// <summary>
/// Where the machine's CPU went during a phase, from /proc: the Api process, the PostgreSQL server (postmaster, its
/// live children, and children that exited, through the postmaster's cumulative child times), this load generator, and
/// anything else on the machine. Shares are percent of all cores (100 = every core busy).
/// </summary>
public sealed class CpuSampler(int? apiPid, int? postmasterPid)
{
    public sealed record Sample(long Total, long Idle, long Api, long Postgres, long Self);

    public Sample Take()
    {
        var (total, idle) = MachineTicks();
        return new Sample(total, idle, apiPid is { } a ? ProcessTicks(a, children: false) : 0,
            postmasterPid is { } p ? PostgresTicks(p) : 0, ProcessTicks(Environment.ProcessId, children: false));
    }

    public static JsonObject Share(Sample start, Sample end)
    {
        var total = Math.Max(1, end.Total - start.Total);
        double Pct(long ticks) => Math.Round(100.0 * ticks / total, 1);
        var api = end.Api - start.Api;
        var postgres = end.Postgres - start.Postgres;
        var self = end.Self - start.Self;
        var busy = total - (end.Idle - start.Idle);
        return new JsonObject
        {
            ["cores"] = Environment.ProcessorCount,
            ["busyPercent"] = Pct(busy),
            ["apiPercent"] = Pct(api),
            ["postgresPercent"] = Pct(postgres),
            ["loadGeneratorPercent"] = Pct(self),
            ["otherPercent"] = Pct(Math.Max(0, busy - api - postgres - self)),
            ["note"] = "percent of all cores together (100 = every core busy), sampled from /proc over the phase",
        };
    }

    // First line of /proc/stat: cpu user nice system idle iowait irq softirq steal ...
    private static (long Total, long Idle) MachineTicks()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            return (fields.Sum(), fields[3] + fields[4]);
        }
        catch (IOException)
        {
            return (0, 0);
        }
    }

    private static long PostgresTicks(int postmaster)
    {
        var ticks = ProcessTicks(postmaster, children: true);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && pid != postmaster && Stat(pid) is { } stat && stat.ParentPid == postmaster)
            {
                ticks += stat.Own;
            }
        }

        return ticks;
    }

    private static long ProcessTicks(int pid, bool children) => Stat(pid) is { } stat ? stat.Own + (children ? stat.Children : 0) : 0;

    // /proc/PID/stat: "pid (comm) state ppid ... utime(14) stime(15) cutime(16) cstime(17)"; comm may hold spaces.
    private static (int ParentPid, long Own, long Children)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var rest = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            long F(int field) => long.Parse(rest[field - 3], CultureInfo.InvariantCulture);
            return ((int)F(4), F(14) + F(15), F(16) + F(17));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
