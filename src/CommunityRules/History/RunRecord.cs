using System.Reflection;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Model;
using CommunityRules.Rules;

namespace CommunityRules.History;

/// <summary>One run as a history store records it: when, as of when, which source and rules, what it found, and each group's figures.</summary>
public sealed class RunRecord
{
    /// <summary>The number of calendar months of activity kept per group, up to and including the month of the run's <c>asOf</c>.</summary>
    public const int MonthsKept = 12;

    /// <summary>Initializes a new instance of the <see cref="RunRecord"/> class.</summary>
    /// <param name="recordedAt">When the run was made.</param>
    /// <param name="asOf">The moment the run checked as of.</param>
    /// <param name="source">The data source, as the run describes it.</param>
    /// <param name="ruleSetHash">The hash of the effective rule set (see <see cref="ComputeRuleSetHash"/>).</param>
    /// <param name="toolVersion">The CommunityRules version that made the run.</param>
    /// <param name="findings">The findings, suppressed ones included, in report order; read once, while the run is written.</param>
    /// <param name="groups">Each group's figures.</param>
    public RunRecord(DateTimeOffset recordedAt, DateTimeOffset asOf, string source, string ruleSetHash, string toolVersion, IEnumerable<RecordedFinding> findings, IEnumerable<GroupFigures> groups)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(ruleSetHash);
        ArgumentNullException.ThrowIfNull(toolVersion);
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(groups);
        RecordedAt = recordedAt;
        AsOf = asOf;
        Source = source;
        RuleSetHash = ruleSetHash;
        ToolVersion = toolVersion;
        Findings = findings;
        Groups = groups;
    }

    /// <summary>Gets when the run was made.</summary>
    public DateTimeOffset RecordedAt { get; }

    /// <summary>Gets the moment the run checked as of.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>
    /// Gets the data source, as the run describes it (<see cref="RunSummary.Source"/>) with each folder or file named by
    /// its full path, so runs started from different folders find each other.
    /// </summary>
    public string Source { get; }

    /// <summary>Gets the hash of the effective rule set: equal for two runs with the same rules, severities, options and exemptions.</summary>
    public string RuleSetHash { get; }

    /// <summary>Gets the CommunityRules version that made the run.</summary>
    public string ToolVersion { get; }

    /// <summary>Gets the findings, suppressed ones included, in report order.</summary>
    public IEnumerable<RecordedFinding> Findings { get; }

    /// <summary>Gets each group's figures.</summary>
    public IEnumerable<GroupFigures> Groups { get; }

    /// <summary>Makes the record of a run: its findings as reported (messages masked) and the figures of each group it saw.</summary>
    /// <param name="result">The run's result.</param>
    /// <param name="ruleSet">The rule set the run used.</param>
    /// <param name="recordedAt">When the run was made, usually <see cref="TimeProvider.GetUtcNow"/>.</param>
    /// <param name="toolVersion">The version to record; by default the CommunityRules library's.</param>
    /// <returns>The record.</returns>
    public static RunRecord Create(AnalysisResult result, RuleSet ruleSet, DateTimeOffset recordedAt, string? toolVersion = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var network = result.Network;
        var responsible = Reporting.ResponsiblePeople.Of(result);

        // A group's admins are the same people on each of its findings: one recorded instance each, not one per finding.
        var recorded = new Dictionary<Reporting.ResponsiblePerson, RecordedResponsiblePerson>();
        RecordedResponsiblePerson Recorded(Reporting.ResponsiblePerson person)
        {
            if (!recorded.TryGetValue(person, out var kept))
            {
                kept = new RecordedResponsiblePerson(person.Id, person.Name, person.RoleName, person.Primary);
                recorded.Add(person, kept);
            }

            return kept;
        }

        return new RunRecord(
            recordedAt,
            result.Summary.AsOf,
            SourceKey(result.Summary.Source),
            ComputeRuleSetHash(ruleSet),
            toolVersion ?? LibraryVersion,
            result.Diagnostics.Select(diagnostic => RecordedFinding.From(diagnostic) with
            {
                Responsible = [.. responsible.For(diagnostic).Select(Recorded)],
            }),
            network.Groups.Select(group => GroupFigures.From(network, group)));
    }

    /// <summary>
    /// The name the history files a source under: a source's folders and files by their full paths, without a
    /// trailing separator (<c>./export</c> and <c>/data/export/</c> are one network); anything else as it is.
    /// </summary>
    /// <param name="source">The source as a run describes it; layered sources are joined by <c> + </c>.</param>
    internal static string SourceKey(string source) =>
        string.Join(" + ", source.Split(" + ").Select(part =>
            Directory.Exists(part) || File.Exists(part) ? Path.TrimEndingDirectorySeparator(Path.GetFullPath(part)) : part));

    /// <summary>
    /// Computes the hash of a rule set as it is in force: each rule's id, check, targets and scopes, messages,
    /// severities after configuration and profile, and options after configuration; the exemptions; the profile.
    /// Comments, formatting and the order of keys in the files do not change it.
    /// </summary>
    /// <param name="ruleSet">The rule set.</param>
    /// <returns>A lower-case hexadecimal SHA-256 hash.</returns>
    public static string ComputeRuleSetHash(RuleSet ruleSet) => EffectiveRuleSetHash.Compute(ruleSet);

    internal static string LibraryVersion { get; } =
        typeof(RunRecord).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}

