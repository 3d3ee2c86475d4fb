using System.Globalization;
using CommunityRules.Checks.BuiltIn.Leadership;
using CommunityRules.Diagnostics;
using CommunityRules.Model;

namespace CommunityRules.Reporting.Html;

/// <summary>
/// The leadership section: the findings of the <c>leadership</c> check, participation per management level by month
/// beside the company-wide average, and each leader's months. Written only when a leadership rule ran.
/// </summary>
internal sealed partial class ReportDocument
{
    /// <summary>How many leaders the per-leader table lists at the most.</summary>
    internal const int LeaderRowLimit = 100;

    /// <summary>How many levels the chart draws a line for; deeper levels are drawn together in the last line.</summary>
    internal const int ChartedLevels = 5;

    private static IEnumerable<(string Id, string Title)> LeadershipSections(ReportModel model) =>
        model.Ran(ReportSection.Leadership) ? [("leadership", "Leadership")] : [];

    private async Task WriteLeadershipAsync()
    {
        var m = _model;
        if (!m.Ran(ReportSection.Leadership))
        {
            return;
        }

        var o = _output;
        var findings = m.VisibleIn(ReportSection.Leadership);
        OpenSection("leadership", "Leadership participation", HtmlText.Plural(findings.Count, "finding", "findings"));
        if (m.Network.PersonActivity is not { } ledger)
        {
            Empty("The leadership rules did not run on this data; the notes at the top say what it lacks.");
            CloseSection();
            return;
        }

        Intro("Whether leaders take part: posts, comments and reactions. A post or comment a delegate wrote on a leader's behalf counts for the leader. Levels come from the management chain: the person with no manager is level 1, their reports level 2, and so on.");
        var levels = ManagementLevels.Of(m.Network);
        var months = Enumerable.Range(ledger.LastMonth - PersonActivityLedger.Months + 1, PersonActivityLedger.Months).ToList();
        var people = m.Network.People.Where(person => person.Active && person.Kind == PersonKind.Person).ToList();
        var everyone = AveragePerMonth(ledger, people, months.Count);

        WriteLeadershipFindings(findings, levels);
        WriteLevelChart(ledger, levels, people, months, everyone);
        await WriteLeaderTableAsync(ledger, levels, months, everyone, findings).ConfigureAwait(false);
        CloseSection();
    }

    private void WriteLeadershipFindings(IReadOnlyList<Diagnostic> findings, ManagementLevels levels)
    {
        var o = _output;
        if (findings.Count == 0)
        {
            Empty("Every leader took part as much as the rules ask.");
            return;
        }

        o.Line($"<div class=\"table-scroll\"><table class=\"leadership-findings\">");
        o.Line($"<caption>Leaders below a minimum</caption>");
        o.Line($"<thead><tr><th scope=\"col\">Leader</th><th scope=\"col\" class=\"num\">Level</th><th scope=\"col\">What the rule found</th><th scope=\"col\">Severity</th></tr></thead>");
        o.Line($"<tbody>");
        foreach (var finding in findings)
        {
            FindingRowStart(finding);
            var person = _model.Network.FindPerson(finding.Target.Id);
            o.Write($"<th scope=\"row\"><strong>{ReportModel.TargetName(finding)}</strong>");
            if (person?.Title is { Length: > 0 } title)
            {
                o.Write($"<div class=\"small muted\">{title}</div>");
            }

            o.Write($"<div class=\"id muted\">{finding.Target.Id}</div></th>");
            o.Write($"<td class=\"num\">{LevelText(levels.LevelOf(finding.Target.Id))}</td>");
            o.Line($"<td class=\"message\"><span class=\"id\">{finding.Rule.Id}</span> {finding.Message}</td><td>{Badge(finding.Severity)}</td></tr>");
        }

        o.Line($"</tbody>");
        o.Line($"</table></div>");
    }

