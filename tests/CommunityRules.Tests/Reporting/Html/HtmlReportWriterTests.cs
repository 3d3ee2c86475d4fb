using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using CommunityRules.Diagnostics;
using CommunityRules.Reporting;

namespace CommunityRules.Tests.Reporting.Html;

/// <summary>The HTML report of the real engine with <c>builtin:governance</c> over <c>samples/nordic-network</c>.</summary>
public sealed class HtmlReportWriterTests(NordicReportFixture fixture) : IClassFixture<NordicReportFixture>
{
    private static readonly string[] ProblemKinds = ["creation", "admins", "membership", "privacy"];

    private AnalysisReport Report => fixture.Report;

    private AngleSharp.Html.Dom.IHtmlDocument Document => fixture.Document;

    [Fact]
    public void Has_the_network_and_the_day_in_its_title_and_heading()
    {
        Assert.Equal("Nordlys Group (sample) — quarterly governance review, 2026-10-01", Document.Title);
        Assert.Equal("Nordlys Group (sample)", Document.QuerySelector("h1")!.TextContent);
        Assert.Equal("en", Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("utf-8", Document.QuerySelector("meta[charset]")!.GetAttribute("charset"));
        Assert.Equal("html", new HtmlReportWriter().Format);
    }

    [Fact]
    public void Header_shows_the_run_and_a_card_per_severity_with_the_summary_counts()
    {
        var summary = Report.Result.Summary;
        var header = Document.QuerySelector("header#overview")!;

        Assert.Equal(summary.RulesRun.ToString(CultureInfo.InvariantCulture), Fact(header, "rules-run"));
        Assert.Equal(summary.Read.Total, HtmlReportSupport.Count(Fact(header, "records-read")));
        Assert.Equal(summary.Rejected, HtmlReportSupport.Count(Fact(header, "rejected")));
        Assert.Equal(summary.DataIssues, HtmlReportSupport.Count(Fact(header, "data-issues")));
        Assert.Contains("2026-10-01", header.QuerySelector("time")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2026-10-01T00:00:00Z", header.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Contains("samples/nordic-network", header.TextContent, StringComparison.Ordinal);
        Assert.Contains("builtin:governance", header.TextContent, StringComparison.Ordinal);
        Assert.Contains("1,500 people · 140 groups · 7,629 memberships", header.TextContent, StringComparison.Ordinal);

        foreach (var severity in new[] { Severity.Error, Severity.Warning, Severity.Suggestion })
        {
            Assert.Equal(summary.FindingsBySeverity.GetValueOrDefault(severity), CardCount(header, severity.ToString().ToLowerInvariant()));
        }

        Assert.Equal(summary.Suppressed, CardCount(header, "suppressed"));
        Assert.Equal(13, CardCount(header, "error"));
    }

    [Fact]
    public void Has_every_section_once_in_order()
    {
        var ids = Document.QuerySelectorAll("main > section").Select(section => section.Id).ToList();

        Assert.Equal(["rules", "merge", "inactive", "problems", "charts", "other", "people", "suppressed"], ids);
        Assert.All(Document.QuerySelectorAll("main > section"), section =>
            Assert.Equal(section.Id + "-heading", section.QuerySelector("h2")!.Id));
        Assert.Equal(ids.Select(id => "#" + id), Document.QuerySelectorAll("nav.toc a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Rule_table_has_a_row_per_rule_with_the_summary_count_and_help_link()
    {
        var section = Document.Section("rules");
        var rows = section.QuerySelectorAll("table.rules tbody tr").ToList();
        var rules = Report.ReportedRules;

        Assert.Equal(rules.Count, rows.Count);
        Assert.Equal(rules.Select(rule => rule.Descriptor.Id).Order(StringComparer.Ordinal), rows.Select(row => row.GetAttribute("data-rule")!).Order(StringComparer.Ordinal));
        foreach (var row in rows)
        {
            var rule = rules.Single(rule => rule.Descriptor.Id == row.GetAttribute("data-rule"));
            Assert.Equal(Report.Result.Summary.FindingsByRule.GetValueOrDefault(rule.Descriptor.Id), HtmlReportSupport.Count(row.QuerySelector("[data-count=findings]")!.TextContent));
            Assert.Equal(rule.Descriptor.Title, row.Children[1].TextContent);
            Assert.Equal(rule.Descriptor.HelpLink?.AbsoluteUri, row.QuerySelector("a.help")?.GetAttribute("href"));
        }

        // Most serious first: GOV003 is the only error rule.
        Assert.Equal("GOV003", rows[0].GetAttribute("data-rule"));
        Assert.Equal(Report.Result.Summary.FindingsByRule.Values.Sum(), HtmlReportSupport.Count(section.QuerySelector("tfoot td.num")!.TextContent));
    }

    [Fact]
    public void Rule_chart_has_a_bar_per_rule_with_findings_and_an_accessible_title()
    {
        var svg = Document.Section("rules").QuerySelector("figure svg")!;
        var withFindings = Report.Result.Summary.FindingsByRule.Where(pair => pair.Value > 0).ToList();

        AssertAccessibleChart(svg);
        Assert.Equal("Findings per rule", svg.QuerySelector("title")!.TextContent);
        var bars = svg.QuerySelectorAll("g.bar-row").ToList();
        Assert.Equal(withFindings.Count, bars.Count);
        foreach (var (ruleId, count) in withFindings)
        {
            var bar = Assert.Single(bars, bar => bar.QuerySelector("text.bar-label")!.TextContent.StartsWith(ruleId + " ", StringComparison.Ordinal));
            Assert.Equal(count, HtmlReportSupport.Count(bar.QuerySelector("text.bar-value")!.TextContent));
        }

        Assert.Contains("Findings", svg.QuerySelectorAll("text.axis-title").Select(text => text.TextContent).First(), StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_candidates_show_one_cluster_per_duplicates_finding_or_say_there_are_none()
    {
        var section = Document.Section("merge");
        var expected = Visible().Where(d => KindOf(d.Rule.Id) == "duplicates").ToList();

        Assert.Equal(expected.Select(d => d.Fingerprint), section.Findings().Select(e => e.GetAttribute("data-finding")));
        if (expected.Count == 0)
        {
            Assert.StartsWith("No merge candidates", section.QuerySelector("p.empty")!.TextContent, StringComparison.Ordinal);
        }
        else
        {
            Assert.All(section.QuerySelectorAll("article.cluster"), cluster => Assert.Single(cluster.QuerySelectorAll(".group-card[data-keep=true]")));
        }
    }

    [Fact]
    public void Inactive_groups_have_a_row_per_finding_with_a_six_month_sparkline_and_the_stage()
    {
        var section = Document.Section("inactive");
        var rows = section.Findings();
        var inactivityRules = RuleIdsOfKinds("inactivity");

        Assert.Equal(inactivityRules.Sum(id => Report.Result.Summary.FindingsByRule.GetValueOrDefault(id)), rows.Count);
        Assert.Equal(5, rows.Count);
        Assert.Equal(
            Visible().Where(d => KindOf(d.Rule.Id) == "inactivity").Select(d => d.Fingerprint).Order(StringComparer.Ordinal),
            rows.Select(row => row.GetAttribute("data-finding")!).Order(StringComparer.Ordinal));
        string[] months = ["Apr 2026", "May 2026", "Jun 2026", "Jul 2026", "Aug 2026", "Sep 2026"];
        foreach (var row in rows)
        {
            var sparkline = Assert.Single(row.QuerySelectorAll("svg.sparkline"));
            var bars = sparkline.QuerySelectorAll("rect").ToList();
            Assert.Equal(6, bars.Count);
            Assert.Equal(months, bars.Select(bar => bar.QuerySelector("title")!.TextContent.Split(':')[0]));
            Assert.Equal("img", sparkline.GetAttribute("role"));
            Assert.StartsWith("Posts and comments per month in ", sparkline.GetAttribute("aria-label"), StringComparison.Ordinal);
            Assert.Equal(row.GetAttribute("data-rule") == "GOV005" ? "archive" : "help", row.GetAttribute("data-stage"));
        }

        // SE-Projekt Vinterljus (g009) was last active in April: 36 posts and comments, then nothing.
        var vinterljus = Assert.Single(rows, row => row.TextContent.Contains("g009", StringComparison.Ordinal));
        Assert.Equal(["36", "0", "0", "0", "0", "0"], vinterljus.QuerySelectorAll("rect title").Select(title => title.TextContent.Split(": ")[1]));
        Assert.Contains("2026-04-21", vinterljus.TextContent, StringComparison.Ordinal);
        var gamla = Assert.Single(rows, row => row.TextContent.Contains("g026", StringComparison.Ordinal));
        Assert.Equal("archive", gamla.GetAttribute("data-stage"));
        Assert.Contains("never", gamla.TextContent, StringComparison.Ordinal);
        Assert.Contains("created 2022-11-24", gamla.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Creation_and_admin_problems_have_a_row_per_finding_in_a_table_per_rule()
    {
        var section = Document.Section("problems");
        var rules = RuleIdsOfKinds(ProblemKinds);
        var rows = section.Findings();

        Assert.Equal(rules.Sum(id => Report.Result.Summary.FindingsByRule.GetValueOrDefault(id)), rows.Count);
        Assert.Equal(
            Visible().Where(d => ProblemKinds.Contains(KindOf(d.Rule.Id))).Select(d => d.Fingerprint).Order(StringComparer.Ordinal),
            rows.Select(row => row.GetAttribute("data-finding")!).Order(StringComparer.Ordinal));
        Assert.Equal(rules.Count(id => Report.Result.Summary.FindingsByRule.GetValueOrDefault(id) > 0), section.QuerySelectorAll("table.problems").Length);
        var juridik = Assert.Single(rows, row => row.TextContent.Contains("g007", StringComparison.Ordinal));
        Assert.Equal("SE-Juridik", juridik.QuerySelector("strong")!.TextContent);
        Assert.Contains("Anders Wikström", juridik.TextContent, StringComparison.Ordinal);
        Assert.Equal("error", juridik.QuerySelector(".badge")!.TextContent);
    }

    [Fact]
    public void Other_findings_and_suppressed_findings_cover_the_rest_so_every_finding_is_listed_once()
    {
        var other = Document.Section("other").Findings();
        var suppressed = Document.Section("suppressed").Findings();
        var listed = Document.QuerySelectorAll("main [data-finding]").Select(e => e.GetAttribute("data-finding")!).ToList();

        Assert.Equal(listed.Count, listed.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Visible().Count + Report.Result.Summary.Suppressed, listed.Count);
        Assert.Equal(Report.Result.Diagnostics.Where(d => d.Severity > Severity.Silent || d.IsSuppressed).Select(d => d.Fingerprint).Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.Equal(Report.Result.Summary.Suppressed, suppressed.Count);

        // The data issues (CR0002) and the naming and description findings are the other findings here.
        var otherRules = Report.Result.Summary.FindingsByRule.Keys.Where(id => KindOf(id) is not ("duplicates" or "inactivity" or "creation" or "admins" or "membership" or "privacy"));
        Assert.Equal(otherRules.Sum(id => Report.Result.Summary.FindingsByRule[id]), other.Count);
        Assert.Equal(3, other.Count(row => row.GetAttribute("data-rule") == "CR0002"));
        Assert.Contains(other, row => row.TextContent.Contains("post 'post011999' refers to group 'g141'", StringComparison.Ordinal));
    }

    [Fact]
    public void By_person_lists_each_responsible_person_once_and_every_visible_finding_under_someone_or_nobody()
    {
        var section = Document.Section("people");
        var people = section.QuerySelectorAll("article.person").Select(article => article.GetAttribute("data-person")!).ToList();
        var rows = section.QuerySelectorAll("[data-person-finding]").Select(row => row.GetAttribute("data-person-finding")!).ToList();

        Assert.Equal(people.Count, people.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Visible().Select(d => d.Fingerprint).Order(StringComparer.Ordinal), rows.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

        // The sample's governance findings are about groups: each row names its group once per person.
        var rollUp = Report.Responsible.RollUp(Visible());
        var first = rollUp.People[0];
        var article = section.QuerySelector($"article[data-person='{first.Id}']")!;
        Assert.Same(article, section.QuerySelector("article.person"));
        Assert.Equal(first.GroupIds, article.QuerySelectorAll("th[data-group]").Select(th => th.GetAttribute("data-group")!));
        Assert.Equal(first.Findings.Count, article.QuerySelectorAll("tbody tr").Length);
        Assert.Contains(first.Name, article.QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(rollUp.Unassigned.Count, section.QuerySelectorAll("article[data-person=''] tbody tr").Length);
    }

    [Fact]
    public void Activity_heat_map_shows_the_30_most_active_and_every_flagged_group_by_month()
    {
        var svg = Document.QuerySelector("#chart-activity svg")!;
        var network = Report.Result.Network;
        var rows = svg.QuerySelectorAll("g.heat-row").ToList();
        var flaggedGroups = Visible().Where(d => d.Target.Kind == TargetKind.Group).Select(d => d.Target.Id)
            .Concat(Visible().Where(d => KindOf(d.Rule.Id) == "duplicates").SelectMany(d => d.Properties.GetValueOrDefault("groupIds", string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            .Where(id => network.FindGroup(id) is not null)
            .ToHashSet(StringComparer.Ordinal);

        AssertAccessibleChart(svg);
        Assert.Equal(["Apr", "May", "Jun", "Jul", "Aug", "Sep"], svg.QuerySelectorAll("text.tick").Select(t => t.TextContent).Where(t => t.Length == 3));
        Assert.Equal(flaggedGroups.Count, rows.Count(row => row.ClassList.Contains("flagged")));
        Assert.InRange(rows.Count, Math.Max(30, flaggedGroups.Count), 30 + flaggedGroups.Count);
        Assert.Equal(rows.Count * 6, svg.QuerySelectorAll("g.cell rect").Length);
        foreach (var groupId in flaggedGroups)
        {
            var name = network.FindGroup(groupId)!.Name!;
            Assert.Contains(rows, row => row.QuerySelector("title")!.TextContent.StartsWith($"{name} ({groupId})", StringComparison.Ordinal));
        }

        // The busiest group comes first, with its six months summed at the end of the row.
        var busiest = network.Groups.MaxBy(group => network.GetActivity(group.Id).Months.Where(m => m.Year == 2026 && m.Month is >= 4 and <= 9).Sum(m => m.Posts + m.Comments))!;
        Assert.StartsWith($"{busiest.Name} ({busiest.Id})", rows[0].QuerySelector("title")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Country_and_category_charts_count_every_group_and_every_finding()
    {
        var countries = Document.QuerySelector("#chart-countries svg")!;
        var categories = Document.QuerySelector("#chart-categories svg")!;

        AssertAccessibleChart(countries);
        AssertAccessibleChart(categories);
        var perCountry = countries.QuerySelectorAll("g.bar-row").ToDictionary(
            row => row.QuerySelector("text.bar-label")!.TextContent,
            row => HtmlReportSupport.Count(row.QuerySelector("text.bar-value")!.TextContent));
        // The sample's names carry their country (SE-, NO-, FI-, DK-): most groups first, by the codes the names use.
        Assert.Equal(["SE", "NO", "FI", "DK"], perCountry.Keys.Take(4));
        Assert.Equal(perCountry.Values.OrderDescending(), perCountry.Values);
        Assert.Equal(Report.Result.Network.Groups.Count, perCountry.Values.Sum());
        Assert.Equal(["with findings", "without findings"], countries.QuerySelectorAll("text.legend").Select(t => t.TextContent));
        Assert.Equal(
            Report.Result.Summary.FindingsByRule.Values.Sum(),
            categories.QuerySelectorAll("text.bar-value").Sum(t => HtmlReportSupport.Count(t.TextContent)));
    }

    [Fact]
    public void Every_chart_has_a_title_and_accessible_text()
    {
        var charts = Document.QuerySelectorAll("svg").ToList();

        Assert.NotEmpty(charts);
        Assert.All(charts, svg =>
        {
            Assert.Equal("img", svg.GetAttribute("role"));
            Assert.True(
                svg.HasAttribute("aria-label") || (svg.GetAttribute("aria-labelledby") is { } ids && ids.Split(' ').All(id => Document.GetElementById(id) is not null)),
                "A chart needs aria-label or aria-labelledby that points at its title and description.");
        });
    }

    [Fact]
    public void Loads_nothing_no_scripts_no_links_no_external_references_but_help_links()
    {
        Assert.Empty(Document.QuerySelectorAll("script"));
        Assert.Empty(Document.QuerySelectorAll("link"));
        Assert.Empty(Document.QuerySelectorAll("img, iframe, object, embed, image, use, foreignObject, base"));
        foreach (var element in Document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"<{element.LocalName}> has an event handler {attribute.Name}.");
                if (attribute.Value.Contains("http://", StringComparison.OrdinalIgnoreCase) || attribute.Value.Contains("https://", StringComparison.OrdinalIgnoreCase))
                {
                    Assert.True(element.LocalName == "a" && attribute.Name == "href", $"<{element.LocalName} {attribute.Name}=\"{attribute.Value}\"> refers outside the page.");
                }
            }
        }

        var css = string.Concat(Document.QuerySelectorAll("style").Select(style => style.TextContent));
        Assert.DoesNotContain("url(", css, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", css, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("@media print", css, StringComparison.Ordinal);
        Assert.Equal("default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'", Document.QuerySelector("meta[http-equiv=Content-Security-Policy]")!.GetAttribute("content"));
        Assert.All(Document.QuerySelectorAll("a[href]"), a =>
        {
            var href = a.GetAttribute("href")!;
            Assert.True(href.StartsWith('#') || href.StartsWith("https://", StringComparison.Ordinal) || href.StartsWith("http://", StringComparison.Ordinal), href);
        });
    }

    [Fact]
    public async Task Writes_the_same_UTF8_bytes_every_run_with_line_feeds_and_no_byte_order_mark()
    {
        var again = await HtmlReportSupport.WriteAsync(await HtmlReportSupport.RunNordicAsync());

        Assert.Equal(fixture.Html, again);
        Assert.False(again.AsSpan().StartsWith(Encoding.UTF8.Preamble), "No byte order mark.");
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(again);
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">\n", text, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', text);
        Assert.Contains("SE-Gamla intranätet", text, StringComparison.Ordinal);
        Assert.Contains("DK-Indkøb", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sv-SE")]
    [InlineData("ar-SA")]
    [InlineData("fi-FI")]
    public async Task Writes_the_same_bytes_whatever_the_culture(string culture)
    {
        using (TestCultures.Use(culture))
        {
            Assert.Equal(fixture.Html, await HtmlReportSupport.WriteAsync(Report));
        }
    }

    private static string Fact(IElement header, string name) =>
        header.QuerySelector($"dd[data-fact={name}]")!.ChildNodes.OfType<IText>().First().Text;

    private static int CardCount(IElement header, string severity) =>
        (int)HtmlReportSupport.Count(header.QuerySelector($".card[data-severity={severity}] .card-value")!.TextContent);

    private static void AssertAccessibleChart(IElement svg)
    {
        Assert.Equal("img", svg.GetAttribute("role"));
        var title = svg.QuerySelector("title")!;
        var description = svg.QuerySelector("desc")!;
        Assert.False(string.IsNullOrWhiteSpace(title.TextContent));
        Assert.False(string.IsNullOrWhiteSpace(description.TextContent));
        Assert.Equal($"{title.Id} {description.Id}", svg.GetAttribute("aria-labelledby"));
        Assert.True(svg.QuerySelectorAll("text.axis-title").Length > 0 || svg.QuerySelectorAll("text.legend").Length > 0, "A chart needs axis titles or a legend.");
    }

    private List<Diagnostic> Visible() => [.. Report.Result.Diagnostics.Where(d => !d.IsSuppressed && d.Severity > Severity.Silent)];

    private string? KindOf(string ruleId) =>
        Report.RuleSet.Rules.FirstOrDefault(rule => rule.Descriptors.Any(d => d.Id == ruleId))?.CheckKind;

    private List<string> RuleIdsOfKinds(params string[] kinds) =>
        [.. Report.RuleSet.Rules.Where(rule => kinds.Contains(rule.CheckKind)).SelectMany(rule => rule.Descriptors).Select(d => d.Id)];
}
