using BenchmarkDotNet.Attributes;
using CommunityRules.Checks;
using CommunityRules.Data.Snapshot;
using CommunityRules.Engine;
using CommunityRules.Rules;

namespace CommunityRules.Benchmarks;

/// <summary>
/// What counting each person's posts, comments and reactions for the <c>leadership</c> check costs: a whole run of
/// <c>builtin:governance</c> with and without a leadership rule (minimums of posts, comments and reactions, so every
/// kind of record is counted), against the floor of reading the same snapshot.
/// </summary>
[Config(typeof(BenchmarkConfig))]
[MemoryDiagnoser]
public class LeadershipBenchmarks
{
    private const string LeadershipRule = """
        rules:
          - id: BENCH-LEAD
            title: Leaders take part
            target: person
            where: { roles: executive, active: true }
            check: leadership
            options: { days: 90, minPosts: 1, minComments: 3, minReactions: 5 }
            message: "{person.name}: {reason}"
        """;

    private readonly RuleEngine _engine = new(TimeProvider.System);
    private RuleSet _governance = null!;
    private RuleSet _withLeadership = null!;
    private string _folder = null!;

    /// <summary>Gets or sets the number of top-level posts; groups and people grow with it (see <see cref="SnapshotCache.OptionsFor"/>).</summary>
    [Params(120_000)]
    public int Posts { get; set; }

    /// <summary>Loads both rule sets and generates (or reuses) the snapshot; checks the leadership rule ran.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rules = Path.Combine(Path.GetTempPath(), "communityrules-benchmarks", "leadership-rule.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(rules)!);
        File.WriteAllText(rules, LeadershipRule);
        var loader = new RuleSetLoader(BuiltInChecks.Create());
        _governance = loader.Load(["builtin:governance"]).RuleSet ?? throw new InvalidOperationException("builtin:governance did not load.");
        _withLeadership = loader.Load(["builtin:governance", rules]).RuleSet ?? throw new InvalidOperationException("The leadership rule did not load.");
        _folder = SnapshotCache.GetOrCreate(SnapshotCache.OptionsFor(Posts));

        var result = CheckWithLeadership().GetAwaiter().GetResult();
        if (result.Network.PersonActivity is null || result.DataNotes.Any(note => note.Message.Contains("BENCH-LEAD", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException("The leadership rule did not run: the benchmark would time nothing.");
        }

        Console.WriteLine($"// Sanity: BENCH-LEAD findings {result.Summary.FindingsByRule.GetValueOrDefault("BENCH-LEAD")}; records {result.Summary.Read.Total}");
    }

    /// <summary>Streams every record of the six files through <see cref="SnapshotProvider"/> and nothing else: the floor of a run.</summary>
    /// <returns>The number of records read.</returns>
    [Benchmark(Baseline = true, Description = "Read snapshot")]
    public async Task<long> ReadSnapshot()
    {
        return (await ReadCounts.ReadAsync(new SnapshotSource(_folder)).ConfigureAwait(false)).Records;
    }

    /// <summary>A whole run of <c>builtin:governance</c>: nobody's activity is counted.</summary>
    /// <returns>The findings and counts.</returns>
    [Benchmark(Description = "Check governance")]
    public Task<AnalysisResult> CheckGovernance() => _engine.AnalyzeAsync(_governance, new SnapshotProvider(_folder));

    /// <summary>The same run with a leadership rule: every post, comment and reaction is counted for its person.</summary>
    /// <returns>The findings and counts.</returns>
    [Benchmark(Description = "Check governance + leadership")]
    public Task<AnalysisResult> CheckWithLeadership() => _engine.AnalyzeAsync(_withLeadership, new SnapshotProvider(_folder));

}
