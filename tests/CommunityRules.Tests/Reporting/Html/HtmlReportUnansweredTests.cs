using CommunityRules.Data;
using CommunityRules.Engine;
using CommunityRules.Model;
using CommunityRules.Reporting;
using CommunityRules.Rules;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Reporting.Html;

/// <summary>The HTML report's section of unanswered questions, by group and age, over the <c>unanswered</c> test network.</summary>
public sealed class HtmlReportUnansweredTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_section_sits_before_the_other_findings_and_lists_every_unanswered_question_once_by_group()
    {
        var (report, document) = await ReportAsync("unanswered.yaml", "unanswered");

        var ids = document.QuerySelectorAll("main > section").Select(section => section.Id).ToList();
        Assert.Equal(["rules", "merge", "inactive", "problems", "charts", "unanswered", "other", "people", "suppressed"], ids);
        Assert.Equal(ids.Select(id => "#" + id), document.QuerySelectorAll("nav.toc a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8", "9"], document.QuerySelectorAll("main > section h2 .num").Select(number => number.TextContent));

        var section = document.Section("unanswered");
        var expected = report.Result.Diagnostics.Where(d => d.Rule.Id.StartsWith("UNA-", StringComparison.Ordinal)).Select(d => d.Fingerprint).Order(StringComparer.Ordinal);
        Assert.Equal(expected, section.Findings().Select(row => row.GetAttribute("data-finding")!).Order(StringComparer.Ordinal));
        Assert.Empty(document.Section("other").Findings());

        // g-se has the most findings (13 of three rules), then g-no (4); g-en, g-dk and g-fi have 2 each and come in
        // the order of their longest wait: 9, 7 and 6 days.
        Assert.Equal(["g-se", "g-no", "g-en", "g-dk", "g-fi"], section.QuerySelectorAll("tbody[data-group]").Select(group => group.GetAttribute("data-group")));
        Assert.Contains("23 questions", section.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_group_lists_its_longest_waiting_question_first_with_its_age_and_who_could_answer()
    {
        var (_, document) = await ReportAsync("unanswered.yaml", "unanswered");

        var se = document.Section("unanswered").QuerySelector("tbody[data-group=g-se]")!;
        var waited = se.QuerySelectorAll("tr[data-finding]").Select(row => long.Parse(row.GetAttribute("data-waited-hours")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(waited.OrderDescending(), waited);
        Assert.Contains("SE-IT Support", se.TextContent, StringComparison.Ordinal);

        var old = Assert.Single(se.QuerySelectorAll("tr[data-rule=UNA-48]"), row => row.TextContent.Contains("Hur bokar man rum 4?", StringComparison.Ordinal));
        Assert.Contains("5 days", old.TextContent, StringComparison.Ordinal);
        Assert.Contains("since 2026-03-05", old.TextContent, StringComparison.Ordinal);
        Assert.Contains("Åsa Lindqvist, Erik Ström, Lena Berg", old.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", old.GetAttribute("data-age"));

        var edge = Assert.Single(se.QuerySelectorAll("tr[data-rule=UNA-48]"), row => row.TextContent.Contains("passerkorten", StringComparison.Ordinal));
        Assert.Equal("1", edge.GetAttribute("data-age"));
        var chart = document.QuerySelector("#chart-unanswered svg")!;
        Assert.Contains("SE-IT Support: 13 unanswered questions (under 1 day 0, 1–7 days 5, 1–4 weeks 8, over 4 weeks 0)", chart.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hostile_question_is_text_not_markup()
    {
        var network = InMemoryNetwork.CreateBuilder()
            .WithManifest(new NetworkManifest { Name = "Nät", AsOf = AsOf })
            .Add(new Group { Id = "g1", Name = "<b>SE</b>-IT" })
            .Add(new Post { Id = "q1", GroupId = "g1", Type = PostType.Question, CreatedAt = AsOf.AddDays(-3), Title = "<img src=x onerror=alert(1)>?" })
            .Build();
        var loaded = new RuleSetLoader(CommunityRules.Checks.BuiltInChecks.Create()).Load([TestInputs.RulesFile("unanswered.yaml")]);
        var result = await new RuleEngine(TimeProvider.System).AnalyzeAsync(loaded.RuleSet!, network);
        var document = HtmlReportSupport.Parse(await HtmlReportSupport.WriteAsync(new AnalysisReport(result, loaded.RuleSet!, HtmlReportSupport.ToolVersion, loaded.Files)));

        var section = document.Section("unanswered");
        Assert.Empty(section.QuerySelectorAll("img, b"));
        Assert.Contains("<img src=x onerror=alert(1)>?", section.TextContent, StringComparison.Ordinal);
        Assert.Contains("<b>SE</b>-IT", section.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_whose_unanswered_rules_find_nothing_says_so()
    {
        var network = InMemoryNetwork.CreateBuilder().WithManifest(new NetworkManifest { Name = "Nät", AsOf = AsOf }).Build();
        var loaded = new RuleSetLoader(CommunityRules.Checks.BuiltInChecks.Create()).Load([TestInputs.RulesFile("unanswered.yaml")]);
        var result = await new RuleEngine(TimeProvider.System).AnalyzeAsync(loaded.RuleSet!, network);
        var document = HtmlReportSupport.Parse(await HtmlReportSupport.WriteAsync(new AnalysisReport(result, loaded.RuleSet!, HtmlReportSupport.ToolVersion, loaded.Files)));

        Assert.StartsWith("No unanswered questions", document.Section("unanswered").QuerySelector("p.empty")!.TextContent, StringComparison.Ordinal);
    }

    private static async Task<(AnalysisReport Report, AngleSharp.Html.Dom.IHtmlDocument Document)> ReportAsync(string rules, string network)
    {
        var loaded = new RuleSetLoader(CommunityRules.Checks.BuiltInChecks.Create()).Load([TestInputs.RulesFile(rules)]);
        Assert.True(loaded.Success, string.Join('\n', loaded.Errors));
        var result = await TestInputs.RunAsync(loaded.RuleSet!, network);
        var report = new AnalysisReport(result, loaded.RuleSet!, HtmlReportSupport.ToolVersion, loaded.Files);
        return (report, HtmlReportSupport.Parse(await HtmlReportSupport.WriteAsync(report)));
    }
}