    /// <summary>A line per level: posts, comments and reactions per person per month, and the company-wide line.</summary>
    private void WriteLevelChart(PersonActivityLedger ledger, ManagementLevels levels, List<Person> people, List<int> months, double[] everyone)
    {
        var o = _output;
        var series = new List<(string Name, string Style, double[] Values, int People)>();
        if (levels.Deepest > 0)
        {
            for (var level = 1; level <= Math.Min(levels.Deepest, ChartedLevels); level++)
            {
                var deeper = level == ChartedLevels && levels.Deepest > ChartedLevels;
                var at = people.Where(person => levels.LevelOf(person.Id) is { } l && (deeper ? l >= level : l == level)).ToList();
                series.Add(($"Level {level}{(deeper ? " and below" : string.Empty)}", $"lead-line lead-{level}", AveragePerMonth(ledger, at, months.Count), at.Count));
            }
        }

        series.Add(("Company-wide", "lead-line lead-all", everyone, people.Count));
        var period = $"{ReportModel.MonthLabel(months[0])} – {ReportModel.MonthLabel(months[^1])}";
        o.Line($"<figure id=\"chart-leadership\"><figcaption>Participation per level <span class=\"muted\">— posts, comments and reactions per person per month, {period}</span></figcaption>");
        if (levels.Deepest == 0)
        {
            o.Line($"<p class=\"small muted\">The data names no managers, so levels cannot be told; the chart shows the company-wide average only.</p>");
        }

        var description = string.Join("; ", series.Select(s => $"{s.Name} ({HtmlText.Plural(s.People, "person", "people")}): " + string.Join(", ", months.Select((month, i) => $"{ReportModel.MonthLabel(month)} {Average(s.Values[i])}"))));
        LineChart(o, "chart-leadership-svg", "Participation per level", $"Line chart of posts, comments and reactions per person per month. {description}.", months, series);
        o.Line($"</figure>");
    }

