using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace CommunityRules.Benchmarks;

/// <summary>
/// The configuration of the posting-guidelines benchmarks: <see cref="BenchmarkConfig"/>'s columns and report folder
/// with fewer iterations (each case loads a million posts and may compile 10,000 regexes, so the suite stays within
/// about 25 minutes), and two throughput columns. Every benchmark reports one post per operation
/// (<c>OperationsPerInvoke</c>), so Mean is the time per post and Allocated the bytes per post.
/// </summary>
public sealed class TextBenchmarkConfig : ManualConfig
{
    /// <summary>Initializes a new instance of the <see cref="TextBenchmarkConfig"/> class.</summary>
    public TextBenchmarkConfig()
    {
        var shared = new BenchmarkConfig();
        ArtifactsPath = shared.ArtifactsPath;
        SummaryStyle = shared.SummaryStyle;
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(5)
            .WithId("Text"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(BaselineRatioColumn.RatioMean, BaselineAllocationRatioColumn.RatioMean);
        AddColumn(new ThroughputColumn(charsPerSecond: false), new ThroughputColumn(charsPerSecond: true));
    }
}

/// <summary>
/// Posts per second (1 / Mean) or millions of UTF-16 characters per second (title and text). The characters per post
/// of each set of posts come from the file <see cref="CorpusStats"/> writes when a benchmark loads its posts; a
/// benchmark names its set with a <c>[BenchmarkCategory]</c> starting with <c>posts:</c>.
/// </summary>
internal sealed class ThroughputColumn(bool charsPerSecond) : IColumn
{
    public string Id => charsPerSecond ? "MCharsPerSecond" : "PostsPerSecond";

    public string ColumnName => charsPerSecond ? "M chars/s" : "Posts/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => charsPerSecond ? 1 : 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => charsPerSecond
        ? "Millions of UTF-16 characters (title and text) scanned per second: chars/post of the benchmark's posts divided by Mean"
        : "Posts checked per second: 1 / Mean (one operation is one post)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is not { } statistics)
        {
            return "-";
        }

        var postsPerSecond = 1e9 / statistics.Mean;
        if (!charsPerSecond)
        {
            return postsPerSecond.ToString(postsPerSecond >= 100 ? "N0" : "N1", CultureInfo.InvariantCulture);
        }

        var set = benchmarkCase.Descriptor.Categories.FirstOrDefault(category => category.StartsWith("posts:", StringComparison.Ordinal));
        return set is not null && CorpusStats.CharsPerPost(set) is { } chars
            ? (postsPerSecond * chars / 1e6).ToString("N1", CultureInfo.InvariantCulture)
            : "?";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

/// <summary>
/// Characters per post of each set of posts the text benchmarks scan, kept in a small file beside the snapshots so
/// the BenchmarkDotNet host, which never loads the posts, can show characters per second.
/// </summary>
internal static class CorpusStats
{
    private static string FilePath => Path.Combine(Path.GetTempPath(), "communityrules-benchmarks", "text-corpus-stats.txt");

    /// <summary>Records the characters per post of a set (idempotent; the sets are deterministic).</summary>
    /// <param name="set">The set's category, <c>posts:…</c>.</param>
    /// <param name="charsPerPost">Its characters per post.</param>
    public static void Record(string set, double charsPerPost)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"{set}\t{charsPerPost:R}");
        try
        {
            var lines = File.Exists(FilePath) ? File.ReadAllLines(FilePath) : [];
            if (!lines.Contains(line, StringComparer.Ordinal))
            {
                File.AppendAllLines(FilePath, [line]);
            }
        }
        catch (IOException)
        {
            // Another case process is writing the same line; the column shows '?' at worst.
        }
    }

    /// <summary>Gets the characters per post of a set, or <see langword="null"/> if no benchmark recorded it.</summary>
    /// <param name="set">The set's category.</param>
    /// <returns>The characters per post.</returns>
    public static double? CharsPerPost(string set)
    {
        if (!File.Exists(FilePath))
        {
            return null;
        }

        foreach (var line in File.ReadLines(FilePath))
        {
            var parts = line.Split('\t');
            if (parts.Length == 2 && string.Equals(parts[0], set, StringComparison.Ordinal))
            {
                return double.Parse(parts[1], CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