/// <summary>A finding as a history store keeps it.</summary>
/// <param name="Fingerprint">The finding's stable identity across runs (<see cref="Diagnostic.Fingerprint"/>).</param>
/// <param name="RuleId">The rule (or outcome) id.</param>
/// <param name="Severity">The severity in force.</param>
/// <param name="TargetKind">The kind of target, lower-case as in reports: group, post, person, ...</param>
/// <param name="TargetId">The target's identifier.</param>
/// <param name="TargetName">The target's name as reported (masked like the message), if it has one.</param>
/// <param name="GroupId">The group a post or comment belongs to, or the group itself.</param>
/// <param name="Message">The message as reported, personal data masked.</param>
/// <param name="IsSuppressed">Whether an exemption suppresses the finding.</param>
/// <param name="Justification">The exemption's justification, for a suppressed finding.</param>
public sealed record RecordedFinding(
    string Fingerprint,
    string RuleId,
    Severity Severity,
    string TargetKind,
    string TargetId,
    string? TargetName,
    string? GroupId,
    string Message,
    bool IsSuppressed,
    string? Justification)
{
    /// <summary>
    /// Gets the people responsible for the finding, those who act on it first, then those told of it; empty when nobody
    /// in the network is; <see langword="null"/> when they are not known (a run recorded before stores kept them, or a
    /// finding made without them).
    /// </summary>
    public IReadOnlyList<RecordedResponsiblePerson>? Responsible { get; init; }

    /// <inheritdoc/>
    public bool Equals(RecordedFinding? other) =>
        other is not null
        && Fingerprint == other.Fingerprint && RuleId == other.RuleId && Severity == other.Severity && TargetKind == other.TargetKind
        && TargetId == other.TargetId && TargetName == other.TargetName && GroupId == other.GroupId && Message == other.Message
        && IsSuppressed == other.IsSuppressed && Justification == other.Justification
        && (Responsible is null ? other.Responsible is null : other.Responsible is not null && Responsible.SequenceEqual(other.Responsible));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Fingerprint, RuleId, Severity, TargetId, Message, IsSuppressed, Responsible?.Count ?? -1);

    /// <summary>Makes the record of a finding.</summary>
    /// <param name="diagnostic">The finding.</param>
    /// <returns>The record.</returns>
    public static RecordedFinding From(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var target = diagnostic.Target;
        return new RecordedFinding(
            diagnostic.Fingerprint,
            diagnostic.Rule.Id,
            diagnostic.Severity,
            target.KindName,
            target.Id,
            target.Name,
            target.Kind == Diagnostics.TargetKind.Group ? target.Id : target.GroupId,
            diagnostic.Message,
            diagnostic.IsSuppressed,
            diagnostic.Suppression?.Justification);
    }
}

/// <summary>A person responsible for a recorded finding, as the run's report named them.</summary>
/// <param name="Id">The person's identifier.</param>
/// <param name="Name">The person's display name, or the identifier when the directory had none.</param>
/// <param name="Role">Why the person is named, as reports spell it: <c>admin</c>, <c>author</c> or <c>person</c>.</param>
/// <param name="Primary"><see langword="true"/> for the people who act on the finding; <see langword="false"/> for those told of it (a group's admins beside the author of a post).</param>
public sealed record RecordedResponsiblePerson(string Id, string Name, string Role, bool Primary);

