using BenchmarkDotNet.Attributes;
using CommunityRules.Model;
using CommunityRules.Rules;
using CommunityRules.Text;

namespace CommunityRules.Benchmarks;

/// <summary>
/// The <c>shouting</c> check per post of <see cref="BotMix"/> (title and text): the letter count alone, one character
/// at a time as before (the baseline) and vectorised (<see cref="LetterCounts"/>), and <see cref="PostChecker"/> with
/// POST009 as the only rule, the whole cost a bot pays for it.
/// </summary>
[Config(typeof(BenchmarkConfig))]
[MemoryDiagnoser]
public class ShoutingBenchmarks
{
    private Post[] _posts = null!;
    private PostChecker _checker = null!;

    /// <summary>Loads the mix and a rule set with POST009 only.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _posts = BotMix.All;
        var load = new RuleSetLoader(Checks.BuiltInChecks.Create()).LoadText(
            "extends: [builtin:posting-guidelines]\nseverity: { POST001: none, POST002: none, POST003: none, POST004: none, POST005: none, POST006: none, POST007: none, POST008: none, POST010: none }\n",
            "shouting-only.yaml");
        _checker = new PostChecker(load.RuleSet ?? throw new InvalidOperationException(string.Join("; ", load.Errors)));
        var shouting = _posts.Count(post => _checker.Check(post).Count > 0);
        Console.WriteLine($"// {shouting} of {_posts.Length} posts shout; active rules: {string.Join(", ", _checker.RuleSet.Runtimes.Select(runtime => runtime.Descriptor.Id))}");
    }

    /// <summary>Counting as the check did before: one character at a time.</summary>
    /// <returns>The capitals counted.</returns>
    [Benchmark(Baseline = true, Description = "Letter count, one char at a time (before)", OperationsPerInvoke = BotMix.Posts)]
    public int OneAtATime()
    {
        var capitals = 0;
        foreach (var post in _posts)
        {
            capitals += LetterCounts.CountOneByOne(post.Title).Capitals + LetterCounts.CountOneByOne(post.Text).Capitals;
        }

        return capitals;
    }

    /// <summary>The first vectorised count (Vector256, a pop-count per block, scalar tail), as in <c>main</c> before this step.</summary>
    /// <returns>The capitals counted.</returns>
    [Benchmark(Description = "Letter count, Vector256 + pop-count (before)", OperationsPerInvoke = BotMix.Posts)]
    public int VectorisedBefore()
    {
        var capitals = 0;
        foreach (var post in _posts)
        {
            capitals += LetterCountsBefore.Count(post.Title).Capitals + LetterCountsBefore.Count(post.Text).Capitals;
        }

        return capitals;
    }

    /// <summary>The count the check uses: lane counters, Vector256 (<see cref="LetterCounts.Default"/>).</summary>
    /// <returns>The capitals counted.</returns>
    [Benchmark(Description = "Letter count, lane counters, Vector256", OperationsPerInvoke = BotMix.Posts)]
    public int Vectorised256() => CountAll(LetterCounts.Width.Vector256);

    /// <summary>The same with Vector512 where the CPU has it (the check does not use it; see <see cref="LetterCounts.Default"/>).</summary>
    /// <returns>The capitals counted.</returns>
    [Benchmark(Description = "Letter count, lane counters, Vector512", OperationsPerInvoke = BotMix.Posts)]
    public int Vectorised512() => CountAll(LetterCounts.Width.Vector512);

    /// <summary>The bot with POST009 only.</summary>
    /// <returns>The number of findings.</returns>
    [Benchmark(Description = "PostChecker, POST009 only", OperationsPerInvoke = BotMix.Posts)]
    public int Checker()
    {
        var findings = 0;
        foreach (var post in _posts)
        {
            findings += _checker.Check(post).Count;
        }

        return findings;
    }

    private int CountAll(LetterCounts.Width width)
    {
        var capitals = 0;
        foreach (var post in _posts)
        {
            capitals += LetterCounts.Count(post.Title, width).Capitals + LetterCounts.Count(post.Text, width).Capitals;
        }

        return capitals;
    }
}
