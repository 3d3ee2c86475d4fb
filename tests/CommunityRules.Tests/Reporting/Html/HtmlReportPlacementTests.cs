using CommunityRules.Data.Snapshot;
using CommunityRules.Engine;
using CommunityRules.Reporting;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Reporting.Html;

/// <summary>
/// The HTML report's section of misplaced posts, over <c>Rules/placement.yaml</c> and the <c>placement</c> network
/// (with the Swedish IT group renamed to something hostile in one test).
/// </summary>
public sealed class HtmlReportPlacementTests
{
    [Fact]
    public async Task Misplaced_posts_are_listed_by_their_group_with_the_suggested_group_and_both_scores()
    {
        var (report, document) = await WriteAsync(TestInputs.Network("placement"));

        var ids = document.QuerySelectorAll("main > section").Select(section => section.Id).ToList();
        Assert.Equal(["rules", "merge", "inactive", "problems", "charts", "misplaced", "other", "people", "suppressed"], ids);
        Assert.Contains(document.QuerySelectorAll("nav.toc a"), link => link.GetAttribute("href") == "#misplaced");
        Assert.Equal("7", document.Section("other").QuerySelector("h2 .num")!.TextContent);

        var section = document.Section("misplaced");
        var expected = report.Result.Diagnostics.Where(d => d.Rule.Id.StartsWith("PLC", StringComparison.Ordinal)).ToList();
        // By the group the posts are in, in the order the groups first appear; in the run's order within a group.
        Assert.Equal(
            expected.GroupBy(d => d.Target.GroupId).SelectMany(group => group).Select(d => d.Fingerprint),
            section.Findings().Select(row => row.GetAttribute("data-finding")));
        Assert.Equal(["g-lunch-se", "g-run", "g-all"], section.QuerySelectorAll("tbody").Select(body => body.GetAttribute("data-group")));

        var lu5 = section.Findings()[0];
        Assert.Equal("g-it-se", lu5.GetAttribute("data-suggested-group"));
        var cells = lu5.QuerySelectorAll("td").Select(cell => cell.TextContent).ToList();
        Assert.Equal(["lu5group/g-lunch-se/post/lu5", "SE-IT Supportg-it-se", "0.31", "0.00", "laptop, skrivaren, VPN", "warning"], cells);

        // Shown once: not again among the other findings.
        Assert.DoesNotContain(document.Section("other").Findings(), row => expected.Any(d => d.Fingerprint == row.GetAttribute("data-finding")));
    }

    [Fact]
    public async Task A_hostile_group_name_is_text_not_markup()
    {
        using var copy = TempFolder.CopyOf("placement");
        var groups = File.ReadAllText(copy.File("groups.jsonl"));
        File.WriteAllText(copy.File("groups.jsonl"), groups.Replace("\"SE-IT Support\"", "\"SE-IT <img src=x onerror=alert(1)> & Co\"", StringComparison.Ordinal));

        var (_, document) = await WriteAsync(copy.Path);

        var section = document.Section("misplaced");
        Assert.Empty(section.QuerySelectorAll("img"));
        Assert.Contains("SE-IT <img src=x onerror=alert(1)> & Co", section.Findings()[0].QuerySelectorAll("td")[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_placement_rule_the_report_has_no_such_section()
    {
        var document = HtmlReportSupport.Parse(await HtmlReportSupport.WriteAsync(await HtmlReportSupport.RunNordicAsync()));

        Assert.Empty(document.QuerySelectorAll("section#misplaced"));
        Assert.Equal("6", document.Section("other").QuerySelector("h2 .num")!.TextContent);
    }

    private static async Task<(AnalysisReport Report, AngleSharp.Html.Dom.IHtmlDocument Document)> WriteAsync(string network)
    {
        var ruleSet = TestInputs.LoadRules("placement.yaml");
        var result = await new RuleEngine(TimeProvider.System).AnalyzeAsync(ruleSet, new SnapshotProvider(network));
        var report = new AnalysisReport(result, ruleSet, HtmlReportSupport.ToolVersion, []);
        return (report, HtmlReportSupport.Parse(await HtmlReportSupport.WriteAsync(report)));
    }
}
