using System.Data.Common;
using CommunityRules.History.Sql;
using Microsoft.Data.Sqlite;

namespace CommunityRules.History.Sqlite;

/// <summary>
/// A history of runs in one SQLite file. The file is in write-ahead-log mode with a busy timeout, so two runs that
/// finish at once (two pipelines) are both recorded: the second waits for the first's transaction.
/// </summary>
public sealed class SqliteRunStore : DatabaseRunStore
{
    /// <summary>How long a writer waits for another's transaction before it gives up.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(60);

    private SqliteRunStore(SqlRunStore store)
        : base(store)
    {
    }

    /// <summary>Opens a history file, bringing its schema up to date.</summary>
    /// <param name="path">The file.</param>
    /// <param name="createIfMissing">Whether to make a new, empty history when the file does not exist; otherwise a missing file is a <see cref="HistoryStoreException"/>.</param>
    /// <param name="cancellationToken">Cancels the opening.</param>
    /// <returns>The store.</returns>
    /// <exception cref="HistoryStoreException">The file cannot be opened or created, is not a SQLite database, or a newer CommunityRules wrote its schema.</exception>
    public static async Task<SqliteRunStore> OpenAsync(string path, bool createIfMissing = true, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var shown = "'" + path + "'";
        if (Directory.Exists(path))
        {
            throw new HistoryStoreException($"The history store {shown} is a folder; name a file, such as history.db.");
        }

        if (!File.Exists(path))
        {
            if (!createIfMissing)
            {
                throw new HistoryStoreException($"The history store {shown} does not exist; record a run first with: communityrules check --history {path}");
            }

            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null && !Directory.Exists(folder))
            {
                throw new HistoryStoreException($"The history store {shown} cannot be created: the folder '{folder}' does not exist.");
            }
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = createIfMissing ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            // One connection per store, and a file that is free to move or delete once the store is disposed.
            Pooling = false,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString();
        var store = await SqlRunStore.OpenAsync(new SqliteConnection(connectionString), SqliteDialect.Instance, shown, ConfigureAsync, cancellationToken).ConfigureAwait(false);
        return new SqliteRunStore(store);
    }

    private static async Task ConfigureAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        // WAL lets readers go on while one run writes; the busy timeout makes a second writer wait instead of failing.
        command.CommandText = $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed class SqliteDialect : SqlDialect
    {
        public static readonly SqliteDialect Instance = new();

        public override string IdentityColumn => "INTEGER PRIMARY KEY AUTOINCREMENT";

        // ISO 8601 text, as Microsoft.Data.Sqlite writes a DateTimeOffset.
        public override string TimestampType => "TEXT";

        public override string? Explain(Exception exception) => exception switch
        {
            SqliteException { SqliteErrorCode: 26 } => "it is not a SQLite database (is it another kind of file?).",
            SqliteException { SqliteErrorCode: 14 } => "the file cannot be opened or created (check the path and its permissions).",
            SqliteException { SqliteErrorCode: 8 } => "the file is read-only.",
            SqliteException { SqliteErrorCode: 5 or 6 } => $"another process kept it locked for longer than {BusyTimeout.TotalSeconds:0} seconds.",
            SqliteException sqlite => sqlite.Message.TrimEnd('.') + ".",
            IOException or UnauthorizedAccessException => exception.Message,
            _ => null,
        };
    }
}
