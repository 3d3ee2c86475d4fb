using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CommunityRules.Checks;
using CommunityRules.Checks.BuiltIn;
using CommunityRules.Checks.BuiltIn.CrossPosting;
using CommunityRules.Data;
using CommunityRules.Data.Snapshot;
using CommunityRules.Engine;
using CommunityRules.Model;
using CommunityRules.Rules;

namespace CommunityRules.Benchmarks;

/// <summary>
/// The <c>crossPosting</c> check (COM003's options) over a generated snapshot of a million posts, beside the floor of
/// the run — streaming the same six files through <see cref="SnapshotProvider"/> and doing nothing with the records —
/// and a run of the engine with no rule at all, in one BenchmarkDotNet run. The generator draws its posts from a pool
/// of sentences, so many posts are near-copies of each other: a harder case for the check than a real network.
/// </summary>
[Config(typeof(CrossPostingBenchmarkConfig))]
public class CrossPostingBenchmarks
{
    /// <summary>COM003 as builtin:community writes it, without its examples.</summary>
    internal const string RuleYaml = """
        rules:
          - id: COM003
            title: The same post is not pasted into many groups
            category: activity
            severity: suggestion
            target: post
            check: crossPosting
            options: { minGroups: 3, withinHours: 24, minWords: 8 }
            message: "Cross-posted: {reason}."
        """;

    private readonly RuleEngine _engine = new(TimeProvider.System);
    private RuleSet _crossPosting = null!;
    private RuleSet _noRules = null!;
    private string _folder = null!;

    /// <summary>Gets or sets the number of top-level posts; groups and people grow with it (see <see cref="SnapshotCache.OptionsFor"/>).</summary>
    [Params(1_000_000)]
    public int Posts { get; set; }

    /// <summary>Loads the rules and generates (or reuses) the snapshot.</summary>
    [GlobalSetup(Targets = [nameof(ReadSnapshot), nameof(NoRules)])]
    public void Setup()
    {
        _crossPosting = LoadRule();
        _noRules = new RuleSet([], SeverityConfiguration.Empty, [], null);
        _folder = SnapshotCache.GetOrCreate(SnapshotCache.OptionsFor(Posts));
    }

    /// <summary>
    /// Before the check is timed: checks that the three runs read the same records and that the check finds clusters,
    /// and writes what the check's index keeps per post. Only in the check's own process; a run of a million posts
    /// takes long enough on a shared machine.
    /// </summary>
    [GlobalSetup(Target = nameof(CrossPosting))]
    public void SetupWithSanityCheck()
    {
        Setup();
        var options = SnapshotCache.OptionsFor(Posts);

        var read = ReadSnapshot().GetAwaiter().GetResult();
        var bare = NoRules().GetAwaiter().GetResult();
        var checkedRun = CrossPosting().GetAwaiter().GetResult();
        var clusters = checkedRun.Summary.FindingsByRule.GetValueOrDefault("COM003");
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// Sanity: {options.Posts:N0} posts, {options.Groups:N0} groups; read {read:N0} records (engine {bare.Summary.Read.Total:N0}, with COM003 {checkedRun.Summary.Read.Total:N0}); COM003 clusters {clusters:N0}"));
        if (read != bare.Summary.Read.Total || read != checkedRun.Summary.Read.Total || clusters == 0)
        {
            throw new InvalidOperationException("The runs did not read the same records, or the check found no cluster in a network full of repeated sentences.");
        }

        var (kept, bytes) = MeasureIndex(_folder).GetAwaiter().GetResult();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// Retained by the check's index: {bytes / (1024.0 * 1024.0):N1} MB for {kept:N0} posts kept, {(double)bytes / Math.Max(1, kept):N0} bytes a post"));
    }

    /// <summary>Streams every record of the six files through <see cref="SnapshotProvider"/> and nothing else: the floor of a run.</summary>
    /// <returns>The number of records read.</returns>
    [Benchmark(Baseline = true, Description = "Read snapshot")]
    public Task<long> ReadSnapshot() => ReadAllAsync(_folder);

    /// <summary>The engine with no rule: indexes, activity, the post-to-group map.</summary>
    /// <returns>The result.</returns>
    [Benchmark(Description = "Engine, no rule")]
    public Task<AnalysisResult> NoRules() => _engine.AnalyzeAsync(_noRules, new SnapshotProvider(_folder));

    /// <summary>The engine with COM003: every post's signature as it streams by, the clusters at the end.</summary>
    /// <returns>The result.</returns>
    [Benchmark(Description = "Engine, crossPosting (COM003)")]
    public Task<AnalysisResult> CrossPosting() => _engine.AnalyzeAsync(_crossPosting, new SnapshotProvider(_folder));

