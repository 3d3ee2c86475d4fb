using System.Data.Common;
using System.Globalization;
using System.Net.Sockets;
using CommunityRules.History.Sql;
using Npgsql;

namespace CommunityRules.History.PostgreSql;

/// <summary>
/// A history of runs in a PostgreSQL database that a team shares, through Npgsql. Each run is written in one
/// transaction (findings and figures by binary COPY), so pipelines may record at the same time.
/// </summary>
public sealed class PostgreSqlRunStore : IRunStore
{
    private readonly SqlRunStore _store;

    private PostgreSqlRunStore(SqlRunStore store) => _store = store;

    /// <summary>Says whether a <c>--history</c> value names a PostgreSQL database rather than a file.</summary>
    /// <param name="value">A connection string (<c>Host=...;Database=...</c>), a <c>postgres://</c> or <c>postgresql://</c> URL, or a file path.</param>
    /// <returns><see langword="true"/> for a connection string or URL.</returns>
    public static bool IsConnectionString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // A file name may hold '=' or ';', but not a "Host=" or "Server=" key followed by more keys.
        return value.Contains(';', StringComparison.Ordinal) && value.Split(';')
            .Select(part => part.Split('=', 2)[0].Trim())
            .Any(key => key.Equals("Host", StringComparison.OrdinalIgnoreCase) || key.Equals("Server", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Connects to a database and brings the history schema up to date.</summary>
    /// <param name="connection">A connection string (<c>Host=...;Database=...</c>) or a <c>postgres://user@host:port/database</c> URL. Leave the password out and let Npgsql read it from <c>PGPASSWORD</c> or a password file.</param>
    /// <param name="cancellationToken">Cancels the connection.</param>
    /// <returns>The store.</returns>
    /// <exception cref="HistoryStoreException">The connection string is not valid, the server cannot be reached or refuses the login, or a newer CommunityRules wrote the schema.</exception>
    public static async Task<PostgreSqlRunStore> OpenAsync(string connection, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(connection);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = connection.Contains("://", StringComparison.Ordinal) ? FromUrl(connection) : new NpgsqlConnectionStringBuilder(connection);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or UriFormatException)
        {
            throw new HistoryStoreException($"The history store's PostgreSQL connection string is not valid: {ex.Message.TrimEnd('.')}. Write it as Host=HOST;Database=NAME;Username=USER or postgres://USER@HOST:PORT/NAME.", ex);
        }

        var name = $"'{builder.Host}:{builder.Port}/{builder.Database}'";
        var store = await SqlRunStore.OpenAsync(new NpgsqlConnection(builder.ConnectionString), new PostgreSqlDialect(), name, afterOpen: null, cancellationToken).ConfigureAwait(false);
        return new PostgreSqlRunStore(store);
    }

    /// <inheritdoc/>
    public Task<RunInfo> RecordAsync(RunRecord run, CancellationToken cancellationToken = default) => _store.RecordAsync(run, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<RunInfo>> ListRunsAsync(CancellationToken cancellationToken = default) => _store.ListRunsAsync(cancellationToken);

    /// <inheritdoc/>
    public Task<RunInfo?> GetRunAsync(long runId, CancellationToken cancellationToken = default) => _store.GetRunAsync(runId, cancellationToken);

    /// <inheritdoc/>
    public Task<RunInfo?> GetLatestRunAsync(string source, CancellationToken cancellationToken = default) => _store.GetLatestRunAsync(source, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<RecordedFinding>> GetFindingsAsync(long runId, CancellationToken cancellationToken = default) => _store.GetFindingsAsync(runId, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<FirstSeen>> GetFirstSeenAsync(long runId, CancellationToken cancellationToken = default) => _store.GetFirstSeenAsync(runId, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<GroupFigures>> GetGroupFiguresAsync(long runId, CancellationToken cancellationToken = default) => _store.GetGroupFiguresAsync(runId, cancellationToken);

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _store.DisposeAsync();

    /// <summary>Reads <c>postgres://user:password@host:port/database?key=value</c> into a connection string.</summary>
    internal static NpgsqlConnectionStringBuilder FromUrl(string url)
    {
        var uri = new Uri(url);
        if (uri.Scheme is not ("postgres" or "postgresql"))
        {
            throw new UriFormatException($"'{uri.Scheme}' is not postgres or postgresql");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            builder[Uri.UnescapeDataString(kv[0])] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : string.Empty;
        }

        return builder;
    }

    private sealed class PostgreSqlDialect : SqlDialect
    {
        // Any constant: the advisory lock that serialises two processes migrating one database.
        private const long MigrationLock = 0x436F6D6D52756C;

        public override string IdentityColumn => "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";

        public override string TimestampType => "TIMESTAMPTZ";

        public override async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT pg_advisory_xact_lock({MigrationLock.ToString(CultureInfo.InvariantCulture)})";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        public override async Task BulkInsertAsync(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
        {
            // One COPY per table: a run of a million posts has findings by the hundred thousand, too many for a round trip each.
            var npgsql = (NpgsqlConnection)connection;
            await using var import = await npgsql.BeginBinaryImportAsync($"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await import.StartRowAsync(cancellationToken).ConfigureAwait(false);
                foreach (var value in row)
                {
                    var write = value switch
                    {
                        null => import.WriteNullAsync(cancellationToken),
                        string text => import.WriteAsync(text, NpgsqlTypes.NpgsqlDbType.Text, cancellationToken),
                        int number => import.WriteAsync(number, NpgsqlTypes.NpgsqlDbType.Integer, cancellationToken),
                        long number => import.WriteAsync(number, NpgsqlTypes.NpgsqlDbType.Bigint, cancellationToken),
                        DateTimeOffset moment => import.WriteAsync(moment.ToUniversalTime(), NpgsqlTypes.NpgsqlDbType.TimestampTz, cancellationToken),
                        _ => throw new InvalidOperationException($"No COPY type for {value.GetType().Name}."),
                    };
                    await write.ConfigureAwait(false);
                }
            }

            // Without Complete, disposing the importer cancels the COPY and the transaction rolls back.
            await import.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        public override string? Explain(Exception exception) => exception switch
        {
            PostgresException postgres => $"the server says: {postgres.MessageText.TrimEnd('.')} ({postgres.SqlState}).",
            NpgsqlException { InnerException: SocketException or TimeoutException or IOException } => $"the server cannot be reached ({exception.InnerException!.Message.TrimEnd('.')}).",
            NpgsqlException npgsql => npgsql.Message.TrimEnd('.') + ".",
            SocketException or TimeoutException => $"the server cannot be reached ({exception.Message.TrimEnd('.')}).",
            _ => null,
        };
    }
}
