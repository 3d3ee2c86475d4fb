using CommunityRules.Diagnostics;
using CommunityRules.Model;

namespace CommunityRules.Reporting.Html;

/// <summary>The closing sections: suppressed findings and, with a baseline, the findings fixed since.</summary>
internal sealed partial class ReportDocument
{
    /// <summary>The last section: suppressed findings with the exemption's justification, owner and expiry.</summary>
    private async Task WriteSuppressedAsync()
    {
        var o = _output;
        var m = _model;
        var findings = m.Suppressed;
        OpenSection("suppressed", "Suppressed findings", HtmlText.Plural(findings.Count, "finding", "findings"));
        if (findings.Count == 0)
        {
            Empty("No findings are suppressed: no exemption covers anything found in this run.");
            CloseSection();
            return;
        }

        var asOfDay = DateOnly.FromDateTime(m.Summary.AsOf.UtcDateTime);
        Intro("Findings accepted for now by an exemption in the rule files. Each exemption says why, who owns it and when it ends; after that day the finding is reported again.");
        o.Line($"<div class=\"table-scroll\"><table class=\"compact suppressed\">");
        o.Line($"<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Target</th><th scope=\"col\">Finding</th><th scope=\"col\">Justification</th><th scope=\"col\">Owner</th><th scope=\"col\">Expires</th></tr></thead>");
        o.Line($"<tbody>");
        foreach (var finding in findings)
        {
            var suppression = finding.Suppression!;
            FindingRowStart(finding);
            o.Write($"<td class=\"id\">{finding.Rule.Id}</td><td><span class=\"id\">{finding.Target.LogicalPath}</span>");
            if (finding.Target.Name is { Length: > 0 } name)
            {
                o.Write($"<div class=\"small\">{name}</div>");
            }

            o.Write($"</td><td class=\"message\">{finding.Message} {Badge(finding.Severity)}</td><td>{suppression.Justification}<div class=\"small muted\">{suppression.Source}</div></td>");
            o.Write($"<td>{suppression.Owner ?? "—"}</td><td class=\"expires\" data-expires=\"{ReportFormatting.Day(suppression.Expires)}\"><span class=\"id\">{ReportFormatting.Day(suppression.Expires)}</span>");
            var daysLeft = suppression.Expires.DayNumber - asOfDay.DayNumber;
            if (daysLeft <= 30)
            {
                o.Write($" <span class=\"badge soon\">{(daysLeft < 0 ? "expired" : $"{HtmlText.Plural(daysLeft, "day", "days")} left")}</span>");
            }

            o.Line($"</td></tr>");
            await o.FlushIfFullAsync(_cancellationToken).ConfigureAwait(false);
        }

        o.Line($"</tbody>");
        o.Line($"</table></div>");
        CloseSection();
    }

    /// <summary>Section 9, with a baseline only: the baseline's findings this run no longer has.</summary>
    private async Task WriteFixedAsync()
    {
        if (_model.Report.Comparison is not { } comparison)
        {
            return;
        }

        var o = _output;
        var fixedOnes = comparison.Absent;
        OpenSection("fixed", $"Fixed since {comparison.Baseline.Origin}", HtmlText.Plural(fixedOnes.Count, "finding", "findings"));
        if (fixedOnes.Count == 0)
        {
            Empty("Nothing the baseline found is gone.");
            CloseSection();
            return;
        }

        Intro("What the baseline found and this run no longer finds: fixed, or no longer checked. Messages are as the baseline wrote them.");
        o.Line($"<div class=\"table-scroll\"><table class=\"compact fixed\">");
        o.Line($"<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Target</th><th scope=\"col\">Finding then</th><th scope=\"col\">Severity then</th></tr></thead>");
        o.Line($"<tbody>");
        foreach (var finding in fixedOnes)
        {
            o.Write($"<tr data-finding=\"{finding.Fingerprint}\" data-rule=\"{finding.RuleId}\" data-baseline=\"absent\"><td class=\"id\">{finding.RuleId}</td><td><span class=\"id\">{finding.Target.LogicalPath}</span>");
            if (finding.Target.Name is { Length: > 0 } name)
            {
                o.Write($"<div class=\"small\">{name}</div>");
            }

            o.Line($"</td><td class=\"message\">{finding.Message}</td><td>{Badge(finding.Severity)}</td></tr>");
            await o.FlushIfFullAsync(_cancellationToken).ConfigureAwait(false);
        }

        o.Line($"</tbody>");
        o.Line($"</table></div>");
        CloseSection();
    }
}
