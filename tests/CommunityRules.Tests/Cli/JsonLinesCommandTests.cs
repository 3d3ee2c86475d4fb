using System.Text.Json.Nodes;
using CommunityRules.Cli;
using CommunityRules.Tests.Engine;
using Microsoft.Extensions.Time.Testing;

namespace CommunityRules.Tests.Cli;

/// <summary><c>check --format jsonl</c>: one JSON object per finding, written as the run finds it.</summary>
public sealed class JsonLinesCommandTests
{
    private static readonly string Rules = TestInputs.RulesFile("history.yaml");
    private static readonly string Mixed = TestInputs.Network("mixed");

    [Fact]
    public async Task Each_finding_of_the_JSON_report_is_one_line_and_the_exit_code_is_the_same()
    {
        var json = await RunAsync("check", "--rules", Rules, "--data", Mixed, "--format", "json");
        var lines = await RunAsync("check", "--rules", Rules, "--data", Mixed, "--format", "jsonl");

        Assert.Equal(1, json.ExitCode);
        Assert.Equal(json.ExitCode, lines.ExitCode);
        var findings = JsonNode.Parse(json.Output)!["findings"]!.AsArray().Select(finding => finding!.ToJsonString()).Order(StringComparer.Ordinal).ToList();
        var written = lines.Output.TrimEnd('\n').Split('\n');
        Assert.True(findings.Count > 3, $"the mixed network should give several findings, not {findings.Count}");
        Assert.Equal(findings, written.Select(line => JsonNode.Parse(line)!.ToJsonString()).Order(StringComparer.Ordinal));
        Assert.Contains(written, line => line.Contains("\"suppression\":{", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lines_go_to_the_output_file()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "findings.jsonl");

        var run = await RunAsync("check", "--rules", Rules, "--data", Mixed, "--format", "jsonl", "--output", file, "--fail-on", "never");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.All(File.ReadAllLines(file), line => Assert.StartsWith("{\"ruleId\":\"", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_baseline_is_refused_with_JSON_Lines_and_the_way_out_is_named()
    {
        var run = await RunAsync("check", "--rules", Rules, "--data", Mixed, "--format", "jsonl", "--baseline", "earlier.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Contains("--baseline compares a whole run", run.Error, StringComparison.Ordinal);
        Assert.Contains("Use --format json (or sarif) with --baseline", run.Error, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandLine.RunAsync(args, output, error, new FakeTimeProvider(TestInputs.ClockNow));
        return (exitCode, output.ToString(), error.ToString());
    }
}
