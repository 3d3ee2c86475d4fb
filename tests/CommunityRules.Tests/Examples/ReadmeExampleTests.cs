using System.Text.RegularExpressions;
using CommunityRules.Model;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Examples;

public sealed partial class ReadmeExampleTests
{
    [Fact]
    public void The_bot_example_in_the_readme_is_the_code_this_test_runs()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md")).ReplaceLineEndings("\n");
        var shown = BotSnippet().Match(readme);
        Assert.True(shown.Success, "README.md should show the bot example in a ```csharp block after '## Checking posts in a bot'.");

        var source = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "tests", "CommunityRules.Tests", "Examples", "ModerationBot.cs")).ReplaceLineEndings("\n");
        var code = string.Join('\n', source.Split('\n').Where(line => !line.StartsWith("//", StringComparison.Ordinal) && !line.StartsWith("namespace ", StringComparison.Ordinal))).Trim();
        Assert.Equal(code, shown.Groups["code"].Value.Trim());
    }

    [Fact]
    public void The_bot_example_reports_the_posts_that_break_the_bundled_guidelines()
    {
        using var folder = new TempFolder();
        var rules = Path.Combine(folder.Path, "communityrules.yaml");
        File.WriteAllText(rules, "extends: [builtin:posting-guidelines]\n");

        var replies = ModerationBot.Run(rules, [
            new Post { Id = "p1", GroupId = "g1", Text = "Välkommen till gruppen! Här delar vi nyheter om försäljningen." },
            new Post { Id = "p2", GroupId = "g1", Text = "Mitt personnummer är 19121212-1212, kan HR fixa lönen?" },
            new Post { Id = "p3", GroupId = "g1", Text = "Filen ligger på https://we.tl/t-abc123 tills vidare." },
        ]);

        Assert.Collection(
            replies,
            reply => Assert.StartsWith("Error POST001 on p2: ", reply, StringComparison.Ordinal),
            reply => Assert.StartsWith("Warning POST007 on p3: ", reply, StringComparison.Ordinal));
        Assert.DoesNotContain("19121212-1212", string.Concat(replies), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"## Checking posts in a bot.*?```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex BotSnippet();
}
