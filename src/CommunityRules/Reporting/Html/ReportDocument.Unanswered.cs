using System.Globalization;
using CommunityRules.Diagnostics;

namespace CommunityRules.Reporting.Html;

/// <summary>The section of unanswered questions, by group and by how long they have waited.</summary>
internal sealed partial class ReportDocument
{
    private const string UnansweredSectionId = "unanswered";

    /// <summary>How many groups the chart of unanswered questions shows at the most; the table lists them all.</summary>
    private const int UnansweredChartGroups = 15;

    /// <summary>The age bands of the section, by the hours a question has waited: under a day, a week, four weeks, and longer.</summary>
    private static readonly (string Name, string Style, long UpToHours)[] AgeBands =
    [
        ("under 1 day", "fill-secondary", 24),
        ("1–7 days", "fill-suggestion", 24 * 7),
        ("1–4 weeks", "fill-warning", 24 * 28),
        ("over 4 weeks", "fill-error", long.MaxValue),
    ];

    /// <summary>Gets a value indicating whether the report has the section: only when an <c>unanswered</c> rule ran or found something, so a governance review has no empty daily-care section.</summary>
    private bool ShowsUnanswered => _model.Ran(ReportSection.Unanswered) || _model.VisibleIn(ReportSection.Unanswered).Count > 0;

    private static long WaitedHours(Diagnostic finding) =>
        long.TryParse(finding.Properties.GetValueOrDefault("waitedHours"), NumberStyles.None, CultureInfo.InvariantCulture, out var hours) ? hours : 0;

    private static int AgeBand(long hours)
    {
        for (var band = 0; band < AgeBands.Length - 1; band++)
        {
            if (hours < AgeBands[band].UpToHours)
            {
                return band;
            }
        }

        return AgeBands.Length - 1;
    }

    /// <summary>Questions nobody answered: a stacked bar per group by age, then a table per group, longest-waiting first.</summary>
    private async Task WriteUnansweredAsync()
    {
        if (!ShowsUnanswered)
        {
            return;
        }

        var o = _output;
        var m = _model;
        var findings = m.VisibleIn(ReportSection.Unanswered);
        OpenSection(UnansweredSectionId, "Unanswered questions by group and age", HtmlText.Plural(findings.Count, "question", "questions"));
        if (findings.Count == 0)
        {
            Empty("No unanswered questions: every question checked had an answer from someone other than its author, or was too young to count.");
            CloseSection();
            return;
        }

        // Groups with the most waiting questions first, then the longest wait, then the name.
        var groups = findings
            .GroupBy(finding => finding.Target.GroupId ?? string.Empty, StringComparer.Ordinal)
            .Select(group => (Id: group.Key, Questions: group.OrderByDescending(WaitedHours).ToList()))
            .OrderByDescending(group => group.Questions.Count)
            .ThenByDescending(group => WaitedHours(group.Questions[0]))
            .ThenBy(group => m.GroupName(group.Id), StringComparer.Ordinal)
            .ToList();

        Intro($"Questions that nobody but their author answered, and whose answer nobody accepted, by group: the groups with the most waiting questions first, in each the longest-waiting question first. The ages are counted to the run's moment; the people suggested are the group's active admins and those who answered most questions in it.");
        var charted = groups.Take(UnansweredChartGroups).ToList();
        var rows = charted.Select(group =>
        {
            var counts = new int[AgeBands.Length];
            foreach (var question in group.Questions)
            {
                counts[AgeBand(WaitedHours(question))]++;
            }

            var name = m.GroupName(group.Id);
            return new BarRow(
                HtmlText.Shorten(name, 40),
                $"{name}: {HtmlText.Plural(group.Questions.Count, "unanswered question", "unanswered questions")} (" + string.Join(", ", AgeBands.Select((band, i) => $"{band.Name} {HtmlText.Count(counts[i])}")) + ")",
                [.. AgeBands.Select((band, i) => new BarSegment(counts[i], band.Style))]);
        }).ToList();
        var left = groups.Count - charted.Count;
        o.Line($"<figure id=\"chart-unanswered\"><figcaption>Unanswered questions per group and age <span class=\"muted\">— {(left > 0 ? $"the {HtmlText.Count(charted.Count)} groups with the most; {HtmlText.Plural(left, "more group is", "more groups are")} in the table" : "every group with one")}</span></figcaption>");
        SvgCharts.HorizontalBars(
            o,
            "chart-unanswered-svg",
            "Unanswered questions per group and age",
            "Stacked bar chart of unanswered questions per group, by how long they have waited: " + string.Join("; ", rows.Select(row => row.Tooltip)) + ".",
            "Unanswered questions",
            "Group",
            rows,
            [.. AgeBands.Select(band => new LegendItem(band.Name, band.Style))]);
        o.Line($"</figure>");

        o.Line($"<div class=\"table-scroll\"><table class=\"compact unanswered\">");
        o.Line($"<thead><tr><th scope=\"col\">Question</th><th scope=\"col\">Waited</th><th scope=\"col\">Who could answer</th><th scope=\"col\">Severity</th></tr></thead>");
        foreach (var group in groups)
        {
            o.Line($"<tbody data-group=\"{group.Id}\">");
            o.Line($"<tr class=\"rule-row\"><th scope=\"colgroup\" colspan=\"4\">{m.GroupName(group.Id)} <span class=\"id muted\">{group.Id}</span> <span class=\"muted\">({HtmlText.Plural(group.Questions.Count, "question", "questions")})</span></th></tr>");
            foreach (var finding in group.Questions)
            {
                var hours = WaitedHours(finding);
                FindingRowStart(finding, string.Create(CultureInfo.InvariantCulture, $" data-waited-hours=\"{hours}\" data-age=\"{AgeBand(hours)}\""));
                var question = finding.Properties.GetValueOrDefault("question") is { Length: > 0 } text ? text : ReportModel.TargetName(finding);
                o.Write($"<th scope=\"row\" title=\"{finding.Message}\"><strong>{question}</strong> <span class=\"id muted\">{finding.Target.Id}</span></th>");
                var posted = finding.Properties.GetValueOrDefault("postedAt") is { Length: >= 10 } at ? at[..10] : string.Empty;
                o.Write($"<td class=\"id\">{finding.Properties.GetValueOrDefault("waited") ?? string.Empty}<div class=\"small muted\">since {posted}</div></td>");
                var suggested = finding.Properties.GetValueOrDefault("suggested") is { Length: > 0 } names ? names : "—";
                o.Line($"<td>{suggested}</td><td>{Badge(finding.Severity)}</td></tr>");
                await o.FlushIfFullAsync(_cancellationToken).ConfigureAwait(false);
            }

            o.Line($"</tbody>");
        }

        o.Line($"</table></div>");
        CloseSection();
    }
}
