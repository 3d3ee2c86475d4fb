using CommunityRules.Diagnostics;
using CommunityRules.Model;

namespace CommunityRules.Reporting.Html;

/// <summary>The section of every other finding, compact, by rule.</summary>
internal sealed partial class ReportDocument
{
    /// <summary>The section of every other finding (naming, descriptions, data and configuration issues), compact, by rule.</summary>
    private async Task WriteOtherFindingsAsync()
    {
        var o = _output;
        var findings = _model.VisibleOther();
        OpenSection("other", "Other findings", HtmlText.Plural(findings.Count, "finding", "findings"));
        if (findings.Count == 0)
        {
            Empty("No other findings.");
            CloseSection();
            return;
        }

        Intro("Everything else the rules found, by rule: names, descriptions and other checks, and problems with the data or the configuration itself (CR rules).");
        o.Line($"<div class=\"table-scroll\"><table class=\"compact other\">");
        o.Line($"<thead><tr><th scope=\"col\">Target</th><th scope=\"col\">Finding</th><th scope=\"col\">Severity</th></tr></thead>");
        foreach (var rule in findings.GroupBy(finding => finding.Rule.Id, StringComparer.Ordinal))
        {
            var descriptor = rule.First().Rule;
            o.Line($"<tbody data-rule=\"{descriptor.Id}\">");
            o.Write($"<tr class=\"rule-row\"><th scope=\"colgroup\" colspan=\"3\">{descriptor.Id} · {descriptor.Title} <span class=\"muted\">({HtmlText.Count(rule.Count())})</span> ");
            HelpLink(descriptor);
            o.Line($"</th></tr>");
            foreach (var finding in rule)
            {
                var target = finding.Target;
                FindingRowStart(finding);
                o.Write($"<td class=\"target\">");
                if (target.Name is { Length: > 0 } name)
                {
                    o.Write($"<strong>{name}</strong><div class=\"id muted\">{target.LogicalPath}</div>");
                }
                else
                {
                    o.Write($"<span class=\"id\">{target.LogicalPath}</span>");
                    if (target.File is { Length: > 0 } file)
                    {
                        o.Write($"<div class=\"small muted\">{file}{(target.Line is { } line ? ":" + line.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty)}</div>");
                    }
                }

                o.Line($"</td><td class=\"message\">{finding.Message}</td><td>{Badge(finding.Severity)}</td></tr>");
                await o.FlushIfFullAsync(_cancellationToken).ConfigureAwait(false);
            }

            o.Line($"</tbody>");
        }

        o.Line($"</table></div>");
        CloseSection();
    }
}
