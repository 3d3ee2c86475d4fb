using CommunityRules.Diagnostics;
using CommunityRules.History;

namespace CommunityRules.Reporting.Html;

/// <summary>The section of trends across the earlier reviews of the same source: only with a history.</summary>
internal sealed partial class ReportDocument
{
    private const string TrendsSectionId = "trends";

    private static readonly (string Name, string Style)[] HealthStyles =
    [
        ("active", "fill-secondary"),
        ("help stage", "fill-warning"),
        ("archive stage", "fill-error"),
    ];

    /// <summary>Findings per rule across the runs, groups by health, new and fixed since the last review, and how long each open finding has been open.</summary>
    private async Task WriteTrendsAsync()
    {
        if (_model.Report.Trends is not { } trends)
        {
            return;
        }

        var runs = trends.Runs;
        OpenSection(TrendsSectionId, "Trends across reviews", HtmlText.Plural(runs.Count, "review", "reviews"));
        Intro(runs.Count == 1
            ? "This is the first recorded review of this source: the trends start here, and the next run with the same history compares with this one."
            : $"This review and the {HtmlText.Plural(runs.Count - 1, "review", "reviews")} before it of the same source, from the history of runs: {string.Join(", ", runs.Select(run => HtmlText.Day(run.AsOf)))}. Counts leave out suppressed and silent findings.");

        WriteRuleTrends(trends);
        WriteHealthTrend(trends);
        await WriteSinceLastReviewAsync(trends).ConfigureAwait(false);
        await WriteOpenForAsync(trends).ConfigureAwait(false);
        CloseSection();
    }

    /// <summary>Small multiples: per rule, a line of its findings in each run, on its own scale, with the latest count.</summary>
    private void WriteRuleTrends(ReportTrends trends)
    {
        var o = _output;
        var runs = trends.Runs;
        var known = _model.Rules.Select(rule => rule.Descriptor.Id).ToList();
        var seen = runs.SelectMany(run => run.FindingsByRule.Keys).ToHashSet(StringComparer.Ordinal);
        var ruleIds = known.Where(seen.Contains).Concat(seen.Where(id => !known.Contains(id, StringComparer.Ordinal)).Order(StringComparer.Ordinal)).ToList();
        o.Line($"<h3 id=\"trends-rules\">Findings per rule</h3>");
        if (ruleIds.Count == 0)
        {
            Empty("No rule found anything in these reviews.");
            return;
        }

        o.Line($"<div class=\"trend-grid\">");
        foreach (var ruleId in ruleIds)
        {
            var values = runs.Select(run => run.FindingsByRule.GetValueOrDefault(ruleId)).ToList();
            var title = _model.Rules.FirstOrDefault(rule => rule.Descriptor.Id == ruleId)?.Descriptor.Title ?? ruleId;
            var numbers = string.Join(", ", runs.Select((run, i) => $"{HtmlText.Day(run.AsOf)}: {HtmlText.Count(values[i])}"));
            o.Line($"<figure class=\"trend-rule\" data-rule=\"{ruleId}\"><figcaption><span class=\"id\">{ruleId}</span> <span class=\"small\">{HtmlText.Shorten(title, 48)}</span> <strong class=\"trend-now\">{HtmlText.Count(values[^1])}</strong></figcaption>");
            TrendLine(values, runs, $"Findings of {ruleId} per review: {numbers}");
            o.Line($"</figure>");
        }

        o.Line($"</div>");
    }

    /// <summary>A small line of one value per run, a point per run with its date and value as a tooltip.</summary>
    private void TrendLine(List<int> values, IReadOnlyList<TrendRun> runs, string label)
    {
        const double width = 160;
        const double top = 6;
        const double plot = 30;
        const double height = top + plot + 4;
        var max = Math.Max(1, values.Max());
        var step = values.Count > 1 ? (width - 8) / (values.Count - 1) : 0;
        double X(int i) => values.Count > 1 ? 4 + (i * step) : width / 2;
        double Y(int i) => top + plot - (plot * values[i] / max);
        var o = _output;
        o.Line($"<svg class=\"trendline\" role=\"img\" aria-label=\"{label}\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\">");
        o.Line($"<line class=\"spark-base\" x1=\"0\" y1=\"{top + plot + 0.5}\" x2=\"{width}\" y2=\"{top + plot + 0.5}\"/>");
        if (values.Count > 1)
        {
            o.Line($"<polyline class=\"trend-line\" points=\"{string.Join(" ", values.Select((_, i) => $"{HtmlText.Coordinate(X(i))},{HtmlText.Coordinate(Y(i))}"))}\"/>");
        }

        for (var i = 0; i < values.Count; i++)
        {
            o.Line($"<circle class=\"trend-point\" cx=\"{X(i)}\" cy=\"{Y(i)}\" r=\"2.5\"><title>{HtmlText.Day(runs[i].AsOf)}: {HtmlText.Count(values[i])}</title></circle>");
        }

        o.Line($"</svg>");
    }

