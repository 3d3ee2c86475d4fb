namespace CommunityRules.Engine;

/// <summary>Settings for one run of the engine.</summary>
public sealed class AnalysisOptions
{
    internal const int DefaultMaxFindingsPerPost = 100;
    internal const int DefaultMaxRegexTimeoutsPerRule = 10;

    /// <summary>Gets or sets the moment the run checks as of.</summary>
    /// <value>The default value is <see langword="null"/>: the source's manifest, else the engine's <see cref="TimeProvider"/>.</value>
    public DateTimeOffset? AsOf { get; set; }

    /// <summary>Gets or sets where progress goes: the phase and the records read so far.</summary>
    /// <value>The default value is <see langword="null"/>: no progress is reported.</value>
    public IProgress<AnalysisProgress>? Progress { get; set; }

    /// <summary>Gets or sets how many records pass between two progress reports while a stream is read.</summary>
    /// <value>The default value is 10,000.</value>
    public int ProgressInterval { get; set; } = 10_000;

    /// <summary>Gets or sets how many data issues are kept in full; all of them are counted.</summary>
    /// <value>The default value is 10,000.</value>
    public int MaxDataIssuesKept { get; set; } = 10_000;

    /// <summary>
    /// Gets or sets the most findings one text rule (terms, personal data, links, patterns) reports on one post or
    /// comment; what it finds beyond that is counted and reported as one more finding that says how many were left out.
    /// </summary>
    /// <value>The default value is 100.</value>
    public int MaxFindingsPerPost { get; set; } = DefaultMaxFindingsPerPost;

    /// <summary>
    /// Gets or sets on how many records or texts a rule's regular expression may run past its time limit
    /// (<c>matchTimeout</c>) before the rule is switched off for the rest of the run, with one error-level finding
    /// (CR0006) that says so.
    /// </summary>
    /// <value>The default value is 10.</value>
    public int MaxRegexTimeoutsPerRule { get; set; } = DefaultMaxRegexTimeoutsPerRule;

    /// <summary>
    /// Gets or sets how many threads scan post and comment text and run the post and comment actions of checks that
    /// declared them thread-safe (<see cref="Checks.CheckInitializationContext.EnableConcurrentExecution"/>); all cores
    /// when <see langword="null"/>, one thread with 1. Findings come out in the same order whatever the number.
    /// </summary>
    public int? MaxDegreeOfParallelism { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether rules look at bots and system accounts, and at their posts and comments,
    /// like at people's. Either way their messages are not activity, and a rule whose <c>where:</c> names
    /// <c>author.kind</c> (or a person's <c>kind</c>) sees them.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool IncludeAutomatedAccounts { get; set; }

    /// <summary>
    /// Gets the sinks that receive each finding of the run as it is produced, after severities and exemptions apply
    /// (see <see cref="Reporting.IDiagnosticSink"/> for the order and threading), such as
    /// <see cref="Reporting.JsonLinesDiagnosticWriter"/> or a host's own that forwards findings to a queue.
    /// </summary>
    /// <value>The default value is an empty list.</value>
    public IList<Reporting.IDiagnosticSink> Sinks { get; } = [];

    /// <summary>
    /// Gets or sets a value indicating whether the run keeps its findings for <see cref="AnalysisResult.Diagnostics"/>.
    /// A run whose sinks take every finding can keep none, so memory does not grow with the findings; the counts in
    /// <see cref="AnalysisResult.Summary"/> stay whole, but <see cref="AnalysisResult.Diagnostics"/> is empty, and so
    /// are the findings of a whole-document report (JSON, SARIF, HTML) or a baseline comparison made from the result.
    /// </summary>
    /// <value>The default value is <see langword="true"/>. <see langword="false"/> needs at least one sink.</value>
    public bool KeepDiagnostics { get; set; } = true;
}

/// <summary>Where a run is.</summary>
/// <param name="Phase">What the engine is reading or doing, such as <c>posts</c> or <c>end-of-run</c>.</param>
/// <param name="RecordsRead">The records read in this phase so far.</param>
public readonly record struct AnalysisProgress(string Phase, long RecordsRead);
