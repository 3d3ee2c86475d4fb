using CommunityRules.Diagnostics;
using CommunityRules.Reporting;

namespace CommunityRules.Tests.Reporting.Html;

/// <summary>The quarterly review compared with an earlier run: a mark on each new or updated finding and a "fixed since" section.</summary>
public sealed class HtmlBaselineTests
{
    [Fact]
    public async Task Marks_new_findings_counts_them_and_lists_what_is_fixed_since_the_baseline()
    {
        var report = await HtmlReportSupport.RunNordicAsync();
        var diagnostics = report.Result.Diagnostics;
        var fresh = diagnostics.First(d => d.Rule.Id == "GOV003");
        var gone = new BaselineFinding("0123456789abcdef0123456789abcdef", "GOV001", Severity.Error, "'test <b>gruppe</b>' does not follow the naming convention", new DiagnosticTarget(TargetKind.Group, "g-gone", "test <b>gruppe</b>"));
        var baseline = new Baseline("Q3 review.json", [.. diagnostics.Where(d => d != fresh).Select(d => new BaselineFinding(d.Fingerprint, d.Rule.Id, d.Severity, d.Message, d.Target)), gone]);
        var compared = new AnalysisReport(report.Result, report.RuleSet, report.ToolVersion, report.RuleFiles) { Comparison = baseline.Compare(diagnostics) };

        using var document = HtmlReportSupport.Parse(await HtmlReportSupport.WriteAsync(compared));

        var marked = document.QuerySelectorAll("[data-baseline=new]").ToList();
        Assert.NotEmpty(marked);
        Assert.All(marked, element => Assert.Equal(fresh.Fingerprint, element.GetAttribute("data-finding")));
        Assert.Empty(document.QuerySelectorAll("[data-baseline=updated]"));
        Assert.NotEmpty(document.QuerySelectorAll("[data-baseline=unchanged]"));
        Assert.Contains("Fixed since", document.QuerySelector("nav.toc")!.TextContent, StringComparison.Ordinal);
        var section = document.QuerySelector("section#fixed")!;
        Assert.Contains("Fixed since Q3 review.json", section.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        var row = Assert.Single(section.QuerySelectorAll("tbody tr").ToList());
        Assert.Equal("absent", row.GetAttribute("data-baseline"));
        Assert.Contains("'test <b>gruppe</b>' does not follow", row.TextContent, StringComparison.Ordinal);
        Assert.Empty(row.QuerySelectorAll("b"));
        Assert.Equal("1", document.QuerySelector("[data-severity=new] .card-value")!.TextContent);
        Assert.Equal("1", document.QuerySelector("[data-severity=fixed] .card-value")!.TextContent);
    }

    [Fact]
    public async Task Without_a_baseline_there_are_no_marks_and_no_fixed_section()
    {
        using var document = HtmlReportSupport.Parse(await HtmlReportSupport.WriteAsync(await HtmlReportSupport.RunNordicAsync()));

        Assert.Empty(document.QuerySelectorAll("[data-baseline]"));
        Assert.Null(document.QuerySelector("section#fixed"));
    }
}
