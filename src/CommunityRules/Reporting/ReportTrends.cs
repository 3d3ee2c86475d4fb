using CommunityRules.Checks.BuiltIn;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.History;
using CommunityRules.Rules;

namespace CommunityRules.Reporting;

/// <summary>
/// A run set against the earlier runs of the same source in a history store: findings per rule and groups by health
/// in each run, what is new and what was fixed since the last review, and how long each finding has been open. Plain
/// data, read once from the store, so report writers never touch the store.
/// </summary>
/// <remarks>
/// The trends are read before the run is recorded: the series is the last earlier runs of the same source (by
/// <see cref="RunSummary.Source"/>) followed by this run as it is in memory. Rule ids of earlier runs are sorted into
/// health stages with this run's rule set.
/// </remarks>
public sealed class ReportTrends
{
    /// <summary>How many runs the trends show by default, this run included.</summary>
    public const int DefaultRuns = 8;

    private readonly Dictionary<string, FindingAge> _ages;

    private ReportTrends(IReadOnlyList<TrendRun> runs, IReadOnlyList<ComparedFinding>? sinceLastReview, Dictionary<string, FindingAge> ages)
    {
        Runs = runs;
        SinceLastReview = sinceLastReview;
        _ages = ages;
    }

    /// <summary>Gets the runs of the series, oldest first; the last is this run, with no <see cref="TrendRun.RunId"/>.</summary>
    public IReadOnlyList<TrendRun> Runs { get; }

    /// <summary>Gets this run compared with the last recorded run of the same source (new, unchanged, updated, absent); <see langword="null"/> when there is none.</summary>
    public IReadOnlyList<ComparedFinding>? SinceLastReview { get; }

    /// <summary>Gets the last recorded run of the same source, the one <see cref="SinceLastReview"/> compares with.</summary>
    public TrendRun? LastReview => Runs.Count > 1 ? Runs[^2] : null;

    /// <summary>Says how long a finding of this run has been open.</summary>
    /// <param name="fingerprint">The finding's fingerprint.</param>
    /// <returns>Its age; a fingerprint this run does not have is first seen now, in one review.</returns>
    public FindingAge AgeOf(string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        return _ages.TryGetValue(fingerprint, out var age) ? age : new FindingAge(null, Runs[^1].AsOf, 1);
    }

    /// <summary>Reads the trends of a run from a history store, before the run is recorded in it.</summary>
    /// <param name="store">The history store.</param>
    /// <param name="result">The run, not yet recorded.</param>
    /// <param name="ruleSet">The rule set the run used: it says which rules are the inactivity check's and its <c>archive</c> outcome.</param>
    /// <param name="runs">How many runs to show, this run included: at least 2.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The trends.</returns>
    /// <exception cref="HistoryStoreException">The store cannot be read.</exception>
    public static async Task<ReportTrends> ReadAsync(IRunStore store, AnalysisResult result, RuleSet ruleSet, int runs = DefaultRuns, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 2);

        var stages = HealthStages(ruleSet);
        var source = History.RunRecord.SourceKey(result.Summary.Source);
        var earlier = (await store.ListRunsAsync(cancellationToken).ConfigureAwait(false))
            .Where(run => string.Equals(run.Source, source, StringComparison.Ordinal))
            .TakeLast(runs - 1)
            .ToList();
        var series = new List<TrendRun>(earlier.Count + 1);
        IReadOnlyList<RecordedFinding> previous = [];
        foreach (var run in earlier)
        {
            previous = await store.GetFindingsAsync(run.Id, cancellationToken).ConfigureAwait(false);
            series.Add(Summarise(run.Id, run.AsOf, run.Groups, previous, stages));
        }

        var current = result.Diagnostics.Select(RecordedFinding.From).ToList();
        series.Add(Summarise(null, result.Summary.AsOf, result.Network.Groups.Count, current, stages));

