using System.Globalization;
using System.Text.Json.Nodes;

namespace InventoryProFlow.Bench;

/// <summary>
/// Where the machine's CPU went during a phase, from /proc: the Api process, the silo processes of a cluster (if any),
/// the PostgreSQL server (postmaster, its live children, and children that exited, through the postmaster's cumulative
/// child times), this load generator, interrupt handling (mostly loopback networking), time the hypervisor gave to
/// other guests (steal: a shared machine's slowness shows here, not as our CPU), time waiting for the disk (iowait),
/// and every other process on the machine, the busiest named. Shares are percent of all cores together (100 = every
/// core busy).
/// </summary>
public sealed class CpuSampler(int? apiPid, int? postmasterPid, IReadOnlyList<int> siloPids)
{
    public sealed record ProcessTicks(string Name, int ParentPid, long Own, long Children);

    public sealed record Sample(Machine Machine, IReadOnlyDictionary<int, ProcessTicks> Processes);

    /// <summary>The machine's ticks since boot by kind (the first line of /proc/stat).</summary>
    public sealed record Machine(long Total, long Idle, long IoWait, long Interrupts, long Steal, long User, long System)
    {
        public static Machine operator -(Machine end, Machine start) => new(
            end.Total - start.Total, end.Idle - start.Idle, end.IoWait - start.IoWait, end.Interrupts - start.Interrupts,
            end.Steal - start.Steal, end.User - start.User, end.System - start.System);
    }

    public Sample Take()
    {
        var machine = MachineTicks();
        var processes = new Dictionary<int, ProcessTicks>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Stat(pid) is { } stat)
            {
                processes[pid] = stat;
            }
        }

        return new Sample(machine, processes);
    }

    public JsonObject Share(Sample start, Sample end)
    {
        var machine = end.Machine - start.Machine;
        var total = Math.Max(1, machine.Total);
        double Pct(long ticks) => Math.Round(100.0 * ticks / total, 1);

        // A process's CPU in the phase: its ticks at the end less at the start (all of them if it started during the phase).
        long Used(int pid, bool children = false)
        {
            if (!end.Processes.TryGetValue(pid, out var last))
            {
                return 0;
            }

            var first = start.Processes.GetValueOrDefault(pid);
            return last.Own - (first?.Own ?? 0) + (children ? last.Children - (first?.Children ?? 0) : 0);
        }

        var self = Environment.ProcessId;
        var postgresPids = postmasterPid is { } pm
            ? end.Processes.Where(p => p.Key == pm || p.Value.ParentPid == pm).Select(p => p.Key).ToHashSet()
            : [];
        var api = apiPid is { } a ? Used(a) : 0;
        var silos = siloPids.Select(pid => Used(pid)).ToList();
        var postgres = postgresPids.Sum(pid => Used(pid, children: pid == postmasterPid));
        var generator = Used(self);
        var others = end.Processes.Keys
            .Where(pid => pid != self && pid != apiPid && !postgresPids.Contains(pid) && !siloPids.Contains(pid))
            .Select(pid => (Pid: pid, end.Processes[pid].Name, Ticks: Used(pid)))
            .Where(p => p.Ticks > 0)
            .OrderByDescending(p => p.Ticks)
            .ToList();
        var interrupts = machine.Interrupts;
        var busy = total - machine.Idle - machine.IoWait;
        var result = new JsonObject
        {
            ["cores"] = Environment.ProcessorCount,
            ["busyPercent"] = Pct(busy),
            ["userPercent"] = Pct(machine.User),
            ["kernelPercent"] = Pct(machine.System),
            ["stealPercent"] = Pct(machine.Steal),
            ["iowaitPercent"] = Pct(machine.IoWait),
            ["apiPercent"] = Pct(api),
            ["postgresPercent"] = Pct(postgres),
            ["loadGeneratorPercent"] = Pct(generator),
            ["interruptsPercent"] = Pct(interrupts),
            ["otherProcessesPercent"] = Pct(others.Sum(p => p.Ticks)),
            // Busy time of processes that ended before the phase did (short compiler or psql runs, for example).
            ["unattributedPercent"] = Pct(Math.Max(0, busy - api - silos.Sum() - postgres - generator - interrupts - machine.Steal - others.Sum(p => p.Ticks))),
            ["busiestOtherProcesses"] = new JsonArray(others.Take(6)
                .Select(p => (JsonNode?)new JsonObject { ["pid"] = p.Pid, ["name"] = Describe(p.Pid, p.Name), ["percent"] = Pct(p.Ticks) }).ToArray()),
            ["note"] = "percent of all cores together (100 = every core busy), sampled from /proc over the phase",
        };
        if (siloPids.Count > 0)
        {
            result["silosPercent"] = Pct(silos.Sum());
            result["perSiloPercent"] = new JsonArray(silos.Select(t => (JsonNode?)Pct(t)).ToArray());
        }

        return result;
    }

    // "dotnet" alone says little: name the assembly it runs, when it still runs.
    private static string Describe(int pid, string name)
    {
        try
        {
            var args = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
            var assembly = args.Skip(1).FirstOrDefault(a => a.EndsWith(".dll", StringComparison.Ordinal) || a.StartsWith("InventoryProFlow", StringComparison.Ordinal));
            return assembly is null ? name : $"{name} {Path.GetFileName(assembly)}";
        }
        catch (IOException)
        {
            return name;
        }
    }

    // First line of /proc/stat: cpu user nice system idle iowait irq softirq steal ...
    private static Machine MachineTicks()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            return new Machine(fields.Sum(), fields[3], fields[4], fields[5] + fields[6], fields[7], fields[0] + fields[1], fields[2]);
        }
        catch (IOException)
        {
            return new Machine(0, 0, 0, 0, 0, 0, 0);
        }
    }

    // /proc/PID/stat: "pid (comm) state ppid ... utime(14) stime(15) cutime(16) cstime(17)"; comm may hold spaces.
    private static ProcessTicks? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var open = text.IndexOf('(');
            var close = text.LastIndexOf(')');
            var rest = text[(close + 2)..].Split(' ');
            long F(int field) => long.Parse(rest[field - 3], CultureInfo.InvariantCulture);
            return new ProcessTicks(text[(open + 1)..close], (int)F(4), F(14) + F(15), F(16) + F(17));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
