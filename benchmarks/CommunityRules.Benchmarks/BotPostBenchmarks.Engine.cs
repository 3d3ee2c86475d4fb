using BenchmarkDotNet.Attributes;
using CommunityRules.Model;

namespace CommunityRules.Benchmarks;

/// <summary>
/// The bot path for one post: <c>PostChecker.Check</c> on a clean post of the corpus (no finding: must not allocate)
/// and on a dirty one (a term and, where the corpus has such a post, personal data). The latency distribution over
/// many posts comes from the <c>latency</c> harness (<see cref="BotLatency"/>).
/// </summary>
[Config(typeof(TextBenchmarkConfig))]
[MemoryDiagnoser]
public class BotPostBenchmarks
{
    private PostChecker _checker = null!;
    private Post _clean = null!;
    private Post _dirty = null!;

    /// <summary>Gets the term counts: 10, 100, 1,000 and 10,000, or those in <c>COMMUNITYRULES_BENCH_TERMS</c>.</summary>
    public static IEnumerable<int> TermCounts => TermLists.BenchmarkCounts;

    /// <summary>Gets or sets the number of discouraged terms.</summary>
    [ParamsSource(nameof(TermCounts))]
    public int Terms { get; set; }

    /// <summary>Loads the rules and picks the two posts.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _checker = GuidelinesEngine.Load(Terms);
        (_clean, _dirty) = GuidelinesEngine.PickPosts(_checker);
        Console.WriteLine($"// Clean post {_clean.Id} ({TextCorpus.Chars(_clean)} chars); dirty post {_dirty.Id} ({TextCorpus.Chars(_dirty)} chars): " +
            string.Join("; ", _checker.Check(_dirty).Select(finding => finding.Rule.Id + " " + finding.Message)));
    }

    /// <summary>A post without findings.</summary>
    /// <returns>The findings (none).</returns>
    [Benchmark(Baseline = true, Description = "Clean post")]
    public IReadOnlyList<Diagnostics.Diagnostic> Clean() => _checker.Check(_clean);

    /// <summary>A post with findings.</summary>
    /// <returns>The findings.</returns>
    [Benchmark(Description = "Dirty post")]
    public IReadOnlyList<Diagnostics.Diagnostic> Dirty() => _checker.Check(_dirty);
}
