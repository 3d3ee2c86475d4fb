using BenchmarkDotNet.Attributes;
using CommunityRules.Model;

namespace CommunityRules.Benchmarks;

/// <summary>
/// The bundled pack on <see cref="BotMix"/>, one post per operation: the whole mix, 8,000 of its clean posts (so
/// Allocated is the bytes per clean post), 400 of its dirty posts, and the 8,000 clean posts' texts as comments.
/// Percentiles per post come from the <c>bot-latency</c> harness (<see cref="BotMixLatency"/>): BenchmarkDotNet's
/// percentiles are over iterations.
/// </summary>
[Config(typeof(BenchmarkConfig))]
[MemoryDiagnoser]
public class BotMixBenchmarks
{
    private const int CleanPosts = 8_000;
    private const int DirtyPosts = 400;

    private PostChecker _checker = null!;
    private Post[] _all = null!;
    private Post[] _clean = null!;
    private Post[] _dirty = null!;
    private Comment[] _cleanComments = null!;

    /// <summary>Loads the pack and the mix and splits it into clean and dirty posts.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _checker = new PostChecker(BotMix.Pack);
        _all = BotMix.All;
        var clean = _all.Where(post => _checker.Check(post).Count == 0).ToArray();
        var dirty = _all.Where(post => _checker.Check(post).Count > 0).ToArray();
        Console.WriteLine($"// Bot mix: {_all.Length:N0} posts, {clean.Length:N0} clean, {dirty.Length:N0} dirty");
        _clean = clean[..CleanPosts];
        _dirty = dirty[..DirtyPosts];
        _cleanComments = [.. _clean.Select(post => new Comment { Id = "c" + post.Id, PostId = post.Id, AuthorId = post.AuthorId, Text = post.Text })];
    }

    /// <summary>Every post of the mix.</summary>
    /// <returns>The number of findings.</returns>
    [Benchmark(Baseline = true, Description = "Mix, every post", OperationsPerInvoke = BotMix.Posts)]
    public int All() => CheckAll(_all);

    /// <summary>The clean posts: Allocated is the bytes per clean post.</summary>
    /// <returns>The number of findings (none).</returns>
    [Benchmark(Description = "Clean posts", OperationsPerInvoke = CleanPosts)]
    public int Clean() => CheckAll(_clean);

    /// <summary>The dirty posts.</summary>
    /// <returns>The number of findings.</returns>
    [Benchmark(Description = "Dirty posts", OperationsPerInvoke = DirtyPosts)]
    public int Dirty() => CheckAll(_dirty);

    /// <summary>The clean posts' texts as comments: <c>Check(Comment)</c>, the other half of the bot's entry points.</summary>
    /// <returns>The number of findings.</returns>
    [Benchmark(Description = "Clean posts as comments", OperationsPerInvoke = CleanPosts)]
    public int CleanComments()
    {
        var findings = 0;
        foreach (var comment in _cleanComments)
        {
            findings += _checker.Check(comment).Count;
        }

        return findings;
    }

    private int CheckAll(Post[] posts)
    {
        var findings = 0;
        foreach (var post in posts)
        {
            findings += _checker.Check(post).Count;
        }

        return findings;
    }
}
