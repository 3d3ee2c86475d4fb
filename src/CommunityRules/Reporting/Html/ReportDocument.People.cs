using CommunityRules.Diagnostics;

namespace CommunityRules.Reporting.Html;

/// <summary>The section per responsible person: whom to write to after the review.</summary>
internal sealed partial class ReportDocument
{
    /// <summary>
    /// The section by person: each person who acts on findings once, with their groups and findings (a group's active admins for
    /// the group, the author for a post or comment, the person for a person), most findings first; then the findings
    /// nobody in the network acts on. The findings themselves are listed in the other sections; rows here refer to
    /// them by <c>data-person-finding</c>, so every finding is still listed once.
    /// </summary>
    private async Task WritePeopleAsync()
    {
        var o = _output;
        var m = _model;
        var responsible = m.Report.Responsible;
        var rollUp = responsible.RollUp(m.Visible);
        OpenSection("people", "Findings by person", HtmlText.Plural(rollUp.People.Count, "person", "people"));
        if (m.Visible.Count == 0)
        {
            Empty("Nobody has anything to act on: no finding is listed in this review.");
            CloseSection();
            return;
        }

        Intro("Whom to write to after the review. A group's findings are for its active admins; a post's or comment's for its author, and for the group's admins when the author has left or is not in the directory; a person's for the person. Each person appears once, with every group they have something to do in; the people with most to do come first. The findings are the same as in the sections above.");
        o.Line($"<div class=\"clusters people\">");
        var number = 0;
        foreach (var person in rollUp.People)
        {
            number++;
            var groups = person.GroupIds.Count > 0 ? $" in {HtmlText.Plural(person.GroupIds.Count, "group", "groups")}" : string.Empty;
            o.Line($"<article class=\"cluster person\" data-person=\"{person.Id}\" aria-labelledby=\"person-{number}\">");
            o.Line($"<h3 id=\"person-{number}\">{person.Name} <span class=\"id muted\">{person.Id}</span> <span class=\"count\">· {HtmlText.Plural(person.Findings.Count, "finding", "findings")}{groups}</span></h3>");
            if (person.ToldOf > 0)
            {
                o.Line($"<p class=\"small muted\">As an admin, also told of {HtmlText.Plural(person.ToldOf, "finding", "findings")} on others' posts and comments in their groups.</p>");
            }

            WritePersonFindings(responsible, person.Findings.Select(assigned => (assigned.Finding, (ResponsibleRole?)assigned.Role)).ToList());
            o.Line($"</article>");
            await o.FlushIfFullAsync(_cancellationToken).ConfigureAwait(false);
        }

        if (rollUp.Unassigned.Count > 0)
        {
            o.Line($"<article class=\"cluster person\" data-person=\"\" aria-labelledby=\"person-nobody\">");
            o.Line($"<h3 id=\"person-nobody\">Nobody in the network <span class=\"count\">· {HtmlText.Plural(rollUp.Unassigned.Count, "finding", "findings")}</span></h3>");
            o.Line($"<p class=\"small muted\">Groups without an active admin, and problems with the data or the rules: for the community team.</p>");
            var byGroup = rollUp.Unassigned
                .OrderBy(finding => ResponsiblePeople.GroupIdOf(finding.Target) is null ? 0 : 1)
                .ThenBy(finding => responsible.GroupName(ResponsiblePeople.GroupIdOf(finding.Target)), StringComparer.Ordinal)
                .ThenBy(finding => ResponsiblePeople.GroupIdOf(finding.Target), StringComparer.Ordinal)
                .Select(finding => (finding, (ResponsibleRole?)null))
                .ToList();
            WritePersonFindings(responsible, byGroup);
            o.Line($"</article>");
        }

        o.Line($"</div>");
        CloseSection();
    }

    /// <summary>Writes one person's findings as a table, a group's findings together under one group cell.</summary>
    private void WritePersonFindings(ResponsiblePeople responsible, List<(Diagnostic Finding, ResponsibleRole? Role)> findings)
    {
        var o = _output;
        o.Line($"<div class=\"table-scroll\"><table class=\"compact person-findings\">");
        o.Line($"<thead><tr><th scope=\"col\">Group</th><th scope=\"col\">Finding</th><th scope=\"col\">Severity</th></tr></thead>");
        o.Line($"<tbody>");
        for (var i = 0; i < findings.Count; i++)
        {
            var (finding, role) = findings[i];
            var groupId = ResponsiblePeople.GroupIdOf(finding.Target);
            o.Write($"<tr data-person-finding=\"{finding.Fingerprint}\" data-rule=\"{finding.Rule.Id}\" data-severity=\"{ReportFormatting.SeverityName(finding.Severity)}\">");
            var first = i == 0 || ResponsiblePeople.GroupIdOf(findings[i - 1].Finding.Target) != groupId;
            if (first)
            {
                var rows = 1;
                while (i + rows < findings.Count && ResponsiblePeople.GroupIdOf(findings[i + rows].Finding.Target) == groupId)
                {
                    rows++;
                }

                o.Write($"<th scope=\"rowgroup\" rowspan=\"{rows}\" data-group=\"{groupId ?? string.Empty}\">");
                if (groupId is null)
                {
                    o.Write($"<span class=\"muted\">—</span>");
                }
                else
                {
                    o.Write($"<strong>{responsible.GroupName(groupId)}</strong><div class=\"id muted\">{groupId}</div>");
                }

                o.Write($"</th>");
            }

            o.Write($"<td class=\"message\"><span class=\"id\">{finding.Rule.Id}</span> ");
            var target = finding.Target;
            if (target.Kind is TargetKind.Post or TargetKind.Comment)
            {
                var why = role == ResponsibleRole.Admin ? " (as admin: the author cannot act on it)" : string.Empty;
                o.Write($"<span class=\"muted\">{target.KindName} {target.Id}{why}:</span> ");
            }
            else if (target.Kind is not (TargetKind.Group or TargetKind.Person))
            {
                o.Write($"<span class=\"muted\">{target.LogicalPath}:</span> ");
            }

            o.Line($"{finding.Message}</td><td>{Badge(finding.Severity)}</td></tr>");
        }

        o.Line($"</tbody>");
        o.Line($"</table></div>");
    }
}
