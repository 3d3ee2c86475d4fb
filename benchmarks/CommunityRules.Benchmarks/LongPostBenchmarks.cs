using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using CommunityRules.Checks;
using CommunityRules.Model;
using CommunityRules.Rules;

namespace CommunityRules.Benchmarks;

/// <summary>
/// One long post full of hits, checked by <see cref="PostChecker"/>: the cost must grow linearly with the post's
/// length. Each operation checks posts of <see cref="Chars"/> characters until one million characters are checked
/// (100 posts of 10 KB, 10 of 100 KB, one of 1 MB), so a linear engine takes the same time at every size and
/// the <c>ns/char</c> column is flat.
/// </summary>
[Config(typeof(LongPostConfig))]
public class LongPostBenchmarks
{
    /// <summary>The characters checked per operation, whatever the post size.</summary>
    public const int CharsPerOperation = 1_000_000;

    private const string Rules = """
        rules:
          - id: LONG001
            title: Posts avoid internal words
            category: style
            severity: warning
            target: post
            check: terms
            options:
              terms: [konfidentiellt]
            message: "'{match}' at character {position}"
          - id: LONG002
            title: Posts do not share personal data
            category: privacy
            severity: warning
            target: post
            check: personalData
            message: "{detector} at character {position}"
        """;

    private PostChecker _checker = null!;
    private Post _post = null!;

    /// <summary>Gets or sets the post's length in UTF-16 characters.</summary>
    [Params(10_000, 100_000, 1_000_000)]
    public int Chars { get; set; }

    /// <summary>Gets or sets what the post repeats: a listed term (one finding, a hit every 28 characters) or distinct e-mail addresses (one finding each).</summary>
    [Params("term", "emails")]
    public string Hits { get; set; } = "term";

    /// <summary>Loads the rules and builds the post.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var load = new RuleSetLoader(BuiltInChecks.Create()).LoadText(Rules, "long-post.yaml");
        _checker = new PostChecker(load.RuleSet ?? throw new InvalidOperationException(string.Join("; ", load.Errors)));
        _post = new Post { Id = "p-long", GroupId = "g1", Text = Build(Chars, Hits) };
        var findings = _checker.Check(_post);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// {Hits}, {Chars:N0} chars: {findings.Count} findings; last: {findings[^1].Message}"));
    }

    /// <summary>Checks posts of <see cref="Chars"/> characters, one million characters in all.</summary>
    /// <returns>The number of findings.</returns>
    [Benchmark(Description = "Check 1M chars of long posts")]
    public int Check()
    {
        var findings = 0;
        for (var i = 0; i < CharsPerOperation / Chars; i++)
        {
            findings += _checker.Check(_post).Count;
        }

        return findings;
    }

    /// <summary>A text of <paramref name="chars"/> characters that repeats a term with an emoji, or distinct e-mail addresses.</summary>
    /// <param name="chars">The length.</param>
    /// <param name="hits">"term" or "emails".</param>
    /// <returns>The text.</returns>
    public static string Build(int chars, string hits)
    {
        var text = new StringBuilder(chars + 64);
        for (var i = 0; text.Length < chars; i++)
        {
            text.Append(hits == "term"
                ? "Det är konfidentiellt 🙂 nu. "
                : string.Create(CultureInfo.InvariantCulture, $"Mejla anna.{i}@example.org 🙂 "));
        }

        return text.ToString(0, chars);
    }

    private sealed class LongPostConfig : ManualConfig
    {
        public LongPostConfig()
        {
            var shared = new BenchmarkConfig();
            ArtifactsPath = shared.ArtifactsPath;
            SummaryStyle = shared.SummaryStyle;
            // One invocation per iteration: an operation is a million characters, long enough to time on its own, and
            // the quadratic engine this replaced took tens of seconds per operation.
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(5)
                .WithId("LongPost"));
            AddDiagnoser(MemoryDiagnoser.Default);
            AddColumn(new NanosecondsPerCharColumn());
        }
    }

    /// <summary>Mean divided by the million characters an operation checks.</summary>
    private sealed class NanosecondsPerCharColumn : IColumn
    {
        public string Id => "NsPerChar";

        public string ColumnName => "ns/char";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Mean divided by the 1,000,000 characters one operation checks";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
            summary[benchmarkCase]?.ResultStatistics is { } statistics
                ? (statistics.Mean / CharsPerOperation).ToString("N2", CultureInfo.InvariantCulture)
                : "-";

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