        var ages = new Dictionary<string, FindingAge>(StringComparer.Ordinal);
        IReadOnlyList<ComparedFinding>? since = null;
        if (earlier.Count > 0)
        {
            since = RunComparison.Compare(previous, current);

            // A finding of the last review continues its series; one it did not have starts a new one now.
            var seen = (await store.GetFirstSeenAsync(earlier[^1].Id, cancellationToken).ConfigureAwait(false))
                .ToDictionary(first => first.Fingerprint, StringComparer.Ordinal);
            foreach (var finding in current)
            {
                if (seen.TryGetValue(finding.Fingerprint, out var first))
                {
                    ages.TryAdd(finding.Fingerprint, new FindingAge(first.FirstRunId, first.FirstAsOf, first.Runs + 1));
                }
            }
        }

        return new ReportTrends(series, since, ages);
    }

    /// <summary>The rule ids whose findings put a group in the help stage (the inactivity check's main finding) or the archive stage (its <c>archive</c> outcome).</summary>
    private static Dictionary<string, HealthStage> HealthStages(RuleSet ruleSet)
    {
        var stages = new Dictionary<string, HealthStage>(StringComparer.Ordinal);
        foreach (var rule in ruleSet.Rules.Where(rule => Html.ReportModel.SectionOf(rule.Check).Section == Html.ReportSection.InactiveGroups))
        {
            stages.TryAdd(rule.Id, HealthStage.Help);
            foreach (var outcome in rule.Outcomes.Where(outcome => outcome.Outcome.Name == InactivityCheck.Archive.Name))
            {
                stages.TryAdd(outcome.Descriptor.Id, HealthStage.Archive);
            }
        }

        return stages;
    }

    private static TrendRun Summarise(long? runId, DateTimeOffset asOf, int groups, IReadOnlyList<RecordedFinding> findings, Dictionary<string, HealthStage> stages)
    {
        var byRule = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var help = new HashSet<string>(StringComparer.Ordinal);
        var archive = new HashSet<string>(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            // As the report counts: suppressed and silent findings are left out.
            if (finding.IsSuppressed || finding.Severity <= Severity.Silent)
            {
                continue;
            }

            byRule[finding.RuleId] = byRule.GetValueOrDefault(finding.RuleId) + 1;
            if (finding.GroupId is { } group && stages.TryGetValue(finding.RuleId, out var stage))
            {
                (stage == HealthStage.Archive ? archive : help).Add(group);
            }
        }

        help.ExceptWith(archive);
        return new TrendRun(runId, asOf, byRule, groups, help.Count, archive.Count);
    }

    private enum HealthStage
    {
        Help,
        Archive,
    }
}

/// <summary>One run of a trend series.</summary>
/// <param name="RunId">The run's identifier in the store; <see langword="null"/> for the run being reported, not yet recorded.</param>
/// <param name="AsOf">The moment the run checked as of.</param>
/// <param name="FindingsByRule">Findings per rule id, suppressed and silent ones left out.</param>
/// <param name="Groups">The groups the run saw.</param>
/// <param name="HelpStage">Groups with the inactivity check's main finding.</param>
/// <param name="ArchiveStage">Groups with the inactivity check's <c>archive</c> outcome.</param>
public sealed record TrendRun(long? RunId, DateTimeOffset AsOf, IReadOnlyDictionary<string, int> FindingsByRule, int Groups, int HelpStage, int ArchiveStage)
{
    /// <summary>Gets the groups in neither stage.</summary>
    public int Active => Math.Max(0, Groups - HelpStage - ArchiveStage);
}

/// <summary>How long a finding has been open: since the first run of its unbroken series up to this run.</summary>
/// <param name="FirstRunId">The first run of the series; <see langword="null"/> when it is this run.</param>
/// <param name="FirstSeen">That run's <c>asOf</c>.</param>
/// <param name="Reviews">The runs of the series, this one included.</param>
public sealed record FindingAge(long? FirstRunId, DateTimeOffset FirstSeen, int Reviews);
