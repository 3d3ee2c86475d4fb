using System.Globalization;
using BenchmarkDotNet.Attributes;
using CommunityRules.Checks;
using CommunityRules.Checks.BuiltIn.Placement;
using CommunityRules.Data;
using CommunityRules.Data.Snapshot;
using CommunityRules.Engine;
using CommunityRules.Model;
using CommunityRules.Rules;
using CommunityRules.SampleNetwork;

namespace CommunityRules.Benchmarks;

/// <summary>
/// The <c>placement</c> check over a generated snapshot of 1,000,000 posts in 1,000 groups, against the reading floor:
/// streaming the same six files through <see cref="SnapshotProvider"/> and doing nothing with the records. The check
/// reads the posts twice (profiles in the first reading, judgement in the second), so its floor is above one reading.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
[Config(typeof(SlowBuildConfig))]
public class PlacementBenchmarks
{
    private const string Rule = """
        rules:
          - id: PLC
            title: Posts are in the group they belong to
            severity: suggestion
            target: post
            check: placement
            message: "{reason}"
        """;

    private static readonly NetworkGeneratorOptions Options = new()
    {
        Seed = SnapshotCache.Seed,
        Posts = 1_000_000,
        Groups = 1_000,
        People = 15_000,
    };

    private readonly RuleEngine _engine = new(TimeProvider.System);
    private RuleSet _ruleSet = null!;
    private string _folder = null!;

    /// <summary>Generates (or reuses) the snapshot, loads the rule, and checks that a run reads everything.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _ruleSet = new RuleSetLoader(BuiltInChecks.Create()).LoadText(Rule).RuleSet
            ?? throw new InvalidOperationException("The placement rule did not load.");
        _folder = SnapshotCache.GetOrCreate(Options);

        var result = Placement().GetAwaiter().GetResult();
        var read = ReadSnapshot().GetAwaiter().GetResult();
        var profiles = RetainedProfileBytes().GetAwaiter().GetResult();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// Sanity: {result.Summary.Read.Posts:N0} posts, {result.Summary.Read.Groups:N0} groups; read {read:N0} records (engine {result.Summary.Read.Total:N0}); " +
            $"{result.Diagnostics.Count(d => d.Rule.Id == "PLC"):N0} PLC findings; profiles retained after the first reading: {profiles / 1024.0 / 1024.0:0.0} MB"));
        if (read != result.Summary.Read.Total || result.Summary.Read.Posts < Options.Posts - 10)
        {
            throw new InvalidOperationException($"Benchmark sanity check failed: the floor read {read} records, the run {result.Summary.Read.Total}.");
        }
    }

    /// <summary>Streams every record of the six files and nothing else: the floor of a run.</summary>
    /// <returns>The number of records read.</returns>
    [Benchmark(Baseline = true, Description = "Read snapshot")]
    public async Task<long> ReadSnapshot()
    {
        return (await ReadCounts.ReadAsync(new SnapshotSource(_folder)).ConfigureAwait(false)).Records;
    }

    /// <summary>A whole run with only the placement rule: both readings of the posts, the profiles and the judgement.</summary>
    /// <returns>The findings.</returns>
    [Benchmark(Description = "Check placement")]
    public Task<AnalysisResult> Placement() => _engine.AnalyzeAsync(_ruleSet, new SnapshotProvider(_folder));

    /// <summary>The heap the profiles hold once every post was learnt and the index built: what the check keeps, whatever the number of posts.</summary>
    private async Task<long> RetainedProfileBytes()
    {
        var source = new SnapshotProvider(_folder);
        var issues = new IgnoringReporter();
        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
        await foreach (var group in source.ReadGroupsAsync(issues, CancellationToken.None).ConfigureAwait(false))
        {
            groups.TryAdd(group.Id, group);
        }

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var run = new PlacementRun(new PlacementSettings(new Checks.BuiltIn.PlacementOptions()));
        await foreach (var post in source.ReadPostsAsync(issues, CancellationToken.None).ConfigureAwait(false))
        {
            if (groups.TryGetValue(post.GroupId, out var group))
            {
                run.Learn(post, group);
            }
        }

        run.Freeze(groups.Values);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(run);
        return after - before;
    }

    /// <summary>BenchmarkDotNet's own build of the project takes more than its default two minutes on a loaded 2-core machine.</summary>
    private sealed class SlowBuildConfig : BenchmarkDotNet.Configs.ManualConfig
    {
        public SlowBuildConfig() => BuildTimeout = TimeSpan.FromMinutes(15);
    }
}
