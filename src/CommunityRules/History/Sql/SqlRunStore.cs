using System.Data.Common;
using System.Globalization;
using CommunityRules.Diagnostics;
using CommunityRules.Model;

namespace CommunityRules.History.Sql;

/// <summary>The history store over any ADO.NET connection: the one schema, written and read the same way whatever the database.</summary>
internal sealed class SqlRunStore : IRunStore
{
    private static readonly string[] FindingColumns =
        ["run_id", "ordinal", "fingerprint", "rule_id", "severity", "target_kind", "target_id", "target_name", "group_id", "message", "suppressed", "justification"];

    private static readonly string[] GroupColumns =
        ["run_id", "ordinal", "group_id", "name", "members", "active_admins", "posts", "comments", "last_activity_at"];

    private static readonly string[] MonthColumns = ["run_id", "group_ordinal", "year", "month", "posts", "comments"];

    private static readonly string[] ResponsibleColumns = ["run_id", "finding_ordinal", "position", "person_id", "name", "role", "is_primary"];

    private const string RunColumns = "id, recorded_at, as_of, source, rule_set_hash, tool_version, errors, warnings, suggestions, silent, suppressed, group_count, responsible_recorded";

    private readonly DbConnection _connection;
    private readonly SqlDialect _dialect;

    private SqlRunStore(DbConnection connection, SqlDialect dialect, string name)
    {
        _connection = connection;
        _dialect = dialect;
        Name = name;
    }

    /// <summary>Gets how messages name the store: a file path, or a server and database without credentials.</summary>
    public string Name { get; }

    /// <summary>Opens the connection and brings the schema up to date; a store that cannot be used is a <see cref="HistoryStoreException"/>.</summary>
    /// <param name="connection">A connection not yet open; the store owns it from now on.</param>
    /// <param name="dialect">The database's dialect.</param>
    /// <param name="name">How messages name the store.</param>
    /// <param name="afterOpen">Settings to make on the open connection before the schema is read (SQLite's journal mode).</param>
    /// <param name="cancellationToken">Cancels the opening.</param>
    public static async Task<SqlRunStore> OpenAsync(DbConnection connection, SqlDialect dialect, string name, Func<DbConnection, CancellationToken, Task>? afterOpen, CancellationToken cancellationToken)
    {
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (afterOpen is not null)
            {
                await afterOpen(connection, cancellationToken).ConfigureAwait(false);
            }

            await SchemaMigrations.ApplyAsync(connection, dialect, name, ToolVersion, cancellationToken).ConfigureAwait(false);
            return new SqlRunStore(connection, dialect, name);
        }
        catch (Exception ex) when (ex is not HistoryStoreException && ex is not OperationCanceledException && dialect.Explain(ex) is { } problem)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new HistoryStoreException($"The history store {name} cannot be used: {problem}", ex);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static string ToolVersion => RunRecord.LibraryVersion;

