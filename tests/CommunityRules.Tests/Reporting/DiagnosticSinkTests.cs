using System.Text;
using System.Text.Json.Nodes;
using CommunityRules.Data;
using CommunityRules.Data.Snapshot;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Model;
using CommunityRules.Reporting;
using CommunityRules.Rules;
using CommunityRules.Tests.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CommunityRules.Tests.Reporting;

/// <summary>Sinks that take findings as the engine produces them (<see cref="IDiagnosticSink"/>), and the JSON Lines and text writers.</summary>
public sealed class DiagnosticSinkTests
{
    // The three bundled packs with an exemption, over the sample network the tool ships: findings of every kind of
    // check, text findings and suppressed ones.
    private static readonly Lazy<RuleSet> Rules = new(() =>
    {
        var loaded = TestInputs.CreateLoader().Load([TestInputs.RulesFile("sinks.yaml")]);
        Assert.True(loaded.Success, string.Join(Environment.NewLine, loaded.Errors));

        // No '!': RuleSetLoadResult.Success carries [MemberNotNullWhen(true, nameof(RuleSet))], and warnings are errors.
        return loaded.RuleSet;
    });

    private static string SampleNetwork => Path.Combine(TestPaths.RepoRoot, "samples", "nordic-network");

    [Fact]
    public async Task A_sink_gets_each_finding_of_the_result_once_in_the_order_found_which_sorted_by_rule_is_the_result()
    {
        var sink = new RecordingSink();

        var result = await RunAsync(new AnalysisOptions { Sinks = { sink } });

        Assert.True(result.Diagnostics.Count > 50, $"the sample should give many findings, not {result.Diagnostics.Count}");
        Assert.Contains(result.Diagnostics, finding => finding.IsSuppressed);
        Assert.Equal(result.Diagnostics.Count, sink.Findings.Count);
        Assert.Equal(result.Diagnostics.ToHashSet(ReferenceEqualityComparer.Instance), sink.Findings.ToHashSet(ReferenceEqualityComparer.Instance));

        // Found in read order: not the result's order, but each rule's findings in the same order in both.
        Assert.NotEqual(result.Diagnostics, sink.Findings);
        foreach (var rule in result.Diagnostics.Select(finding => finding.Rule.Id).Distinct())
        {
            Assert.Equal(result.Diagnostics.Where(finding => finding.Rule.Id == rule), sink.Findings.Where(finding => finding.Rule.Id == rule));
        }

        // Every call came with the run's network.
        Assert.Same(result.Network, Assert.Single(sink.Networks));
    }

    [Fact]
    public async Task The_order_found_is_the_same_on_one_thread_and_on_many()
    {
        var one = new RecordingSink();
        var many = new RecordingSink();

        await RunAsync(new AnalysisOptions { Sinks = { one }, MaxDegreeOfParallelism = 1 });
        await RunAsync(new AnalysisOptions { Sinks = { many }, MaxDegreeOfParallelism = 4 });

        Assert.Equal(one.Findings.Select(Line), many.Findings.Select(Line));
    }

    [Fact]
    public async Task A_run_that_keeps_no_findings_streams_them_all_and_counts_them_all()
    {
        var kept = await RunAsync();
        var sink = new RecordingSink();

        var streamed = await RunAsync(new AnalysisOptions { Sinks = { sink }, KeepDiagnostics = false });

        Assert.Empty(streamed.Diagnostics);
        Assert.Equal(kept.Diagnostics.Select(Line).Order(StringComparer.Ordinal), sink.Findings.Select(Line).Order(StringComparer.Ordinal));
        Assert.Equal(kept.Summary.FindingsBySeverity, streamed.Summary.FindingsBySeverity);
        Assert.Equal(kept.Summary.FindingsByRule, streamed.Summary.FindingsByRule);
        Assert.Equal(kept.Summary.Suppressed, streamed.Summary.Suppressed);
        Assert.Equal(kept.Summary.CountAtOrAbove(Severity.Warning), streamed.Summary.CountAtOrAbove(Severity.Warning));
    }

