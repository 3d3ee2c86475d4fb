using System.Data.Common;
using System.Globalization;
using System.Reflection;

namespace CommunityRules.History.Sql;

/// <summary>
/// The history schema's versioned migrations: ordered SQL scripts embedded in the library
/// (<c>History/Migrations/NNNN-name.sql</c>), each applied once, in one transaction with its row in <c>schema_version</c>.
/// </summary>
internal static class SchemaMigrations
{
    private const string ResourcePrefix = "CommunityRules.History.Migrations.";

    /// <summary>Gets the migrations, in order: (version, script).</summary>
    public static IReadOnlyList<(int Version, string Script)> All { get; } = Load();

    /// <summary>Gets the newest schema version this library knows.</summary>
    public static int Latest => All[^1].Version;

    /// <summary>
    /// Brings the schema up to <see cref="Latest"/> in one transaction (two processes opening a new store at once
    /// apply each migration once), or refuses a schema a newer CommunityRules wrote.
    /// </summary>
    public static async Task ApplyAsync(DbConnection connection, SqlDialect dialect, string storeName, string toolVersion, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await dialect.LockForMigrationAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, $"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at {dialect.TimestampType} NOT NULL, tool_version TEXT NOT NULL)", cancellationToken).ConfigureAwait(false);

        var (current, writtenBy) = await ReadVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (current > Latest)
        {
            throw new HistoryStoreException(
                $"The history store {storeName} has schema version {current}, written by CommunityRules {writtenBy}; this CommunityRules ({toolVersion}) knows versions up to {Latest}. Use CommunityRules {writtenBy} or later with this store.");
        }

        foreach (var (version, script) in All.Where(migration => migration.Version > current))
        {
            var sql = script.Replace("{identity}", dialect.IdentityColumn, StringComparison.Ordinal)
                .Replace("{timestamp}", dialect.TimestampType, StringComparison.Ordinal);
            await ExecuteAsync(connection, transaction, sql, cancellationToken).ConfigureAwait(false);
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version, applied_at, tool_version) VALUES (@version, @at, @tool)";
            SqlRunStore.Add(record, "@version", version);
            SqlRunStore.Add(record, "@at", DateTimeOffset.UtcNow);
            SqlRunStore.Add(record, "@tool", toolVersion);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<(int Version, string? WrittenBy)> ReadVersionAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version, tool_version FROM schema_version ORDER BY version DESC LIMIT 1";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? (Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1))
            : (0, null);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static List<(int Version, string Script)> Load()
    {
        var assembly = typeof(SchemaMigrations).Assembly;
        var migrations = new List<(int Version, string Script)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var file = name[ResourcePrefix.Length..];
            var version = int.Parse(file[..file.IndexOf('-', StringComparison.Ordinal)], NumberStyles.None, CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            migrations.Add((version, reader.ReadToEnd()));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"History migrations must be numbered 1, 2, 3, ... without gaps; found {migrations[i].Version} at place {i + 1}.");
            }
        }

        return migrations;
    }
}
