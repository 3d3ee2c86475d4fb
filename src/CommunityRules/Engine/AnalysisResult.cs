using CommunityRules.Data;
using CommunityRules.Diagnostics;
using CommunityRules.Model;

namespace CommunityRules.Engine;

/// <summary>What one run found: the findings in a stable order, the data issues, and a summary.</summary>
public sealed class AnalysisResult
{
    internal AnalysisResult(IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<DataIssue> dataIssues, RunSummary summary, NetworkView network)
    {
        Network = network;
        Diagnostics = diagnostics;
        DataIssues = dataIssues;
        Summary = summary;
    }

    /// <summary>Gets the findings, suppressed ones included, ordered by rule and then as found; empty when the run kept none (<see cref="AnalysisOptions.KeepDiagnostics"/>).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Gets the data issues kept in full (see <see cref="AnalysisOptions.MaxDataIssuesKept"/>).</summary>
    public IReadOnlyList<DataIssue> DataIssues { get; }

    /// <summary>Gets the counts of the run.</summary>
    public RunSummary Summary { get; }

    /// <summary>
    /// Gets what the run says once about its data: rules not run because no source holds what their checks need, and
    /// records the sources left out by design (join events, private messages).
    /// </summary>
    public IReadOnlyList<DataNote> DataNotes { get; internal init; } = [];

    /// <summary>Gets what the source said about the network, if anything.</summary>
    public NetworkManifest? Manifest => Network.Manifest;

    /// <summary>Gets the indexed network the run saw: people, groups, memberships and each group's activity (posts themselves are not kept).</summary>
    public NetworkView Network { get; }
}

/// <summary>The counts of one run.</summary>
public sealed class RunSummary
{
    internal RunSummary(
        DateTimeOffset asOf,
        string source,
        int rulesRun,
        RecordCounts read,
        long rejected,
        long dataIssues,
        IReadOnlyDictionary<Severity, int> bySeverity,
        IReadOnlyDictionary<string, int> byRule,
        int suppressed)
    {
        AsOf = asOf;
        Source = source;
        RulesRun = rulesRun;
        Read = read;
        Rejected = rejected;
        DataIssues = dataIssues;
        FindingsBySeverity = bySeverity;
        FindingsByRule = byRule;
        Suppressed = suppressed;
    }

    /// <summary>Gets the moment the run checked as of.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>Gets the description of the data source.</summary>
    public string Source { get; }

    /// <summary>Gets the number of rules that ran (severity other than none).</summary>
    public int RulesRun { get; }

    /// <summary>Gets the number of records read, per kind; rejected records are not counted here.</summary>
    public RecordCounts Read { get; }

    /// <summary>Gets the number of records left out because they could not be read or repeated an identifier.</summary>
    public long Rejected { get; }

    /// <summary>Gets how many times a check threw on a record (finding CR0005); the other rules ran.</summary>
    public int CheckFailures { get; internal init; }

    /// <summary>Gets the number of rules switched off for the rest of the run after repeated check failures (CR0005) or regular-expression timeouts (CR0006).</summary>
    public int RulesSwitchedOff { get; internal init; }

    /// <summary>Gets the number of data issues, rejected records and unknown references together.</summary>
    public long DataIssues { get; }

    /// <summary>Gets the number of findings per severity in force, suppressed findings excluded.</summary>
    public IReadOnlyDictionary<Severity, int> FindingsBySeverity { get; }

    /// <summary>Gets the number of findings per rule id, suppressed findings excluded.</summary>
    public IReadOnlyDictionary<string, int> FindingsByRule { get; }

    /// <summary>Gets the number of suppressed findings.</summary>
    public int Suppressed { get; }

    /// <summary>Gets the number of findings at or above a severity, suppressed findings excluded.</summary>
    /// <param name="severity">The least severity counted.</param>
    /// <returns>The count.</returns>
    public int CountAtOrAbove(Severity severity) =>
        FindingsBySeverity.Where(pair => pair.Key >= severity && pair.Key > Severity.Silent).Sum(pair => pair.Value);
}

/// <summary>The number of records read, per kind.</summary>
/// <param name="People">People.</param>
/// <param name="Groups">Groups.</param>
/// <param name="Memberships">Memberships.</param>
/// <param name="Posts">Posts.</param>
/// <param name="Comments">Comments.</param>
/// <param name="Reactions">Reactions.</param>
public sealed record RecordCounts(long People, long Groups, long Memberships, long Posts, long Comments, long Reactions)
{
    /// <summary>Gets the total.</summary>
    public long Total => People + Groups + Memberships + Posts + Comments + Reactions;
}
