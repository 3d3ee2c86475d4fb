using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using CommunityRules.Checks;
using CommunityRules.Data;
using CommunityRules.Data.Snapshot;
using CommunityRules.Engine;
using CommunityRules.Rules;

namespace CommunityRules.Benchmarks;

/// <summary>
/// The reading floor of issue 14: a bare <see cref="Utf8JsonReader"/> pass over the six snapshot files (the same file
/// opening, gzip checking and line splitting as <see cref="SnapshotProvider"/>, every token read, no object made),
/// beside <see cref="SnapshotProvider"/> reading the records and a whole check of the governance and posting-guidelines
/// packs. The Ratio column is each against the floor.
/// </summary>
[Config(typeof(ReadingFloorConfig))]
public class ReadingFloorBenchmarks
{
    private readonly RuleEngine _engine = new(TimeProvider.System);
    private RuleSet _ruleSet = null!;
    private string _folder = null!;

    /// <summary>Gets or sets the number of top-level posts; people and groups grow with it (<see cref="SnapshotCache.OptionsFor"/>).</summary>
    [Params(120_000, 1_000_000)]
    public int Posts { get; set; }

    /// <summary>Loads the packs, finds (or generates) the snapshot, and checks that the floor and the reader see the same records.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var load = new RuleSetLoader(BuiltInChecks.Create()).Load(["builtin:governance", "builtin:posting-guidelines"]);
        _ruleSet = load.RuleSet ?? throw new InvalidOperationException(
            "the packs did not load: " + string.Join("; ", load.Errors.Select(error => error.ToString())));
        _folder = SnapshotCache.GetOrCreate(SnapshotCache.OptionsFor(Posts));

        var floor = ReadingFloor(_folder);
        var read = ReadSnapshot().GetAwaiter().GetResult();
        Console.WriteLine($"// Sanity: {Posts} posts; the floor read {floor.Lines} lines ({floor.Tokens} tokens), the reader {read} records");
        if (floor.Lines < read || read < Posts)
        {
            throw new InvalidOperationException($"Benchmark sanity check failed: the floor read {floor.Lines} lines and the reader {read} records.");
        }
    }

    /// <summary>Every token of every line of the six files through a <see cref="Utf8JsonReader"/>, and nothing else.</summary>
    /// <returns>The number of tokens read.</returns>
    [Benchmark(Baseline = true, Description = "Utf8JsonReader pass")]
    public long Utf8JsonReaderPass() => ReadingFloor(_folder).Tokens;

    /// <summary>Every record of the six files through <see cref="SnapshotProvider"/>, counted and dropped.</summary>
    /// <returns>The number of records read.</returns>
    [Benchmark(Description = "Read snapshot")]
    public async Task<long> ReadSnapshot()
    {
        var source = new SnapshotProvider(_folder);
        var issues = new NoIssues();
        var cancellationToken = CancellationToken.None;
        long records = 0;
        _ = await source.ReadManifestAsync(cancellationToken).ConfigureAwait(false);
        records += await CountAsync(source.ReadPeopleAsync(issues, cancellationToken)).ConfigureAwait(false);
        records += await CountAsync(source.ReadGroupsAsync(issues, cancellationToken)).ConfigureAwait(false);
        records += await CountAsync(source.ReadMembershipsAsync(issues, cancellationToken)).ConfigureAwait(false);
        records += await CountAsync(source.ReadPostsAsync(issues, cancellationToken)).ConfigureAwait(false);
        records += await CountAsync(source.ReadCommentsAsync(issues, cancellationToken)).ConfigureAwait(false);
        records += await CountAsync(source.ReadReactionsAsync(issues, cancellationToken)).ConfigureAwait(false);
        return records;
    }

    /// <summary>A whole run of the governance and posting-guidelines packs, findings counted and not kept.</summary>
    /// <returns>The number of findings.</returns>
    [Benchmark(Description = "Check (governance + posting-guidelines)")]
    public async Task<int> CheckBothPacks()
    {
        var result = await _engine.AnalyzeAsync(_ruleSet, new SnapshotProvider(_folder)).ConfigureAwait(false);
        return result.Diagnostics.Count;
    }

    /// <summary>The floor: the files opened, checked and split into lines as the reader does, each line's tokens read.</summary>
    internal static (long Lines, long Tokens) ReadingFloor(string folder)
    {
        long lines = 0;
        long tokens = 0;
        foreach (var name in SnapshotFiles.Records)
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path))
            {
                path += ".gz";
                if (!File.Exists(path))
                {
                    continue;
                }
            }

            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
            if (path.EndsWith(".gz", StringComparison.Ordinal))
            {
                stream = new CheckedGZipStream(stream);
            }

            using var reader = new JsonLinesReader(stream, path);
            while (reader.ReadLineAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult())
            {
                var line = reader.Current.Span;
                if (JsonLinesReader.IsBlank(line))
                {
                    continue;
                }

                lines++;
                var json = new Utf8JsonReader(line);
                while (json.Read())
                {
                    tokens++;
                }
            }
        }

        return (lines, tokens);
    }

    private static async Task<long> CountAsync<T>(IAsyncEnumerable<T> records)
    {
        long count = 0;
        await foreach (var record in records.ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    private sealed class NoIssues : IDataIssueReporter
    {
        public void Report(DataIssue issue)
        {
        }

        public void Report(DataNote note)
        {
        }
    }
}

/// <summary>
/// <see cref="BenchmarkConfig"/> with fewer iterations: a whole check of a million posts takes tens of seconds, so
/// each case runs 2 warm-up and 5 measured iterations (about 10 minutes for the six cases on the 2-core machine).
/// </summary>
public sealed class ReadingFloorConfig : ManualConfig
{
    /// <summary>Initializes a new instance of the <see cref="ReadingFloorConfig"/> class.</summary>
    public ReadingFloorConfig()
    {
        var shared = new BenchmarkConfig();
        ArtifactsPath = shared.ArtifactsPath;
        SummaryStyle = shared.SummaryStyle;
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(5)
            .WithId("Floor"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(BaselineRatioColumn.RatioMean, BaselineAllocationRatioColumn.RatioMean);
    }
}