    [Fact]
    public async Task Keeping_no_findings_without_a_sink_is_refused_before_the_run()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => RunAsync(new AnalysisOptions { KeepDiagnostics = false }));

        Assert.Contains("needs a sink", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_rule_past_its_cap_on_a_post_streams_the_left_out_finding_right_after_its_others_there()
    {
        var rules = TestInputs.LoadRules("text-limits.yaml");
        var group = new Group { Id = "g-1", Name = "SE-Team" };
        var network = InMemoryNetwork.CreateBuilder()
            .Add(group)
            .Add(new Post { Id = "po-1", GroupId = "g-1", Text = Addresses(8) })
            .Add(new Post { Id = "po-2", GroupId = "g-1", Text = Addresses(3) })
            .Build();
        var sink = new RecordingSink();

        await new RuleEngine(new FakeTimeProvider(TestInputs.ClockNow)).AnalyzeAsync(rules, network, new AnalysisOptions { MaxFindingsPerPost = 4, Sinks = { sink } });

        Assert.Equal(
            ["po-1", "po-1", "po-1", "po-1", "po-1 left out 4", "po-2", "po-2", "po-2"],
            sink.Findings.Where(finding => finding.Rule.Id == "LIM-PD").Select(finding => finding.Target.Id + (finding.Properties.TryGetValue("leftOut", out var n) ? $" left out {n}" : string.Empty)));
    }

    [Fact]
    public async Task Sinks_added_with_dependency_injection_get_every_run_of_the_engine_but_not_the_rule_examples()
    {
        var sink = new RecordingSink();
        await using var provider = new ServiceCollection().AddCommunityRules(rules => rules.AddSink(sink)).BuildServiceProvider();
        var engine = provider.GetRequiredService<RuleEngine>();
        var ownSink = new RecordingSink();

        var result = await engine.AnalyzeAsync(Rules.Value, new SnapshotProvider(SampleNetwork), new AnalysisOptions { Sinks = { ownSink } });
        var examples = await provider.GetRequiredService<RuleExampleRunner>().RunAsync(Rules.Value);

        Assert.True(examples.Passed > 0);
        Assert.Equal(result.Diagnostics.Count, sink.Findings.Count);
        Assert.Equal(sink.Findings, ownSink.Findings);
    }

    [Fact]
    public async Task JSON_Lines_carry_one_finding_a_line_with_the_fields_of_a_finding_in_the_JSON_report()
    {
        using var stream = new MemoryStream();
        AnalysisResult result;
        using (var lines = new JsonLinesDiagnosticWriter(stream, leaveOpen: true))
        {
            result = await RunAsync(new AnalysisOptions { Sinks = { lines } });
            Assert.Equal(result.Diagnostics.Count, lines.Count);
        }

        using var report = new MemoryStream();
        await new JsonReportWriter().WriteAsync(new AnalysisReport(result, Rules.Value, "1.0.0", []), report, CancellationToken.None);
        var findings = JsonNode.Parse(report.ToArray())!["findings"]!.AsArray().Select(finding => finding!.ToJsonString()).Order(StringComparer.Ordinal);

        var bytes = stream.ToArray();
        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "no byte order mark");
        var text = Encoding.UTF8.GetString(bytes);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        var written = text.TrimEnd('\n').Split('\n');
        Assert.All(written, line => Assert.StartsWith("{\"ruleId\":", line, StringComparison.Ordinal));
        Assert.Equal(findings, written.Select(line => JsonNode.Parse(line)!.ToJsonString()).Order(StringComparer.Ordinal));
        Assert.Contains(written, line => line.Contains("\"responsible\":[{", StringComparison.Ordinal));
        Assert.Contains(written, line => line.Contains("\"suppression\":{", StringComparison.Ordinal));
    }

    [Fact]
    public void The_text_writer_writes_a_line_per_finding_people_should_see_with_control_characters_written_out()
    {
        var descriptor = new RuleDescriptor("TXT-1", "Titles are plain", "Title {reason}", "testing", Severity.Warning);
        var hostile = new Diagnostic(descriptor, Severity.Warning, "title \u001b[31mred\u202Eevil\nforged: error X", new DiagnosticTarget(TargetKind.Post, "po-1", null, "g-1"), new Dictionary<string, string>());
        var silent = new Diagnostic(descriptor, Severity.Silent, "quiet", new DiagnosticTarget(TargetKind.Group, "g-2"), new Dictionary<string, string>());
        var network = new NetworkView(null, TestInputs.ClockNow);
        using var output = new StringWriter();
        var writer = new TextDiagnosticWriter(output);

        writer.Emit(hostile, network);
        writer.Emit(silent, network);

        Assert.Equal("group/g-1/post/po-1: warning TXT-1: title \\e[31mred\\u202Eevil\\nforged: error X\n", output.ToString());

        writer.IncludeHidden = true;
        writer.Emit(silent, network);
        Assert.EndsWith("group/g-2: silent TXT-1: quiet\n", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sink_that_throws_stops_the_run()
    {
        var error = await Assert.ThrowsAsync<IOException>(() => RunAsync(new AnalysisOptions { Sinks = { new FailingSink() } }));

        Assert.Equal("the queue is gone", error.Message);
    }

    private static Task<AnalysisResult> RunAsync(AnalysisOptions? options = null) =>
        new RuleEngine(new FakeTimeProvider(TestInputs.ClockNow)).AnalyzeAsync(Rules.Value, new SnapshotProvider(SampleNetwork), options);

    private static string Line(Diagnostic finding) => $"{finding.Fingerprint} {finding.Severity} {finding.Message} {finding.IsSuppressed}";

    private static string Addresses(int count) =>
        string.Concat(Enumerable.Range(0, count).Select(i => $"Skriv till anna.lind{i}@example.org.\n"));

    private sealed class RecordingSink : IDiagnosticSink
    {
        public List<Diagnostic> Findings { get; } = [];

        public HashSet<NetworkView> Networks { get; } = new(ReferenceEqualityComparer.Instance);

        public void Emit(Diagnostic diagnostic, NetworkView network)
        {
            Findings.Add(diagnostic);
            Networks.Add(network);
        }
    }

    private sealed class FailingSink : IDiagnosticSink
    {
        public void Emit(Diagnostic diagnostic, NetworkView network) => throw new IOException("the queue is gone");
    }
}
