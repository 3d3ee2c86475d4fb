using CommunityRules.Reporting;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Reporting.Html;

/// <summary>The HTML report's section by person over networks made for it: the eleven-group expert, and hostile names.</summary>
public sealed class HtmlPeopleSectionTests
{
    [Fact]
    public async Task The_expert_has_one_card_with_one_group_cell_per_group_and_her_post_under_its_group()
    {
        using var document = HtmlReportSupport.Parse(await HtmlReportSupport.WriteAsync(await ResponsiblePeopleTests.RollUpReportAsync()));
        var section = document.Section("people");

        var ingrid = Assert.Single(section.QuerySelectorAll("article[data-person='p-ingrid']"));
        Assert.Same(ingrid, section.QuerySelector("article.person"));
        Assert.Equal(["g-01", "g-02", "g-03", "g-04", "g-05", "g-06", "g-07", "g-08", "g-09", "g-10", "g-11"], ingrid.QuerySelectorAll("th[data-group]").Select(th => th.GetAttribute("data-group")));
        Assert.Equal(12, ingrid.QuerySelectorAll("tr[data-person-finding]").Length);
        Assert.Equal("2", ingrid.QuerySelector("th[data-group='g-03']")!.GetAttribute("rowspan"));
        Assert.Contains("12 findings in 11 groups", ingrid.QuerySelector("h3")!.TextContent, StringComparison.Ordinal);

        var asa = section.QuerySelector("article[data-person='p-asa']")!;
        Assert.Contains("also told of 2 findings", asa.TextContent, StringComparison.Ordinal);
        Assert.Contains("post po-lars (as admin: the author cannot act on it):", asa.TextContent, StringComparison.Ordinal);

        var nobody = section.QuerySelector("article[data-person='']")!;
        var cards = section.QuerySelectorAll("article.person");
        Assert.Same(nobody, cards[cards.Length - 1]);
        Assert.Equal(["g-orphan"], nobody.QuerySelectorAll("th[data-group]").Select(th => th.GetAttribute("data-group")).Where(id => id!.Length > 0));

        // The section refers to findings; data-finding still marks each finding once in the page.
        Assert.Empty(section.QuerySelectorAll("[data-finding]"));
    }

    [Fact]
    public async Task Names_of_people_and_groups_are_text_never_markup()
    {
        var ruleSet = TestInputs.LoadRules("rollups-hostile.yaml");
        var result = await TestInputs.RunAsync(ruleSet, "rollups-hostile");
        var html = await HtmlReportSupport.WriteAsync(new AnalysisReport(result, ruleSet, HtmlReportSupport.ToolVersion, ["rollups-hostile.yaml"]));
        using var document = HtmlReportSupport.Parse(html);
        var section = document.Section("people");

        var person = section.QuerySelector("article[data-person='p-xss']")!;
        Assert.StartsWith("<script>alert(1)</script>", person.QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("<b>bold</b> & \"quoted\"", person.QuerySelector("th[data-group='g-xss'] strong")!.TextContent);
        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.Empty(section.QuerySelectorAll("b"));
    }
}
