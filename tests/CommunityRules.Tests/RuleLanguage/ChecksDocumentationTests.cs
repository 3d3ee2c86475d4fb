using System.Text.RegularExpressions;
using CommunityRules.Checks;
using CommunityRules.Engine;
using CommunityRules.Rules;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.RuleLanguage;

/// <summary>
/// docs/checks.md promises that every example on the page passes <c>communityrules test</c>: each ```yaml block that
/// holds <c>rules:</c> and <c>examples:</c> is loaded as a rule file and its examples are run.
/// </summary>
public sealed partial class ChecksDocumentationTests
{
    private static readonly string ChecksPage = Path.Combine(TestPaths.RepoRoot, "docs", "checks.md");

    public static TheoryData<string> Blocks()
    {
        var data = new TheoryData<string>();
        foreach (var block in ReadBlocks())
        {
            data.Add(block.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public async Task The_example_rules_on_the_page_load_and_their_examples_pass(string name)
    {
        var block = Assert.Single(ReadBlocks(), candidate => candidate.Name == name);
        using var folder = new TempFolder();
        foreach (var (fileName, content) in ReadCompanionFiles())
        {
            File.WriteAllText(folder.File(fileName), content);
        }

        var rulesFile = folder.File("rules.yaml");
        File.WriteAllText(rulesFile, block.Yaml);

        var loaded = new RuleSetLoader(BuiltInChecks.Create()).Load([rulesFile]);
        Assert.True(loaded.Success, $"The example under '{block.Heading}' in docs/checks.md does not load:\n" + string.Join('\n', loaded.Errors));

        var result = await new RuleExampleRunner(new RuleEngine(TimeProvider.System)).RunAsync(loaded.RuleSet!);

        Assert.True(result.Failures.Count == 0, $"Examples under '{block.Heading}' in docs/checks.md fail:\n" + string.Join('\n', result.Failures));
        Assert.True(result.Passed > 0, $"The block under '{block.Heading}' has no examples that ran.");
    }

    [Fact]
    public void Every_check_has_a_section_with_a_tested_example()
    {
        var headings = ReadBlocks().Select(block => block.Heading).ToHashSet(StringComparer.Ordinal);

        foreach (var check in BuiltInChecks.Create())
        {
            Assert.Contains(check.Kind, headings);
        }
    }

    private static List<DocBlock> ReadBlocks()
    {
        var blocks = new List<DocBlock>();
        var heading = "(page intro)";
        var lines = ReadPage();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("## ", StringComparison.Ordinal))
            {
                heading = lines[i][3..].Trim();
            }
            else if (lines[i].Trim() == "```yaml")
            {
                var end = FenceEnd(lines, i);
                var yaml = string.Join('\n', lines[(i + 1)..end]) + "\n";
                if (yaml.Contains("rules:", StringComparison.Ordinal) && yaml.Contains("examples:", StringComparison.Ordinal))
                {
                    var count = blocks.Count(block => block.Heading == heading);
                    blocks.Add(new DocBlock(count == 0 ? heading : $"{heading} ({count + 1})", heading, yaml));
                }

                i = end;
            }
        }

        return blocks;
    }

    // Files a rule example refers to are shown on the page as a ```text block after "`name`, next to the rule file:".
    private static List<(string Name, string Content)> ReadCompanionFiles()
    {
        var files = new List<(string, string)>();
        var lines = ReadPage();
        for (var i = 0; i < lines.Length; i++)
        {
            var companion = CompanionIntro().Match(lines[i]);
            if (!companion.Success)
            {
                continue;
            }

            var start = Array.FindIndex(lines, i + 1, line => line.StartsWith("```", StringComparison.Ordinal));
            Assert.True(start > 0, $"docs/checks.md announces '{companion.Groups["name"].Value}' but shows no block for it.");
            var end = FenceEnd(lines, start);
            files.Add((companion.Groups["name"].Value, string.Join('\n', lines[(start + 1)..end]) + "\n"));
            i = end;
        }

        return files;
    }

    private static int FenceEnd(string[] lines, int start)
    {
        var end = Array.FindIndex(lines, start + 1, line => line.Trim() == "```");
        Assert.True(end > start, $"The code block at line {start + 1} of docs/checks.md is not closed.");
        return end;
    }

    private static string[] ReadPage() => File.ReadAllText(ChecksPage).ReplaceLineEndings("\n").Split('\n');

    [GeneratedRegex(@"^`(?<name>[^`/\\]+)`, next to the rule file:")]
    private static partial Regex CompanionIntro();

    private sealed record DocBlock(string Name, string Heading, string Yaml);
}
