using CommunityRules.Diagnostics;
using CommunityRules.History;
using CommunityRules.History.Sqlite;
using CommunityRules.Reporting;

namespace CommunityRules.Tests.Reporting.Html;

/// <summary>The trends section over the sample network with an earlier run in a real SQLite store, some of it hostile.</summary>
public sealed class HtmlTrendsTests : IDisposable
{
    private const string Hostile = "<script>alert('x')</script> <b>bold</b>";

    private readonly string _folder = Directory.CreateTempSubdirectory("communityrules-trends-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Trends_show_new_fixed_and_health_from_the_store_encode_the_data_and_load_nothing()
    {
        var report = await HtmlReportSupport.RunNordicAsync();
        var result = report.Result;
        var current = result.Diagnostics.Select(RecordedFinding.From).ToList();
        var fresh = current.First(finding => finding.RuleId == "GOV003" && !finding.IsSuppressed);
        var gone = new RecordedFinding("hostile-fingerprint", "GOV001", Severity.Error, "group", "g-gone", "<img src=x onerror=alert(1)>", "g-gone", Hostile, false, null);
        var earlierMoment = result.Summary.AsOf.AddDays(-91);

        ReportTrends trends;
        await using (var store = await SqliteRunStore.OpenAsync(Path.Combine(_folder, "history.db")))
        {
            await store.RecordAsync(new RunRecord(earlierMoment, earlierMoment, result.Summary.Source, "hash", "1.0.0", [.. current.Where(finding => finding != fresh), gone], []));
            trends = await ReportTrends.ReadAsync(store, result, report.RuleSet);
        }

        var withTrends = new AnalysisReport(result, report.RuleSet, report.ToolVersion, report.RuleFiles) { Trends = trends };
        var html = await HtmlReportSupport.WriteAsync(withTrends);
        using var document = HtmlReportSupport.Parse(html);
        var section = document.Section("trends");

        Assert.Equal(html, await HtmlReportSupport.WriteAsync(withTrends));
        Assert.Equal([fresh.Fingerprint], section.QuerySelectorAll("table.trend-new tbody tr").Select(row => row.GetAttribute("data-trend-finding")));
        var fixedRow = Assert.Single(section.QuerySelectorAll("table.trend-fixed tbody tr"));
        Assert.Contains(Hostile, fixedRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=alert(1)>", fixedRow.TextContent, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll("script, img, b"));
        Assert.Empty(section.QuerySelectorAll("[data-finding]"));
        Assert.All(document.All, element => Assert.DoesNotContain(element.Attributes, attribute => attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));

        // Every open finding is listed once; all but the new one have been open two reviews, since the earlier run.
        var open = section.QuerySelectorAll(".open-for tbody tr").ToList();
        Assert.Equal(result.Diagnostics.Count(d => !d.IsSuppressed && d.Severity > Severity.Silent), open.Count);
        Assert.Equal(fresh.Fingerprint, Assert.Single(open, row => row.GetAttribute("data-reviews") == "1").GetAttribute("data-trend-finding"));
        Assert.All(open.Where(row => row.GetAttribute("data-trend-finding") != fresh.Fingerprint), row =>
        {
            Assert.Equal("2", row.GetAttribute("data-reviews"));
            Assert.Equal(ReportFormatting.Moment(earlierMoment), row.QuerySelector("time")!.GetAttribute("datetime"));
        });

        // Groups by health in this run: the inactive section's help and archive stages; the earlier run recorded no groups.
        var stages = document.Section("inactive").Findings().GroupBy(row => row.GetAttribute("data-stage")).ToDictionary(group => group.Key!, group => group.Count());
        var bars = section.QuerySelectorAll("#chart-health svg g.bar-row title").Select(title => title.TextContent).ToList();
        Assert.Equal(2, bars.Count);
        Assert.Equal(
            $"{ReportFormatting.Day(DateOnly.FromDateTime(result.Summary.AsOf.UtcDateTime))}: active {result.Network.Groups.Count - stages["help"] - stages["archive"]}, help stage {stages["help"]}, archive stage {stages["archive"]}",
            bars[^1]);
        Assert.True(stages["archive"] > 0);
    }
}
