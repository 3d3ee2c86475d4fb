using CommunityRules.Diagnostics;
using CommunityRules.Model;

namespace CommunityRules.Reporting.Html;

/// <summary>The creation and admin problems section: findings of the creation, admins, membership and privacy checks, one table per rule.</summary>
internal sealed partial class ReportDocument
{
    /// <summary>Section 4: findings of the creation, admins, membership and privacy checks, one table per rule.</summary>
    private async Task WriteProblemsAsync()
    {
        var o = _output;
        var m = _model;
        var findings = m.VisibleIn(ReportSection.Problems);
        OpenSection("problems", "Creation and admin problems", HtmlText.Plural(findings.Count, "finding", "findings"));
        var ran = m.KindsRan(ReportSection.Problems);
        if (findings.Count == 0)
        {
            Empty(ran.Count == 0
                ? "No rule with the creation, admins, membership or privacy checks ran in this review."
                : $"No problems found: the {string.Join(", ", ran)} {(ran.Count == 1 ? "check" : "checks")} found nothing to report.");
            CloseSection();
            return;
        }

        Intro("Who created a group, who runs it, who is in it and who can see it. Each table is one rule.");
        var byRule = findings
            .GroupBy(finding => finding.Rule.Id, StringComparer.Ordinal)
            .OrderBy(group => m.OrderInSection(group.Key))
            .ToList();
        foreach (var rule in byRule)
        {
            var descriptor = rule.First().Rule;
            var count = rule.Count();
            o.Line($"<h3 id=\"problems-{descriptor.Id}\">{descriptor.Id} · {descriptor.Title} <span class=\"count\">({HtmlText.Plural(count, "finding", "findings")}, check {m.KindOf(descriptor.Id)})</span></h3>");
            o.Line($"<div class=\"table-scroll\"><table class=\"problems\" data-rule=\"{descriptor.Id}\" aria-labelledby=\"problems-{descriptor.Id}\">");
            o.Line($"<thead><tr><th scope=\"col\">Group</th><th scope=\"col\">Problem</th><th scope=\"col\">Severity</th></tr></thead>");
            o.Line($"<tbody>");
            foreach (var finding in rule)
            {
                FindingRowStart(finding);
                o.Write($"<th scope=\"row\"><strong>{ReportModel.TargetName(finding)}</strong><div class=\"id muted\">{finding.Target.Id}</div></th>");
                o.Line($"<td class=\"message\">{finding.Message}</td><td>{Badge(finding.Severity)}</td></tr>");
                await o.FlushIfFullAsync(_cancellationToken).ConfigureAwait(false);
            }

            o.Line($"</tbody>");
            o.Line($"</table></div>");
        }

        CloseSection();
    }
}
