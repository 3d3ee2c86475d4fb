using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CommunityRules.Tests.Engine;
using CommunityRules.Tests.History;

namespace CommunityRules.Tests.Cli;

/// <summary>The HTML report's trends with <c>check --history</c>: real runs of a snapshot folder changed between them.</summary>
public abstract partial class HistoryCommandContract
{
    private const string SecondGroup = "{\"id\": \"g-4\", \"name\": \"NO-Temp test\", \"description\": \"Prøver ting ut her.\", \"createdAt\": \"2025-01-01T00:00:00Z\", \"createdBy\": \"p-asa\"}\n";

    [StoreFact]
    public async Task Html_report_shows_trends_across_the_runs_of_the_same_data_new_and_fixed_and_how_long_findings_are_open()
    {
        using var network = TempFolder.CopyOf("mixed");
        var groupsFile = network.File("groups.jsonl");
        var original = File.ReadAllText(groupsFile);

        var first = await HtmlRunAsync(network, "2026-03-01", "first.html");
        // Fix g-1's name (its naming error goes), add a badly named group g-4.
        File.WriteAllText(groupsFile, original.Replace("\"SE-Test\"", "\"SE-Kaffe\"", StringComparison.Ordinal) + SecondGroup);
        var second = await HtmlRunAsync(network, "2026-04-01", "second.html");
        // Another source in between does not count in the series.
        Assert.Equal(0, (await RunAsync("check", "--rules", CliRules, "--data", Clean, "--history", Store)).ExitCode);
        // g-1's bad name comes back: its finding is open again from this run on.
        File.WriteAllText(groupsFile, original + SecondGroup);
        var third = await HtmlRunAsync(network, "2026-05-01", "third.html");

        var trends = first.QuerySelector("section#trends")!;
        Assert.Contains("first recorded review", trends.TextContent, StringComparison.Ordinal);
        Assert.Null(trends.QuerySelector("#trends-new"));
        Assert.All(trends.QuerySelectorAll(".open-for tbody tr"), row => Assert.Equal("1", row.GetAttribute("data-reviews")));

        trends = second.QuerySelector("section#trends")!;
        Assert.Contains("Trends", second.QuerySelector("nav.toc")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["CLI-ADMIN g-4", "CLI-DESC g-4", "CLI-IDLE g-4", "CLI-NAME g-4"], Rows(trends, ".trend-new"));
        Assert.Equal(["CLI-NAME g-1"], Rows(trends, ".trend-fixed"));
        Assert.Equal(("2", "2026-03-01"), OpenFor(trends, "CLI-DESC", "g-3"));
        Assert.Equal(("1", "2026-04-01"), OpenFor(trends, "CLI-NAME", "g-4"));

        trends = third.QuerySelector("section#trends")!;
        Assert.Contains("3 reviews", trends.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["CLI-NAME g-1"], Rows(trends, ".trend-new"));
        Assert.Empty(trends.QuerySelectorAll(".trend-fixed"));
        Assert.Equal(("3", "2026-03-01"), OpenFor(trends, "CLI-DESC", "g-3"));
        Assert.Equal(("2", "2026-04-01"), OpenFor(trends, "CLI-NAME", "g-4"));
        Assert.Equal(("1", "2026-05-01"), OpenFor(trends, "CLI-NAME", "g-1"));

        // Findings per rule: a point per review; CLI-NAME had 2, then 2 (g-3, g-4), then 3.
        var naming = trends.QuerySelector("figure.trend-rule[data-rule=CLI-NAME]")!;
        Assert.Equal(3, naming.QuerySelectorAll("circle").Length);
        Assert.Equal("3", naming.QuerySelector(".trend-now")!.TextContent);
        Assert.Contains("2026-03-01: 2, 2026-04-01: 2, 2026-05-01: 3", naming.QuerySelector("svg")!.GetAttribute("aria-label"), StringComparison.Ordinal);

        // Groups by health: a bar per review; CLI-IDLE is an inactivity rule without an archive outcome.
        var bars = trends.QuerySelectorAll("#chart-health svg g.bar-row title").Select(title => title.TextContent).ToList();
        Assert.Equal(3, bars.Count);
        var idle = trends.QuerySelector("figure.trend-rule[data-rule=CLI-IDLE] .trend-now")!.TextContent;
        Assert.Equal($"2026-05-01: active {4 - int.Parse(idle, System.Globalization.CultureInfo.InvariantCulture)}, help stage {idle}, archive stage 0", bars[^1]);
    }

    [StoreFact]
    public async Task Html_report_has_no_trends_without_a_history_and_other_formats_do_not_read_them()
    {
        using var network = TempFolder.CopyOf("mixed");
        var html = network.File("report.html");

        Assert.Equal(1, (await RunAsync("check", "--rules", CliRules, "--data", network.Path, "--format", "html", "--output", html)).ExitCode);

        using var document = new HtmlParser().ParseDocument(File.ReadAllText(html));
        Assert.Null(document.QuerySelector("section#trends"));
        Assert.DoesNotContain("Trends", document.QuerySelector("nav.toc")!.TextContent, StringComparison.Ordinal);
    }

    private static List<string> Rows(IElement section, string table) =>
        [.. section.QuerySelectorAll($"table{table} tbody tr").Select(row => $"{row.GetAttribute("data-rule")} {row.QuerySelector("td:nth-child(2) .id")!.TextContent}").Order(StringComparer.Ordinal)];

    private static (string Reviews, string FirstSeen) OpenFor(IElement section, string rule, string target)
    {
        var row = Assert.Single(section.QuerySelectorAll($".open-for tbody tr[data-rule={rule}]"), row => row.QuerySelector("td:nth-child(2) .id")!.TextContent == target);
        return (row.GetAttribute("data-reviews")!, row.QuerySelector("time")!.GetAttribute("datetime")![..10]);
    }

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> HtmlRunAsync(TempFolder network, string asOf, string name)
    {
        var path = network.File(name);
        var run = await RunAsync("check", "--rules", CliRules, "--data", network.Path, "--as-of", asOf, "--history", Store, "--format", "html", "--output", path);
        Assert.Equal(string.Empty, run.Error);
        Assert.Equal(1, run.ExitCode);
        return new HtmlParser().ParseDocument(File.ReadAllText(path));
    }
}
