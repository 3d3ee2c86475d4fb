using System.Globalization;
using System.Text;
using CommunityRules.Benchmarks;
using CommunityRules.Data;
using CommunityRules.Data.Snapshot;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Model;
using CommunityRules.Reporting;
using CommunityRules.Rules;
using CommunityRules.SampleNetwork;
using CommunityRules.Tests.Text;
using Microsoft.Extensions.Time.Testing;

namespace CommunityRules.Tests.Engine;

/// <summary>
/// The engine scans text on other threads as records are read, reads the next batch ahead while one is replayed, and
/// counts the pattern-timeout budget in read order: findings (in the order streamed), data issues, pattern timeouts
/// (CR0004, CR0006) and failing detectors (CR0005) are the same on 1, 2 and 4 threads, and a cancelled run stops.
/// </summary>
public sealed class ScanPipelineTests
{
    private static readonly int[] Threads = [1, 2, 4];

    [Fact]
    public async Task The_40000_post_benchmark_corpus_gives_the_same_findings_in_the_same_order_on_1_2_and_4_threads()
    {
        using var folder = new TempFolder();
        var network = folder.File("network");
        NetworkGenerator.WriteSnapshot(network, new NetworkGeneratorOptions { Seed = 2026, Posts = 40_000, Groups = 467, People = 5_000 });
        var load = TestInputs.CreateLoader().Load(["builtin:governance", "builtin:posting-guidelines", "builtin:community", TermLists.WriteRuleFile(10_000, folder.File("rules"))]);
        Assert.True(load.Success, string.Join(Environment.NewLine, load.Errors));

        var runs = new List<Run>();
        foreach (var threads in Threads)
        {
            runs.Add(await RunAsync(load.RuleSet!, new SnapshotProvider(network), threads));
        }

        // Thousands of findings of the text rules and the others, so the comparison compares something.
        Assert.InRange(runs[0].Streamed.Count, 5_000, 10_000);
        Assert.Contains(runs[0].Streamed, line => line.StartsWith("BENCH001", StringComparison.Ordinal));
        foreach (var run in runs.Skip(1))
        {
            Assert.Equal(runs[0].Streamed, run.Streamed);
            Assert.Equal(runs[0].Issues, run.Issues);
        }
    }

    [Fact]
    public async Task Pattern_timeouts_switch_rules_off_at_the_same_texts_on_1_2_and_4_threads()
    {
        // Two catastrophic patterns with a 1 ms limit, one rule for every group and one scoped to g-1, so half its
        // timeouts are out of its scope: it is switched off by the budget, not by the count of its CR0004 findings.
        using var folder = SlowNetwork(posts: 3_000, slowEvery: 11);
        var rules = TestInputs.CreateLoader().LoadText(SlowRules, "slow.yaml").RuleSet!;

        var runs = new List<Run>();
        foreach (var threads in (int[])[1, 2, 4, 2, 4])
        {
            runs.Add(await RunAsync(rules, new SnapshotProvider(folder.Path), threads, maxTimeouts: 4));
        }

        var first = runs[0];
        Assert.Equal(2, first.Result.Of("CR0006").Count);
        Assert.Equal(["SLOW-ALL", "SLOW-G1"], first.Result.Of("CR0006").Select(finding => finding.Properties["rule"]).Order(StringComparer.Ordinal));
        Assert.All(first.Result.Of("CR0006"), finding => Assert.Equal("4", finding.Properties["timeouts"]));
        Assert.Equal(4, first.Result.Of("CR0004").Count(finding => finding.Properties["rule"] == "SLOW-ALL"));
        Assert.InRange(first.Result.Of("CR0004").Count(finding => finding.Properties["rule"] == "SLOW-G1"), 1, 3);
        Assert.Equal(Enumerable.Range(0, 3_000).Count(i => i % 7 == 0), first.Result.Of("SLOW-TERMS").Count);
        foreach (var run in runs.Skip(1))
        {
            Assert.Equal(first.Streamed, run.Streamed);
        }
    }

