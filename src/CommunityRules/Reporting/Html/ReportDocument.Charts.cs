using CommunityRules.Diagnostics;
using CommunityRules.Model;

namespace CommunityRules.Reporting.Html;

/// <summary>The charts section: the activity heat-map, groups per country and findings per category.</summary>
internal sealed partial class ReportDocument
{
    /// <summary>Section 5: activity heat-map, groups per country, findings per category.</summary>
    private async Task WriteChartsAsync()
    {
        var o = _output;
        OpenSection("charts", "Charts", string.Empty);
        WriteActivityHeatMap();
        await o.FlushIfFullAsync(_cancellationToken).ConfigureAwait(false);
        WriteGroupsPerCountry();
        WriteFindingsPerCategory();
        o.Line($"<p class=\"small muted\">Findings per rule are charted in <a href=\"#chart-rules\">section 1</a>.</p>");
        CloseSection();
    }

    private void WriteActivityHeatMap()
    {
        var o = _output;
        var m = _model;
        var period = m.HeatMapPeriod();
        o.Line($"<figure id=\"chart-activity\">");
        if (period.Count == 0 || m.Network.Groups.Count == 0)
        {
            o.Line($"<figcaption>Activity per group</figcaption>");
            Empty("Nothing dated was posted or commented before the run's moment, so there is no activity to chart.");
            o.Line($"</figure>");
            return;
        }

        var flagged = m.FlaggedGroups();
        var totals = m.Network.Groups
            .Select((group, index) => (group, index, values: m.ActivityPerMonth(group.Id, period.Count)))
            .Select(row => (row.group, row.index, row.values, total: row.values.Sum()))
            .ToList();
        var mostActive = totals
            .OrderByDescending(row => row.total)
            .ThenBy(row => row.index)
            .Take(ReportModel.MostActiveGroups)
            .ToList();
        var chosen = mostActive
            .Concat(totals.Where(row => flagged.Contains(row.group.Id)).OrderByDescending(row => row.total).ThenBy(row => row.index))
            .DistinctBy(row => row.group.Id)
            .ToList();
        var left = chosen.Count - ReportModel.HeatMapRowLimit;
        var rows = chosen
            .Take(ReportModel.HeatMapRowLimit)
            .OrderByDescending(row => row.total)
            .ThenBy(row => row.index)
            .Select(row =>
            {
                var name = row.group.Name is { Length: > 0 } groupName ? groupName : row.group.Id;
                return new HeatRow(HtmlText.Shorten(name, 34), $"{name} ({row.group.Id}), {HtmlText.Count(row.total)} in the period", flagged.Contains(row.group.Id), row.values);
            })
            .ToList();
        var from = ReportModel.MonthLabel(period[0]);
        var to = ReportModel.MonthLabel(period[^1]);
        var flaggedShown = rows.Count(row => row.Flagged);
        o.Line($"<figcaption>Activity per group, {from} – {to} <span class=\"muted\">— posts and comments per month for the {HtmlText.Count(Math.Min(ReportModel.MostActiveGroups, totals.Count))} most active groups and {HtmlText.Plural(flaggedShown, "group", "groups")} with findings (◆), busiest first</span></figcaption>");
        SvgCharts.HeatMap(
            o,
            "chart-activity-svg",
            $"Activity per group, {from} to {to}",
            $"Heat-map of posts and comments per month for {HtmlText.Plural(rows.Count, "group", "groups")} over {HtmlText.Plural(period.Count, "month", "months")}; darker cells mean more activity and every cell is labelled with its number. Groups with findings are marked with a diamond.",
            period,
            rows);
        if (left > 0)
        {
            o.Line($"<p class=\"small muted\">{HtmlText.Plural(left, "more group with findings is", "more groups with findings are")} left out of the chart to keep it readable.</p>");
        }

        o.Line($"</figure>");
    }

