using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using CommunityRules.Data;
using CommunityRules.Data.Slack;
using CommunityRules.Data.Snapshot;
using CommunityRules.Data.VivaEngage;

namespace CommunityRules.Benchmarks;

/// <summary>
/// Reading one generated network in three formats — our snapshot (the baseline), a Slack export and a Viva Engage
/// export — through each format's provider, counting every record and doing nothing else: what a real export costs
/// before any rule runs. The exports are written from the snapshot once and cached beside it.
/// </summary>
[Config(typeof(ExportBenchmarkConfig))]
public class ProviderBenchmarks
{
    private string _snapshot = null!;
    private string _slack = null!;
    private string _vivaEngage = null!;

    /// <summary>Gets or sets the number of top-level posts; with their replies about 2.5 messages per post (400,000 posts ≈ 1M messages).</summary>
    [Params(40_000, 400_000)]
    public int Posts { get; set; }

    /// <summary>
    /// Generates (or reuses) the snapshot and its two exports, and checks that all three read the same messages, but
    /// for those Slack cannot hold: posts in groups the network lacks (the generator plants a few) and their replies
    /// have no channel, so the Slack export has them in folders no channel names and its reader leaves them out.
    /// </summary>
    [GlobalSetup]
    public void Setup()
    {
        _snapshot = SnapshotCache.GetOrCreate(SnapshotCache.OptionsFor(Posts));
        _slack = ExportCache.GetOrCreate(_snapshot, "slack");
        _vivaEngage = ExportCache.GetOrCreate(_snapshot, "vivaengage");

        var snapshot = ReadSnapshot().GetAwaiter().GetResult();
        var slack = ReadSlackExport().GetAwaiter().GetResult();
        var vivaEngage = ReadVivaEngageExport().GetAwaiter().GetResult();
        var outsideChannels = CountMessagesInUnknownGroups(_snapshot).GetAwaiter().GetResult();
        if (snapshot.Messages - outsideChannels != slack.Messages || snapshot.Messages != vivaEngage.Messages || snapshot.Issues + slack.Issues + vivaEngage.Issues > 0)
        {
            throw new InvalidOperationException($"The formats do not read the same network: snapshot {snapshot}, Slack {slack}, Viva Engage {vivaEngage}.");
        }
    }

    private static async Task<long> CountMessagesInUnknownGroups(string snapshot)
    {
        var provider = new SnapshotSource(snapshot).Build();
        var issues = new IgnoringReporter();
        var groups = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var group in provider.ReadGroupsAsync(issues, CancellationToken.None).ConfigureAwait(false))
        {
            groups.Add(group.Id);
        }

        var posts = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var post in provider.ReadPostsAsync(issues, CancellationToken.None).ConfigureAwait(false))
        {
            if (!groups.Contains(post.GroupId))
            {
                posts.Add(post.Id);
            }
        }

        long comments = 0;
        await foreach (var comment in provider.ReadCommentsAsync(issues, CancellationToken.None).ConfigureAwait(false))
        {
            comments += posts.Contains(comment.PostId) ? 1 : 0;
        }

        return posts.Count + comments;
    }

    /// <summary>Streams the snapshot's records.</summary>
    /// <returns>The counts.</returns>
    [Benchmark(Baseline = true, Description = "Read snapshot")]
    public Task<ReadCounts> ReadSnapshot() => ReadCounts.ReadAsync(new SnapshotSource(_snapshot));

    /// <summary>Streams the Slack export's records: users and channels, then the day files once per stream.</summary>
    /// <returns>The counts.</returns>
    [Benchmark(Description = "Read Slack export")]
    public Task<ReadCounts> ReadSlackExport() => ReadCounts.ReadAsync(new SlackExportSource(_slack));

    /// <summary>Streams the Viva Engage export's records: the CSV files, Messages.csv once per stream.</summary>
    /// <returns>The counts.</returns>
    [Benchmark(Description = "Read Viva Engage export")]
    public Task<ReadCounts> ReadVivaEngageExport() => ReadCounts.ReadAsync(new VivaEngageExportSource(_vivaEngage));
}

/// <summary>
/// <see cref="BenchmarkConfig"/>'s columns and report folder with fewer iterations: one reading of a million messages
/// takes seconds, so one warm-up and five measured iterations are enough.
/// </summary>
public sealed class ExportBenchmarkConfig : ManualConfig
{
    /// <summary>Initializes a new instance of the <see cref="ExportBenchmarkConfig"/> class.</summary>
    public ExportBenchmarkConfig()
    {
        var shared = new BenchmarkConfig();
        ArtifactsPath = shared.ArtifactsPath;
        SummaryStyle = shared.SummaryStyle;
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5).WithId("Export"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(BaselineRatioColumn.RatioMean, BaselineAllocationRatioColumn.RatioMean);
    }
}

/// <summary>Ignores what a source reports, for counting its records.</summary>
internal sealed class IgnoringReporter : IDataIssueReporter
{
    public void Report(DataIssue issue)
    {
    }

    public void Report(DataNote note)
    {
    }
}