/// <summary>One group's figures in one run.</summary>
/// <param name="GroupId">The group's identifier.</param>
/// <param name="Name">The group's name, if it has one.</param>
/// <param name="Members">The people in the group (bots and system accounts not counted; one person listed twice counts once).</param>
/// <param name="ActiveAdmins">The admins who are people still with the organisation.</param>
/// <param name="Posts">The posts written in the group, all time.</param>
/// <param name="Comments">The comments written in the group, all time.</param>
/// <param name="LastActivityAt">When anyone last posted or commented, if ever.</param>
/// <param name="Months">Posts and comments per calendar month (UTC) for the last <see cref="RunRecord.MonthsKept"/> months up to the run's <c>asOf</c>, oldest first; months without activity are left out.</param>
public sealed record GroupFigures(
    string GroupId,
    string? Name,
    int Members,
    int ActiveAdmins,
    int Posts,
    int Comments,
    DateTimeOffset? LastActivityAt,
    IReadOnlyList<MonthlyActivity> Months)
{
    /// <summary>Counts a group's figures in a network as a run saw it.</summary>
    /// <param name="network">The network.</param>
    /// <param name="group">The group.</param>
    /// <returns>The figures.</returns>
    internal static GroupFigures From(NetworkView network, Group group)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(group);
        var members = new HashSet<string>(StringComparer.Ordinal);
        var admins = new HashSet<string>(StringComparer.Ordinal);
        foreach (var membership in network.GetMembers(group.Id))
        {
            var person = network.FindPerson(membership.PersonId);
            if (person is { Kind: not PersonKind.Person })
            {
                continue;
            }

            members.Add(membership.PersonId);
            if (membership.Role == MembershipRole.Admin && person is { Active: true })
            {
                admins.Add(membership.PersonId);
            }
        }

        var activity = network.GetActivity(group.Id);
        var asOf = network.AsOf.UtcDateTime;
        var last = (asOf.Year * 12) + asOf.Month - 1;
        var months = activity.Months
            .Where(month => (month.Year * 12) + month.Month - 1 is var key && key <= last && key > last - RunRecord.MonthsKept)
            .ToList();
        return new GroupFigures(group.Id, group.Name, members.Count, admins.Count, activity.Posts, activity.Comments, activity.LastActivityAt, months);
    }
}

/// <summary>A recorded run: its identity and counts, without its findings.</summary>
/// <param name="Id">The run's identifier in the store.</param>
/// <param name="RecordedAt">When the run was made.</param>
/// <param name="AsOf">The moment the run checked as of.</param>
/// <param name="Source">The data source, as the run describes it.</param>
/// <param name="RuleSetHash">The hash of the effective rule set.</param>
/// <param name="ToolVersion">The CommunityRules version that made the run.</param>
/// <param name="Errors">Error findings in force (suppressed ones not counted).</param>
/// <param name="Warnings">Warning findings in force.</param>
/// <param name="Suggestions">Suggestion findings in force.</param>
/// <param name="Silent">Silent findings in force.</param>
/// <param name="Suppressed">Suppressed findings, of any severity.</param>
/// <param name="Groups">The groups whose figures were recorded.</param>
/// <remarks>A run recorded before stores kept the people responsible has <see cref="HasResponsiblePeople"/> false.</remarks>
public sealed record RunInfo(
    long Id,
    DateTimeOffset RecordedAt,
    DateTimeOffset AsOf,
    string Source,
    string RuleSetHash,
    string ToolVersion,
    int Errors,
    int Warnings,
    int Suggestions,
    int Silent,
    int Suppressed,
    int Groups)
{
    /// <summary>Gets the number of findings, suppressed ones included.</summary>
    public int Findings => Errors + Warnings + Suggestions + Silent + Suppressed;

    /// <summary>
    /// Gets a value indicating whether the store knows who was responsible for the run's findings; false for a run
    /// recorded before the store kept them (schema version 1), whose findings have <see cref="RecordedFinding.Responsible"/> null.
    /// </summary>
    public bool HasResponsiblePeople { get; init; }
}

/// <summary>Since when a finding has been found without a break in the runs of one source.</summary>
/// <param name="Fingerprint">The finding's fingerprint.</param>
/// <param name="FirstRunId">The earliest run of the unbroken series that ends with the run asked about.</param>
/// <param name="FirstAsOf">That run's <c>asOf</c>.</param>
/// <param name="Runs">How many runs of the source the series holds, the run asked about included.</param>
public sealed record FirstSeen(string Fingerprint, long FirstRunId, DateTimeOffset FirstAsOf, int Runs);
