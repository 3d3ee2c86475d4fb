using CommunityRules.Diagnostics;
using CommunityRules.Model;

namespace CommunityRules.Reporting.Html;

/// <summary>
/// Writes the quarterly review report, section by section: overview, findings by rule, merge candidates, inactive
/// groups, creation and admin problems, charts, leadership participation (when a leadership rule ran), other findings,
/// findings by person, suppressed findings.
/// </summary>
internal sealed partial class ReportDocument
{
    /// <summary>The content security policy the page declares: it may use its own inline styles and load nothing at all.</summary>
    internal const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    private static readonly Severity[] CardSeverities = [Severity.Error, Severity.Warning, Severity.Suggestion];

    private readonly ReportModel _model;
    private readonly HtmlOutput _output;
    private readonly CancellationToken _cancellationToken;

    // Sections number themselves in the order they are written, so a section shown only when its check ran leaves no gap.
    private int _sectionNumber;

    private ReportDocument(ReportModel model, HtmlOutput output, CancellationToken cancellationToken)
    {
        _model = model;
        _output = output;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Gets the title of a report: the network, the review and the day.</summary>
    public static string Title(ReportModel model) => $"{model.NetworkName} — quarterly governance review, {HtmlText.Day(model.Summary.AsOf)}";

    public static async Task WriteAsync(AnalysisReport report, Stream stream, CancellationToken cancellationToken)
    {
        var document = new ReportDocument(new ReportModel(report), new HtmlOutput(stream), cancellationToken);
        await document.WriteAsync().ConfigureAwait(false);
    }

    private static string SeverityName(Severity severity) => severity == Severity.None ? "off" : ReportFormatting.SeverityName(severity);

    private static Markup Badge(Severity severity) =>
        new($"<span class=\"badge sev-{ReportFormatting.SeverityName(severity)}\">{SeverityName(severity)}</span>");

    private static string Capitalise(string text) => text.Length == 0 ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));

    private static Uri? SafeLink(Uri? link) =>
        link is { IsAbsoluteUri: true } && (link.Scheme == Uri.UriSchemeHttps || link.Scheme == Uri.UriSchemeHttp) ? link : null;

    private async Task WriteAsync()
    {
        var o = _output;
        var m = _model;
        o.Line($"<!DOCTYPE html>");
        o.Line($"<html lang=\"en\">");
        o.Line($"<head>");
        o.Line($"<meta charset=\"utf-8\">");
        o.Line($"<meta http-equiv=\"Content-Security-Policy\" content=\"{ContentSecurityPolicy}\">");
        o.Line($"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        o.Line($"<meta name=\"color-scheme\" content=\"light\">");
        o.Line($"<meta name=\"generator\" content=\"CommunityRules {m.Report.ToolVersion}\">");
        o.Line($"<title>{Title(m)}</title>");
        o.Line($"<style>");
        o.Raw(new Markup(ReportStyles.Css));
        o.Line($"</style>");
        o.Line($"</head>");
        o.Line($"<body>");

        WriteMasthead();
        o.Line($"<main class=\"wrap\">");
        await WriteRulesAsync().ConfigureAwait(false);
        await WriteTrendsAsync().ConfigureAwait(false);
        await WriteMergeCandidatesAsync().ConfigureAwait(false);
        await WriteInactiveGroupsAsync().ConfigureAwait(false);
        await WriteProblemsAsync().ConfigureAwait(false);
        await WriteChartsAsync().ConfigureAwait(false);
        await WriteUnansweredAsync().ConfigureAwait(false);
        await WriteCrossPostingAsync().ConfigureAwait(false);
        await WriteMisplacedPostsAsync().ConfigureAwait(false);
        await WriteLeadershipAsync().ConfigureAwait(false);
        await WriteOtherFindingsAsync().ConfigureAwait(false);
        await WritePeopleAsync().ConfigureAwait(false);
        await WriteSuppressedAsync().ConfigureAwait(false);
        await WriteFixedAsync().ConfigureAwait(false);
        o.Line($"</main>");

        o.Write($"<footer class=\"report-footer wrap\"><p>Written by CommunityRules {m.Report.ToolVersion} from a run as of {ReportFormatting.Moment(m.Summary.AsOf)}. ");
        o.Write($"Counts leave out suppressed findings; findings at severity silent are counted but not listed, and are in the JSON and SARIF reports.</p></footer>\n");
        o.Line($"</body>");
        o.Line($"</html>");
        await o.FlushAsync(_cancellationToken).ConfigureAwait(false);
    }

    private void WriteMasthead()
    {
        var o = _output;
        var m = _model;
        var summary = m.Summary;
        var read = summary.Read;
        o.Line($"<header class=\"masthead\" id=\"overview\">");
        o.Line($"<div class=\"wrap\">");
        o.Line($"<p class=\"eyebrow\">Quarterly governance review</p>");
        o.Line($"<h1>{m.NetworkName}</h1>");
        o.Line($"<dl class=\"facts\">");
        o.Line($"<div><dt>As of</dt><dd><time datetime=\"{ReportFormatting.Moment(summary.AsOf)}\">{HtmlText.Day(summary.AsOf)}</time></dd></div>");
        o.Write($"<div><dt>Source</dt><dd>{summary.Source}");
        if (m.Result.Manifest?.Source is { Length: > 0 } exporter)
        {
            o.Write($"<span class=\"detail\">exported by {exporter}</span>");
        }

        o.Line($"</dd></div>");
        o.Write($"<div><dt>Rules run</dt><dd data-fact=\"rules-run\">{summary.RulesRun}<span class=\"detail\">{string.Join(", ", m.Report.RuleFiles)}");
        if (m.Report.RuleSet.Profile is { } profile)
        {
            o.Write($" · profile {profile}");
        }

        o.Line($"</span></dd></div>");
        o.Line($"<div><dt>Records read</dt><dd data-fact=\"records-read\">{HtmlText.Count(read.Total)}<span class=\"detail\">{HtmlText.Count(read.People)} people · {HtmlText.Count(read.Groups)} groups · {HtmlText.Count(read.Memberships)} memberships · {HtmlText.Count(read.Posts)} posts · {HtmlText.Count(read.Comments)} comments · {HtmlText.Count(read.Reactions)} reactions</span></dd></div>");
        o.Line($"<div><dt>Rejected</dt><dd data-fact=\"rejected\">{HtmlText.Count(summary.Rejected)}<span class=\"detail\">records that could not be read or repeated an id</span></dd></div>");
        o.Line($"<div><dt>Data issues</dt><dd data-fact=\"data-issues\">{HtmlText.Count(summary.DataIssues)}<span class=\"detail\">rejected records and broken references</span></dd></div>");
        o.Line($"</dl>");
        if (m.Result.DataNotes.Count > 0)
        {
            o.Line($"<ul class=\"data-notes\" aria-label=\"About the data\">");
            foreach (var note in m.Result.DataNotes)
            {
                o.Line($"<li data-note>{note.Message}</li>");
            }

            o.Line($"</ul>");
        }

        o.Line($"<ul class=\"cards\" aria-label=\"Findings by severity\">");
        foreach (var severity in CardSeverities)
        {
            var count = summary.FindingsBySeverity.GetValueOrDefault(severity);
            var (label, note) = severity switch
            {
                Severity.Error => (count == 1 ? "Error" : "Errors", "must be fixed"),
                Severity.Warning => (count == 1 ? "Warning" : "Warnings", "should be fixed"),
                _ => (count == 1 ? "Suggestion" : "Suggestions", "worth a look"),
            };
            WriteCard(ReportFormatting.SeverityName(severity), count, label, note);
        }

        var silent = summary.FindingsBySeverity.GetValueOrDefault(Severity.Silent);
        if (silent > 0)
        {
            WriteCard("silent", silent, "Silent", "counted, not listed");
        }

        WriteCard("suppressed", summary.Suppressed, "Suppressed", "accepted by an exemption");
        if (m.Report.Comparison is { } comparison)
        {
            WriteCard("new", comparison.New + comparison.Updated, "New", $"or updated since {comparison.Baseline.Origin}");
            WriteCard("fixed", comparison.Absent.Count, "Fixed", $"since {comparison.Baseline.Origin}");
        }

        o.Line($"</ul>");

        o.Line($"<nav class=\"toc\" aria-label=\"Sections\"><ol>");
        foreach (var (id, title) in Sections(m))
        {
            o.Line($"<li><a href=\"#{id}\">{title}</a></li>");
        }

        o.Line($"</ol></nav>");
        o.Line($"</div>");
        o.Line($"</header>");
    }

    private IEnumerable<(string Id, string Title)> Sections(ReportModel model) =>
    [
        ("rules", "Findings by rule"),
        .. model.Report.Trends is null ? Array.Empty<(string, string)>() : [(TrendsSectionId, "Trends")],
        ("merge", "Merge candidates"),
        ("inactive", "Inactive groups"),
        ("problems", "Creation and admins"),
        ("charts", "Charts"),
        .. ShowsUnanswered ? [(UnansweredSectionId, "Unanswered questions")] : Array.Empty<(string, string)>(),
        .. ShowsCrossPosting ? [(CrossPostingSection, "Cross-posting")] : Array.Empty<(string, string)>(),
        .. HasMisplacedPostsSection ? [MisplacedPostsSection] : Array.Empty<(string, string)>(),
        .. LeadershipSections(model),
        ("other", "Other findings"),
        ("people", "By person"),
        ("suppressed", "Suppressed"),
        .. model.Report.Comparison is null ? Array.Empty<(string, string)>() : [("fixed", "Fixed since")],
    ];

    private void WriteCard(string style, int count, string label, string note) =>
        _output.Line($"<li class=\"card sev-{style}\" data-severity=\"{style}\"><span class=\"card-value\">{HtmlText.Count(count)}</span><span class=\"card-label\">{label}</span><span class=\"card-note\">{note}</span></li>");

    private void OpenSection(string id, string title, string count)
    {
        var number = ++_sectionNumber;
        _output.Line($"<section class=\"block\" id=\"{id}\" aria-labelledby=\"{id}-heading\">");
        _output.Line($"<h2 id=\"{id}-heading\"><span class=\"num\" aria-hidden=\"true\">{number}</span> {title} <span class=\"count\">{count}</span></h2>");
    }

    private void CloseSection() => _output.Line($"</section>");

    private void Intro(string text) => _output.Line($"<p class=\"intro\">{text}</p>");

    private void Empty(string text) => _output.Line($"<p class=\"empty\">{text}</p>");

    private void FindingRowStart(Diagnostic diagnostic, string? extraAttributes = null)
    {
        _output.Write($"<tr data-finding=\"{diagnostic.Fingerprint}\" data-rule=\"{diagnostic.Rule.Id}\" data-severity=\"{ReportFormatting.SeverityName(diagnostic.Severity)}\"");
        BaselineAttribute(diagnostic);
        if (extraAttributes is not null)
        {
            _output.Raw(new Markup(extraAttributes));
        }

        _output.Write($">");
    }

    /// <summary>Marks a finding new, unchanged or updated when the run was compared with a baseline; the style sheet shows new and updated ones.</summary>
    private void BaselineAttribute(Diagnostic diagnostic)
    {
        if (_model.Report.Comparison is { } comparison)
        {
            _output.Write($" data-baseline=\"{ReportFormatting.BaselineStateName(comparison.StateOf(diagnostic))}\"");
        }
    }

    private void HelpLink(RuleDescriptor descriptor)
    {
        if (SafeLink(descriptor.HelpLink) is { } link)
        {
            _output.Write($"<a class=\"help\" href=\"{link.AbsoluteUri}\" title=\"{descriptor.Id} guidance\">Guidance</a><span class=\"help-url\">{link.AbsoluteUri}</span>");
        }
        else if (descriptor.HelpLink is { } other)
        {
            // Links other than http and https are shown, never followed.
            _output.Write($"<span class=\"muted\">{other.OriginalString}</span>");
        }
        else
        {
            _output.Write($"<span class=\"muted\">—</span>");
        }
    }

    /// <summary>Section 1: every rule with its severity, count and help link, and a bar chart of the rules that found something.</summary>
    private async Task WriteRulesAsync()
    {
        var o = _output;
        var m = _model;
        var byRule = m.Summary.FindingsByRule;
        var suppressedByRule = m.Suppressed.GroupBy(d => d.Rule.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var rules = m.Rules
            .Select((rule, index) => (rule, index))
            .OrderByDescending(pair => pair.rule.Severity)
            .ThenBy(pair => pair.index)
            .Select(pair => pair.rule)
            .ToList();
        var total = byRule.Values.Sum();

        OpenSection("rules", "Findings by rule and severity", HtmlText.Plural(total, "finding", "findings"));
        Intro("Every rule of this review, most serious first. Counts leave out suppressed findings. Each rule links to its guidance: what it asks for and how to fix what it finds.");

        var charted = rules.Where(rule => byRule.GetValueOrDefault(rule.Descriptor.Id) > 0).ToList();
        if (charted.Count > 0)
        {
            var severities = charted.Select(rule => rule.Severity).Distinct().OrderDescending().ToList();
            var rows = charted.Select(rule =>
            {
                var count = byRule.GetValueOrDefault(rule.Descriptor.Id);
                return new BarRow(
                    $"{rule.Descriptor.Id} {HtmlText.Shorten(rule.Descriptor.Title, 40)}",
                    $"{rule.Descriptor.Id} {rule.Descriptor.Title}: {HtmlText.Plural(count, "finding", "findings")}, severity {SeverityName(rule.Severity)}",
                    [new BarSegment(count, $"fill-{ReportFormatting.SeverityName(rule.Severity)}")]);
            }).ToList();
            o.Line($"<figure id=\"chart-rules\"><figcaption>Findings per rule <span class=\"muted\">— bars coloured by severity</span></figcaption>");
            SvgCharts.HorizontalBars(
                o,
                "chart-rules-svg",
                "Findings per rule",
                "Horizontal bar chart of findings per rule: " + string.Join("; ", charted.Select(rule => $"{rule.Descriptor.Id} {HtmlText.Count(byRule.GetValueOrDefault(rule.Descriptor.Id))} ({SeverityName(rule.Severity)})")) + ".",
                "Findings (suppressed left out)",
                "Rule",
                rows,
                [.. severities.Select(severity => new LegendItem(SeverityName(severity), $"fill-{ReportFormatting.SeverityName(severity)}"))]);
            o.Line($"</figure>");
        }
        else
        {
            Empty("No rule found anything in this run.");
        }

        o.Line($"<div class=\"table-scroll\"><table class=\"rules\">");
        o.Line($"<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Title</th><th scope=\"col\">Category</th><th scope=\"col\">Severity</th><th scope=\"col\" class=\"num\">Findings</th><th scope=\"col\" class=\"num\">Suppressed</th><th scope=\"col\">Help</th></tr></thead>");
        o.Line($"<tbody>");
        foreach (var rule in rules)
        {
            var descriptor = rule.Descriptor;
            var off = rule.Severity == Severity.None;
            o.Write($"<tr data-rule=\"{descriptor.Id}\" data-severity=\"{SeverityName(rule.Severity)}\"{new Markup(off ? " class=\"off\"" : string.Empty)}>");
            o.Write($"<td class=\"id\">{descriptor.Id}</td><td>{descriptor.Title}</td><td>{descriptor.Category}</td><td>{Badge(rule.Severity)}</td>");
            o.Write($"<td class=\"num\" data-count=\"findings\">{HtmlText.Count(byRule.GetValueOrDefault(descriptor.Id))}</td><td class=\"num\" data-count=\"suppressed\">{HtmlText.Count(suppressedByRule.GetValueOrDefault(descriptor.Id))}</td><td>");
            HelpLink(descriptor);
            o.Line($"</td></tr>");
            await o.FlushIfFullAsync(_cancellationToken).ConfigureAwait(false);
        }

        o.Line($"</tbody>");
        o.Line($"<tfoot><tr><th scope=\"row\" colspan=\"4\">Total</th><td class=\"num\">{HtmlText.Count(total)}</td><td class=\"num\">{HtmlText.Count(m.Summary.Suppressed)}</td><td></td></tr></tfoot>");
        o.Line($"</table></div>");
        CloseSection();
    }
}
