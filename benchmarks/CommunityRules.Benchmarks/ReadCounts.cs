using System.Diagnostics;
using System.Globalization;
using CommunityRules.Data;
using CommunityRules.Data.Slack;
using CommunityRules.Data.Snapshot;
using CommunityRules.Data.VivaEngage;

namespace CommunityRules.Benchmarks;

/// <summary>What one reading of a network through a provider counted.</summary>
/// <param name="Records">All records: people, groups, memberships, posts, comments and reactions.</param>
/// <param name="Messages">Posts and comments.</param>
/// <param name="Issues">Data issues reported while reading.</param>
public readonly record struct ReadCounts(long Records, long Messages, long Issues)
{
    /// <summary>Builds a source and streams all of it, counting and keeping nothing.</summary>
    /// <param name="source">The source.</param>
    /// <returns>The counts.</returns>
    public static async Task<ReadCounts> ReadAsync(INetworkSource source)
    {
        var provider = source.Build();
        var issues = new CountingIssueReporter();
        var token = CancellationToken.None;
        _ = await provider.ReadManifestAsync(token).ConfigureAwait(false);
        var others = await RecordCounting.CountAsync(provider.ReadPeopleAsync(issues, token)).ConfigureAwait(false)
            + await RecordCounting.CountAsync(provider.ReadGroupsAsync(issues, token)).ConfigureAwait(false)
            + await RecordCounting.CountAsync(provider.ReadMembershipsAsync(issues, token)).ConfigureAwait(false);
        var messages = await RecordCounting.CountAsync(provider.ReadPostsAsync(issues, token)).ConfigureAwait(false)
            + await RecordCounting.CountAsync(provider.ReadCommentsAsync(issues, token)).ConfigureAwait(false);
        var reactions = await RecordCounting.CountAsync(provider.ReadReactionsAsync(issues, token)).ConfigureAwait(false);
        return new ReadCounts(others + messages + reactions, messages, issues.Count);
    }

    /// <summary>
    /// The memory harness (<c>-- export-memory</c>): reads each format of the 1M-message network in a process of its
    /// own, so each reports its own peak working set, and prints messages per second and peak memory side by side.
    /// </summary>
    /// <param name="args">Optionally the number of top-level posts (default 400,000, about 1M messages).</param>
    public static void RunMemoryHarness(string[] args)
    {
        var posts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 400_000;
        var snapshot = SnapshotCache.GetOrCreate(SnapshotCache.OptionsFor(posts));
        var folders = new (string Kind, string Folder)[]
        {
            ("snapshot", snapshot),
            ("slack", ExportCache.GetOrCreate(snapshot, "slack")),
            ("vivaengage", ExportCache.GetOrCreate(snapshot, "vivaengage")),
        };

        Console.WriteLine("| format | messages | records | seconds | messages/s | peak working set |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (kind, folder) in folders)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
            if (string.Equals(Path.GetFileNameWithoutExtension(Environment.ProcessPath), "dotnet", StringComparison.Ordinal))
            {
                start.ArgumentList.Add(typeof(ReadCounts).Assembly.Location);
            }

            foreach (var argument in new[] { "export-read", kind, folder })
            {
                start.ArgumentList.Add(argument);
            }

            using var child = Process.Start(start)!;
            Console.WriteLine(child.StandardOutput.ReadToEnd().TrimEnd());
            child.WaitForExit();
        }
    }

    /// <summary>The child of <see cref="RunMemoryHarness"/>: reads one export and prints one table row.</summary>
    /// <param name="args">The kind (<c>snapshot</c>, <c>slack</c>, <c>vivaengage</c>) and the folder.</param>
    public static void RunRead(string[] args)
    {
        INetworkSource source = args[0] switch
        {
            "slack" => new SlackExportSource(args[1]),
            "vivaengage" => new VivaEngageExportSource(args[1]),
            _ => new SnapshotSource(args[1]),
        };
        var clock = Stopwatch.StartNew();
        var counts = ReadAsync(source).GetAwaiter().GetResult();
        var seconds = clock.Elapsed.TotalSeconds;
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {args[0]} | {counts.Messages:N0} | {counts.Records:N0} | {seconds:F1} | {counts.Messages / seconds:N0} | {self.PeakWorkingSet64 / (1024.0 * 1024.0):N0} MB |"));
    }
}
