namespace CommunityRules.Reporting.Html;

/// <summary>The section of misplaced posts: findings of the <c>placement</c> check, by the group the posts are in, each with its suggested group.</summary>
internal sealed partial class ReportDocument
{
    private static readonly (string Id, string Title) MisplacedPostsSection = ("misplaced", "Misplaced posts");

    /// <summary>Gets whether the review has the section: only when a rule with the placement check ran.</summary>
    private bool HasMisplacedPostsSection => _model.Ran(ReportSection.Placement);

    /// <summary>Section 6 when a placement rule ran: misplaced posts with their suggested group and both scores.</summary>
    private async Task WriteMisplacedPostsAsync()
    {
        if (!HasMisplacedPostsSection)
        {
            return;
        }

        var o = _output;
        var m = _model;
        var findings = m.VisibleIn(ReportSection.Placement);
        OpenSection(MisplacedPostsSection.Id, "Misplaced posts", HtmlText.Plural(findings.Count, "post", "posts"));
        if (findings.Count == 0)
        {
            Empty("No misplaced posts: every post fits its own group at least as well as any other.");
            CloseSection();
            return;
        }

        Intro("Posts whose words fit another group clearly better than the group they were posted in, by that group. The score, from 0 to 1, is the share of the post's words that count for the suggested group; the own group's score is the share that count for the group it is in. Suggest to the author to move the post, or to link to it there.");
        o.Line($"<div class=\"table-scroll\"><table class=\"compact misplaced\">");
        o.Line($"<thead><tr><th scope=\"col\">Post</th><th scope=\"col\">Suggested group</th><th scope=\"col\">Score</th><th scope=\"col\">Own group's score</th><th scope=\"col\">Words</th><th scope=\"col\">Severity</th></tr></thead>");
        foreach (var inGroup in findings.GroupBy(finding => finding.Target.GroupId ?? string.Empty, StringComparer.Ordinal))
        {
            var groupName = inGroup.Key.Length == 0 ? "(no group)" : m.GroupName(inGroup.Key);
            o.Line($"<tbody data-group=\"{inGroup.Key}\">");
            o.Line($"<tr class=\"rule-row\"><th scope=\"colgroup\" colspan=\"6\">In {groupName} <span class=\"muted\">({HtmlText.Count(inGroup.Count())})</span></th></tr>");
            foreach (var finding in inGroup)
            {
                var suggestedId = finding.Properties.GetValueOrDefault("suggestedGroupId") ?? string.Empty;
                var suggested = finding.Properties.GetValueOrDefault("suggestedGroup") is { Length: > 0 } name ? name : m.GroupName(suggestedId);
                FindingRowStart(finding, $" data-suggested-group=\"{HtmlText.Encode(suggestedId)}\"");
                o.Write($"<td class=\"target\"><strong>{ReportModel.TargetName(finding)}</strong><div class=\"id muted\">{finding.Target.LogicalPath}</div></td>");
                o.Write($"<td><strong>{suggested}</strong><div class=\"id muted\">{suggestedId}</div></td>");
                o.Write($"<td class=\"num\">{finding.Properties.GetValueOrDefault("score")}</td><td class=\"num\">{finding.Properties.GetValueOrDefault("ownScore")}</td>");
                o.Line($"<td>{finding.Properties.GetValueOrDefault("words")}</td><td>{Badge(finding.Severity)}</td></tr>");
                await o.FlushIfFullAsync(_cancellationToken).ConfigureAwait(false);
            }

            o.Line($"</tbody>");
        }

        o.Line($"</table></div>");
        CloseSection();
    }
}
