using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using CommunityRules.Checks;
using CommunityRules.Data.Snapshot;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Model;
using CommunityRules.Reporting;
using CommunityRules.Rules;

namespace CommunityRules.Benchmarks;

/// <summary>
/// The memory harness (<c>-- memory [--posts 1000000,5000000,10000000]</c>): for each size, the posting-guidelines
/// pack over the generated snapshot, run as a host runs it (the <see cref="RuleEngine"/> with a counting sink, findings
/// not kept) and as the tool runs it (<c>check --format jsonl</c> and <c>--format json</c>, the report to
/// a file of their own), each in a process of its own from a cold start: peak working set, the largest GC heap after a
/// collection, and the growth per million posts between sizes.
/// </summary>
internal static class MemoryScaling
{
    private static readonly string[] Kinds = ["engine", "cli-jsonl", "cli-json"];

    /// <summary>Runs every size and kind in its own process and prints one table.</summary>
    /// <param name="args">
    /// <c>--posts</c> with a comma-separated list of sizes; optionally <c>--kinds</c> likewise, and <c>--organisation N</c>:
    /// every size with the people and groups of the N-post snapshot, instead of people and groups growing with the posts.
    /// </param>
    public static void Run(string[] args)
    {
        var sizes = Option(args, "--posts", "1000000,5000000,10000000").Split(',').Select(size => int.Parse(size, CultureInfo.InvariantCulture)).ToArray();
        var kinds = Option(args, "--kinds", string.Join(',', Kinds)).Split(',');
        var organisation = Option(args, "--organisation", string.Empty) is { Length: > 0 } fixedSize ? SnapshotCache.OptionsFor(int.Parse(fixedSize, CultureInfo.InvariantCulture)) : null;
        var peaks = new Dictionary<(string Kind, int Posts), double>();
        Console.WriteLine("| run | posts | records | findings | seconds | peak working set | largest GC heap after a GC |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var posts in sizes)
        {
            var options = SnapshotCache.OptionsFor(posts);
            if (organisation is not null)
            {
                options = new() { Seed = options.Seed, Posts = posts, Groups = organisation.Groups, People = organisation.People };
            }

            var folder = SnapshotCache.GetOrCreate(options);
            foreach (var kind in kinds)
            {
                var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
                if (string.Equals(Path.GetFileNameWithoutExtension(Environment.ProcessPath), "dotnet", StringComparison.Ordinal))
                {
                    start.ArgumentList.Add(typeof(MemoryScaling).Assembly.Location);
                }

                foreach (var argument in new[] { "memory-run", kind, folder, posts.ToString(CultureInfo.InvariantCulture) })
                {
                    start.ArgumentList.Add(argument);
                }

                using var child = Process.Start(start)!;
                var row = child.StandardOutput.ReadToEnd().TrimEnd();
                child.WaitForExit();
                Console.WriteLine(row);
                var cells = row.Split('|', StringSplitOptions.TrimEntries);
                if (cells.Length > 6 && double.TryParse(cells[6].Replace(" MB", string.Empty, StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var peak))
                {
                    peaks[(kind, posts)] = peak;
                }
            }
        }

        if (sizes.Length < 2)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine("| run | growth per million posts (peak working set), smallest to largest size |");
        Console.WriteLine("| --- | ---: |");
        foreach (var kind in kinds)
        {
            if (peaks.TryGetValue((kind, sizes[0]), out var first) && peaks.TryGetValue((kind, sizes[^1]), out var last))
            {
                var perMillion = (last - first) / ((sizes[^1] - sizes[0]) / 1_000_000.0);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {kind} | {perMillion:N1} MB |"));
            }
        }
    }

    /// <summary>The child of <see cref="Run"/>: one run, one table row.</summary>
    /// <param name="args">The kind (<c>engine</c>, <c>cli-jsonl</c>, <c>cli-json</c>), the snapshot folder and the number of posts.</param>
    public static void RunOne(string[] args)
    {
        var (kind, folder, posts) = (args[0], args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
        using var sampler = new GcHeapSampler();
        var clock = Stopwatch.StartNew();
        long records = 0;
        long findings = 0;
        if (kind == "engine")
        {
            var load = new RuleSetLoader(BuiltInChecks.Create()).Load([RuleSetLoader.BuiltinPrefix + "posting-guidelines"]);
            var ruleSet = load.RuleSet ?? throw new InvalidOperationException("The posting-guidelines pack did not load: " + string.Join("; ", load.Errors.Select(error => error.ToString())));
            var sink = new CountingSink();
            var options = new AnalysisOptions { KeepDiagnostics = false };
            options.Sinks.Add(sink);
            var result = new RuleEngine(TimeProvider.System).AnalyzeAsync(ruleSet, new SnapshotProvider(folder), options).GetAwaiter().GetResult();
            (records, findings) = (result.Summary.Read.Total, sink.Count);
        }
        else
        {
            // The tool in this process, so its peak is this process's: its entry point with the arguments a user types.
            var format = kind == "cli-json" ? "json" : "jsonl";
            var entry = Assembly.Load("CommunityRules.Cli").EntryPoint ?? throw new InvalidOperationException("The tool has no entry point.");
            // A file of its own, not /dev/null: .NET locks the file it writes, so two runs at once would collide there.
            var report = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"communityrules-memory-{Environment.ProcessId}.{format}"));
            var arguments = new[] { "check", "--rules", "builtin:posting-guidelines", "--data", folder, "--format", format, "--output", report, "--fail-on", "never" };
            var exitCode = entry.Invoke(null, [arguments]);
            File.Delete(report);
            if (exitCode is not 0)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"check exited with {exitCode}."));
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {kind} | {posts:N0} | {(records == 0 ? "" : records.ToString("N0", CultureInfo.InvariantCulture))} | {(kind == "engine" ? findings.ToString("N0", CultureInfo.InvariantCulture) : "")} | {seconds:F1} | {self.PeakWorkingSet64 / (1024.0 * 1024.0):F0} MB | {Math.Max(sampler.Largest, GC.GetGCMemoryInfo().HeapSizeBytes) / (1024.0 * 1024.0):F0} MB |"));
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }

