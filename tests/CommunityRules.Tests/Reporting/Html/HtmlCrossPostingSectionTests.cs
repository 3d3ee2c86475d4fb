using AngleSharp.Html.Dom;
using CommunityRules.Data.Snapshot;
using CommunityRules.Engine;
using CommunityRules.Reporting;
using CommunityRules.Tests.Engine;
using Microsoft.Extensions.Time.Testing;

namespace CommunityRules.Tests.Reporting.Html;

/// <summary>The cross-posting clusters section of the HTML report, over <c>Rules/cross-posting.yaml</c> and the <c>cross-posting</c> network.</summary>
public sealed class HtmlCrossPostingSectionTests
{
    private static readonly Lazy<Task<(AnalysisReport Report, IHtmlDocument Document, string Html)>> Written = new(WriteAsync);

    [Fact]
    public async Task Comes_after_the_charts_with_the_daily_checks_and_the_sections_are_numbered_in_order()
    {
        var (_, document, _) = await Written.Value;

        var ids = document.QuerySelectorAll("main > section").Select(section => section.Id).ToList();
        Assert.Equal(["rules", "merge", "inactive", "problems", "charts", "crossposting", "other", "people", "suppressed"], ids);
        Assert.Equal(ids.Select(id => "#" + id), document.QuerySelectorAll("nav.toc a").Select(a => a.GetAttribute("href")));
        Assert.Equal(
            Enumerable.Range(1, ids.Count).Select(number => number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            document.QuerySelectorAll("main > section > h2 > .num").Select(number => number.TextContent));
    }

    [Fact]
    public async Task Has_a_row_per_cluster_the_most_groups_first_with_every_group_by_name()
    {
        var (report, document, _) = await Written.Value;
        var section = document.Section("crossposting");
        var rows = section.Findings();

        var expected = report.Result.Diagnostics.Where(d => !d.IsSuppressed).ToList();
        Assert.Equal(expected.Select(d => d.Fingerprint).Order(StringComparer.Ordinal), rows.Select(row => row.GetAttribute("data-finding")!).Order(StringComparer.Ordinal));
        Assert.Equal("g-all,g-it,g-eng,g-ops", rows[0].GetAttribute("data-groups"));
        Assert.Equal("b1", rows[0].QuerySelector("th .id")!.TextContent);
        Assert.Equal(["All Company", "IT Help", "Engineering", "Operations <b>24/7</b>"], rows[0].QuerySelectorAll("li[data-group]").Select(li => li.TextContent));
        Assert.Equal(["4", "3 hours"], rows[0].QuerySelectorAll("td").Skip(1).Take(2).Select(td => td.TextContent));

        // Fewer groups further down; a pair (XP-PAIR) last.
        var counts = rows.Select(row => row.GetAttribute("data-groups")!.Split(',').Length).ToList();
        Assert.Equal(counts.OrderDescending(), counts);
        Assert.Equal(2, counts[^1]);
        Assert.Contains(rows, row => row.GetAttribute("data-rule") == "XP-PAIR" && row.QuerySelector("th .id")!.TextContent == "d1");
    }

    [Fact]
    public async Task Findings_are_not_repeated_under_other_findings_and_names_are_encoded()
    {
        var (_, document, html) = await Written.Value;

        Assert.Empty(document.Section("other").Findings());
        Assert.Empty(document.QuerySelectorAll("main b"));
        Assert.Contains("Operations &lt;b&gt;24/7&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll("script"));
    }

    private static async Task<(AnalysisReport, IHtmlDocument, string)> WriteAsync()
    {
        var ruleSet = TestInputs.LoadRules("cross-posting.yaml");
        var result = await new RuleEngine(new FakeTimeProvider(TestInputs.ClockNow)).AnalyzeAsync(ruleSet, new SnapshotProvider(TestInputs.Network("cross-posting")));
        var report = new AnalysisReport(result, ruleSet, HtmlReportSupport.ToolVersion, ["cross-posting.yaml"]);
        var html = await HtmlReportSupport.WriteAsync(report);
        return (report, HtmlReportSupport.Parse(html), System.Text.Encoding.UTF8.GetString(html));
    }
}