    private void WriteGroupsPerCountry()
    {
        var o = _output;
        var m = _model;
        if (m.Network.Groups.Count == 0)
        {
            return;
        }

        var flagged = m.FlaggedGroups();
        var countries = m.Network.Groups
            .GroupBy(m.CountryOf, StringComparer.Ordinal)
            .Select(group => (country: group.Key, all: group.Count(), withFindings: group.Count(g => flagged.Contains(g.Id))))
            .OrderBy(row => row.country == "unknown" ? 1 : 0)
            .ThenByDescending(row => row.all)
            .ThenBy(row => row.country, StringComparer.Ordinal)
            .ToList();
        var rows = countries.Select(row => new BarRow(
            CountryLabel(row.country),
            $"{CountryLabel(row.country)}: {HtmlText.Plural(row.all, "group", "groups")}, {HtmlText.Count(row.withFindings)} with findings",
            [new BarSegment(row.withFindings, "fill-primary"), new BarSegment(row.all - row.withFindings, "fill-secondary")])).ToList();
        o.Line($"<figure id=\"chart-countries\"><figcaption>Groups per country <span class=\"muted\">— from the name's country prefix, else the creator's country</span></figcaption>");
        SvgCharts.HorizontalBars(
            o,
            "chart-countries-svg",
            "Groups per country",
            "Stacked bar chart of groups per country, with and without findings: " + string.Join("; ", countries.Select(row => $"{CountryLabel(row.country)} {HtmlText.Count(row.all)} ({HtmlText.Count(row.withFindings)} with findings)")) + ".",
            "Groups",
            "Country",
            rows,
            [new LegendItem("with findings", "fill-primary"), new LegendItem("without findings", "fill-secondary")]);
        o.Line($"</figure>");
    }

    private void WriteFindingsPerCategory()
    {
        var o = _output;
        var m = _model;
        var categories = m.Rules
            .Select(rule => (rule.Descriptor.Category, count: m.Summary.FindingsByRule.GetValueOrDefault(rule.Descriptor.Id)))
            .Where(row => row.count > 0)
            .GroupBy(row => row.Category, StringComparer.Ordinal)
            .Select(group =>
            {
                // What the findings are about: "19 groups", "3 records".
                var targets = m.Visible
                    .Where(d => d.Rule.Category == group.Key)
                    .Select(d => d.Target)
                    .DistinctBy(target => (target.Kind, target.Id))
                    .GroupBy(target => target.Kind)
                    .OrderBy(kind => kind.Key)
                    .Select(kind => TargetCount(kind.Key, kind.Count()));
                return (category: group.Key, findings: group.Sum(row => row.count), about: string.Join(", ", targets));
            })
            .OrderByDescending(row => row.findings)
            .ThenBy(row => row.category, StringComparer.Ordinal)
            .ToList();
        if (categories.Count == 0)
        {
            return;
        }

        var rows = categories.Select(row => new BarRow(
            row.about.Length > 0 ? $"{row.category} · {row.about}" : row.category,
            row.about.Length > 0 ? $"{row.category}: {HtmlText.Plural(row.findings, "finding", "findings")} about {row.about}" : $"{row.category}: {HtmlText.Plural(row.findings, "finding", "findings")}",
            [new BarSegment(row.findings, "fill-accent")])).ToList();
        o.Line($"<figure id=\"chart-categories\"><figcaption>Findings per category <span class=\"muted\">— and how many groups, people or records they are about</span></figcaption>");
        SvgCharts.HorizontalBars(
            o,
            "chart-categories-svg",
            "Findings per category",
            "Bar chart of findings per category: " + string.Join("; ", categories.Select(row => $"{row.category} {HtmlText.Plural(row.findings, "finding", "findings")}{(row.about.Length > 0 ? " about " + row.about : string.Empty)}")) + ".",
            "Findings (suppressed left out)",
            "Category",
            rows,
            []);
        o.Line($"</figure>");
    }

    private static string TargetCount(TargetKind kind, int count) => kind switch
    {
        TargetKind.Person => HtmlText.Plural(count, "person", "people"),
        TargetKind.Group => HtmlText.Plural(count, "group", "groups"),
        TargetKind.Post => HtmlText.Plural(count, "post", "posts"),
        TargetKind.Comment => HtmlText.Plural(count, "comment", "comments"),
        TargetKind.Network => "the network",
        TargetKind.Configuration => HtmlText.Plural(count, "setting", "settings"),
        _ => HtmlText.Plural(count, "record", "records"),
    };

    // Countries are shown by the codes the network uses; only a group with no country at all gets a word.
    private static string CountryLabel(string code) => code == "unknown" ? "Unknown" : code;
}
