using System.Text.RegularExpressions;
using CommunityRules.ApiExamples;
using CommunityRules.Diagnostics;
using CommunityRules.Model;
using CommunityRules.Tests.Engine;
using Group = CommunityRules.Model.Group;

namespace CommunityRules.Tests.Examples;

/// <summary>
/// docs/api.md shows the files of tests/CommunityRules.ApiExamples, a project that sees only the public surface: the
/// page and the files stay identical, and each example runs on real inputs.
/// </summary>
public sealed partial class ApiPageTests
{
    private static readonly string ExamplesFolder = Path.Combine(TestPaths.RepoRoot, "tests", "CommunityRules.ApiExamples");

    [Fact]
    public void Every_code_block_on_the_page_is_an_example_file_and_every_example_file_is_on_the_page()
    {
        var page = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "api.md")).ReplaceLineEndings("\n");
        var blocks = CodeBlock().Matches(page).Select(match => match.Groups["code"].Value.Trim()).ToList();
        var files = Directory.GetFiles(ExamplesFolder, "*.cs").Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            Assert.True(blocks.Remove(AsShown(file)), $"docs/api.md should show {Path.GetFileName(file)} as it is (a ```csharp block without its first comment and namespace lines).");
        }

        Assert.Empty(blocks);
    }

    [Fact]
    public void Loading_gives_a_rule_set_or_prints_the_errors_and_gives_none()
    {
        using var folder = new TempFolder();
        var bad = folder.File("bad.yaml");
        File.WriteAllText(bad, "rules:\n  - id: X1\n    check: nosuchcheck\n");

        Assert.NotNull(LoadRules.Run(["builtin:governance"]));
        Assert.NotNull(LoadRules.Run(["builtin:community"], profile: "crisis"));
        Assert.Null(LoadRules.Run([bad]));
    }

    [Fact]
    public async Task The_sample_network_analyzed_and_written_as_sarif_has_the_errors_the_readme_promises()
    {
        using var folder = new TempFolder();
        var ruleSet = LoadRules.Run(["builtin:governance"])!;

        var result = await AnalyzeExport.RunAsync(ruleSet, SampleNetwork, CancellationToken.None);
        await WriteReport.RunAsync(result, ruleSet, folder.File("review.sarif"), CancellationToken.None);

        Assert.Contains(result.Diagnostics, finding => finding.Severity == Severity.Error);
        var sarif = File.ReadAllText(folder.File("review.sarif"));
        Assert.Contains("\"version\": \"2.1.0\"", sarif, StringComparison.Ordinal);
        Assert.Contains(result.Diagnostics[0].Rule.Id, sarif, StringComparison.Ordinal);
    }

    [Fact]
    public void A_post_with_a_personal_identity_number_is_reported_and_a_clean_one_is_not()
    {
        var ruleSet = LoadRules.Run(["builtin:posting-guidelines"])!;

        var reported = CheckPost.Run(ruleSet, new Post { Id = "p1", GroupId = "g1", Text = "Mitt personnummer är 19121212-1212." });
        var clean = CheckPost.Run(ruleSet, new Post { Id = "p2", GroupId = "g1", Text = "Välkommen till gruppen!" });

        Assert.Contains(reported, line => line.StartsWith("Error POST001: ", StringComparison.Ordinal));
        Assert.Empty(clean);
    }

    [Fact]
    public async Task The_host_runs_its_own_check_over_its_own_source()
    {
        const string Rules = """
            rules:
              - id: QT001
                title: Questions have a clear title
                target: post
                category: questions
                severity: warning
                check: questionTitle
                options: { minWords: 3 }
                message: "The question '{post.title}' needs a clearer title: {reason}"
            """;
        var source = new IntranetSource(
            [new Group { Id = "g1", Name = "SE-IT Help" }],
            [
                new Post { Id = "p1", GroupId = "g1", Title = "Help", Type = PostType.Question },
                new Post { Id = "p2", GroupId = "g1", Title = "VPN drops every hour on Wi-Fi", Type = PostType.Question },
            ]);

        var result = await RulesHost.RunAsync(Rules, source, CancellationToken.None);

        var finding = Assert.Single(result.Diagnostics);
        Assert.Equal(("QT001", "p1"), (finding.Rule.Id, finding.Target.Id));
        Assert.Equal("The question 'Help' needs a clearer title: its title has 1 words; at least 3 are expected", finding.Message);
    }

    [Fact]
    public async Task The_second_recorded_run_of_the_same_data_has_nothing_new()
    {
        using var folder = new TempFolder();
        var ruleSet = LoadRules.Run(["builtin:governance"])!;
        var result = await AnalyzeExport.RunAsync(ruleSet, SampleNetwork, CancellationToken.None);

        var first = await KeepHistory.RecordAsync(folder.File("history.db"), result, ruleSet, CancellationToken.None);
        var second = await KeepHistory.RecordAsync(folder.File("history.db"), result, ruleSet, CancellationToken.None);

        Assert.Equal(result.Diagnostics.Count, first);
        Assert.Equal(0, second);
    }

    private static string SampleNetwork => Path.Combine(TestPaths.RepoRoot, "samples", "nordic-network");

    // The file without its first comment line, its namespace line and the blank line after it.
    private static string AsShown(string file)
    {
        var lines = File.ReadAllText(file).ReplaceLineEndings("\n").Split('\n').ToList();
        var kept = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            if (lines[i].StartsWith("namespace ", StringComparison.Ordinal))
            {
                i += i + 1 < lines.Count && lines[i + 1].Length == 0 ? 1 : 0;
                continue;
            }

            kept.Add(lines[i]);
        }

        return string.Join('\n', kept).Trim();
    }

    [GeneratedRegex(@"```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