    /// <summary>A stacked bar per run: active groups, groups in the help stage and in the archive stage.</summary>
    private void WriteHealthTrend(ReportTrends trends)
    {
        var o = _output;
        var rows = trends.Runs.Select(run =>
        {
            int[] counts = [run.Active, run.HelpStage, run.ArchiveStage];
            var day = HtmlText.Day(run.AsOf);
            return new BarRow(
                day,
                $"{day}: " + string.Join(", ", HealthStyles.Select((stage, i) => $"{stage.Name} {HtmlText.Count(counts[i])}")),
                [.. HealthStyles.Select((stage, i) => new BarSegment(counts[i], stage.Style))]);
        }).ToList();
        o.Line($"<h3 id=\"trends-health\">Groups by health</h3>");
        o.Line($"<figure id=\"chart-health\"><figcaption>Groups by health per review <span class=\"muted\">— the help stage is the inactivity check's finding, the archive stage its archive outcome</span></figcaption>");
        SvgCharts.HorizontalBars(
            o,
            "chart-health-svg",
            "Groups by health per review",
            "Stacked bar chart of groups per review by health: " + string.Join("; ", rows.Select(row => row.Tooltip)) + ".",
            "Groups",
            "Review",
            rows,
            [.. HealthStyles.Select(stage => new LegendItem(stage.Name, stage.Style))]);
        o.Line($"</figure>");
    }

    /// <summary>What this run found that the last review did not, and what the last review found that this run does not.</summary>
    private async Task WriteSinceLastReviewAsync(ReportTrends trends)
    {
        var o = _output;
        if (trends.SinceLastReview is not { } compared || trends.LastReview is not { } last)
        {
            return;
        }

        var since = HtmlText.Day(last.AsOf);
        var fresh = compared.Where(item => item.Change == FindingChange.New && Shown(item.Finding)).Select(item => item.Finding).ToList();
        var gone = compared.Where(item => item.Change == FindingChange.Absent && Shown(item.Finding)).Select(item => item.Finding).ToList();
        o.Line($"<h3 id=\"trends-new\">New since the last review <span class=\"count\">{HtmlText.Plural(fresh.Count, "finding", "findings")}</span></h3>");
        await RecordedTableAsync(fresh, "new", $"Nothing is new since the review of {since}.").ConfigureAwait(false);
        o.Line($"<h3 id=\"trends-fixed\">Fixed since the last review <span class=\"count\">{HtmlText.Plural(gone.Count, "finding", "findings")}</span></h3>");
        await RecordedTableAsync(gone, "fixed", $"Nothing the review of {since} found is gone.").ConfigureAwait(false);

        static bool Shown(RecordedFinding finding) => !finding.IsSuppressed && finding.Severity > Severity.Silent;
    }

    private async Task RecordedTableAsync(List<RecordedFinding> findings, string kind, string empty)
    {
        if (findings.Count == 0)
        {
            Empty(empty);
            return;
        }

        var o = _output;
        o.Line($"<div class=\"table-scroll\"><table class=\"compact trend-{kind}\">");
        o.Line($"<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Target</th><th scope=\"col\">Finding</th><th scope=\"col\">Severity</th></tr></thead>");
        o.Line($"<tbody>");
        foreach (var finding in findings)
        {
            o.Write($"<tr data-trend-finding=\"{finding.Fingerprint}\" data-rule=\"{finding.RuleId}\" data-trend=\"{kind}\"><td class=\"id\">{finding.RuleId}</td><td><span class=\"id\">{finding.TargetId}</span>");
            if (finding.TargetName is { Length: > 0 } name)
            {
                o.Write($"<div class=\"small\">{name}</div>");
            }

            o.Line($"</td><td class=\"message\">{finding.Message}</td><td>{Badge(finding.Severity)}</td></tr>");
            await o.FlushIfFullAsync(_cancellationToken).ConfigureAwait(false);
        }

        o.Line($"</tbody>");
        o.Line($"</table></div>");
    }

    /// <summary>Every open finding with the review it was first seen in (without a break since) and the number of reviews, the oldest first.</summary>
    private async Task WriteOpenForAsync(ReportTrends trends)
    {
        var o = _output;
        var open = _model.Visible
            .Select(finding => (Finding: finding, Age: trends.AgeOf(finding.Fingerprint)))
            .OrderByDescending(item => item.Age.Reviews)
            .ThenBy(item => item.Age.FirstSeen)
            .ThenBy(item => item.Finding.Rule.Id, StringComparer.Ordinal)
            .ThenBy(item => item.Finding.Target.Id, StringComparer.Ordinal)
            .ToList();
        o.Line($"<h3 id=\"trends-open\">How long findings have been open <span class=\"count\">{HtmlText.Plural(open.Count, "finding", "findings")}</span></h3>");
        if (open.Count == 0)
        {
            Empty("Nothing is open.");
            return;
        }

        o.Line($"<p class=\"intro\">First seen is the earliest review from which every review of this source up to this one has the finding; a finding that went away and came back counts from its return.</p>");
        o.Line($"<div class=\"table-scroll\"><table class=\"compact open-for\">");
        o.Line($"<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Target</th><th scope=\"col\">Finding</th><th scope=\"col\">First seen</th><th scope=\"col\">Reviews</th></tr></thead>");
        o.Line($"<tbody>");
        foreach (var (finding, age) in open)
        {
            o.Line($"<tr data-trend-finding=\"{finding.Fingerprint}\" data-rule=\"{finding.Rule.Id}\" data-reviews=\"{age.Reviews}\"><td class=\"id\">{finding.Rule.Id}</td><td><span class=\"id\">{finding.Target.Id}</span><div class=\"small\">{ReportModel.TargetName(finding)}</div></td><td class=\"message\">{finding.Message}</td><td class=\"id\"><time datetime=\"{ReportFormatting.Moment(age.FirstSeen)}\">{HtmlText.Day(age.FirstSeen)}</time></td><td class=\"num\">{HtmlText.Count(age.Reviews)}</td></tr>");
            await o.FlushIfFullAsync(_cancellationToken).ConfigureAwait(false);
        }

        o.Line($"</tbody>");
        o.Line($"</table></div>");
    }
}
