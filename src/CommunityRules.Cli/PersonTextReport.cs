using System.Globalization;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Reporting;
using Spectre.Console;

namespace CommunityRules.Cli;

/// <summary>
/// The text report's view per person (<c>--group-by person</c>): each person who acts on findings once, with their
/// groups and under each group what to do there, the people with most to do first; then the findings nobody in the
/// network acts on (groups without an active admin, data and configuration), which fall to the community team.
/// </summary>
internal static class PersonTextReport
{
    public static void Write(IAnsiConsole console, AnalysisResult result, IReadOnlyList<Diagnostic> visible)
    {
        var responsible = ResponsiblePeople.Of(result);
        var rollUp = responsible.RollUp(visible);
        console.WriteLine();
        var acted = visible.Count - rollUp.Unassigned.Count;
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[bold]By person:[/] {Count(rollUp.People.Count, "person acts", "people act")} on {Count(acted, "finding", "findings")}; {Count(rollUp.Unassigned.Count, "finding has", "findings have")} nobody in the network to act on {(rollUp.Unassigned.Count == 1 ? "it" : "them")}."));

        foreach (var person in rollUp.People)
        {
            console.WriteLine();
            var groups = person.GroupIds.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $" in {Count(person.GroupIds.Count, "group", "groups")}") : string.Empty;
            var told = person.ToldOf > 0
                ? string.Create(CultureInfo.InvariantCulture, $"; as an admin also told of {Count(person.ToldOf, "finding", "findings")} on others' posts and comments")
                : string.Empty;
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[bold]{TextReport.Shown(person.Name)}[/] [grey]({TextReport.Shown(person.Id)})[/] — {Count(person.Findings.Count, "finding", "findings")}{groups}{told}"));
            WriteFindings(console, responsible, person.Findings.Select(assigned => (assigned.Finding, (ResponsibleRole?)assigned.Role)));
        }

        if (rollUp.Unassigned.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[bold]Nobody in the network[/] — {Count(rollUp.Unassigned.Count, "finding", "findings")}: groups without an active admin, and problems with the data or the rules"));
            var byGroup = rollUp.Unassigned
                .OrderBy(finding => ResponsiblePeople.GroupIdOf(finding.Target) is null ? 0 : 1)
                .ThenBy(finding => responsible.GroupName(ResponsiblePeople.GroupIdOf(finding.Target)), StringComparer.Ordinal)
                .ThenBy(finding => ResponsiblePeople.GroupIdOf(finding.Target), StringComparer.Ordinal);
            WriteFindings(console, responsible, byGroup.Select(finding => (finding, (ResponsibleRole?)null)));
        }
    }

    /// <summary>Writes findings in the order given (findings outside any group first, then a group's findings together), with a heading per group.</summary>
    private static void WriteFindings(IAnsiConsole console, ResponsiblePeople responsible, IEnumerable<(Diagnostic Finding, ResponsibleRole? Role)> findings)
    {
        string? currentGroup = null;
        foreach (var (finding, role) in findings)
        {
            var groupId = ResponsiblePeople.GroupIdOf(finding.Target);
            if (groupId is not null && groupId != currentGroup)
            {
                console.MarkupLine($"  {TextReport.Shown(responsible.GroupName(groupId))} [grey]({TextReport.Shown(groupId)})[/]");
                currentGroup = groupId;
            }

            var indent = groupId is null ? "  " : "    ";
            console.MarkupLine($"{indent}{TextReport.Badge(finding.Severity)} [bold]{TextReport.Shown(finding.Rule.Id)}[/] {What(finding.Target, role)}{TextReport.Shown(finding.Message)}");
        }
    }

    /// <summary>What a finding is about, when the heading does not say it: a post or comment, and why it is this person's.</summary>
    private static string What(DiagnosticTarget target, ResponsibleRole? role) => (target.Kind, role) switch
    {
        (TargetKind.Group, _) or (TargetKind.Person, ResponsibleRole.Person) => string.Empty,
        (TargetKind.Post or TargetKind.Comment, ResponsibleRole.Admin) => $"[grey]{TextReport.Shown(target.KindName)} {TextReport.Shown(target.Id)} (as admin: the author cannot act on it):[/] ",
        (TargetKind.Post or TargetKind.Comment, _) => $"[grey]{TextReport.Shown(target.KindName)} {TextReport.Shown(target.Id)}:[/] ",
        _ => $"[grey]{TextReport.Shown(target.LogicalPath)}:[/] ",
    };

    private static string Count(int count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {(count == 1 ? one : many)}");
}
