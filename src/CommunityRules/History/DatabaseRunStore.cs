using CommunityRules.History.Sql;

namespace CommunityRules.History;

/// <summary>
/// A history of runs kept in a relational database, with the schema and migrations of the core package: the base of
/// the SQLite store (package <c>CommunityRules.History.Sqlite</c>) and the PostgreSQL store
/// (<c>CommunityRules.History.PostgreSql</c>), which differ only in how they connect.
/// </summary>
public abstract class DatabaseRunStore : IRunStore
{
    private readonly SqlRunStore _store;

    internal DatabaseRunStore(SqlRunStore store) => _store = store;

    /// <inheritdoc/>
    public Task<RunInfo> RecordAsync(RunRecord run, CancellationToken cancellationToken = default) => _store.RecordAsync(run, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<RunInfo>> ListRunsAsync(CancellationToken cancellationToken = default) => _store.ListRunsAsync(cancellationToken);

    /// <inheritdoc/>
    public Task<RunInfo?> GetRunAsync(long runId, CancellationToken cancellationToken = default) => _store.GetRunAsync(runId, cancellationToken);

    /// <inheritdoc/>
    public Task<RunInfo?> GetLatestRunAsync(string source, CancellationToken cancellationToken = default) => _store.GetLatestRunAsync(RunRecord.SourceKey(source), cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<RecordedFinding>> GetFindingsAsync(long runId, CancellationToken cancellationToken = default) => _store.GetFindingsAsync(runId, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<FirstSeen>> GetFirstSeenAsync(long runId, CancellationToken cancellationToken = default) => _store.GetFirstSeenAsync(runId, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<GroupFigures>> GetGroupFiguresAsync(long runId, CancellationToken cancellationToken = default) => _store.GetGroupFiguresAsync(runId, cancellationToken);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }
}
