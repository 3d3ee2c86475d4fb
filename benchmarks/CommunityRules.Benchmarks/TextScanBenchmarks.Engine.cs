using BenchmarkDotNet.Attributes;

namespace CommunityRules.Benchmarks;

/// <summary>The engine's bulk path over the whole corpus.</summary>
public partial class TextScanBenchmarks
{
    private PostChecker _checker = null!;

    /// <summary>The compiled matcher, one post after another on one thread.</summary>
    /// <returns>The number of findings.</returns>
    [Benchmark(Description = "Engine, 1 thread", OperationsPerInvoke = TextCorpus.Posts)]
    public long Engine()
    {
        long findings = 0;
        foreach (var post in _posts)
        {
            findings += _checker.Check(post).Count;
        }

        return findings;
    }

    /// <summary>The compiled matcher on all cores: one shared, immutable checker, chunks of posts with <see cref="Parallel.For(int, int, Action{int})"/>.</summary>
    /// <returns>The number of findings.</returns>
    [Benchmark(Description = "Engine, all cores", OperationsPerInvoke = TextCorpus.Posts)]
    public long EngineParallel() => ForAllCores(_posts, post => _checker.Check(post).Count);

    private void SetupEngine()
    {
        _checker = GuidelinesEngine.Load(Terms);
        GuidelinesEngine.Verify(_checker, Terms);
    }
}
