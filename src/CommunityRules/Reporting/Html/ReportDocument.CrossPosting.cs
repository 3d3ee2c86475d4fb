using CommunityRules.Diagnostics;

namespace CommunityRules.Reporting.Html;

/// <summary>The cross-posting clusters section: findings of the <c>crossPosting</c> check, one row per set of copies.</summary>
internal sealed partial class ReportDocument
{
    private const string CrossPostingSection = "crossposting";

    /// <summary>Gets a value indicating whether the page has the section: a crossPosting rule ran or found something.</summary>
    private bool ShowsCrossPosting => _model.Ran(ReportSection.CrossPosting) || _model.VisibleIn(ReportSection.CrossPosting).Count > 0;

    /// <summary>
    /// Writes the cross-posting clusters, largest first: the first post (the finding's target), every group with
    /// its name, how many copies, how long they took and how alike they are. Nothing when no rule of the check ran.
    /// </summary>
    private async Task WriteCrossPostingAsync()
    {
        if (!ShowsCrossPosting)
        {
            return;
        }

        var o = _output;
        var m = _model;
        var findings = m.VisibleIn(ReportSection.CrossPosting);
        OpenSection(CrossPostingSection, "Cross-posting clusters", HtmlText.Plural(findings.Count, "cluster", "clusters"));
        if (findings.Count == 0)
        {
            Empty("No cross-posting: no text was posted in enough groups within the time the rules allow.");
            CloseSection();
            return;
        }

        Intro("The same or nearly the same text posted in several groups within a short time, one row per set of copies, the most groups first. The finding is on the first post; ask its author to post once, in the group where it belongs, and link to it from the others.");
        o.Line($"<div class=\"table-scroll\"><table class=\"compact crossposting\">");
        o.Line($"<thead><tr><th scope=\"col\">First post</th><th scope=\"col\">Groups</th><th scope=\"col\" class=\"num\">Posts</th><th scope=\"col\">Within</th><th scope=\"col\" class=\"num\">Similarity</th><th scope=\"col\">Rule</th></tr></thead>");
        o.Line($"<tbody>");
        var ordered = findings
            .Select((finding, index) => (finding, index, groups: GroupIdsOf(finding)))
            .OrderByDescending(row => row.groups.Count)
            .ThenBy(row => row.index);
        foreach (var (finding, _, groupIds) in ordered)
        {
            var properties = finding.Properties;
            FindingRowStart(finding, $" data-groups=\"{HtmlText.Encode(string.Join(",", groupIds))}\"");
            o.Write($"<th scope=\"row\"><span class=\"id\">{finding.Target.Id}</span>");
            if (finding.Target.GroupId is { Length: > 0 } firstGroup)
            {
                o.Write($"<div class=\"small muted\">in {m.GroupName(firstGroup)}</div>");
            }

            o.Write($"</th><td><ul class=\"plain\">");
            foreach (var groupId in groupIds)
            {
                o.Write($"<li data-group=\"{groupId}\">{m.GroupName(groupId)}</li>");
            }

            o.Write($"</ul><div class=\"small muted message\">{finding.Message}</div></td>");
            o.Write($"<td class=\"num\">{properties.GetValueOrDefault("postCount") ?? "—"}</td><td class=\"span\">{properties.GetValueOrDefault("span") ?? "—"}</td>");
            o.Line($"<td class=\"num\">{properties.GetValueOrDefault("similarity") ?? "—"}</td><td>{Badge(finding.Severity)} <span class=\"id muted\">{finding.Rule.Id}</span></td></tr>");
            await o.FlushIfFullAsync(_cancellationToken).ConfigureAwait(false);
        }

        o.Line($"</tbody>");
        o.Line($"</table></div>");
        CloseSection();
    }

    private static List<string> GroupIdsOf(Diagnostic finding)
    {
        var ids = (finding.Properties.GetValueOrDefault("groupIds") ?? string.Empty)
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (ids.Count == 0 && finding.Target.GroupId is { Length: > 0 } group)
        {
            ids.Add(group);
        }

        return ids;
    }
}
