using System.Globalization;
using BenchmarkDotNet.Attributes;
using CommunityRules.Checks;
using CommunityRules.Data;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Model;
using CommunityRules.Reporting;
using CommunityRules.Rules;

namespace CommunityRules.Benchmarks;

/// <summary>
/// Bulk text scanning on one core against two (issue 14: ≥ 1.7× on 2 cores): the engine (<see cref="RuleEngine"/>,
/// findings streamed to a counting sink and not kept) with the 10,000-term rule file and every personal-data detector
/// over the first 200,000 posts of the text corpus, held in memory (with their groups and authors) so reading costs
/// next to nothing and what is timed is the scan, the ordered replay and the engine around them;
/// <see cref="AnalysisOptions.MaxDegreeOfParallelism"/> 1 (the baseline) and 2. Beside it the same posts through
/// the bot path (<see cref="PostChecker"/>) in chunks on all cores: the scan alone, what the engine could reach.
/// One operation is one post; the Ratio column is the time on two cores over the time on one (0.59 is 1.7×).
/// </summary>
[Config(typeof(TextBenchmarkConfig))]
[BenchmarkCategory("posts:two-cores")]
// One operation (200,000 posts) takes about half a second: one per iteration, ten iterations, about a minute a case.
[InvocationCount(1, unrollFactor: 1)]
[IterationCount(10)]
public class TwoCoresBenchmarks
{
    private const int Posts = 200_000;
    private const int Terms = 10_000;

    private RuleSet _ruleSet = null!;
    private InMemoryNetwork _network = null!;
    private PostChecker _checker = null!;
    private Post[] _posts = null!;
    private long _expectedFindings;

    /// <summary>Loads the posts and the rule file, and checks one and two threads find the same.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _posts = TextCorpus.All[..Posts];
        CorpusStats.Record("posts:two-cores", (double)TextCorpus.Describe("two-cores", _posts) / _posts.Length);
        var path = TermLists.WriteRuleFile(Terms);
        var load = new RuleSetLoader(BuiltInChecks.Create()).Load([path]);
        _ruleSet = load.RuleSet ?? throw new InvalidOperationException($"{path} did not load: " + string.Join("; ", load.Errors.Select(error => error.ToString())));
        _checker = new PostChecker(_ruleSet);

        // The posts' groups and authors are in the network, so no post is a data issue of its own.
        var builder = InMemoryNetwork.CreateBuilder();
        foreach (var groupId in _posts.Select(post => post.GroupId).Distinct(StringComparer.Ordinal))
        {
            builder.Add(new Group { Id = groupId });
        }

        foreach (var authorId in _posts.Select(post => post.AuthorId).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            builder.Add(new Person { Id = authorId });
        }

        foreach (var post in _posts)
        {
            builder.Add(post);
        }

        _network = builder.Build();
        _expectedFindings = Run(1);
        var twoThreads = Run(2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// Sanity: {_expectedFindings:N0} findings on 1 thread, {twoThreads:N0} on 2, over {Posts:N0} posts"));
        if (_expectedFindings == 0 || twoThreads != _expectedFindings)
        {
            throw new InvalidOperationException("Benchmark sanity check failed: the engine found nothing, or not the same on one thread and two.");
        }
    }

    /// <summary>The engine on one thread.</summary>
    /// <returns>The number of findings.</returns>
    [Benchmark(Baseline = true, Description = "Engine, 1 thread", OperationsPerInvoke = Posts)]
    public long EngineOneThread() => Run(1);

    /// <summary>The engine on two threads.</summary>
    /// <returns>The number of findings.</returns>
    [Benchmark(Description = "Engine, 2 threads", OperationsPerInvoke = Posts)]
    public long EngineTwoThreads() => Run(2);

    /// <summary>The scan alone: the bot path, post after post on one thread.</summary>
    /// <returns>The number of findings.</returns>
    [Benchmark(Description = "Scan only (PostChecker), 1 thread", OperationsPerInvoke = Posts)]
    public long ScanOneThread()
    {
        long findings = 0;
        foreach (var post in _posts)
        {
            findings += _checker.Check(post).Count;
        }

        return findings;
    }

    /// <summary>The scan alone on all cores, in chunks of 4,096 posts.</summary>
    /// <returns>The number of findings.</returns>
    [Benchmark(Description = "Scan only (PostChecker), all cores", OperationsPerInvoke = Posts)]
    public long ScanAllCores() => TextScanBenchmarks.ForAllCores(_posts, post => _checker.Check(post).Count);

    private long Run(int threads)
    {
        var sink = new CountingSink();
        var options = new AnalysisOptions { MaxDegreeOfParallelism = threads, KeepDiagnostics = false, AsOf = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero) };
        options.Sinks.Add(sink);
        new RuleEngine(TimeProvider.System).AnalyzeAsync(_ruleSet, _network, options).GetAwaiter().GetResult();
        return sink.Count;
    }

    private sealed class CountingSink : IDiagnosticSink
    {
        public long Count { get; private set; }

        public void Emit(Diagnostic diagnostic, NetworkView network) => Count++;
    }
}
