using System.Text;
using CommunityRules.Reporting;
using CommunityRules.Checks;
using CommunityRules.Checks.BuiltIn;
using CommunityRules.Cli;
using CommunityRules.Diagnostics;
using CommunityRules.Tests.Engine;
using CommunityRules.Tests.RuleLanguage;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console;

namespace CommunityRules.Tests.Cli;

/// <summary>
/// The command line under bad input: every failure is exit 2 with one line naming what is wrong — never a stack
/// trace unless <c>--verbose</c> asks, never a hang, never exit 1 (which means findings) — and no control character
/// from data reaches the report.
/// </summary>
public sealed class HostileCommandLineTests
{
    private static readonly string CliRules = TestInputs.RulesFile("cli.yaml");
    private static readonly string Clean = TestInputs.Network("clean");

    [Theory]
    [InlineData("03/04/2025")]
    [InlineData("04.03.2025")]
    [InlineData("Jan 5")]
    [InlineData("5 January 2025")]
    [InlineData("10:00")]
    [InlineData("2025-13-01")]
    [InlineData("2025-02-30")]
    [InlineData("20250301")]
    [InlineData("nonsense")]
    [InlineData("")]
    public async Task As_of_that_is_not_an_iso_date_exits_2(string value)
    {
        var run = await RunAsync("check", "--rules", CliRules, "--data", Clean, "--as-of", value);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"communityrules: --as-of '{value}' is not an ISO 8601 date; write it as YYYY-MM-DD, such as 2026-10-01, or with a time, such as 2026-10-01T12:00:00Z.", Assert.Single(run.ErrorLines));
    }

    [Theory]
    [InlineData("2026-03-01")]
    [InlineData("2026-03-01T10:00")]
    [InlineData("2026-03-01T10:00:00Z")]
    [InlineData("2026-03-01T10:00:00+02:00")]
    [InlineData("2026-03-01T10:00:00.123Z")]
    public async Task As_of_in_iso_8601_is_read(string value)
    {
        var run = await RunAsync("check", "--rules", CliRules, "--data", Clean, "--as-of", value);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("as of 2026-03-01", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fifo", "is a named pipe (FIFO)")]
    [InlineData("/dev/zero", "is a device")]
    [InlineData("/dev/urandom", "is a device")]
    [InlineData("folder", "is a folder")]
    [InlineData("dangling", "which does not exist")]
    [InlineData("loop", "leads back to itself")]
    [InlineData("missing-folder", "does not exist")]
    public async Task An_output_that_is_no_file_exits_2_before_the_run(string kind, string words)
    {
        using var folder = new TempFolder();
        var target = kind == "missing-folder" ? Path.Combine(folder.Path, "no-such-folder", "report.txt") : SpecialFiles.Create(folder.Path, kind);

        var run = await RunAsync("check", "--rules", CliRules, "--data", Clean, "--output", target).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"communityrules: --output '{target}' ", line, StringComparison.Ordinal);
        Assert.Contains(words, line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public async Task The_null_device_is_a_valid_output()
    {
        var run = await RunAsync("check", "--rules", CliRules, "--data", Clean, "--output", "/dev/null");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
    }

    [Theory]
    [InlineData("fifo", "is a named pipe (FIFO)")]
    [InlineData("/dev/zero", "is a device")]
    [InlineData("/dev/urandom", "is a device")]
    [InlineData("dangling", "which does not exist")]
    [InlineData("loop", "leads back to itself")]
    public async Task A_rules_path_that_is_no_file_exits_2_with_one_located_error(string kind, string words)
    {
        using var folder = new TempFolder();
        var target = SpecialFiles.Create(folder.Path, kind);

        foreach (var command in new[] { "check", "validate", "test" })
        {
            string[] args = command == "check" ? ["check", "--rules", target, "--data", Clean] : [command, target];
            var run = await RunAsync(args).WaitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(2, run.ExitCode);
            var line = Assert.Single(run.ErrorLines.Concat(run.OutputLines), l => l.Contains("error CR", StringComparison.Ordinal));
            Assert.StartsWith($"{target}(1,1): error CR1024: ", line, StringComparison.Ordinal);
            Assert.Contains(words, line, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.Error + run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_empty_rule_file_exits_2()
    {
        using var folder = new TempFolder();
        var empty = Path.Combine(folder.Path, "empty.yaml");
        File.WriteAllText(empty, string.Empty);

        var run = await RunAsync("check", "--rules", empty, "--data", Clean);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{empty}(1,1): error CR1026: The rule file is empty: it has no rules and no settings. Write 'rules:' or 'extends:' in it, or remove it.", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task A_configuration_without_rules_exits_2()
    {
        using var folder = new TempFolder();
        var none = Path.Combine(folder.Path, "none.yaml");
        File.WriteAllText(none, "rules: []\n");

        var run = await RunAsync("check", "--rules", none, "--data", Clean);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{none}(1,1): error CR1026: The configuration defines no rule: its files have no 'rules:' and extend no pack. Add rules under 'rules:', or 'extends: [builtin:governance]'.", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task A_configuration_that_switches_every_rule_off_exits_2()
    {
        using var folder = new TempFolder();
        var off = Path.Combine(folder.Path, "off.yaml");
        File.WriteAllText(off, $"extends: ['{CliRules}']\nseverity:\n  default: none\n");

        var run = await RunAsync("check", "--rules", off, "--data", Clean);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"{off}(1,1): error CR1026: The configuration runs no rule: all 4 are switched off", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unexpected_exception_is_one_line_and_exit_2_and_its_stack_only_with_verbose()
    {
        // Two different checks with one kind: the loader throws, as it would for any bug nobody foresaw.
        var quiet = await RunAsync(["check", "--rules", CliRules, "--data", Clean], [new ImpostorCheck()]);
        var verbose = await RunAsync(["check", "--rules", CliRules, "--data", Clean, "--verbose"], [new ImpostorCheck()]);

        Assert.Equal(2, quiet.ExitCode);
        var line = Assert.Single(quiet.ErrorLines);
        Assert.StartsWith("communityrules: 'check' failed: Two checks have the kind 'naming'", line, StringComparison.Ordinal);
        Assert.EndsWith("(ArgumentException; run again with --verbose for details).", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", quiet.Error, StringComparison.Ordinal);

        Assert.Equal(2, verbose.ExitCode);
        Assert.Equal(line, verbose.ErrorLines[0]);
        Assert.Contains("   at CommunityRules.Rules.RuleSetLoader", verbose.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_data_source_error_shows_its_stack_only_with_verbose()
    {
        using var folder = new TempFolder();
        var quiet = await RunAsync("check", "--rules", CliRules, "--data", Path.Combine(folder.Path, "missing"));
        var verbose = await RunAsync("check", "--rules", CliRules, "--data", Path.Combine(folder.Path, "missing"), "-v");

        Assert.Equal(2, quiet.ExitCode);
        Assert.Single(quiet.ErrorLines);
        Assert.Equal(2, verbose.ExitCode);
        Assert.Equal(quiet.ErrorLines[0], verbose.ErrorLines[0]);
    }

    [Fact]
    public async Task The_text_report_in_a_file_holds_no_control_character_from_data()
    {
        using var folder = new TempFolder();
        var report = Path.Combine(folder.Path, "report.txt");

        var run = await RunAsync("check", "--rules", TestInputs.RulesFile("control-characters.yaml"), "--data", TestInputs.Network("control-characters"), "--output", report);

        Assert.Equal(1, run.ExitCode);
        var text = File.ReadAllText(report, Encoding.UTF8);
        AssertNoControls(text);
        var lines = text.Split('\n');
        Assert.DoesNotContain(lines, line => line.TrimStart().StartsWith("error FAKE", StringComparison.Ordinal));
        Assert.StartsWith(@"Evil\e[2J\e[H net \e]8;;https://evil.example/\u0007link\e]8;;\u0007 as of 2026-03-01", text, StringComparison.Ordinal);
        Assert.Contains(@"'SE-ok\nerror FAKE-1 forged line\e[31m red \u202Eexe.txt\u0085\u009B2J' does not follow the naming convention.", text, StringComparison.Ordinal);
        Assert.Contains(@"The post says 'hello\r\n\e[2K\e[1A error FAKE-2 forged\u2066 isolate\u0007 bell\0 nul\u2028sep end'.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_text_report_on_a_colour_terminal_holds_no_control_character_from_data()
    {
        var result = await TestInputs.RunAsync("control-characters.yaml", "control-characters");
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.TrueColor,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 10_000;

        TextReport.Write(console, result, result.Manifest!.Name!, result.Summary.Source, Severity.Error);

        var text = writer.ToString();
        Assert.Contains('\u001B', text);
        // The console's own colours are SGR sequences (ESC [ ... m); nothing else may act on the terminal.
        AssertNoControls(System.Text.RegularExpressions.Regex.Replace(text, @"\u001B\[[0-9;]*m", string.Empty));
        Assert.Contains(@"\e[2J", text, StringComparison.Ordinal);
        Assert.Contains(@"\u202E", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Terminal_text_writes_out_every_control_and_leaves_other_text_alone()
    {
        Assert.Equal(@"a\eb\nc\rd\te\0f\u0007g\u007Fh\u0085i\u009Bj\u202Ek\u2066l\u200Fm\u2028n", TerminalText.Escape("a\u001Bb\nc\rd\te\0f\u0007g\u007Fh\u0085i\u009Bj\u202Ek\u2066l\u200Fm\u2028n"));
        const string plain = "Åsa's group — SE-Öppet forum, 🎉 \\ [tag]";
        Assert.Same(plain, TerminalText.Escape(plain));
    }

    private static void AssertNoControls(string text)
    {
        foreach (var character in text)
        {
            Assert.False(character != '\n' && TerminalText.IsControl(character), $"U+{(int)character:X4} reached the output.");
        }
    }

    private static Task<CliRun> RunAsync(params string[] args) => RunAsync(args, []);

    private static async Task<CliRun> RunAsync(string[] args, IReadOnlyList<Check> extraChecks)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandLine.RunAsync(args, output, error, new FakeTimeProvider(TestInputs.ClockNow), extraChecks);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    private sealed record CliRun(int ExitCode, string Output, string Error)
    {
        public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>A second check that claims the kind of a built-in one.</summary>
    private sealed class ImpostorCheck : Check<NamingOptions>
    {
        public override string Kind => "naming";

        public override string Description => "Claims the kind of the built-in naming check.";

        public override IReadOnlyList<TargetKind> SupportedTargets { get; } = [TargetKind.Group];

        protected override void Initialize(CheckInitializationContext context, NamingOptions options)
        {
        }
    }
}
