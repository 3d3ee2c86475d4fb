using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Cli;

/// <summary>The text report's view per person (<c>--group-by person</c>) and the CSV format on the command line.</summary>
public sealed partial class CommandLineTests
{
    private static readonly string RollUpRules = TestInputs.RulesFile("rollups.yaml");
    private static readonly string RollUps = TestInputs.Network("rollups");

    [Fact]
    public async Task Group_by_person_lists_the_expert_once_with_her_eleven_groups()
    {
        var run = await RunAsync(["check", "--rules", RollUpRules, "--data", RollUps, "--group-by", "person"], [new PersonCountryCheck()]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        var lines = run.Output.Split('\n').Select(line => line.TrimEnd()).ToArray();
        Assert.Contains("By person: 5 people act on 18 findings; 2 findings have nobody in the network to act on them.", run.PlainOutput, StringComparison.Ordinal);

        // Ingrid once, first, with eleven group headings under her and her own post under its group.
        Assert.Single(lines, line => line.StartsWith("Ingrid Ekström (p-ingrid)", StringComparison.Ordinal));
        var start = Array.FindIndex(lines, line => line.StartsWith("Ingrid Ekström (p-ingrid) — 12 findings in 11 groups", StringComparison.Ordinal));
        Assert.True(start >= 0, run.PlainOutput);
        Assert.DoesNotContain(lines[..start], line => line.Contains(" — ", StringComparison.Ordinal) && line.Contains("finding", StringComparison.Ordinal) && !line.StartsWith("By person", StringComparison.Ordinal));
        var block = lines[(start + 1)..].TakeWhile(line => line.Length > 0).ToList();
        Assert.Equal(11, block.Count(line => line.StartsWith("  SE-", StringComparison.Ordinal)));
        Assert.Equal(12, block.Count(line => line.StartsWith("     warning ", StringComparison.Ordinal)));
        var juridik = block.FindIndex(line => line == "  SE-Juridik (g-03)");
        Assert.Contains("ROL-SHOUT post po-ingrid: 100 % of its letters are capitals", block[juridik + 2], StringComparison.Ordinal);

        // The admins act on the post of someone who left; nobody in the network acts on a group without an active admin.
        Assert.Contains("Åsa Lindqvist (p-asa) — 3 findings in 1 group; as an admin also told of 2 findings on others' posts and comments", run.PlainOutput, StringComparison.Ordinal);
        Assert.Contains("ROL-SHOUT post po-lars (as admin: the author cannot act on it): ", run.PlainOutput, StringComparison.Ordinal);
        Assert.Contains("Olli Virtanen (p-olli) — 2 findings in 1 group", run.PlainOutput, StringComparison.Ordinal);
        var nobody = Array.FindIndex(lines, line => line.StartsWith("Nobody in the network — 2 findings", StringComparison.Ordinal));
        Assert.True(nobody > start, run.PlainOutput);
        Assert.Contains(lines[nobody..], line => line == "  SE-Kantinen (g-orphan)");
        Assert.Contains("0 errors, 19 warnings, 1 suggestion", run.PlainOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Group_by_rule_is_the_default_and_names_no_person_section()
    {
        var byDefault = await RunAsync(["check", "--rules", RollUpRules, "--data", RollUps], [new PersonCountryCheck()]);
        var byRule = await RunAsync(["check", "--rules", RollUpRules, "--data", RollUps, "--group-by", "rule"], [new PersonCountryCheck()]);

        Assert.Equal(byDefault.PlainOutput, byRule.PlainOutput);
        Assert.DoesNotContain("By person", byRule.PlainOutput, StringComparison.Ordinal);
        Assert.Contains("group/g-07", byRule.PlainOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("html")]
    public async Task Group_by_person_with_another_format_is_refused_with_what_to_do_instead(string format)
    {
        var run = await RunAsync(["check", "--rules", RollUpRules, "--data", RollUps, "--format", format, "--group-by", "person"], [new PersonCountryCheck()]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Equal("communityrules: --group-by person is for the text report; the HTML report always has a section per person, and JSON, SARIF and CSV name the people responsible on every finding. Leave out --group-by, or use --format text.", run.Error.Trim());
    }

    [Fact]
    public async Task Help_lists_csv_among_the_formats_and_the_group_by_option()
    {
        var run = await RunAsync("check", "--help");

        Assert.Contains("csv (one row per finding, for a spreadsheet)", run.Output, StringComparison.Ordinal);
        Assert.Contains("--group-by", run.Output, StringComparison.Ordinal);
    }
}
