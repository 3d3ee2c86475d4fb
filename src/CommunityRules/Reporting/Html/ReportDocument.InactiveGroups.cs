using CommunityRules.Diagnostics;
using CommunityRules.Model;

namespace CommunityRules.Reporting.Html;

/// <summary>The inactive groups section: findings of the <c>inactivity</c> check, each with a sparkline.</summary>
internal sealed partial class ReportDocument
{
    /// <summary>Section 3: findings of the <c>inactivity</c> check, each with a sparkline of the months before the run.</summary>
    private async Task WriteInactiveGroupsAsync()
    {
        var o = _output;
        var m = _model;
        var findings = m.VisibleIn(ReportSection.InactiveGroups)
            .Select((diagnostic, index) => (diagnostic, index))
            .OrderByDescending(pair => pair.diagnostic.Severity)
            .ThenBy(pair => pair.index)
            .Select(pair => pair.diagnostic)
            .ToList();
        OpenSection("inactive", "Inactive groups", HtmlText.Plural(findings.Count, "group", "groups"));
        if (findings.Count == 0)
        {
            Empty(m.Ran(ReportSection.InactiveGroups)
                ? "No inactive groups: every group checked had a post or comment recently enough."
                : "No rule with the inactivity check ran in this review.");
            CloseSection();
            return;
        }

        var months = Enumerable.Range(m.LastMonth - ReportModel.SparklineMonths + 1, ReportModel.SparklineMonths).ToList();
        var period = $"{ReportModel.MonthLabel(months[0])} – {ReportModel.MonthLabel(months[^1])}";
        Intro($"Groups where nobody has posted or commented for a long time. Stage help: give the group a new topic or an active admin. Stage archive: propose archiving it, or merging it into a related group. The bars show posts and comments per month, {period}.");
        o.Line($"<div class=\"table-scroll\"><table class=\"inactive\">");
        o.Line($"<thead><tr><th scope=\"col\">Group</th><th scope=\"col\">Stage</th><th scope=\"col\">Last activity</th><th scope=\"col\">Activity, {period}</th><th scope=\"col\" class=\"num\">Members</th><th scope=\"col\">Severity</th></tr></thead>");
        o.Line($"<tbody>");
        foreach (var finding in findings)
        {
            var groupId = finding.Target.Kind == TargetKind.Group ? finding.Target.Id : finding.Target.GroupId;
            var group = m.Network.FindGroup(groupId);
            var stage = m.StageOf(finding);
            FindingRowStart(finding, $" data-stage=\"{HtmlText.Encode(stage)}\"");
            // The check's reason says what was found; the whole message, with its advice, is the row's tooltip.
            var reason = finding.Properties.GetValueOrDefault("reason") is { Length: > 0 } given ? Capitalise(given) + "." : finding.Message;
            o.Write($"<th scope=\"row\" title=\"{finding.Message}\"><strong>{ReportModel.TargetName(finding)}</strong> <span class=\"id muted\">{finding.Target.Id}</span><div class=\"small muted message\">{reason}</div></th>");
            o.Write($"<td><span class=\"badge stage-{stage}\">{Capitalise(stage)}</span></td>");
            var activity = groupId is null ? null : m.Network.GetActivity(groupId);
            o.Write($"<td class=\"id\">{(activity?.LastActivityAt is { } last ? HtmlText.Day(last) : "never")}");
            if (activity?.LastActivityAt is null && group?.CreatedAt is { } created)
            {
                o.Write($"<div class=\"small muted\">created {HtmlText.Day(created)}</div>");
            }

            o.Write($"</td><td class=\"trend\">");
            var values = groupId is null ? new int[months.Count] : m.ActivityPerMonth(groupId, months.Count);
            var numbers = string.Join(", ", months.Select((month, i) => $"{HtmlText.MonthName(ReportModel.MonthOf(month))} {HtmlText.Count(values[i])}"));
            SvgCharts.Sparkline(o, values, months, $"Posts and comments per month in {ReportModel.TargetName(finding)}: {numbers}");
            o.Write($"</td>");
            o.Write($"<td class=\"num\">{(groupId is null ? "—" : HtmlText.Count(m.Network.GetMembers(groupId).Count))}</td><td>{Badge(finding.Severity)}</td>");
            o.Line($"</tr>");
            await o.FlushIfFullAsync(_cancellationToken).ConfigureAwait(false);
        }

        o.Line($"</tbody>");
        o.Line($"</table></div>");
        CloseSection();
    }
}
