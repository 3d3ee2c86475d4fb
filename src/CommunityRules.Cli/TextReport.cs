using System.Globalization;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Reporting;
using Spectre.Console;

namespace CommunityRules.Cli;

/// <summary>How the text report lists findings.</summary>
internal enum TextGrouping
{
    /// <summary>By rule, most serious first: what is wrong across the network.</summary>
    Rule,

    /// <summary>By the person who acts on them: whom to write to, each person once with their groups (<see cref="PersonTextReport"/>).</summary>
    Person,
}

/// <summary>Writes findings for people: grouped by rule, most serious first, or by responsible person; coloured on a terminal.</summary>
internal static class TextReport
{
    public static void Write(IAnsiConsole console, AnalysisResult result, string networkName, string source, Severity failOn, TextGrouping grouping = TextGrouping.Rule, BaselineComparison? comparison = null)
    {
        var summary = result.Summary;
        var read = summary.Read;
        console.MarkupLine($"[bold]{Shown(networkName)}[/] as of {summary.AsOf.UtcDateTime:yyyy-MM-dd} ([grey]{Shown(source)}[/])");
        console.MarkupLine(Shown(string.Create(CultureInfo.InvariantCulture, $"Read {read.People:N0} people, {read.Groups:N0} groups, {read.Memberships:N0} memberships, {read.Posts:N0} posts, {read.Comments:N0} comments and {read.Reactions:N0} reactions; {summary.RulesRun} rules ran.")));
        foreach (var note in result.DataNotes)
        {
            console.MarkupLine($"[blue]note:[/] {Shown(note.Message)}");
        }

        if (summary.Rejected > 0)
        {
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[yellow]{summary.Rejected:N0} records were left out: lines that could not be read (CR0001) or that repeat an identifier (CR0003).[/]"));
        }

        var visible = result.Diagnostics.Where(d => !d.IsSuppressed && d.Severity > Severity.Silent).ToList();
        if (comparison is null)
        {
            WriteFindings(console, result, visible, grouping, null);
        }
        else
        {
            // New and updated findings first: they are what a review acts on and what fails the run.
            var origin = Shown(comparison.Baseline.Origin);
            var changed = visible.Where(d => comparison.StateOf(d) != BaselineState.Unchanged).ToList();
            var unchanged = visible.Where(d => comparison.StateOf(d) == BaselineState.Unchanged).ToList();
            console.WriteLine();
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[bold]New since {origin}:[/] {changed.Count:N0}"));
            WriteFindings(console, result, changed, grouping, comparison);
            if (unchanged.Count > 0)
            {
                console.WriteLine();
                console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[bold]Unchanged since {origin}:[/] {unchanged.Count:N0}"));
                WriteFindings(console, result, unchanged, grouping, comparison);
            }

            console.WriteLine();
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"{comparison.Unchanged:N0} unchanged, {comparison.Absent.Count:N0} fixed since {origin}"));
        }

        console.WriteLine();
        var counts = string.Join(", ", new[] { Severity.Error, Severity.Warning, Severity.Suggestion }
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"{summary.FindingsBySeverity.GetValueOrDefault(s):N0} {Plural(s, summary.FindingsBySeverity.GetValueOrDefault(s))}")));
        var suppressed = summary.Suppressed > 0 ? string.Create(CultureInfo.InvariantCulture, $", {summary.Suppressed:N0} suppressed") : string.Empty;
        var failing = failOn == Severity.None ? 0 : CommandLine.Failing(result, comparison, failOn);
        var fresh = comparison is null ? string.Empty : "new ";
        var verdict = failOn == Severity.None
            ? "[grey](--fail-on never)[/]"
            : failing > 0 ? string.Create(CultureInfo.InvariantCulture, $"[red]fails: {failing:N0} {fresh}at or above {Name(failOn)}[/]") : $"[green]passes: nothing {fresh}at or above {Name(failOn)}[/]";
        console.MarkupLine($"[bold]{Shown(counts + suppressed)}[/] — {verdict}");
    }

    private static void WriteFindings(IAnsiConsole console, AnalysisResult result, List<Diagnostic> visible, TextGrouping grouping, BaselineComparison? comparison)
    {
        if (grouping == TextGrouping.Person)
        {
            PersonTextReport.Write(console, result, visible);
        }
        else
        {
            WriteByRule(console, result.Network, visible, comparison);
        }
    }

    private static void WriteByRule(IAnsiConsole console, Model.NetworkView network, List<Diagnostic> visible, BaselineComparison? comparison)
    {
        foreach (var rule in visible.GroupBy(d => d.Rule.Id, StringComparer.Ordinal).OrderByDescending(g => g.First().Severity))
        {
            var first = rule.First();
            console.WriteLine();
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"{Badge(first.Severity)} [bold]{Shown(first.Rule.Id)}[/] {Shown(first.Rule.Title)} [grey]({rule.Count():N0})[/]"));
            if (first.Rule.HelpLink is { } help)
            {
                console.MarkupLine($"  [grey]{Shown(help.ToString())}[/]");
            }

            // The advice every finding of the rule ends with is said once, under the rule, not on every line.
            var advice = SharedAdvice(rule.Select(d => d.Message).ToList());
            if (advice.Length > 0)
            {
                console.MarkupLine($"  [italic]{Shown(advice)}[/]");
            }

            foreach (var diagnostic in rule)
            {
                var updated = comparison?.StateOf(diagnostic) == BaselineState.Updated ? "[yellow](updated)[/] " : string.Empty;
                var message = advice.Length > 0 ? diagnostic.Message[..^advice.Length].TrimEnd() : diagnostic.Message;
                var label = Label(network, diagnostic.Target, message);
                var named = label.Length > 0 ? $"[bold]{Shown(label)}[/]: " : string.Empty;
                console.MarkupLine($"  {named}{updated}{Shown(message)} [grey]({Shown(diagnostic.Target.LogicalPath)})[/]");
            }
        }
    }

    /// <summary>
    /// The sentences every message ends with, when there are at least two messages and each says something before
    /// them; otherwise empty. Cut only after a sentence's full stop, so no message loses part of a sentence.
    /// </summary>
    internal static string SharedAdvice(IReadOnlyList<string> messages)
    {
        if (messages.Count < 2)
        {
            return string.Empty;
        }

        var first = messages[0];
        for (var cut = first.IndexOf(". ", StringComparison.Ordinal); cut >= 0; cut = first.IndexOf(". ", cut + 1, StringComparison.Ordinal))
        {
            var candidate = first[(cut + 2)..];
            if (candidate.Length > 0 && messages.All(message => message.Length > candidate.Length + 2
                && message.EndsWith(candidate, StringComparison.Ordinal)
                && message.AsSpan(0, message.Length - candidate.Length).TrimEnd().EndsWith(".", StringComparison.Ordinal)))
            {
                return candidate;
            }
        }

        return string.Empty;
    }

    /// <summary>
    /// What a person recognises a finding's target by, when the message does not say it already: a group's or
    /// person's name, a post's group and title, a comment's group; the id follows the message in grey.
    /// </summary>
    internal static string Label(Model.NetworkView network, DiagnosticTarget target, string message)
    {
        string Unsaid(string? name) => name is { Length: > 0 } && !message.Contains(name, StringComparison.Ordinal) ? name : string.Empty;

        var group = Unsaid(target.GroupId is { } groupId ? network.FindGroup(groupId)?.Name ?? groupId : null);
        var title = target.Kind == TargetKind.Post ? Unsaid(target.Name) : string.Empty;
        return target.Kind switch
        {
            TargetKind.Group or TargetKind.Person => Unsaid(target.Name),
            TargetKind.Post or TargetKind.Comment when title.Length > 0 => group.Length > 0 ? $"{group} › {Quoted(title)}" : Quoted(title),
            TargetKind.Post or TargetKind.Comment => group,
            _ => string.Empty,
        };
    }

    private static string Quoted(string title)
    {
        if (title.Length <= 40)
        {
            return $"“{title}”";
        }

        // Never cut between the two halves of a character outside the basic plane.
        var cut = char.IsHighSurrogate(title[38]) ? 38 : 39;
        return $"“{title[..cut].TrimEnd()}…”";
    }

    /// <summary>Data (names, messages, paths) as text that can neither style the output nor act on a terminal.</summary>
    internal static string Shown(string text) => Markup.Escape(TerminalText.Escape(text));

    public static string Name(Severity severity) => severity.ToString().ToLowerInvariant();

    internal static string Badge(Severity severity) => severity switch
    {
        Severity.Error => "[white on red] error [/]",
        Severity.Warning => "[black on yellow] warning [/]",
        _ => "[white on blue] suggestion [/]",
    };

    private static string Plural(Severity severity, int count) => (severity, count) switch
    {
        (Severity.Error, 1) => "error",
        (Severity.Error, _) => "errors",
        (Severity.Warning, 1) => "warning",
        (Severity.Warning, _) => "warnings",
        (_, 1) => "suggestion",
        _ => "suggestions",
    };
}
