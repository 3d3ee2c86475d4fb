using System.Diagnostics;
using System.Globalization;

namespace CommunityRules.Benchmarks;

/// <summary>
/// <c>-- two-cores [--rounds N] [--only engine1|engine2|scan1|scanall]</c>: the cases of <see cref="TwoCoresBenchmarks"/> (the engine on 1 and 2 threads, the
/// scan alone on 1 thread and on all cores, 200,000 posts each), alternated in one process for N rounds (5 by
/// default), each timed in wall-clock time and in the process's CPU time. On a loaded machine wall time says little
/// about two cores, but CPU time over wall time says how many cores a run kept busy, and the CPU time of the two-thread
/// run against the one-thread run says what the parallel work costs in all. Run it under <c>taskset -c 0</c> and
/// <c>taskset -c 0,1</c> to compare one core with two on the same binary.
/// </summary>
internal static class TwoCoresHarness
{
    public static void Run(string[] args)
    {
        var rounds = Option(args, "--rounds") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 5;
        var only = Option(args, "--only");
        var benchmarks = new TwoCoresBenchmarks();
        benchmarks.Setup();
        (string Name, Func<long> Run)[] cases =
        [
            ("Engine, 1 thread", benchmarks.EngineOneThread),
            ("Engine, 2 threads", benchmarks.EngineTwoThreads),
            ("Scan only, 1 thread", benchmarks.ScanOneThread),
            ("Scan only, all cores", benchmarks.ScanAllCores),
        ];
        if (only is not null)
        {
            // One case alone (for a profiler): "engine1", "engine2", "scan1" or "scanall".
            cases = [cases[Array.IndexOf(["engine1", "engine2", "scan1", "scanall"], only)]];
        }

        // One warm-up round, not counted: tiered compilation reaches its last tier on the first runs.
        foreach (var (_, run) in cases)
        {
            run();
        }

        var wall = cases.Select(_ => new List<double>()).ToArray();
        var cpu = cases.Select(_ => new List<double>()).ToArray();
        var callingCpu = new double[cases.Length];
        using var process = Process.GetCurrentProcess();
        for (var round = 0; round < rounds; round++)
        {
            for (var c = 0; c < cases.Length; c++)
            {
                GC.Collect();
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var callingBefore = CallingThreadCpuMilliseconds();
                var clock = Stopwatch.StartNew();
                cases[c].Run();
                clock.Stop();
                process.Refresh();
                wall[c].Add(clock.Elapsed.TotalMilliseconds);
                cpu[c].Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
                callingCpu[c] += CallingThreadCpuMilliseconds() - callingBefore;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// {rounds} rounds, {Environment.ProcessorCount} processors visible, load: {Load()}"));
        Console.WriteLine("| Case | wall ms (median) | wall ms (best) | CPU ms (median) | CPU / wall | calling thread's share of the CPU |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        for (var c = 0; c < cases.Length; c++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {cases[c].Name} | {Median(wall[c]):F0} | {wall[c].Min():F0} | {Median(cpu[c]):F0} | {Median(cpu[c].Zip(wall[c], (x, y) => x / y).ToList()):F2} | {callingCpu[c] / cpu[c].Sum():P0} |"));
        }

        if (cases.Length < 4)
        {
            return;
        }

        // Ratios per round (each pair measured back to back), then their median: 1.7× is the goal.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// engine 1 → 2 threads: {Median(wall[0].Zip(wall[1], (one, two) => one / two).ToList()):F2}× wall (median of rounds), {wall[0].Min() / wall[1].Min():F2}× best; CPU 2 threads / 1 thread {Median(cpu[1]) / Median(cpu[0]):F2}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// scan alone 1 → all cores: {Median(wall[2].Zip(wall[3], (one, all) => one / all).ToList()):F2}× wall (median of rounds), {wall[2].Min() / wall[3].Min():F2}× best; CPU all / 1 thread {Median(cpu[3]) / Median(cpu[2]):F2}"));
    }

    // The calling thread's user and system time, from /proc in clock ticks (10 ms): summed over the rounds it is
    // close enough to tell how much of a run's work the calling thread did and how much the pool's threads did.
    private static double CallingThreadCpuMilliseconds()
    {
        const string stat = "/proc/thread-self/stat";
        if (!File.Exists(stat))
        {
            return 0;
        }

        var line = File.ReadAllText(stat);
        var fields = line[(line.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
    }

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";
}
