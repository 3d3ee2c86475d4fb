using System.Text.Json;
using System.Text.RegularExpressions;
using CommunityRules.Checks;
using CommunityRules.Cli;
using CommunityRules.Tests.Engine;
using Microsoft.Extensions.Time.Testing;

namespace CommunityRules.Tests.Cli;

/// <summary>The <c>communityrules</c> command line, run in-process over the test rule files and networks.</summary>
public sealed partial class CommandLineTests
{
    private static readonly string CliRules = TestInputs.RulesFile("cli.yaml");
    private static readonly string InvalidRules = TestInputs.RulesFile("invalid.yaml");
    private static readonly string Clean = TestInputs.Network("clean");
    private static readonly string CleanMalformed = TestInputs.Network("clean-malformed");
    private static readonly string Mixed = TestInputs.Network("mixed");

    [Fact]
    public async Task Check_exits_0_when_nothing_reaches_the_fail_on_severity()
    {
        var run = await RunAsync("check", "--rules", CliRules, "--data", Clean);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.Contains("Rent nätverk as of 2026-03-01", run.PlainOutput, StringComparison.Ordinal);
        Assert.Contains("Read 2 people, 2 groups, 3 memberships, 2 posts, 1 comments and 1 reactions; 4 rules ran.", run.PlainOutput, StringComparison.Ordinal);
        Assert.Contains("0 errors, 0 warnings, 0 suggestions — passes: nothing at or above error", run.PlainOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_exits_1_when_an_error_finding_remains()
    {
        var run = await RunAsync("check", "--rules", CliRules, "--data", Mixed);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("'SE-Test' does not follow the naming convention: ", run.PlainOutput, StringComparison.Ordinal);
        Assert.Contains("blocked word 'test'", run.PlainOutput, StringComparison.Ordinal);
        Assert.Contains("2 errors, 4 warnings, 2 suggestions — fails: 2 at or above error", run.PlainOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fail_on_never_exits_0_despite_errors()
    {
        var run = await RunAsync("check", "--rules", CliRules, "--data", Mixed, "--fail-on", "never");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("(--fail-on never)", run.PlainOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fail_on_warning_exits_1_for_a_warning_that_fail_on_error_lets_pass()
    {
        // The only finding is the CR0001 warning for the malformed comment line.
        var byDefault = await RunAsync("check", "--rules", CliRules, "--data", CleanMalformed);
        var onWarning = await RunAsync("check", "--rules", CliRules, "--data", CleanMalformed, "--fail-on", "warning");

        Assert.Equal(0, byDefault.ExitCode);
        Assert.Equal(1, onWarning.ExitCode);
        Assert.Contains("fails: 1 at or above warning", onWarning.PlainOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Strict_turns_a_malformed_line_into_exit_2()
    {
        var run = await RunAsync("check", "--rules", CliRules, "--data", CleanMalformed, "--strict");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("1 records could not be read (--strict)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Strict_without_malformed_lines_changes_nothing()
    {
        var clean = await RunAsync("check", "--rules", CliRules, "--data", Clean, "--strict");
        var mixedWithoutStrict = await RunAsync("check", "--rules", CliRules, "--data", Mixed);

        Assert.Equal(0, clean.ExitCode);
        Assert.Equal(1, mixedWithoutStrict.ExitCode);
    }

    [Fact]
    public async Task Format_json_writes_parseable_JSON_with_the_findings_to_stdout()
    {
        var run = await RunAsync("check", "--rules", CliRules, "--data", Mixed, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        var root = document.RootElement;
        Assert.Equal("Blandat", root.GetProperty("network").GetProperty("name").GetString());
        Assert.Equal("2026-03-01T00:00:00Z", root.GetProperty("summary").GetProperty("asOf").GetString());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("rejected").GetInt32());
        var findings = root.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("ruleId").GetString(), f.GetProperty("target").GetProperty("id").GetString(), f.GetProperty("severity").GetString()))
            .ToList();
        Assert.Equal(
            [
                ("CR0001", "people.jsonl:2", "warning"), ("CR0002", "po-3", "warning"),
                ("CLI-NAME", "g-1", "error"), ("CLI-NAME", "g-3", "error"),
                ("CLI-DESC", "g-1", "warning"), ("CLI-DESC", "g-3", "warning"),
                ("CLI-IDLE", "g-1", "suggestion"), ("CLI-IDLE", "g-3", "suggestion"),
            ],
            findings);
    }

    [Fact]
    public async Task Format_sarif_with_output_writes_the_report_to_the_file_only()
    {
        using var folder = new TempFolder();
        var file = folder.File("report.sarif");

        var run = await RunAsync("check", "--rules", CliRules, "--data", Mixed, "--format", "sarif", "--output", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        Assert.Equal("2.1.0", document.RootElement.GetProperty("version").GetString());
        var results = document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(8, results.Count);
        Assert.Equal(2, results.Count(r => r.GetProperty("ruleId").GetString() == "CLI-NAME" && r.GetProperty("level").GetString() == "error"));
    }

    [Fact]
    public async Task Format_text_with_output_writes_plain_text_to_the_file()
    {
        using var folder = new TempFolder();
        var file = folder.File("report.txt");

        var run = await RunAsync("check", "--rules", CliRules, "--data", Mixed, "--output", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        var text = await File.ReadAllTextAsync(file);
        Assert.DoesNotContain("\u001b[", text, StringComparison.Ordinal);
        Assert.Contains("fails: 2 at or above error", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_rules_exit_2_with_canonical_error_lines_on_stderr()
    {
        var run = await RunAsync("check", "--rules", InvalidRules, "--data", Mixed);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        var lines = run.ErrorLines;
        Assert.Equal(3, lines.Length);
        Assert.All(lines, line => Assert.Matches(CanonicalError(), line));
        Assert.StartsWith($"{InvalidRules}(5,12): error CR1008: 'namming' is not a known check kind.", lines[0], StringComparison.Ordinal);
        Assert.Contains("Did you mean 'naming'?", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{InvalidRules}(10,15): error CR1012: 'critical' is not a known severity.", lines[1], StringComparison.Ordinal);
        Assert.StartsWith($"{InvalidRules}(19,16): error CR1011: '{{group.nmae}}' is not a value this rule can show.", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_rule_file_exits_2()
    {
        var missing = TestInputs.RulesFile("no-such-rules.yaml");

        var run = await RunAsync("check", "--rules", missing, "--data", Clean);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{missing}(1,1): error CR1015: The rule file '{missing}' was not found.", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task A_missing_data_folder_exits_2_and_says_so()
    {
        var missing = TestInputs.Network("no-such-network");

        var run = await RunAsync("check", "--rules", CliRules, "--data", missing);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.StartsWith($"communityrules: --data {missing}: '{missing}' does not exist.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manifest_that_cannot_be_read_exits_2()
    {
        var run = await RunAsync("check", "--rules", CliRules, "--data", TestInputs.Network("bad-manifest"));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("communityrules: " + Path.Combine(TestInputs.Network("bad-manifest"), "network.json") + "(1): the manifest is not valid", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_that_cannot_be_written_exits_2_without_a_stack_trace()
    {
        var file = Path.Combine(TestInputs.DataRoot, "no-such-folder", "report.json");

        var run = await RunAsync("check", "--rules", CliRules, "--data", Clean, "--format", "json", "--output", file);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("communityrules: ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--format", "xml")]
    [InlineData("--fail-on", "sometimes")]
    public async Task Bad_usage_exits_2_and_points_to_help(params string[] extra)
    {
        var run = await RunAsync(["check", "--rules", CliRules, "--data", Clean, .. extra]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.StartsWith("communityrules: ", run.Error, StringComparison.Ordinal);
        Assert.EndsWith("Run 'communityrules --help' for usage.", run.Error.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_exits_2()
    {
        var run = await RunAsync("lint", CliRules);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'lint'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task As_of_checks_as_of_that_date()
    {
        var run = await RunAsync("check", "--rules", CliRules, "--data", Clean, "--as-of", "2026-10-01", "--format", "json");

        // Both groups were last active in February 2026: inactive by October, which is only a suggestion.
        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        Assert.Equal("2026-10-01T00:00:00Z", document.RootElement.GetProperty("summary").GetProperty("asOf").GetString());
        var findings = document.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(["CLI-IDLE", "CLI-IDLE"], findings.Select(f => f.GetProperty("ruleId").GetString()));
        Assert.Contains("last active on 2026-02-25", findings[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task As_of_that_is_not_a_date_exits_2()
    {
        var run = await RunAsync("check", "--rules", CliRules, "--data", Clean, "--as-of", "nonsense");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("communityrules: --as-of 'nonsense' is not an ISO 8601 date; write it as YYYY-MM-DD, such as 2026-10-01, or with a time, such as 2026-10-01T12:00:00Z.", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task A_known_profile_changes_severities()
    {
        var run = await RunAsync("check", "--rules", CliRules, "--data", Mixed, "--profile", "lenient", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        Assert.Equal("lenient", document.RootElement.GetProperty("configuration").GetProperty("profile").GetString());
        Assert.Equal(0, document.RootElement.GetProperty("summary").GetProperty("findings").GetProperty("error").GetInt32());
    }

    [Fact]
    public async Task An_unknown_profile_exits_2_and_names_the_known_ones()
    {
        var run = await RunAsync("check", "--rules", CliRules, "--data", Clean, "--profile", "crisis");

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Matches(@"^\S.*: error CR1018: There is no profile 'crisis'\.", line);
        Assert.Contains("lenient", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_prints_the_errors_of_a_broken_file_and_exits_2()
    {
        var run = await RunAsync("validate", InvalidRules);

        Assert.Equal(2, run.ExitCode);
        var lines = run.OutputLines;
        Assert.Equal(4, lines.Length);
        Assert.All(lines[..3], line => Assert.Matches(CanonicalError(), line));
        Assert.Equal(["CR1008", "CR1012", "CR1011"], lines[..3].Select(line => CanonicalError().Match(line).Groups["code"].Value));
        Assert.Equal("3 error(s) in 1 file(s).", lines[3]);
    }

    [Fact]
    public async Task Validate_accepts_a_good_file_and_exits_0()
    {
        var run = await RunAsync("validate", CliRules);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("4 rule(s) in 1 file(s) are valid.", Assert.Single(run.OutputLines));
    }

    [Fact]
    public async Task Test_reports_a_failing_example_at_its_line_and_exits_1()
    {
        var rules = TestInputs.RulesFile("failing-example.yaml");

        var run = await RunAsync("test", rules);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            [
                $"{rules}(15,9): error CR2001: The example of EXM001 is expected to fail the rule, but it passes.",
                "examples: 2 passed, 1 failed",
            ],
            run.OutputLines);
    }

    [Fact]
    public async Task Test_passes_when_every_example_behaves_as_written()
    {
        var run = await RunAsync("test", TestInputs.RulesFile("passing-examples.yaml"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["examples: 2 passed, 0 failed"], run.OutputLines);
    }

    [Fact]
    public async Task Version_prints_a_version()
    {
        var run = await RunAsync("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Output.Trim());
        Assert.Matches(@"^\d+\.\d+\.\d+$", CommandLine.Version);
    }

    [Fact]
    public async Task Extra_checks_given_to_the_command_line_can_be_named_in_rules()
    {
        var run = await RunAsync(
            ["check", "--rules", TestInputs.RulesFile("scopes.yaml"), "--data", TestInputs.Network("scopes"), "--format", "json", "--fail-on", "never"],
            [new EchoCheck()]);

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        var post = Assert.Single(document.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "SCP-POST");
        Assert.Equal("seen post po-1 in SE-Öppet forum by Åsa Lindqvist", post.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Without_the_extra_check_the_same_rules_are_invalid()
    {
        var run = await RunAsync("check", "--rules", TestInputs.RulesFile("scopes.yaml"), "--data", TestInputs.Network("scopes"));

        Assert.Equal(2, run.ExitCode);
        Assert.All(run.ErrorLines, line => Assert.Contains("error CR1008: 'echo' is not a known check kind.", line, StringComparison.Ordinal));
        Assert.Equal(5, run.ErrorLines.Length);
    }

    [Fact]
    public async Task Without_data_the_bundled_sample_is_checked_and_named_as_such_not_by_its_folder()
    {
        var run = await RunAsync("check", "--rules", "builtin:governance");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("Nordlys Group (sample) as of 2026-10-01 (the sample network that ships with the tool)", run.Output.ReplaceLineEndings("\n").Split('\n')[0]);
    }

    [Fact]
    public async Task The_text_report_says_a_rules_advice_once_and_names_a_post_by_its_group_and_title_before_its_id()
    {
        var run = await RunAsync("check", "--rules", "builtin:posting-guidelines");

        const string Advice = "Ask the author to remove it and send it to the right team through a secure channel, such as the HR or payroll portal, instead.";
        var lines = run.Output.ReplaceLineEndings("\n").Split('\n');
        var header = Array.FindIndex(lines, line => line.Contains("POST001 Posts do not share personal data", StringComparison.Ordinal));
        Assert.Equal("  " + Advice, lines[header + 2]);
        Assert.DoesNotContain(lines, line => line.Contains("(group/", StringComparison.Ordinal) && line.Contains(Advice, StringComparison.Ordinal));
        Assert.Contains("  SE-Alla på Nordlys Sverige › “Någon som vet?”: The text contains personal data, phone number (+46 74 *** ** **), at character 95. (group/g001/post/post000011)", lines);
    }

    [Theory]
    [InlineData("'A' is late. Ask its admin.|'B' is late. Ask its admin.", "Ask its admin.")]
    [InlineData("'A' is late. Ask its admin. Then wait.|'B' is late. Ask its admin. Then wait.", "Ask its admin. Then wait.")]
    [InlineData("'A' is late; ask its admin.|'B' is late; ask its admin.", "")]
    [InlineData("'A' is late. Ask its admin.|'B' is late. Ask the owner.", "")]
    [InlineData("Ask its admin.|'B' is late. Ask its admin.", "")]
    [InlineData("'A' is late. Ask its admin.", "")]
    public void Advice_is_shared_only_when_every_message_ends_with_the_same_whole_sentences_after_its_own(string messages, string expected)
    {
        Assert.Equal(expected, TextReport.SharedAdvice(messages.Split('|')));
    }

    private static Task<CliRun> RunAsync(params string[] args) => RunAsync(args, []);

    private static async Task<CliRun> RunAsync(string[] args, IReadOnlyList<Check> extraChecks)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandLine.RunAsync(args, output, error, new FakeTimeProvider(TestInputs.ClockNow), extraChecks);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    [GeneratedRegex(@"^(?<path>.+)\((?<line>\d+),(?<column>\d+)\): error (?<code>CR\d{4}): (?<message>.+)$")]
    private static partial Regex CanonicalError();

    private sealed partial record CliRun(int ExitCode, string Output, string Error)
    {
        public string[] OutputLines => Lines(Output);

        public string[] ErrorLines => Lines(Error);

        /// <summary>Gets the console output without colours, with the lines the console wrapped joined again.</summary>
        public string PlainOutput => Whitespace().Replace(Ansi().Replace(Output, string.Empty), " ");

        private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        [GeneratedRegex(@"\u001b\[[0-9;]*m")]
        private static partial Regex Ansi();

        [GeneratedRegex(@"\s+")]
        private static partial Regex Whitespace();
    }
}