    private async Task WriteLeaderTableAsync(PersonActivityLedger ledger, ManagementLevels levels, List<int> months, double[] everyone, IReadOnlyList<Diagnostic> findings)
    {
        var o = _output;
        var m = _model;
        var leaderRules = m.Report.RuleSet.Runtimes.Where(rule => ReportModel.SectionOf(rule.Rule.Check).Section == ReportSection.Leadership).ToList();
        var flagged = findings.Select(finding => finding.Target.Id).ToHashSet(StringComparer.Ordinal);
        var leaders = m.Network.People
            .Where(person => person.Active && person.Kind == PersonKind.Person && leaderRules.Any(rule => rule.IsInScope(person, m.Network)))
            .Select((person, index) => (person, index, level: levels.LevelOf(person.Id) ?? int.MaxValue))
            .OrderBy(leader => leader.level)
            .ThenBy(leader => leader.index)
            .Select(leader => leader.person)
            .ToList();
        var shown = Math.Min(leaders.Count, LeaderRowLimit);
        var recent = months.Skip(months.Count - ReportModel.SparklineMonths).ToList();
        var company = everyone.Skip(months.Count - ReportModel.SparklineMonths).Average();
        o.Line($"<h3 id=\"leadership-leaders\">Each leader, {ReportModel.MonthLabel(recent[0])} – {ReportModel.MonthLabel(recent[^1])} <span class=\"count\">({HtmlText.Plural(leaders.Count, "leader", "leaders")} in the rules' scope)</span></h3>");
        if (leaders.Count == 0)
        {
            Empty("Nobody still with the organisation is in the scope of the leadership rules.");
            return;
        }

        o.Line($"<div class=\"table-scroll\"><table class=\"leaders\" aria-labelledby=\"leadership-leaders\">");
        o.Line($"<thead><tr><th scope=\"col\">Leader</th><th scope=\"col\" class=\"num\">Level</th><th scope=\"col\">Posts, comments and reactions per month</th><th scope=\"col\" class=\"num\">Per month</th><th scope=\"col\" class=\"num\">Company-wide per person</th></tr></thead>");
        o.Line($"<tbody>");
        foreach (var leader in leaders.Take(shown))
        {
            var activity = ledger.Of(leader.Id);
            var values = recent.Select(month => activity.InMonth(months.IndexOf(month)).Total).ToList();
            var name = leader.Name is { Length: > 0 } given ? given : leader.Id;
            o.Write($"<tr data-leader=\"{leader.Id}\"{(flagged.Contains(leader.Id) ? new Markup(" class=\"flagged\"") : new Markup(string.Empty))}>");
            o.Write($"<th scope=\"row\"><strong>{name}</strong>{(flagged.Contains(leader.Id) ? new Markup(" <span class=\"badge soon\">below a minimum</span>") : new Markup(string.Empty))}<div class=\"id muted\">{leader.Id}</div></th>");
            o.Write($"<td class=\"num\">{LevelText(levels.LevelOf(leader.Id))}</td><td class=\"trend\">");
            var numbers = string.Join(", ", recent.Select((month, i) => $"{HtmlText.MonthName(ReportModel.MonthOf(month))} {HtmlText.Count(values[i])}"));
            SvgCharts.Sparkline(o, values, recent, $"Posts, comments and reactions per month by {name}: {numbers}");
            o.Line($"</td><td class=\"num\">{Average(values.Average())}</td><td class=\"num\">{Average(company)}</td></tr>");
            await o.FlushIfFullAsync(_cancellationToken).ConfigureAwait(false);
        }

        o.Line($"</tbody>");
        o.Line($"</table></div>");
        if (leaders.Count > shown)
        {
            o.Line($"<p class=\"small muted\">And {HtmlText.Plural(leaders.Count - shown, "more leader", "more leaders")}, by level; the JSON report lists every finding.</p>");
        }
    }

    private static double[] AveragePerMonth(PersonActivityLedger ledger, List<Person> people, int months)
    {
        var averages = new double[months];
        if (people.Count == 0)
        {
            return averages;
        }

        foreach (var person in people)
        {
            var activity = ledger.Of(person.Id);
            for (var i = 0; i < months; i++)
            {
                averages[i] += activity.InMonth(i).Total;
            }
        }

        for (var i = 0; i < months; i++)
        {
            averages[i] /= people.Count;
        }

        return averages;
    }

    private static string LevelText(int? level) => level is { } l ? l.ToString(CultureInfo.InvariantCulture) : "—";

    private static string Average(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>
    /// Draws lines over the months, one per series, each with its own dash pattern so they are told apart in grey
    /// print too, a point per month whose tooltip gives the value, and a legend above.
    /// </summary>
    private static void LineChart(HtmlOutput o, string id, string title, string description, List<int> months, List<(string Name, string Style, double[] Values, int People)> series)
    {
        const double width = 760;
        const double left = 48;
        const double right = width - 16;
        const double top = 40;
        const double plotHeight = 180;
        const double height = top + plotHeight + 44;
        var max = series.Count == 0 ? 0 : series.Max(s => s.Values.DefaultIfEmpty(0).Max());
        var (scaleMax, step) = SvgCharts.NiceScale((int)Math.Ceiling(max));
        var stepX = months.Count > 1 ? (right - left) / (months.Count - 1) : 0;
        double X(int i) => left + (i * stepX);
        double Y(double value) => top + plotHeight - (plotHeight * value / scaleMax);

        o.Line($"<svg class=\"chart line-chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" preserveAspectRatio=\"xMinYMin meet\">");
        o.Line($"<title id=\"{id}-title\">{title}</title>");
        o.Line($"<desc id=\"{id}-desc\">{description}</desc>");
        var legendX = left;
        foreach (var s in series)
        {
            o.Line($"<line class=\"{s.Style}\" x1=\"{legendX}\" y1=\"14\" x2=\"{legendX + 26}\" y2=\"14\"/><text class=\"legend\" x=\"{legendX + 31}\" y=\"18\">{s.Name}</text>");
            legendX += 44 + (s.Name.Length * 6.6);
        }

        o.Line($"<g class=\"grid\" aria-hidden=\"true\">");
        for (var tick = 0; tick <= scaleMax; tick += step)
        {
            o.Line($"<line x1=\"{left}\" y1=\"{Y(tick)}\" x2=\"{right}\" y2=\"{Y(tick)}\"/><text class=\"tick\" x=\"{left - 6}\" y=\"{Y(tick) + 4}\" text-anchor=\"end\">{HtmlText.Count(tick)}</text>");
        }

        for (var i = 0; i < months.Count; i++)
        {
            o.Line($"<text class=\"tick\" x=\"{X(i)}\" y=\"{top + plotHeight + 16}\" text-anchor=\"middle\">{HtmlText.MonthName(ReportModel.MonthOf(months[i]))}</text>");
        }

        o.Line($"</g>");
        o.Line($"<line class=\"axis\" x1=\"{left}\" y1=\"{top + plotHeight}\" x2=\"{right}\" y2=\"{top + plotHeight}\"/>");
        foreach (var s in series)
        {
            var points = string.Join(" ", s.Values.Select((value, i) => $"{HtmlText.Coordinate(X(i))},{HtmlText.Coordinate(Y(value))}"));
            o.Line($"<g class=\"line-series\" data-series=\"{s.Name}\"><polyline class=\"{s.Style}\" points=\"{points}\"/>");
            for (var i = 0; i < s.Values.Length; i++)
            {
                o.Line($"<circle class=\"{s.Style} lead-point\" cx=\"{X(i)}\" cy=\"{Y(s.Values[i])}\" r=\"3\"><title>{s.Name}, {ReportModel.MonthLabel(months[i])}: {Average(s.Values[i])} per person</title></circle>");
            }

            o.Line($"</g>");
        }

        o.Line($"<text class=\"axis-title\" x=\"{(left + right) / 2}\" y=\"{height - 6}\" text-anchor=\"middle\">Month</text>");
        o.Line($"<text class=\"axis-title\" transform=\"rotate(-90)\" x=\"{-(top + (plotHeight / 2))}\" y=\"12\" text-anchor=\"middle\">Per person</text>");
        o.Line($"</svg>");
    }
}