    /// <summary>
    /// The own-process harness (<c>-- crossposting-memory [posts]</c>): the peak working set of reading the snapshot,
    /// of the engine with no rule and of the engine with COM003, each in a fresh process.
    /// </summary>
    /// <param name="args">The number of posts, 1,000,000 by default.</param>
    public static void RunMemoryHarness(string[] args)
    {
        var posts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var folder = SnapshotCache.GetOrCreate(SnapshotCache.OptionsFor(posts));
        Console.WriteLine("| run | records | findings | seconds | CPU seconds | peak working set |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var kind in new[] { "read", "none", "crossposting" })
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
            if (string.Equals(Path.GetFileNameWithoutExtension(Environment.ProcessPath), "dotnet", StringComparison.Ordinal))
            {
                start.ArgumentList.Add(typeof(CrossPostingBenchmarks).Assembly.Location);
            }

            foreach (var argument in new[] { "crossposting-run", kind, folder })
            {
                start.ArgumentList.Add(argument);
            }

            using var child = Process.Start(start)!;
            Console.WriteLine(child.StandardOutput.ReadToEnd().TrimEnd());
            child.WaitForExit();
        }
    }

    /// <summary>The child of <see cref="RunMemoryHarness"/>: one run, one table row.</summary>
    /// <param name="args">The kind (<c>read</c>, <c>none</c>, <c>crossposting</c>) and the folder.</param>
    public static void RunOne(string[] args)
    {
        var folder = args[1];
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (records, findings) = args[0] switch
        {
            "read" => (ReadAllAsync(folder).GetAwaiter().GetResult(), 0),
            "none" => Counts(new RuleEngine(TimeProvider.System).AnalyzeAsync(new RuleSet([], SeverityConfiguration.Empty, [], null), new SnapshotProvider(folder)).GetAwaiter().GetResult()),
            _ => Counts(new RuleEngine(TimeProvider.System).AnalyzeAsync(LoadRule(), new SnapshotProvider(folder)).GetAwaiter().GetResult()),
        };
        var seconds = clock.Elapsed.TotalSeconds;
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var cpuSeconds = (self.TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {args[0]} | {records:N0} | {findings:N0} | {seconds:F1} | {cpuSeconds:F1} | {self.PeakWorkingSet64 / (1024.0 * 1024.0):N0} MB |"));

        static (long, int) Counts(AnalysisResult result) => (result.Summary.Read.Total, result.Diagnostics.Count);
    }

    private static RuleSet LoadRule()
    {
        var file = Path.Combine(Path.GetTempPath(), "communityrules-benchmarks", "crossposting-rule.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, RuleYaml);
        var load = new RuleSetLoader(BuiltInChecks.Create()).Load([file]);
        return load.RuleSet ?? throw new InvalidOperationException("The COM003 rule did not load: " + string.Join("; ", load.Errors.Select(error => error.ToString())));
    }

    /// <summary>Feeds every post of the snapshot to an index, as the check does, and measures the managed memory it holds.</summary>
    private static async Task<(int Kept, long Bytes)> MeasureIndex(string folder)
    {
        var provider = new SnapshotProvider(folder);
        var network = new NetworkView(null, DateTimeOffset.UnixEpoch);
        var issues = new IgnoringReporter();
        await foreach (var person in provider.ReadPeopleAsync(issues, CancellationToken.None).ConfigureAwait(false))
        {
            network.TryAddPerson(person);
        }

        await foreach (var group in provider.ReadGroupsAsync(issues, CancellationToken.None).ConfigureAwait(false))
        {
            network.TryAddGroup(group);
        }

        // The engine keeps every post id for the comments; keep them here too, so only the index's own memory counts.
        var ids = new List<string>();
        await foreach (var post in provider.ReadPostsAsync(issues, CancellationToken.None).ConfigureAwait(false))
        {
            ids.Add(post.Id);
        }

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var index = new CrossPostIndex(new CrossPostingSettings(new CrossPostingOptions()));
        var at = 0;
        await foreach (var post in provider.ReadPostsAsync(issues, CancellationToken.None).ConfigureAwait(false))
        {
            // The index keeps the engine's copy of the id, as in a run.
            index.Add(post with { Id = ids[at++] }, network);
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(index);
        GC.KeepAlive(ids);
        return (index.Count, after - before);
    }

    private static async Task<long> ReadAllAsync(string folder)
    {
        return (await ReadCounts.ReadAsync(new SnapshotSource(folder)).ConfigureAwait(false)).Records;
    }

}

/// <summary>
/// <see cref="ExportBenchmarkConfig"/> with a longer build timeout: on a shared two-core machine BenchmarkDotNet's own
/// build of the project took more than its default two minutes.
/// </summary>
public sealed class CrossPostingBenchmarkConfig : ManualConfig
{
    /// <summary>Initializes a new instance of the <see cref="CrossPostingBenchmarkConfig"/> class.</summary>
    public CrossPostingBenchmarkConfig()
    {
        Add(new ExportBenchmarkConfig());
        BuildTimeout = TimeSpan.FromMinutes(15);
    }
}
