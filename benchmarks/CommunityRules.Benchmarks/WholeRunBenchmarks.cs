using System.Globalization;
using BenchmarkDotNet.Attributes;
using CommunityRules.Checks;
using CommunityRules.Data;
using CommunityRules.Data.Snapshot;
using CommunityRules.Engine;
using CommunityRules.Rules;

namespace CommunityRules.Benchmarks;

/// <summary>
/// A whole <c>check</c> run of <c>builtin:governance</c> over a generated snapshot, against the floor of the run:
/// streaming the same six files through <see cref="SnapshotProvider"/> and doing nothing with the records.
/// The Ratio column is the engine's cost over pure reading.
/// </summary>
[Config(typeof(BenchmarkConfig))]
[MemoryDiagnoser]
public class WholeRunBenchmarks
{
    private readonly RuleEngine _engine = new(TimeProvider.System);
    private RuleSet _ruleSet = null!;
    private string _folder = null!;

    /// <summary>Gets or sets the number of top-level posts; groups and people grow with it (see <see cref="SnapshotCache.OptionsFor"/>).</summary>
    [Params(12_000, 120_000)]
    public int Posts { get; set; }

    /// <summary>Loads the rules, generates (or reuses) the snapshot and checks that a whole run finds the planted problems.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var load = new RuleSetLoader(BuiltInChecks.Create()).Load(["builtin:governance"]);
        _ruleSet = load.RuleSet ?? throw new InvalidOperationException(
            "builtin:governance did not load: " + string.Join("; ", load.Errors.Select(error => error.ToString())));

        var options = SnapshotCache.OptionsFor(Posts);
        _folder = SnapshotCache.GetOrCreate(options);

        // The benchmark must not silently time a broken run: both paths have to read everything and the run has to
        // find what the generator planted (see samples/CommunityRules.SampleNetwork/KnownProblems.md).
        var result = CheckGovernance().GetAwaiter().GetResult();
        var read = ReadSnapshot().GetAwaiter().GetResult();
        SanityCheck.Verify(result, read, options);
    }

    /// <summary>Streams every record of the six files through <see cref="SnapshotProvider"/> and nothing else: the floor of a run.</summary>
    /// <returns>The number of records read.</returns>
    [Benchmark(Baseline = true, Description = "Read snapshot")]
    public Task<long> ReadSnapshot() =>
        RecordCounting.ReadEveryRecordAsync(new SnapshotProvider(_folder), new CountingIssueReporter());

    /// <summary>A whole run of <c>builtin:governance</c>, as <c>communityrules check</c> does it.</summary>
    /// <returns>The findings and counts.</returns>
    [Benchmark(Description = "Check governance")]
    public Task<AnalysisResult> CheckGovernance() =>
        _engine.AnalyzeAsync(_ruleSet, new SnapshotProvider(_folder));
}

/// <summary>The checks <see cref="WholeRunBenchmarks.Setup"/> makes before anything is timed.</summary>
internal static class SanityCheck
{
    public static void Verify(AnalysisResult result, long recordsRead, SampleNetwork.NetworkGeneratorOptions options)
    {
        var summary = result.Summary;
        var byRule = summary.FindingsByRule;
        int Findings(string rule) => byRule.TryGetValue(rule, out var count) ? count : 0;

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// Sanity: {options.Posts:N0} posts, {options.Groups:N0} groups, {options.People:N0} people; read {recordsRead:N0} records (engine {summary.Read.Total:N0}); " +
            $"findings {string.Join(", ", byRule.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}"))}; data issues {summary.DataIssues}"));

        // The planted problems do not grow with the size: 10 bad names, 6 poor descriptions, 12 groups short of
        // active admins, and at least one inactive group; the snapshot also holds posts in deleted groups.
        Require(Findings("GOV001") >= 10, $"expected at least 10 GOV001 (naming) findings, got {Findings("GOV001")}");
        Require(Findings("GOV002") >= 6, $"expected at least 6 GOV002 (description) findings, got {Findings("GOV002")}");
        Require(Findings("GOV003") >= 12, $"expected at least 12 GOV003 (admins) findings, got {Findings("GOV003")}");
        Require(Findings("GOV004") >= 1, $"expected at least 1 GOV004 (inactivity) finding, got {Findings("GOV004")}");
        Require(summary.DataIssues >= 1, "expected the planted data issues (posts in deleted groups, unknown authors)");
        Require(summary.Read.Posts >= options.Posts - 10, $"expected about {options.Posts} posts, read {summary.Read.Posts}");
        Require(summary.Read.Groups == options.Groups, $"expected {options.Groups} groups, read {summary.Read.Groups}");
        Require(summary.Read.People == options.People, $"expected {options.People} people, read {summary.Read.People}");
        Require(recordsRead == summary.Read.Total, $"the reading floor read {recordsRead} records but the run read {summary.Read.Total}");
    }

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Benchmark sanity check failed: " + problem + ".");
        }
    }
}
