using System.Data.Common;

namespace CommunityRules.History.Sql;

/// <summary>What differs between the databases that hold the one history schema: a few column types, locking, bulk writes, and how errors read.</summary>
internal abstract class SqlDialect
{
    /// <summary>Gets the column definition of an identity primary key.</summary>
    public abstract string IdentityColumn { get; }

    /// <summary>Gets the column type of a moment.</summary>
    public abstract string TimestampType { get; }

    /// <summary>Serialises migrations between processes, inside the migration's transaction.</summary>
    public virtual Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Writes many rows into one table inside the transaction. Values are <see cref="string"/>, <see cref="int"/>, <see cref="long"/>, <see cref="DateTimeOffset"/> or null.</summary>
    public virtual async Task BulkInsertAsync(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        var parameters = new DbParameter[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            parameters[i] = command.CreateParameter();
            parameters[i].ParameterName = "@p" + i;
            command.Parameters.Add(parameters[i]);
        }

        var prepared = false;
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < row.Length; i++)
            {
                parameters[i].Value = row[i] ?? DBNull.Value;
            }

            if (!prepared)
            {
                await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
                prepared = true;
            }

            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads a moment back from a column of <see cref="TimestampType"/>.</summary>
    public virtual DateTimeOffset ReadMoment(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal).ToUniversalTime();

    /// <summary>Says in plain words why the store cannot be used, or null when the error is not the store's (a bug).</summary>
    public abstract string? Explain(Exception exception);
}