    [Fact]
    public async Task Data_issues_of_records_read_ahead_come_in_read_order_on_1_2_and_4_threads()
    {
        // Broken lines (the reader's issues) between posts of a group not in the data (the engine's issues).
        using var folder = SlowNetwork(posts: 3_000, slowEvery: 0, brokenEvery: 97, unknownGroupEvery: 89);
        var rules = TestInputs.CreateLoader().LoadText(TermsRule, "terms.yaml").RuleSet!;

        var runs = new List<Run>();
        foreach (var threads in Threads)
        {
            runs.Add(await RunAsync(rules, new SnapshotProvider(folder.Path), threads));
        }

        Assert.Contains(runs[0].Issues, issue => issue.StartsWith("UnknownReference", StringComparison.Ordinal));
        Assert.True(runs[0].Issues.Count(issue => !issue.StartsWith("UnknownReference", StringComparison.Ordinal)) >= 3_000 / 97, string.Join(Environment.NewLine, runs[0].Issues.Take(5)));
        foreach (var run in runs.Skip(1))
        {
            Assert.Equal(runs[0].Issues, run.Issues);
            Assert.Equal(runs[0].Streamed, run.Streamed);
        }
    }

    [Fact]
    public async Task A_detector_that_throws_on_other_threads_is_a_check_failure_at_the_same_posts_on_1_2_and_4_threads()
    {
        var builder = InMemoryNetwork.CreateBuilder().Add(new Group { Id = "g1", Name = "Allmänt" });
        for (var i = 0; i < 5_000; i++)
        {
            builder.Add(new Post { Id = string.Create(CultureInfo.InvariantCulture, $"p{i}"), GroupId = "g1", Text = i % 37 == 0 ? "#boom" : i % 5 == 0 ? "En #tagg." : "Inget här." });
        }

        var network = builder.Build();
        var rules = TestInputs.CreateLoader(new TextDetectorTests.FragileCheck()).LoadText(TextDetectorTests.FragileRule, "fragile.yaml").RuleSet!;
        var runs = new List<Run>();
        foreach (var threads in Threads)
        {
            runs.Add(await RunAsync(rules, network, threads));
        }

        // Ten failures, then the rule is switched off: what it found before stays, nothing after.
        Assert.Equal(10, runs[0].Result.Of("CR0005").Count);
        Assert.Equal("p333", runs[0].Result.Of("CR0005")[^1].Target.Id);
        Assert.Equal(Enumerable.Range(0, 333).Count(i => i % 5 == 0 && i % 37 != 0), runs[0].Result.Of("TAG002").Count);
        foreach (var run in runs.Skip(1))
        {
            Assert.Equal(runs[0].Streamed, run.Streamed);
        }
    }