    /// <inheritdoc/>
    public async Task<RunInfo> RecordAsync(RunRecord run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var (recordedAt, asOf) = (Microseconds(run.RecordedAt), Microseconds(run.AsOf));
        return await GuardAsync(async () =>
        {
            await using var transaction = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            long runId;
            await using (var insert = Command(transaction,
                "INSERT INTO runs (recorded_at, as_of, source, rule_set_hash, tool_version, errors, warnings, suggestions, silent, suppressed, group_count) " +
                "VALUES (@recorded, @asOf, @source, @hash, @tool, 0, 0, 0, 0, 0, 0) RETURNING id"))
            {
                Add(insert, "@recorded", recordedAt);
                Add(insert, "@asOf", asOf);
                Add(insert, "@source", run.Source);
                Add(insert, "@hash", run.RuleSetHash);
                Add(insert, "@tool", run.ToolVersion);
                runId = Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            }

            var counts = new int[(int)Severity.Error + 2];
            var suppressedIndex = counts.Length - 1;
            // The findings are read once, so their responsible people are kept aside (a finding's number and the
            // person, often one shared instance per group admin) and written after them.
            var responsible = new List<(int Ordinal, int Position, RecordedResponsiblePerson Person)>();
            var responsibleKnown = true;
            await _dialect.BulkInsertAsync(_connection, transaction, "findings", FindingColumns, run.Findings.Select((finding, ordinal) =>
            {
                counts[finding.IsSuppressed ? suppressedIndex : (int)finding.Severity]++;
                if (finding.Responsible is { } people)
                {
                    for (var position = 0; position < people.Count; position++)
                    {
                        responsible.Add((ordinal, position, people[position]));
                    }
                }
                else
                {
                    responsibleKnown = false;
                }

                return new object?[]
                {
                    runId, ordinal, finding.Fingerprint, finding.RuleId, SeverityName(finding.Severity), finding.TargetKind, finding.TargetId,
                    finding.TargetName, finding.GroupId, finding.Message, finding.IsSuppressed ? 1 : 0, finding.Justification,
                };
            }), cancellationToken).ConfigureAwait(false);
            await _dialect.BulkInsertAsync(_connection, transaction, "finding_responsible", ResponsibleColumns, responsible.Select(row => new object?[]
            {
                runId, row.Ordinal, row.Position, row.Person.Id, row.Person.Name, row.Person.Role, row.Person.Primary ? 1 : 0,
            }), cancellationToken).ConfigureAwait(false);

            var groups = run.Groups.ToList();
            await _dialect.BulkInsertAsync(_connection, transaction, "group_figures", GroupColumns, groups.Select((group, ordinal) => new object?[]
            {
                runId, ordinal, group.GroupId, group.Name, group.Members, group.ActiveAdmins, group.Posts, group.Comments, group.LastActivityAt is { } last ? Microseconds(last) : null,
            }), cancellationToken).ConfigureAwait(false);
            await _dialect.BulkInsertAsync(_connection, transaction, "group_months", MonthColumns, groups.SelectMany((group, ordinal) => group.Months.Select(month => new object?[]
            {
                runId, ordinal, month.Year, month.Month, month.Posts, month.Comments,
            })), cancellationToken).ConfigureAwait(false);

            await using (var update = Command(transaction,
                "UPDATE runs SET errors = @errors, warnings = @warnings, suggestions = @suggestions, silent = @silent, suppressed = @suppressed, group_count = @groups, responsible_recorded = @responsible WHERE id = @id"))
            {
                Add(update, "@errors", counts[(int)Severity.Error]);
                Add(update, "@warnings", counts[(int)Severity.Warning]);
                Add(update, "@suggestions", counts[(int)Severity.Suggestion]);
                Add(update, "@silent", counts[(int)Severity.Silent] + counts[(int)Severity.None]);
                Add(update, "@suppressed", counts[suppressedIndex]);
                Add(update, "@groups", groups.Count);
                Add(update, "@responsible", responsibleKnown ? 1 : 0);
                Add(update, "@id", runId);
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            // Cancellation is honoured up to the commit; once committed, the run is recorded.
            cancellationToken.ThrowIfCancellationRequested();
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            return new RunInfo(
                runId, recordedAt, asOf, run.Source, run.RuleSetHash, run.ToolVersion,
                counts[(int)Severity.Error], counts[(int)Severity.Warning], counts[(int)Severity.Suggestion], counts[(int)Severity.Silent] + counts[(int)Severity.None],
                counts[suppressedIndex], groups.Count)
            {
                HasResponsiblePeople = responsibleKnown,
            };
        }).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<RunInfo>> ListRunsAsync(CancellationToken cancellationToken = default) =>
        GuardAsync(() => ReadRunsAsync($"SELECT {RunColumns} FROM runs ORDER BY id", null, cancellationToken));

    /// <inheritdoc/>
    public async Task<RunInfo?> GetRunAsync(long runId, CancellationToken cancellationToken = default) =>
        (await GuardAsync(() => ReadRunsAsync($"SELECT {RunColumns} FROM runs WHERE id = @id", command => Add(command, "@id", runId), cancellationToken)).ConfigureAwait(false))
        .SingleOrDefault();

    /// <inheritdoc/>
    public async Task<RunInfo?> GetLatestRunAsync(string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return (await GuardAsync(() => ReadRunsAsync(
                $"SELECT {RunColumns} FROM runs WHERE source = @source ORDER BY id DESC LIMIT 1", command => Add(command, "@source", source), cancellationToken)).ConfigureAwait(false))
            .SingleOrDefault();
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<RecordedFinding>> GetFindingsAsync(long runId, CancellationToken cancellationToken = default) => GuardAsync<IReadOnlyList<RecordedFinding>>(async () =>
    {
        // For a run recorded before the store kept them, nobody is known: null, not empty.
        Dictionary<int, List<RecordedResponsiblePerson>>? responsible = null;
        var known = (await ReadRunsAsync($"SELECT {RunColumns} FROM runs WHERE id = @id", bind => Add(bind, "@id", runId), cancellationToken).ConfigureAwait(false))
            .SingleOrDefault() is { HasResponsiblePeople: true };
        if (known)
        {
            responsible = [];
            await using var people = Command(null,
                "SELECT finding_ordinal, person_id, name, role, is_primary FROM finding_responsible WHERE run_id = @id ORDER BY finding_ordinal, position");
            Add(people, "@id", runId);
            await using var peopleReader = await people.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await peopleReader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var ordinal = Int(peopleReader, 0);
                if (!responsible.TryGetValue(ordinal, out var list))
                {
                    list = [];
                    responsible.Add(ordinal, list);
                }

                list.Add(new RecordedResponsiblePerson(peopleReader.GetString(1), peopleReader.GetString(2), peopleReader.GetString(3), Int(peopleReader, 4) != 0));
            }
        }

        await using var command = Command(null,
            "SELECT fingerprint, rule_id, severity, target_kind, target_id, target_name, group_id, message, suppressed, justification, ordinal FROM findings WHERE run_id = @id ORDER BY ordinal");
        Add(command, "@id", runId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var findings = new List<RecordedFinding>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            findings.Add(new RecordedFinding(
                reader.GetString(0), reader.GetString(1), ParseSeverity(reader.GetString(2)), reader.GetString(3), reader.GetString(4),
                NullableString(reader, 5), NullableString(reader, 6), reader.GetString(7), Int(reader, 8) != 0, NullableString(reader, 9))
            {
                Responsible = responsible is null ? null : responsible.TryGetValue(Int(reader, 10), out var people) ? people : [],
            });
        }

        return findings;
    });

    /// <inheritdoc/>
    public Task<IReadOnlyList<FirstSeen>> GetFirstSeenAsync(long runId, CancellationToken cancellationToken = default) => GuardAsync<IReadOnlyList<FirstSeen>>(async () =>
    {
        // The series of a fingerprint starts after the last earlier run of the source that lacks it (the gap, worked
        // out once per fingerprint through findings_by_fingerprint); every run of the source from there to this one has it.
        await using var command = Command(null,
            "SELECT x.fingerprint, x.first_run, x.run_count, r.as_of FROM (" +
            " SELECT g.fingerprint AS fingerprint, MIN(s.id) AS first_run, COUNT(*) AS run_count FROM (" +
            "  SELECT DISTINCT f.fingerprint AS fingerprint, cur.source AS source, cur.id AS last_run," +
            "  COALESCE((SELECT MAX(b.id) FROM runs b WHERE b.source = cur.source AND b.id < cur.id" +
            "  AND NOT EXISTS (SELECT 1 FROM findings h WHERE h.run_id = b.id AND h.fingerprint = f.fingerprint)), 0) AS gap" +
            "  FROM findings f JOIN runs cur ON cur.id = f.run_id WHERE f.run_id = @id) g" +
            " JOIN runs s ON s.source = g.source AND s.id > g.gap AND s.id <= g.last_run" +
            " GROUP BY g.fingerprint) x JOIN runs r ON r.id = x.first_run");
        Add(command, "@id", runId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var seen = new List<FirstSeen>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            seen.Add(new FirstSeen(reader.GetString(0), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture), _dialect.ReadMoment(reader, 3), Int(reader, 2)));
        }

        // The databases sort text by their own collations; ordinal order is the same everywhere.
        seen.Sort((a, b) => string.CompareOrdinal(a.Fingerprint, b.Fingerprint));
        return seen;
    });

    /// <inheritdoc/>
    public Task<IReadOnlyList<GroupFigures>> GetGroupFiguresAsync(long runId, CancellationToken cancellationToken = default) => GuardAsync<IReadOnlyList<GroupFigures>>(async () =>
    {
        var months = new Dictionary<int, List<MonthlyActivity>>();
        await using (var command = Command(null, "SELECT group_ordinal, year, month, posts, comments FROM group_months WHERE run_id = @id ORDER BY group_ordinal, year, month"))
        {
            Add(command, "@id", runId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var ordinal = Int(reader, 0);
                if (!months.TryGetValue(ordinal, out var list))
                {
                    list = [];
                    months.Add(ordinal, list);
                }

                list.Add(new MonthlyActivity(Int(reader, 1), Int(reader, 2), Int(reader, 3), Int(reader, 4)));
            }
        }

        var groups = new List<GroupFigures>();
        await using (var command = Command(null,
            "SELECT ordinal, group_id, name, members, active_admins, posts, comments, last_activity_at FROM group_figures WHERE run_id = @id ORDER BY ordinal"))
        {
            Add(command, "@id", runId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                groups.Add(new GroupFigures(
                    reader.GetString(1), NullableString(reader, 2), Int(reader, 3), Int(reader, 4), Int(reader, 5), Int(reader, 6),
                    reader.IsDBNull(7) ? null : _dialect.ReadMoment(reader, 7),
                    months.TryGetValue(Int(reader, 0), out var list) ? list : []));
            }
        }

        return groups;
    });

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    internal static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    internal static string SeverityName(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Suggestion => "suggestion",
        Severity.Silent => "silent",
        _ => "none",
    };

    private static Severity ParseSeverity(string name) => name switch
    {
        "error" => Severity.Error,
        "warning" => Severity.Warning,
        "suggestion" => Severity.Suggestion,
        "silent" => Severity.Silent,
        _ => Severity.None,
    };

    /// <summary>A moment in UTC to the microsecond, the precision both databases keep, so what is written reads back equal.</summary>
    private static DateTimeOffset Microseconds(DateTimeOffset moment)
    {
        var utc = moment.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % 10));
    }

    private static int Int(DbDataReader reader, int ordinal) => Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private DbCommand Command(DbTransaction? transaction, string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private async Task<IReadOnlyList<RunInfo>> ReadRunsAsync(string sql, Action<DbCommand>? bind, CancellationToken cancellationToken)
    {
        await using var command = Command(null, sql);
        bind?.Invoke(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var runs = new List<RunInfo>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            runs.Add(new RunInfo(
                Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), _dialect.ReadMoment(reader, 1), _dialect.ReadMoment(reader, 2),
                reader.GetString(3), reader.GetString(4), reader.GetString(5),
                Int(reader, 6), Int(reader, 7), Int(reader, 8), Int(reader, 9), Int(reader, 10), Int(reader, 11))
            {
                HasResponsiblePeople = Int(reader, 12) != 0,
            });
        }

        return runs;
    }

    /// <summary>Turns a database error into one plain sentence; a cancelled or failed write has been rolled back by then.</summary>
    private async Task<T> GuardAsync<T>(Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not HistoryStoreException && ex is not OperationCanceledException && _dialect.Explain(ex) is { } problem)
        {
            throw new HistoryStoreException($"The history store {Name} cannot be used: {problem}", ex);
        }
    }
}
