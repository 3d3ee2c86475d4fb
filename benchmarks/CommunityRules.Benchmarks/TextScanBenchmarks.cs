using System.Globalization;
using BenchmarkDotNet.Attributes;
using CommunityRules.Model;

namespace CommunityRules.Benchmarks;

/// <summary>
/// The posting-guidelines bulk path over the titles and texts of the generated 1,000,000-post network: the compiled
/// matcher (<c>PostChecker.Check</c>) with 10 to 10,000 terms and every personal-data detector, on one thread and
/// on all cores, against the machine's reference, <c>span.IndexOf</c> of a character that never occurs over the same
/// text (the Ratio column). One operation is one post. The engine benchmarks live in
/// <c>TextScanBenchmarks.Engine.cs</c>.
/// </summary>
[Config(typeof(TextBenchmarkConfig))]
[MemoryDiagnoser]
[BenchmarkCategory("posts:all")]
public partial class TextScanBenchmarks
{
    /// <summary>A character the generator never writes (a Unicode noncharacter), so IndexOf reads every character.</summary>
    internal const char Absent = '\uFFFF';

    private Post[] _posts = null!;

    /// <summary>Gets the term counts: 10, 100, 1,000 and 10,000, or those in <c>COMMUNITYRULES_BENCH_TERMS</c>.</summary>
    public static IEnumerable<int> TermCounts => TermLists.BenchmarkCounts;

    /// <summary>Gets or sets the number of discouraged terms of the rule set.</summary>
    [ParamsSource(nameof(TermCounts))]
    public int Terms { get; set; }

    /// <summary>Loads the posts (and, when the engine is compiled in, the rule set) and checks the reference reads everything.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _posts = TextCorpus.All;
        var chars = TextCorpus.Describe("all", _posts);
        CorpusStats.Record("posts:all", (double)chars / _posts.Length);
        if (IndexOfReference() != -2L * _posts.Length)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Benchmark sanity check failed: U+{(int)Absent:X4} occurs in the corpus."));
        }

        SetupEngine();
    }

    /// <summary>The machine's reference: <c>IndexOf</c> of an absent character over each post's title and text, one thread.</summary>
    /// <returns>The sum of the results (−2 per post).</returns>
    [Benchmark(Baseline = true, Description = "IndexOf reference", OperationsPerInvoke = TextCorpus.Posts)]
    public long IndexOfReference()
    {
        long sum = 0;
        foreach (var post in _posts)
        {
            sum += IndexOfAbsent(post);
        }

        return sum;
    }

    /// <summary>The same reference on all cores, partitioned as the engine's parallel path is.</summary>
    /// <returns>The sum of the results (−2 per post).</returns>
    [Benchmark(Description = "IndexOf reference, all cores", OperationsPerInvoke = TextCorpus.Posts)]
    public long IndexOfReferenceParallel() => ForAllCores(_posts, IndexOfAbsent);

    /// <summary>Runs <paramref name="check"/> over every post with <see cref="Parallel.For(int, int, Action{int})"/>, in chunks, and sums the results.</summary>
    /// <param name="posts">The posts.</param>
    /// <param name="check">What to do with one post.</param>
    /// <returns>The sum of <paramref name="check"/> over the posts.</returns>
    internal static long ForAllCores(Post[] posts, Func<Post, int> check)
    {
        // Chunks of 4,096 posts: few enough for the scheduling to cost nothing, many enough to balance two cores.
        const int chunk = 4_096;
        long total = 0;
        Parallel.For(
            0,
            (posts.Length + chunk - 1) / chunk,
            () => 0L,
            (index, _, sum) =>
            {
                var end = Math.Min(posts.Length, (index + 1) * chunk);
                for (var i = index * chunk; i < end; i++)
                {
                    sum += check(posts[i]);
                }

                return sum;
            },
            sum => Interlocked.Add(ref total, sum));
        return total;
    }

    private static int IndexOfAbsent(Post post) =>
        post.Title.AsSpan().IndexOf(Absent) + post.Text.AsSpan().IndexOf(Absent);

    // Implemented in TextScanBenchmarks.Engine.cs: loads the rule file for Terms and builds the PostChecker.
}
