using AngleSharp.Html.Dom;
using CommunityRules.Data.Snapshot;
using CommunityRules.Engine;
using CommunityRules.Reporting;
using CommunityRules.Tests.Engine;
using Microsoft.Extensions.Time.Testing;

namespace CommunityRules.Tests.Reporting.Html;

/// <summary>The leadership section over <c>Rules/leadership.yaml</c> and the <c>leadership</c> network (asOf 2026-06-01).</summary>
public sealed class HtmlLeadershipSectionTests
{
    private const string ScriptName = "<script>alert(1)</script> Öberg & Co";

    private static async Task<(AnalysisReport Report, IHtmlDocument Document, string Html)> WriteAsync(string network, string? rulesFile = null)
    {
        rulesFile ??= TestInputs.RulesFile("leadership.yaml");
        var loaded = TestInputs.CreateLoader().Load([rulesFile]);
        Assert.True(loaded.Success, string.Join('\n', loaded.Errors));
        var ruleSet = loaded.RuleSet!;
        var result = await new RuleEngine(new FakeTimeProvider(TestInputs.ClockNow)).AnalyzeAsync(ruleSet, new SnapshotProvider(network));
        var report = new AnalysisReport(result, ruleSet, "1.0.0", [rulesFile]);
        var html = await HtmlReportSupport.WriteAsync(report);
        return (report, HtmlReportSupport.Parse(html), System.Text.Encoding.UTF8.GetString(html));
    }

