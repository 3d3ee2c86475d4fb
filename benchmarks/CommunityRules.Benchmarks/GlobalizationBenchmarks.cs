using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using CommunityRules.Checks;
using CommunityRules.Model;
using CommunityRules.Rules;
using CommunityRules.Text.Links;

namespace CommunityRules.Benchmarks;

/// <summary>
/// The text paths with ICU and without it: each benchmark runs in two jobs, "ICU" (the baseline) and "Invariant"
/// (<c>DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1</c>, <c>TZ=Pacific/Auckland</c>, <c>LANG=tr_TR.UTF-8</c>, as in many
/// containers), over 100,000 posts spread over the generated million. Ratio is Invariant / ICU per benchmark; the goal
/// is 1.00 (the links scan was 11-15 times slower without ICU when it searched for "www." with a culture-aware call).
/// </summary>
[Config(typeof(GlobalizationBenchmarkConfig))]
[BenchmarkCategory("posts:sample100k")]
public class GlobalizationBenchmarks
{
    /// <summary>The posts each operation reads.</summary>
    public const int Posts = 100_000;

    private Post[] _posts = null!;
    private PostChecker _terms = null!;
    private PostChecker _pack = null!;

    /// <summary>Loads the posts and the rule sets.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _posts = TextCorpus.Sample(Posts);
        var chars = TextCorpus.Describe("sample100k", _posts);
        CorpusStats.Record("posts:sample100k", (double)chars / _posts.Length);
        _terms = GuidelinesEngine.Load(1_000);
        var pack = Path.Combine(RepoRoot(), "rules", "posting-guidelines.yaml");
        var load = new RuleSetLoader(BuiltInChecks.Create()).Load([pack]);
        _pack = new PostChecker(load.RuleSet ?? throw new InvalidOperationException($"{pack} did not load."));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// ICU loaded: {IcuIsLoaded()}; TZ {TimeZoneInfo.Local.Id}; links {Links()}; pack findings {Pack()}"));
    }

    /// <summary>Every link in the posts' titles and texts (the scan the links check and the detectors share).</summary>
    /// <returns>The number of links.</returns>
    [Benchmark(Description = "Links scan", OperationsPerInvoke = Posts)]
    public long Links()
    {
        var sink = new CountingSink();
        foreach (var post in _posts)
        {
            LinkScanner.Scan(post.Title, ref sink);
            LinkScanner.Scan(post.Text, ref sink);
        }

        return sink.Count;
    }

    /// <summary>The bot path with 1,000 terms, every personal-data detector and links.</summary>
    /// <returns>The number of findings.</returns>
    [Benchmark(Description = "PostChecker, 1,000 terms", OperationsPerInvoke = Posts)]
    public long Terms() => CheckAll(_terms);

    /// <summary>The bot path with the bundled posting-guidelines pack (terms folding diacritics, links, personal data, shouting).</summary>
    /// <returns>The number of findings.</returns>
    [Benchmark(Description = "PostChecker, posting-guidelines pack", OperationsPerInvoke = Posts)]
    public long Pack() => CheckAll(_pack);

    private long CheckAll(PostChecker checker)
    {
        long findings = 0;
        foreach (var post in _posts)
        {
            findings += checker.Check(post).Count;
        }

        return findings;
    }

    // Without ICU the runtime cannot decompose "é"; the invariant-mode switch is read by the host, not AppContext.
    private static bool IcuIsLoaded() => "é".Normalize(NormalizationForm.FormD).Length == 2;

    private static string RepoRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CommunityRules.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The benchmarks run from inside the repository.");
    }

    private struct CountingSink : ILinkSink
    {
        public long Count;

        public void Add(LinkMatch link) => Count++;
    }
}

/// <summary>Two jobs, with ICU (the baseline) and without, each in its own process with its own environment.</summary>
public sealed class GlobalizationBenchmarkConfig : ManualConfig
{
    /// <summary>Initializes a new instance of the <see cref="GlobalizationBenchmarkConfig"/> class.</summary>
    public GlobalizationBenchmarkConfig()
    {
        var shared = new BenchmarkConfig();
        ArtifactsPath = shared.ArtifactsPath;
        SummaryStyle = shared.SummaryStyle;

        // Two builds of the project (one per job's environment); on the shared 2-core machine one takes over the default 2 minutes.
        BuildTimeout = TimeSpan.FromMinutes(20);
        var job = Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(5);
        AddJob(job
            .WithEnvironmentVariables(
                new EnvironmentVariable("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "0"),
                new EnvironmentVariable("TZ", "UTC"),
                new EnvironmentVariable("LANG", "en_US.UTF-8"))
            .WithId("ICU")
            .AsBaseline());
        AddJob(job
            .WithEnvironmentVariables(
                new EnvironmentVariable("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1"),
                new EnvironmentVariable("TZ", "Pacific/Auckland"),
                new EnvironmentVariable("LANG", "tr_TR.UTF-8"))
            .WithId("Invariant"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(BaselineRatioColumn.RatioMean, BaselineAllocationRatioColumn.RatioMean);
        AddColumn(new ThroughputColumn(charsPerSecond: true));
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByMethod);
    }
}
