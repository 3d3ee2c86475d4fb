using System.Text.Json;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Cli;

/// <summary><c>check --baseline</c> with real reports: run, change the snapshot folder, run again against the first report.</summary>
public sealed partial class CommandLineTests
{
    private static readonly string[] BaselineStateNames = ["new", "unchanged", "updated", "absent"];

    [Theory]
    [InlineData("json")]
    [InlineData("sarif")]
    public async Task Baseline_marks_each_finding_and_fails_only_on_new_ones(string baselineFormat)
    {
        using var network = TempFolder.CopyOf("mixed");
        var baseline = network.File("baseline." + baselineFormat);
        var first = await RunAsync("check", "--rules", CliRules, "--data", network.Path, "--format", baselineFormat, "--output", baseline);
        Assert.Equal(1, first.ExitCode);

        // Fix one group's name (its naming error goes; its description finding's message changes) and add a badly named group.
        var groups = File.ReadAllText(network.File("groups.jsonl")).Replace("\"SE-Test\"", "\"SE-Kaffe\"", StringComparison.Ordinal);
        File.WriteAllText(network.File("groups.jsonl"), groups + "{\"id\": \"g-4\", \"name\": \"NO-Temp test\", \"description\": \"Prøver ting ut her.\", \"createdAt\": \"2025-01-01T00:00:00Z\", \"createdBy\": \"p-asa\"}\n");

        var report = network.File("second.json");
        var second = await RunAsync("check", "--rules", CliRules, "--data", network.Path, "--baseline", baseline, "--format", "json", "--output", report);

        Assert.Equal(1, second.ExitCode);
        Assert.Equal(string.Empty, second.Error);
        using var json = JsonDocument.Parse(File.ReadAllBytes(report));
        var states = json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("ruleId").GetString()} {f.GetProperty("target").GetProperty("id").GetString()} {f.GetProperty("baselineState").GetString()}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                "CLI-ADMIN g-4 new", "CLI-DESC g-1 updated", "CLI-DESC g-3 unchanged", "CLI-DESC g-4 new", "CLI-IDLE g-1 updated", "CLI-IDLE g-3 unchanged", "CLI-IDLE g-4 new",
                "CLI-NAME g-3 unchanged", "CLI-NAME g-4 new", "CR0001 people.jsonl:2 unchanged", "CR0002 po-3 unchanged",
            ],
            states);
        var absent = Assert.Single(json.RootElement.GetProperty("absent").EnumerateArray().ToList());
        Assert.Equal("CLI-NAME", absent.GetProperty("ruleId").GetString());
        Assert.Equal("g-1", absent.GetProperty("target").GetProperty("id").GetString());
        Assert.Equal("absent", absent.GetProperty("baselineState").GetString());
        var counts = json.RootElement.GetProperty("summary").GetProperty("baseline");
        Assert.Equal("baseline." + baselineFormat, counts.GetProperty("origin").GetString());
        Assert.Equal([4, 5, 2, 1], BaselineStateNames.Select(name => counts.GetProperty(name).GetInt32()));
    }

    [Fact]
    public async Task Baseline_lets_a_run_pass_whose_errors_were_all_there_before_and_says_so_in_the_text_report()
    {
        using var network = TempFolder.CopyOf("mixed");
        var baseline = network.File("baseline.json");
        Assert.Equal(1, (await RunAsync("check", "--rules", CliRules, "--data", network.Path, "--format", "json", "--output", baseline)).ExitCode);
        var groups = File.ReadAllText(network.File("groups.jsonl")).Replace("\"SE-Test\"", "\"SE-Kaffe\"", StringComparison.Ordinal);
        File.WriteAllText(network.File("groups.jsonl"), groups);

        var run = await RunAsync("check", "--rules", CliRules, "--data", network.Path, "--baseline", baseline);
        var withoutBaseline = await RunAsync("check", "--rules", CliRules, "--data", network.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(1, withoutBaseline.ExitCode);
        var text = run.PlainOutput;
        Assert.Contains("New since baseline.json: 2", text, StringComparison.Ordinal);
        Assert.Contains("(updated) 'SE-Kaffe' needs a description", text, StringComparison.Ordinal);
        Assert.Contains("Unchanged since baseline.json: 5", text, StringComparison.Ordinal);
        Assert.Contains("5 unchanged, 1 fixed since baseline.json", text, StringComparison.Ordinal);
        Assert.Contains("passes: nothing new at or above error", text, StringComparison.Ordinal);
        Assert.True(
            text.IndexOf("New since", StringComparison.Ordinal) < text.IndexOf("'FI-Test kahvila' does not follow", StringComparison.Ordinal),
            "New findings come before the unchanged ones.");
        Assert.True(text.IndexOf("Unchanged since", StringComparison.Ordinal) < text.IndexOf("'FI-Test kahvila' does not follow", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Baseline_fills_the_csv_baseline_state_column()
    {
        using var network = TempFolder.CopyOf("mixed");
        var baseline = network.File("baseline.sarif");
        await RunAsync("check", "--rules", CliRules, "--data", network.Path, "--format", "sarif", "--output", baseline);
        var csv = network.File("findings.csv");
        File.AppendAllText(network.File("groups.jsonl"), "{\"id\": \"g-4\", \"name\": \"NO-Temp test\", \"description\": \"Prøver ting ut her.\", \"createdAt\": \"2025-01-01T00:00:00Z\", \"createdBy\": \"p-asa\"}\n");

        await RunAsync("check", "--rules", CliRules, "--data", network.Path, "--baseline", baseline, "--format", "csv", "--output", csv);

        var (_, rows) = CsvReportWriterTests.ReadBack(File.ReadAllBytes(csv));
        Assert.Equal(["new", "new", "new", "new"], rows.Where(row => row["targetId"] == "g-4").Select(row => row["baselineState"]));
        Assert.All(rows.Where(row => row["targetId"] != "g-4"), row => Assert.Equal("unchanged", row["baselineState"]));
        Assert.Equal(12, rows.Count);
    }

    [Theory]
    [InlineData("previous")]
    [InlineData("42")]
    public async Task Baseline_from_the_history_without_a_history_is_exit_2_with_one_line(string value)
    {
        var run = await RunAsync("check", "--rules", CliRules, "--data", Mixed, "--baseline", value);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"communityrules: --baseline {value} is a run in the history of runs: give the history too, such as --history communityrules-history.db, or an earlier report: --baseline FILE.json or --baseline FILE.sarif.", Assert.Single(run.ErrorLines));
        Assert.Equal(string.Empty, run.Output);
    }

    [Theory]
    [InlineData("missing.json", null, "does not exist.")]
    [InlineData("broken.json", "{\"version\": 1, \"tool\": {\"name\": \"Commu", "is not a JSON or SARIF report (it breaks off at line 1).")]
    [InlineData("rules.json", "{\"rules\": []}", "is neither a CommunityRules JSON report (no 'tool') nor a SARIF log (no 'runs'); give a report written with --format json or --format sarif.")]
    [InlineData("other.sarif", "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"CodeQL\"}}, \"results\": []}]}", "is a SARIF log of another tool; give a log written by communityrules check --format sarif.")]
    [InlineData("other.json", "{\"version\": 1, \"tool\": {\"name\": \"eslint\"}, \"findings\": []}", "is a JSON report of another tool; give a report written by communityrules check --format json.")]
    [InlineData("future.json", "{\"version\": 2, \"tool\": {\"name\": \"CommunityRules\"}, \"findings\": []}", "is a CommunityRules JSON report of another shape version; this version reads version 1.")]
    [InlineData("no-print.json", "{\"version\": 1, \"tool\": {\"name\": \"CommunityRules\"}, \"findings\": [{\"ruleId\": \"X\", \"severity\": \"error\", \"message\": \"m\", \"target\": {\"kind\": \"group\", \"id\": \"g\"}}]}", "has no 'fingerprint' in finding 1.")]
    [InlineData("no-print.sarif", "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"CommunityRules\"}}, \"results\": [{\"ruleId\": \"X\", \"level\": \"error\", \"message\": {\"text\": \"m\"}}]}]}", "has no 'communityRules/v1' fingerprint in result 1.")]
    public async Task A_bad_or_foreign_baseline_is_exit_2_with_one_line_naming_the_file(string name, string? content, string problem)
    {
        using var folder = new TempFolder();
        var path = folder.File(name);
        if (content is not null)
        {
            File.WriteAllText(path, content);
        }

        var run = await RunAsync("check", "--rules", CliRules, "--data", Mixed, "--baseline", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"communityrules: the baseline '{path}' {problem}", Assert.Single(run.ErrorLines));
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public async Task A_folder_as_baseline_is_exit_2()
    {
        using var folder = new TempFolder();

        var run = await RunAsync("check", "--rules", CliRules, "--data", Mixed, "--baseline", folder.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"communityrules: the baseline '{folder.Path}' is a folder, not a regular file.", Assert.Single(run.ErrorLines));
    }
}
