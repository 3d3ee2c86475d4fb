using BenchmarkDotNet.Attributes;
using CommunityRules.Model;

namespace CommunityRules.Benchmarks;

/// <summary>
/// The ways the compiled matcher replaces, on a subset of <see cref="SubsetPosts"/> posts spread over the
/// 1,000,000-post network (the naive ways take tens of milliseconds a post at 10,000 terms): every term and detector
/// as its own compiled regex tested in a loop, and Microsoft's RulesEngine with one workflow rule per term and
/// detector. The baseline is the <c>IndexOf</c> reference over the same subset; the engine on the same subset is in
/// <c>TextBaselineBenchmarks.Engine.cs</c>. One operation is one post, so the
/// numbers compare directly with <see cref="TextScanBenchmarks"/>.
/// </summary>
[Config(typeof(TextBenchmarkConfig))]
[MemoryDiagnoser]
[BenchmarkCategory(SubsetCategory)]
public partial class TextBaselineBenchmarks
{
    /// <summary>The number of posts of the subset: about 6 s a run for the slowest case (RulesEngine at 10,000 terms).</summary>
    internal const int SubsetPosts = 200;

    private const string SubsetCategory = "posts:subset200";

    private Post[] _posts = null!;
    private NaiveScanner _naive = null!;
    private RulesEngineScanner _rulesEngine = null!;

    /// <summary>Gets the term counts: 10, 100, 1,000 and 10,000, or those in <c>COMMUNITYRULES_BENCH_TERMS</c>.</summary>
    public static IEnumerable<int> TermCounts => TermLists.BenchmarkCounts;

    /// <summary>Gets or sets the number of discouraged terms.</summary>
    [ParamsSource(nameof(TermCounts))]
    public int Terms { get; set; }

    /// <summary>Loads the subset, compiles the regexes and the RulesEngine workflow, and checks that they find the same posts.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _posts = TextCorpus.Sample(SubsetPosts);
        var chars = TextCorpus.Describe("subset", _posts);
        CorpusStats.Record(SubsetCategory, (double)chars / _posts.Length);
        var terms = TermLists.Create(Terms);
        _naive = new NaiveScanner(terms);
        _rulesEngine = new RulesEngineScanner(terms);

        // Both ways run every rule on every post; they must agree on how many rules matched, or one of them is broken.
        var naive = NaiveRegexLoop();
        var rulesEngine = RulesEngine();
        Console.WriteLine($"// Sanity: {Terms} terms, {_naive.RuleCount} regexes, {_rulesEngine.RuleCount} workflow rules; matched rules over the subset: naive {naive}, RulesEngine {rulesEngine}");
        if (naive != rulesEngine)
        {
            throw new InvalidOperationException($"Benchmark sanity check failed: the naive loop matched {naive} rules and RulesEngine {rulesEngine}.");
        }

        SetupEngine();
    }

    /// <summary>The reference over the subset: <c>IndexOf</c> of an absent character over each title and text.</summary>
    /// <returns>The sum of the results.</returns>
    [Benchmark(Baseline = true, Description = "IndexOf reference (subset)", OperationsPerInvoke = SubsetPosts)]
    public long IndexOfReference()
    {
        long sum = 0;
        foreach (var post in _posts)
        {
            sum += post.Title.AsSpan().IndexOf(TextScanBenchmarks.Absent) + post.Text.AsSpan().IndexOf(TextScanBenchmarks.Absent);
        }

        return sum;
    }

    /// <summary>Every term's <c>\bterm\b</c> regex and every detector's regex tested against every post.</summary>
    /// <returns>The number of matching rules.</returns>
    [Benchmark(Description = "Naive regex loop (subset)", OperationsPerInvoke = SubsetPosts)]
    public long NaiveRegexLoop()
    {
        long hits = 0;
        foreach (var post in _posts)
        {
            hits += _naive.Check(post);
        }

        return hits;
    }

    /// <summary>RulesEngine's <c>ExecuteAllRulesAsync</c> for every post.</summary>
    /// <returns>The number of matching rules.</returns>
    [Benchmark(Description = "RulesEngine (subset)", OperationsPerInvoke = SubsetPosts)]
    public long RulesEngine()
    {
        long hits = 0;
        foreach (var post in _posts)
        {
            hits += _rulesEngine.CheckAsync(post).GetAwaiter().GetResult();
        }

        return hits;
    }

    // Implemented in TextBaselineBenchmarks.Engine.cs.
}