    [Fact]
    public async Task A_cancelled_run_stops_within_a_batch_or_two_of_the_cancellation()
    {
        var builder = InMemoryNetwork.CreateBuilder().Add(new Group { Id = "g1", Name = "Allmänt" });
        for (var i = 0; i < 100_000; i++)
        {
            builder.Add(new Post { Id = string.Create(CultureInfo.InvariantCulture, $"p{i}"), GroupId = "g1", Text = "Detta är konfidentiellt." });
        }

        var network = builder.Build();
        var rules = TestInputs.CreateLoader().LoadText(TermsRule, "terms.yaml").RuleSet!;
        foreach (var threads in Threads)
        {
            using var cancellation = new CancellationTokenSource();
            var sink = new RecordingSink { AtFirst = cancellation.Cancel };
            var options = new AnalysisOptions { MaxDegreeOfParallelism = threads, KeepDiagnostics = false, Sinks = { sink } };

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new RuleEngine(new FakeTimeProvider(TestInputs.ClockNow)).AnalyzeAsync(rules, network, options, cancellation.Token));

            // The first finding cancels; the batch being replayed (1,024 posts) may finish, the next does not start.
            Assert.InRange(sink.Lines.Count, 1, 1_024);
        }
    }

    private const string SlowRules = """
        rules:
          - id: SLOW-ALL
            title: Posts are single sentences of words
            severity: warning
            target: post
            check: patterns
            options:
              patterns: ["^(\\w+\\s?)+$"]
              matchTimeout: 1
              fields: [title]
            message: "The whole title is words: {match}"
          - id: SLOW-G1
            title: Posts in g-1 are words and spaces
            severity: warning
            target: post
            where: { group.id: g-1 }
            check: patterns
            options:
              patterns: ["^(\\w+\\s*)+$"]
              matchTimeout: 1
              fields: [title]
            message: "Only words: {match}"
          - id: SLOW-TERMS
            title: Internal words
            severity: warning
            target: post
            check: terms
            options:
              terms: [konfidentiellt]
            message: "'{match}' at character {position}"
        """;

    private const string TermsRule = """
        rules:
          - id: TERMS
            title: Internal words
            severity: warning
            target: post
            check: terms
            options:
              terms: [konfidentiellt]
            message: "'{match}' at character {position}"
        """;

    // Posts in two groups; every seventh says a term, every slowEvery-th has a title the patterns cannot finish on. The
    // patterns read titles only and the others have none: a 1 ms limit can run out on any text on a loaded machine.
    private static TempFolder SlowNetwork(int posts, int slowEvery, int brokenEvery = 0, int unknownGroupEvery = 0)
    {
        var folder = TempFolder.CopyOf("slow-pattern");
        File.AppendAllText(folder.File("groups.jsonl"), """{"id": "g-2", "name": "Andra gruppen", "createdAt": "2025-01-01T00:00:00Z", "createdBy": "p-1"}""" + "\n");
        var lines = new StringBuilder();
        for (var i = 0; i < posts; i++)
        {
            if (brokenEvery > 0 && i % brokenEvery == 0)
            {
                lines.Append(CultureInfo.InvariantCulture, $$"""{"id": "pb-{{i}}", "groupId": """).Append('\n');
            }

            var group = unknownGroupEvery > 0 && i % unknownGroupEvery == 0 ? "g-x" : i % 2 == 0 ? "g-1" : "g-2";
            var title = slowEvery > 0 && i % slowEvery == 0 ? "\"title\": \"ord " + new string('a', 60) + "!\", " : string.Empty;
            var text = i % 7 == 0 ? "Detta är konfidentiellt." : "Vanlig text.";
            lines.Append(CultureInfo.InvariantCulture, $$"""{"id": "ps-{{i}}", "groupId": "{{group}}", "authorId": "p-1", "createdAt": "2026-02-01T12:00:00Z", {{title}}"text": "{{text}}"}""").Append('\n');
        }

        File.WriteAllText(folder.File("posts.jsonl"), lines.ToString());
        return folder;
    }

    private static async Task<Run> RunAsync(RuleSet rules, INetworkProvider source, int threads, int maxTimeouts = AnalysisOptions.DefaultMaxRegexTimeoutsPerRule)
    {
        var sink = new RecordingSink();
        var options = new AnalysisOptions { MaxDegreeOfParallelism = threads, MaxRegexTimeoutsPerRule = maxTimeouts, Sinks = { sink } };
        var result = await new RuleEngine(new FakeTimeProvider(TestInputs.ClockNow)).AnalyzeAsync(rules, source, options);
        return new Run(result, sink.Lines, [.. result.DataIssues.Select(issue => $"{issue.Kind} {issue.Line} {issue.RecordId} {issue.Message}")]);
    }

    private sealed record Run(AnalysisResult Result, List<string> Streamed, List<string> Issues);

    /// <summary>Every finding as it is streamed, in that order.</summary>
    private sealed class RecordingSink : IDiagnosticSink
    {
        public List<string> Lines { get; } = [];

        public Action? AtFirst { get; init; }

        public void Emit(Diagnostic diagnostic, NetworkView network)
        {
            Lines.Add($"{diagnostic.Rule.Id} {diagnostic.Target.LogicalPath} {diagnostic.Severity} {diagnostic.Message} {string.Join(',', diagnostic.Properties.Select(property => property.Key + "=" + property.Value))}");
            if (Lines.Count == 1)
            {
                AtFirst?.Invoke();
            }
        }
    }
}