    [Fact]
    public async Task The_section_comes_after_the_charts_and_lists_every_leadership_finding_once()
    {
        var (report, document, _) = await WriteAsync(TestInputs.Network("leadership"));

        Assert.Equal(["rules", "merge", "inactive", "problems", "charts", "leadership", "other", "people", "suppressed"], document.QuerySelectorAll("main > section").Select(section => section.Id));
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8", "9"], document.QuerySelectorAll("main > section h2 .num").Select(number => number.TextContent));
        var listed = document.Section("leadership").Findings().Select(row => row.GetAttribute("data-finding")).ToList();
        Assert.Equal(report.Result.Diagnostics.Where(d => d.Rule.Id.StartsWith("LEAD-", StringComparison.Ordinal)).Select(d => d.Fingerprint), listed);
        Assert.DoesNotContain(document.Section("other").Findings(), row => row.GetAttribute("data-rule")!.StartsWith("LEAD-", StringComparison.Ordinal));
        var cfo = Assert.Single(document.Section("leadership").Findings(), row => row.TextContent.Contains("p-cfo", StringComparison.Ordinal));
        Assert.Equal("2", cfo.QuerySelector("td.num")!.TextContent);
        Assert.Contains("(written by a delegate)", cfo.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_level_chart_has_a_line_per_level_beside_the_company_wide_average_per_person()
    {
        var (_, document, _) = await WriteAsync(TestInputs.Network("leadership"));

        var chart = document.QuerySelector("#chart-leadership svg")!;
        Assert.Equal(["Level 1", "Level 2", "Level 3", "Company-wide"], chart.QuerySelectorAll("g.line-series").Select(g => g.GetAttribute("data-series")));
        Assert.All(chart.QuerySelectorAll("polyline"), line => Assert.Equal(12, line.GetAttribute("points")!.Split(' ').Length));

        // May 2026: ten people still here take part 14 times (the bot and Eero, who left, do not count); Åsa, level 1,
        // three times; level 2 (Bjørn, Mikkel, Emma) three times; level 3 (Kaisa, Lars, Ingrid) twice.
        string May(string series) => chart.QuerySelectorAll($"g[data-series='{series}'] circle title").Single(t => t.TextContent.Contains("May 2026", StringComparison.Ordinal)).TextContent;
        Assert.Equal("Company-wide, May 2026: 1.4 per person", May("Company-wide"));
        Assert.Equal("Level 1, May 2026: 3.0 per person", May("Level 1"));
        Assert.Equal("Level 2, May 2026: 1.0 per person", May("Level 2"));
        Assert.Equal("Level 3, May 2026: 0.7 per person", May("Level 3"));
        Assert.Contains("Company-wide (10 people): ", chart.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_leader_in_scope_has_a_row_by_level_with_their_months_and_the_company_average()
    {
        var (_, document, _) = await WriteAsync(TestInputs.Network("leadership"));

        var rows = document.QuerySelectorAll("table.leaders tbody tr").ToList();
        Assert.Equal(["p-ceo", "p-cfo", "p-cto", "p-coo", "p-far", "p-loop1"], rows.Select(row => row.GetAttribute("data-leader")));
        Assert.Equal(["1", "2", "2", "2", "—", "—"], rows.Select(row => row.QuerySelector("td.num")!.TextContent));
        // Everyone but Bjørn misses LEAD-R's reactions, and Bjørn misses LEAD-Q's comments.
        Assert.All(rows, row => Assert.True(row.ClassList.Contains("flagged")));
        var (_, withoutReactions, _) = await WriteAsync(TestInputs.Network("leadership-no-reactions"));
        Assert.Equal(
            ["p-cfo", "p-cto", "p-coo", "p-loop1"],
            withoutReactions.QuerySelectorAll("table.leaders tbody tr.flagged").Select(row => row.GetAttribute("data-leader")));

        // Åsa, Dec 2025 to May 2026: April a post, two comments and a reaction; May a post, a comment and a reaction.
        var bars = rows[0].QuerySelectorAll("svg.sparkline rect title").Select(title => title.TextContent).ToList();
        Assert.Equal(["Dec 2025: 0", "Jan 2026: 0", "Feb 2026: 0", "Mar 2026: 0", "Apr 2026: 4", "May 2026: 3"], bars);
        Assert.Equal("1.2", rows[0].QuerySelectorAll("td.num")[1].TextContent);
    }

    [Fact]
    public async Task A_leaders_name_is_text_never_markup()
    {
        using var folder = TempFolder.CopyOf("leadership");
        File.AppendAllText(Path.Combine(folder.Path, "people.jsonl"), $"{{\"id\": \"p-xss\", \"name\": {System.Text.Json.JsonSerializer.Serialize(ScriptName)}, \"managerId\": \"p-ceo\", \"roles\": [\"executive\"]}}\n");

        var (_, document, html) = await WriteAsync(folder.Path);

        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        var findings = document.Section("leadership").Findings().Where(row => row.TextContent.Contains("p-xss", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, findings.Count);
        Assert.All(findings, row => Assert.Equal(ScriptName, row.QuerySelector("strong")!.TextContent));
        Assert.Equal(ScriptName, document.QuerySelector("table.leaders tr[data-leader='p-xss'] strong")!.TextContent);
    }

    [Fact]
    public async Task Without_managers_in_the_data_the_chart_shows_the_company_wide_line_only_and_says_why()
    {
        using var folder = TempFolder.CopyOf("leadership");
        var people = File.ReadAllLines(Path.Combine(folder.Path, "people.jsonl"))
            .Select(line => System.Text.RegularExpressions.Regex.Replace(line, ", \"managerId\": \"[^\"]*\"", string.Empty));
        File.WriteAllLines(Path.Combine(folder.Path, "people.jsonl"), people);

        var (_, document, _) = await WriteAsync(folder.Path);

        Assert.Equal(["Company-wide"], document.QuerySelectorAll("#chart-leadership g.line-series").Select(g => g.GetAttribute("data-series")));
        Assert.Contains("The data names no managers", document.QuerySelector("#chart-leadership")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_leadership_rule_the_data_cannot_serve_gets_a_section_that_says_so()
    {
        using var folder = new TempFolder();
        var rules = Path.Combine(folder.Path, "reactions.yaml");
        File.WriteAllText(rules, """
            rules:
              - id: LEAD-R
                title: Leaders react to their colleagues' news
                target: person
                where: { roles: executive }
                check: leadership
                options: { days: 30, minReactions: 2 }
                message: "{person.name}: {reason}."
            """);

        var (_, document, _) = await WriteAsync(TestInputs.Network("leadership-no-reactions"), rules);

        var section = document.Section("leadership");
        Assert.Empty(section.Findings());
        Assert.Contains("did not run on this data", section.QuerySelector("p.empty")!.TextContent, StringComparison.Ordinal);
        Assert.Null(section.QuerySelector("svg"));
    }
}
