namespace CommunityRules.History;

/// <summary>
/// A store of runs: what each run found (every finding with its fingerprint) and each group's figures, so later runs
/// can be compared with earlier ones. <c>CommunityRules.History.Sqlite</c> keeps it in a file,
/// <c>CommunityRules.History.PostgreSql</c> in a database a team shares; both hold the same schema.
/// </summary>
/// <remarks>A store instance holds one connection and is not meant to be used by two threads at once; two processes
/// (or two instances) may write to the same store at the same time.</remarks>
public interface IRunStore : IAsyncDisposable
{
    /// <summary>Records a run in one transaction: when it fails or is cancelled, nothing of it is kept.</summary>
    /// <param name="run">The run.</param>
    /// <param name="cancellationToken">Cancels the write; the transaction is rolled back.</param>
    /// <returns>The run as recorded, with its identifier and counts.</returns>
    /// <exception cref="HistoryStoreException">The store cannot be written.</exception>
    Task<RunInfo> RecordAsync(RunRecord run, CancellationToken cancellationToken = default);

    /// <summary>Lists the recorded runs, oldest first.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The runs.</returns>
    Task<IReadOnlyList<RunInfo>> ListRunsAsync(CancellationToken cancellationToken = default);

    /// <summary>Finds a run by identifier.</summary>
    /// <param name="runId">The run's identifier.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The run, or <see langword="null"/> when the store has no such run.</returns>
    Task<RunInfo?> GetRunAsync(long runId, CancellationToken cancellationToken = default);

    /// <summary>Finds the last run recorded for a source (the baseline <c>previous</c>).</summary>
    /// <param name="source">The source, as <see cref="RunInfo.Source"/> or <see cref="Engine.RunSummary.Source"/> gives it; folders and files are compared by their full paths.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The run, or <see langword="null"/> when no run of that source is recorded.</returns>
    Task<RunInfo?> GetLatestRunAsync(string source, CancellationToken cancellationToken = default);

    /// <summary>Reads a run's findings, suppressed ones included, in the order the run reported them.</summary>
    /// <param name="runId">The run's identifier.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The findings; empty when the run found nothing or does not exist.</returns>
    Task<IReadOnlyList<RecordedFinding>> GetFindingsAsync(long runId, CancellationToken cancellationToken = default);

    /// <summary>Reads a run's per-group figures, in the source's order of groups.</summary>
    /// <param name="runId">The run's identifier.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The figures; empty when the run does not exist.</returns>
    Task<IReadOnlyList<GroupFigures>> GetGroupFiguresAsync(long runId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Says, for each fingerprint of a run, since when it has been found without a break: the earliest run of the same
    /// source from which every run up to this one has it, and how many runs that makes. One query, however many findings.
    /// </summary>
    /// <param name="runId">The run whose findings to date.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One entry per distinct fingerprint of the run, ordered by fingerprint (ordinal); empty when the run found nothing or does not exist.</returns>
    Task<IReadOnlyList<FirstSeen>> GetFirstSeenAsync(long runId, CancellationToken cancellationToken = default);
}
