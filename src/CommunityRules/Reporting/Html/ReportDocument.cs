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

    /// <summary>Section 2: clusters of look-alike groups from the <c>duplicates</c> check, side by side, the one to keep highlighted.</summary>
    private async Task WriteMergeCandidatesAsync()
    {
        var o = _output;
        var m = _model;
        var clusters = m.VisibleIn(ReportSection.MergeCandidates).Select(MergeCluster.From).ToList();
        OpenSection("merge", "Merge candidates", HtmlText.Plural(clusters.Count, "cluster", "clusters"));
        if (clusters.Count == 0)
        {
            Empty(m.Ran(ReportSection.MergeCandidates)
                ? "No merge candidates: the duplicates check found no look-alike groups in this run."
                : "No merge candidates: no rule with the duplicates check ran in this review.");
            CloseSection();
            return;
        }

        Intro("Groups that look alike: similar names, shared members or topics, posts on the same things. The group suggested to keep is marked; the others could be merged into it. Cohesion, from 0 to 1, is how alike the groups of a cluster are on average; every two of them look alike. Posts and comments count everything read, not only the review period.");
        o.Line($"<div class=\"clusters\">");
        var number = 0;
        foreach (var cluster in clusters)
        {
            number++;
            var finding = cluster.Finding;
            o.Write($"<article class=\"cluster\" data-finding=\"{finding.Fingerprint}\" data-rule=\"{finding.Rule.Id}\" data-severity=\"{ReportFormatting.SeverityName(finding.Severity)}\"");
            BaselineAttribute(finding);
            o.Line($" aria-labelledby=\"cluster-{number}\">");
            var cohesion = cluster.Cohesion is { } value ? $" · cohesion {value}" : string.Empty;
            o.Line($"<h3 id=\"cluster-{number}\">Cluster {number} <span class=\"count\">· {HtmlText.Plural(cluster.GroupIds.Count, "group", "groups")}{cohesion}</span> {Badge(finding.Severity)} <span class=\"id muted\">{finding.Rule.Id}</span></h3>");
            o.Line($"<p class=\"message\">{finding.Message}</p>");
            o.Line($"<div class=\"cluster-groups\">");
            foreach (var groupId in cluster.GroupIds)
            {
                var keep = groupId == cluster.KeepId;
                var activity = m.Network.GetActivity(groupId);
                var name = keep && m.Network.FindGroup(groupId) is null && finding.Properties.GetValueOrDefault("keep") is { Length: > 0 } keepName ? keepName : m.GroupName(groupId);
                o.Write($"<div class=\"group-card{(keep ? " keep" : string.Empty)}\" data-group=\"{groupId}\"{new Markup(keep ? " data-keep=\"true\"" : string.Empty)}>");
                o.Write($"<p class=\"role\">{(keep ? "✓ Suggested to keep" : "Merge into kept group")}</p><h4>{name}</h4><p class=\"id muted\">{groupId}</p>");
                o.Write($"<dl><dt>Members</dt><dd>{HtmlText.Count(m.Network.GetMembers(groupId).Count)}</dd><dt>Posts + comments</dt><dd>{HtmlText.Count(activity.Posts + activity.Comments)}</dd>");
                o.Line($"<dt>Last activity</dt><dd>{(activity.LastActivityAt is { } last ? HtmlText.Day(last) : "never")}</dd></dl></div>");
            }

            o.Line($"</div>");
            if (cluster.Evidence.Count > 0)
            {
                o.Line($"<p class=\"small muted\">Evidence</p>");
                o.Line($"<ul class=\"evidence\">");
                foreach (var item in cluster.Evidence)
                {
                    WriteEvidence(cluster, item);
                }

                o.Line($"</ul>");
            }

            o.Line($"</article>");
            await o.FlushIfFullAsync(_cancellationToken).ConfigureAwait(false);
        }

        o.Line($"</div>");
        CloseSection();
    }

    /// <summary>
    /// Writes one item of a cluster's evidence. An item that starts with two of the cluster's group ids, as
    /// <c>g027 ~ g096: name 0.50, members 0.91</c>, names the groups instead; anything else is written as it is.
    /// </summary>
    private void WriteEvidence(MergeCluster cluster, string item)
    {
        var colon = item.IndexOf(':', StringComparison.Ordinal);
        var pair = colon > 0 ? item[..colon].Split(" ~ ") : [];
        if (pair is [var first, var second] && cluster.GroupIds.Contains(first.Trim()) && cluster.GroupIds.Contains(second.Trim()))
        {
            _output.Line($"<li><strong>{_model.GroupName(first.Trim())}</strong> ~ <strong>{_model.GroupName(second.Trim())}</strong>{item[colon..]}</li>");
            return;
        }

        _output.Line($"<li>{item}</li>");
    }

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

    /// <summary>Section 5: activity heat-map, groups per country, findings per category.</summary>
    private async Task WriteChartsAsync()
    {
        var o = _output;
        OpenSection("charts", "Charts", string.Empty);
        WriteActivityHeatMap();
        await o.FlushIfFullAsync(_cancellationToken).ConfigureAwait(false);
        WriteGroupsPerCountry();
        WriteFindingsPerCategory();
        o.Line($"<p class=\"small muted\">Findings per rule are charted in <a href=\"#chart-rules\">section 1</a>.</p>");
        CloseSection();
    }

    private void WriteActivityHeatMap()
    {
        var o = _output;
        var m = _model;
        var period = m.HeatMapPeriod();
        o.Line($"<figure id=\"chart-activity\">");
        if (period.Count == 0 || m.Network.Groups.Count == 0)
        {
            o.Line($"<figcaption>Activity per group</figcaption>");
            Empty("Nothing dated was posted or commented before the run's moment, so there is no activity to chart.");
            o.Line($"</figure>");
            return;
        }

        var flagged = m.FlaggedGroups();
        var totals = m.Network.Groups
            .Select((group, index) => (group, index, values: m.ActivityPerMonth(group.Id, period.Count)))
            .Select(row => (row.group, row.index, row.values, total: row.values.Sum()))
            .ToList();
        var mostActive = totals
            .OrderByDescending(row => row.total)
            .ThenBy(row => row.index)
            .Take(ReportModel.MostActiveGroups)
            .ToList();
        var chosen = mostActive
            .Concat(totals.Where(row => flagged.Contains(row.group.Id)).OrderByDescending(row => row.total).ThenBy(row => row.index))
            .DistinctBy(row => row.group.Id)
            .ToList();
        var left = chosen.Count - ReportModel.HeatMapRowLimit;
        var rows = chosen
            .Take(ReportModel.HeatMapRowLimit)
            .OrderByDescending(row => row.total)
            .ThenBy(row => row.index)
            .Select(row =>
            {
                var name = row.group.Name is { Length: > 0 } groupName ? groupName : row.group.Id;
                return new HeatRow(HtmlText.Shorten(name, 34), $"{name} ({row.group.Id}), {HtmlText.Count(row.total)} in the period", flagged.Contains(row.group.Id), row.values);
            })
            .ToList();
        var from = ReportModel.MonthLabel(period[0]);
        var to = ReportModel.MonthLabel(period[^1]);
        var flaggedShown = rows.Count(row => row.Flagged);
        o.Line($"<figcaption>Activity per group, {from} – {to} <span class=\"muted\">— posts and comments per month for the {HtmlText.Count(Math.Min(ReportModel.MostActiveGroups, totals.Count))} most active groups and {HtmlText.Plural(flaggedShown, "group", "groups")} with findings (◆), busiest first</span></figcaption>");
        SvgCharts.HeatMap(
            o,
            "chart-activity-svg",
            $"Activity per group, {from} to {to}",
            $"Heat-map of posts and comments per month for {HtmlText.Plural(rows.Count, "group", "groups")} over {HtmlText.Plural(period.Count, "month", "months")}; darker cells mean more activity and every cell is labelled with its number. Groups with findings are marked with a diamond.",
            period,
            rows);
        if (left > 0)
        {
            o.Line($"<p class=\"small muted\">{HtmlText.Plural(left, "more group with findings is", "more groups with findings are")} left out of the chart to keep it readable.</p>");
        }

        o.Line($"</figure>");
    }

    private void WriteGroupsPerCountry()
    {
        var o = _output;
        var m = _model;
        if (m.Network.Groups.Count == 0)
        {
            return;
        }

        var flagged = m.FlaggedGroups();
        var countries = m.Network.Groups
            .GroupBy(m.CountryOf, StringComparer.Ordinal)
            .Select(group => (country: group.Key, all: group.Count(), withFindings: group.Count(g => flagged.Contains(g.Id))))
            .OrderBy(row => row.country == "unknown" ? 2 : ReportModel.ConventionCountries.Contains(row.country) ? 0 : 1)
            .ThenBy(row => ReportModel.ConventionCountries.Contains(row.country) ? Array.IndexOf(ReportModel.ConventionCountries, row.country) : 0)
            .ThenBy(row => row.country, StringComparer.Ordinal)
            .ToList();
        var rows = countries.Select(row => new BarRow(
            CountryLabel(row.country),
            $"{CountryLabel(row.country)}: {HtmlText.Plural(row.all, "group", "groups")}, {HtmlText.Count(row.withFindings)} with findings",
            [new BarSegment(row.withFindings, "fill-primary"), new BarSegment(row.all - row.withFindings, "fill-secondary")])).ToList();
        o.Line($"<figure id=\"chart-countries\"><figcaption>Groups per country <span class=\"muted\">— from the name's country prefix, else the creator's country</span></figcaption>");
        SvgCharts.HorizontalBars(
            o,
            "chart-countries-svg",
            "Groups per country",
            "Stacked bar chart of groups per country, with and without findings: " + string.Join("; ", countries.Select(row => $"{CountryLabel(row.country)} {HtmlText.Count(row.all)} ({HtmlText.Count(row.withFindings)} with findings)")) + ".",
            "Groups",
            "Country",
            rows,
            [new LegendItem("with findings", "fill-primary"), new LegendItem("without findings", "fill-secondary")]);
        o.Line($"</figure>");
    }

    private void WriteFindingsPerCategory()
    {
        var o = _output;
        var m = _model;
        var categories = m.Rules
            .Select(rule => (rule.Descriptor.Category, count: m.Summary.FindingsByRule.GetValueOrDefault(rule.Descriptor.Id)))
            .Where(row => row.count > 0)
            .GroupBy(row => row.Category, StringComparer.Ordinal)
            .Select(group =>
            {
                // What the findings are about: "19 groups", "3 records".
                var targets = m.Visible
                    .Where(d => d.Rule.Category == group.Key)
                    .Select(d => d.Target)
                    .DistinctBy(target => (target.Kind, target.Id))
                    .GroupBy(target => target.Kind)
                    .OrderBy(kind => kind.Key)
                    .Select(kind => TargetCount(kind.Key, kind.Count()));
                return (category: group.Key, findings: group.Sum(row => row.count), about: string.Join(", ", targets));
            })
            .OrderByDescending(row => row.findings)
            .ThenBy(row => row.category, StringComparer.Ordinal)
            .ToList();
        if (categories.Count == 0)
        {
            return;
        }

        var rows = categories.Select(row => new BarRow(
            row.about.Length > 0 ? $"{row.category} · {row.about}" : row.category,
            row.about.Length > 0 ? $"{row.category}: {HtmlText.Plural(row.findings, "finding", "findings")} about {row.about}" : $"{row.category}: {HtmlText.Plural(row.findings, "finding", "findings")}",
            [new BarSegment(row.findings, "fill-accent")])).ToList();
        o.Line($"<figure id=\"chart-categories\"><figcaption>Findings per category <span class=\"muted\">— and how many groups, people or records they are about</span></figcaption>");
        SvgCharts.HorizontalBars(
            o,
            "chart-categories-svg",
            "Findings per category",
            "Bar chart of findings per category: " + string.Join("; ", categories.Select(row => $"{row.category} {HtmlText.Plural(row.findings, "finding", "findings")}{(row.about.Length > 0 ? " about " + row.about : string.Empty)}")) + ".",
            "Findings (suppressed left out)",
            "Category",
            rows,
            []);
        o.Line($"</figure>");
    }

    private static string TargetCount(TargetKind kind, int count) => kind switch
    {
        TargetKind.Person => HtmlText.Plural(count, "person", "people"),
        TargetKind.Group => HtmlText.Plural(count, "group", "groups"),
        TargetKind.Post => HtmlText.Plural(count, "post", "posts"),
        TargetKind.Comment => HtmlText.Plural(count, "comment", "comments"),
        TargetKind.Network => "the network",
        TargetKind.Configuration => HtmlText.Plural(count, "setting", "settings"),
        _ => HtmlText.Plural(count, "record", "records"),
    };

    private static string CountryLabel(string code) => code switch
    {
        "SE" => "SE Sweden",
        "NO" => "NO Norway",
        "DK" => "DK Denmark",
        "FI" => "FI Finland",
        "IS" => "IS Iceland",
        "unknown" => "Unknown",
        _ => code,
    };

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
