using BenchmarkDotNet.Attributes;

namespace CommunityRules.Benchmarks;

/// <summary>The engine on the same subset as the naive ways, so the ratios come out of one run.</summary>
public partial class TextBaselineBenchmarks
{
    private PostChecker _checker = null!;

    /// <summary>The compiled matcher over the subset, one thread.</summary>
    /// <returns>The number of findings.</returns>
    [Benchmark(Description = "Engine, 1 thread (subset)", OperationsPerInvoke = SubsetPosts)]
    public long Engine()
    {
        long findings = 0;
        foreach (var post in _posts)
        {
            findings += _checker.Check(post).Count;
        }

        return findings;
    }

    private void SetupEngine()
    {
        _checker = GuidelinesEngine.Load(Terms);
        GuidelinesEngine.Verify(_checker, Terms);
    }
}