    /// <summary>Counts the findings it is given, as a host's sink that forwards them would.</summary>
    private sealed class CountingSink : IDiagnosticSink
    {
        public long Count { get; private set; }

        public void Emit(Diagnostic diagnostic, NetworkView network) => Count++;
    }

    /// <summary>Looks at the heap size after the latest collection every 50 ms and keeps the largest.</summary>
    private sealed class GcHeapSampler : IDisposable
    {
        private readonly Timer _timer;
        private long _largest;

        public GcHeapSampler() => _timer = new Timer(_ => Sample(), null, 0, 50);

        public long Largest => Interlocked.Read(ref _largest);

        public void Dispose() => _timer.Dispose();

        private void Sample()
        {
            var size = GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes;
            if (size > Interlocked.Read(ref _largest))
            {
                Interlocked.Exchange(ref _largest, size);
            }
        }
    }
}

/// <summary>
/// <c>-- memory-probe FOLDER [none]</c>: one engine run (the posting-guidelines pack, or no rule) that forces a full
/// collection when a phase starts and every 250,000 records, and prints the live managed heap then: what the run keeps
/// per phase, and how it grows while the posts and comments stream by.
/// </summary>
internal static class MemoryProbe
{
    /// <summary>Runs the probe.</summary>
    /// <param name="args">The snapshot folder, then <c>none</c> for a run without rules.</param>
    public static void Run(string[] args)
    {
        var ruleSet = args.Length > 1 && args[1] == "none"
            ? new RuleSet([], SeverityConfiguration.Empty, [], null)
            : new RuleSetLoader(BuiltInChecks.Create()).Load([RuleSetLoader.BuiltinPrefix + "posting-guidelines"]).RuleSet!;
        var options = new AnalysisOptions { KeepDiagnostics = false, Progress = new Probe() };
        options.Sinks.Add(new NullSink());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"start: {GC.GetTotalMemory(true) / 1048576.0:F1} MB"));
        var result = new RuleEngine(TimeProvider.System).AnalyzeAsync(ruleSet, new SnapshotProvider(args[0]), options).GetAwaiter().GetResult();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"after the run, the result kept: {GC.GetTotalMemory(true) / 1048576.0:F1} MB"));
        GC.KeepAlive(result);
    }

    private sealed class NullSink : IDiagnosticSink
    {
        public void Emit(Diagnostic diagnostic, NetworkView network)
        {
        }
    }

    private sealed class Probe : IProgress<AnalysisProgress>
    {
        private string? _phase;
        private long _next;

        public void Report(AnalysisProgress value)
        {
            if (value.Phase != _phase)
            {
                _phase = value.Phase;
                _next = 250_000;
                Print(value);
            }
            else if (value.RecordsRead >= _next)
            {
                _next += 250_000;
                Print(value);
            }
        }

        private static void Print(AnalysisProgress value) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{value.Phase} {value.RecordsRead:N0}: {GC.GetTotalMemory(true) / 1048576.0:F1} MB"));
    }
}
