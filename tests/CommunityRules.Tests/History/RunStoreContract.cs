using CommunityRules.Diagnostics;
using CommunityRules.History;
using CommunityRules.Model;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.History;

/// <summary>
/// What every history store does, run against each: a SQLite file (<see cref="SqliteRunStoreTests"/>) and a real
/// PostgreSQL server (<see cref="PostgreSqlRunStoreTests"/>). Each test has a store of its own.
/// </summary>
public abstract class RunStoreContract : IAsyncLifetime
{
    private IRunStore? _store;

    protected IRunStore Store => _store ?? throw new InvalidOperationException("The store is not open.");

    public async Task InitializeAsync()
    {
        await PrepareAsync();
        _store = await OpenAsync();
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        await CleanUpAsync();
    }

    [StoreFact]
    public async Task A_recorded_run_reads_back_with_every_finding_suppression_and_group_figure()
    {
        var ruleSet = TestInputs.LoadRules("history.yaml");
        var result = await TestInputs.RunAsync(ruleSet, "mixed");
        // Both databases keep moments to the microsecond: the tenth of a microsecond goes, the same in both.
        var recordedAt = new DateTimeOffset(2026, 3, 2, 8, 30, 0, TimeSpan.FromHours(1)).AddTicks(1_234_567);

        var record = RunRecord.Create(result, ruleSet, recordedAt, "9.9.9");
        var info = await Store.RecordAsync(record);

        var read = Assert.Single(await Store.ListRunsAsync());
        Assert.Equal(info, read);
        Assert.Equal(read, await Store.GetRunAsync(info.Id));
        Assert.Equal(recordedAt.AddTicks(-7), read.RecordedAt);
        Assert.Equal(TimeSpan.Zero, read.RecordedAt.Offset);
        Assert.Equal(result.Summary.AsOf, read.AsOf);
        Assert.Equal(result.Summary.Source, read.Source);
        Assert.Equal(RunRecord.ComputeRuleSetHash(ruleSet), read.RuleSetHash);
        Assert.Equal("9.9.9", read.ToolVersion);
        Assert.Equal(result.Summary.FindingsBySeverity.GetValueOrDefault(Severity.Error), read.Errors);
        Assert.Equal(result.Summary.FindingsBySeverity.GetValueOrDefault(Severity.Warning), read.Warnings);
        Assert.Equal(result.Summary.FindingsBySeverity.GetValueOrDefault(Severity.Suggestion), read.Suggestions);
        Assert.Equal(1, read.Suppressed);
        Assert.Equal(3, read.Groups);

        var findings = await Store.GetFindingsAsync(info.Id);
        Assert.Equal(record.Findings, findings);
        Assert.True(read.HasResponsiblePeople);
        Assert.All(findings, finding => Assert.NotNull(finding.Responsible));
        var named = Assert.Single(findings, finding => finding is { RuleId: "CLI-NAME", TargetId: "g-1" });
        Assert.Equal([new RecordedResponsiblePerson("p-asa", "Åsa Lindqvist", "admin", Primary: true)], named.Responsible);
        Assert.All(findings.Where(finding => finding.TargetKind == "record"), finding => Assert.Empty(finding.Responsible!));
        var suppressed = Assert.Single(findings, finding => finding.IsSuppressed);
        Assert.Equal(("CLI-NAME", "g-3", "group"), (suppressed.RuleId, suppressed.TargetId, suppressed.TargetKind));
        Assert.Equal("The Finnish café group keeps its name by agreement with the works council.", suppressed.Justification);
        Assert.All(findings.Where(finding => !finding.IsSuppressed), finding => Assert.Null(finding.Justification));

        var groups = await Store.GetGroupFiguresAsync(info.Id);
        var expected = result.Network.Groups.Select(group => GroupFigures.From(result.Network, group)).ToList();
        Assert.Equal(expected.Select(Flat), groups.Select(Flat));
        Assert.Equal(["g-1", "g-2", "g-3"], groups.Select(group => group.GroupId));
        Assert.Contains(groups, group => group.Months.Count > 0);
    }

    [StoreFact]
    public async Task Runs_list_oldest_first_and_the_latest_run_of_a_source_is_found()
    {
        var first = await Store.RecordAsync(Synthetic("snapshot:a", findings: 3, day: 1));
        var other = await Store.RecordAsync(Synthetic("snapshot:b", findings: 1, day: 2));
        var second = await Store.RecordAsync(Synthetic("snapshot:a", findings: 2, day: 3));

        Assert.Equal([first.Id, other.Id, second.Id], (await Store.ListRunsAsync()).Select(run => run.Id));
        Assert.True(first.Id < other.Id && other.Id < second.Id);
        Assert.Equal(second, await Store.GetLatestRunAsync("snapshot:a"));
        Assert.Equal(other, await Store.GetLatestRunAsync("snapshot:b"));
        Assert.Null(await Store.GetLatestRunAsync("snapshot:c"));
        Assert.Null(await Store.GetRunAsync(second.Id + 100));
        Assert.Empty(await Store.GetFindingsAsync(second.Id + 100));
        Assert.Equal((2, 0, 0), (second.Errors, second.Warnings, second.Suggestions));
    }

    [StoreFact]
    public async Task First_seen_is_the_start_of_the_unbroken_series_of_the_same_source_in_one_query()
    {
        var first = await Store.RecordAsync(WithFingerprints("snapshot:a", 1, "A", "B"));
        await Store.RecordAsync(WithFingerprints("snapshot:b", 2, "B", "C"));
        var third = await Store.RecordAsync(WithFingerprints("snapshot:a", 3, "A", "C"));
        var fourth = await Store.RecordAsync(WithFingerprints("snapshot:a", 4, "A", "B", "C"));
        var fifth = await Store.RecordAsync(WithFingerprints("snapshot:a", 5, "C", "A", "B", "C"));

        var seen = await Store.GetFirstSeenAsync(fifth.Id);

        // B is missing from the third run, so its series starts again with the fourth; the other source's run does not count.
        Assert.Equal(
            [
                new FirstSeen("A", first.Id, first.AsOf, 4),
                new FirstSeen("B", fourth.Id, fourth.AsOf, 2),
                new FirstSeen("C", third.Id, third.AsOf, 3),
            ],
            seen);
        Assert.Equal([new FirstSeen("A", first.Id, first.AsOf, 2), new FirstSeen("C", third.Id, third.AsOf, 1)], await Store.GetFirstSeenAsync(third.Id));
        Assert.Empty(await Store.GetFirstSeenAsync(fifth.Id + 100));
    }

    [StoreFact]
    public async Task A_run_cancelled_while_it_is_written_leaves_nothing()
    {
        using var cancel = new CancellationTokenSource();
        var record = Synthetic("snapshot:a", findings: 2_000, day: 1, afterEach: index =>
        {
            if (index == 500)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.RecordAsync(record, cancel.Token));

        Assert.Empty(await Store.ListRunsAsync());
        Assert.Equal(0L, await CountRowsAsync("findings"));
        var next = await Store.RecordAsync(Synthetic("snapshot:a", findings: 2, day: 2));
        Assert.Equal(2, (await Store.GetFindingsAsync(next.Id)).Count);
    }

    [StoreFact]
    public async Task A_run_that_fails_while_it_is_written_leaves_nothing()
    {
        var record = Synthetic("snapshot:a", findings: 2_000, day: 1, afterEach: index =>
        {
            if (index == 1_500)
            {
                throw new InvalidOperationException("the run broke");
            }
        });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.RecordAsync(record));

        Assert.Equal("the run broke", error.Message);
        Assert.Empty(await Store.ListRunsAsync());
        Assert.Equal(0L, await CountRowsAsync("findings"));
        Assert.Equal(0L, await CountRowsAsync("group_figures"));
    }

    [StoreFact]
    public async Task Two_runs_written_at_the_same_time_are_both_recorded()
    {
        await using var second = await OpenAsync();
        using var secondStarted = new ManualResetEventSlim();

        // The first writer stops halfway through its transaction until the second has begun to write.
        var firstRecord = Synthetic("snapshot:first", findings: 3_000, day: 1, afterEach: index =>
        {
            if (index == 1_000)
            {
                Assert.True(secondStarted.Wait(TimeSpan.FromSeconds(30)));
                Thread.Sleep(300);
            }
        });
        var firstWrite = Task.Run(() => Store.RecordAsync(firstRecord));
        var secondWrite = Task.Run(() =>
        {
            secondStarted.Set();
            return second.RecordAsync(Synthetic("snapshot:second", findings: 3_000, day: 2));
        });

        var written = await Task.WhenAll(firstWrite, secondWrite);

        var runs = await Store.ListRunsAsync();
        Assert.Equal(2, runs.Count);
        Assert.Equal(written.Select(run => run.Id).Order(), runs.Select(run => run.Id));
        foreach (var run in runs)
        {
            Assert.Equal(3_000, (await Store.GetFindingsAsync(run.Id)).Count);
            Assert.Equal(3_000, run.Errors);
        }
    }

    [StoreFact]
    public async Task The_schema_is_migrated_once_however_often_the_store_is_opened()
    {
        await using (await OpenAsync())
        {
        }

        Assert.Equal(2L, await CountRowsAsync("schema_version"));
    }

    [StoreFact]
    public async Task A_store_whose_schema_a_newer_version_wrote_is_refused_with_what_to_do()
    {
        await ExecuteAsync("INSERT INTO schema_version (version, applied_at, tool_version) VALUES (99, '2030-01-01T00:00:00Z', '7.0.0')");

        var error = await Assert.ThrowsAsync<HistoryStoreException>(OpenAsync);

        Assert.Contains("has schema version 99, written by CommunityRules 7.0.0", error.Message, StringComparison.Ordinal);
        Assert.Contains("knows versions up to 2. Use CommunityRules 7.0.0 or later", error.Message, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task Each_finding_s_responsible_people_read_back_in_order_and_nobody_is_an_empty_list()
    {
        var moment = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
        RecordedFinding Post(string id, params RecordedResponsiblePerson[] people) =>
            new($"fp-{id}", "GOV002", Severity.Warning, "post", id, null, "g0", $"Post {id} is off topic.", false, null) { Responsible = people };
        var author = new RecordedResponsiblePerson("p-1", "Ann | *Bold* _x_", "author", Primary: true);
        var admin = new RecordedResponsiblePerson("p-2", "Bo", "admin", Primary: false);
        var findings = new[] { Post("po-1", author, admin), Post("po-2"), Post("po-3", admin with { Primary = true }) };

        var info = await Store.RecordAsync(new RunRecord(moment, moment, "snapshot:a", "hash", "1.0.0", findings, []));

        Assert.True(info.HasResponsiblePeople);
        Assert.Equal(info, await Store.GetRunAsync(info.Id));
        var read = await Store.GetFindingsAsync(info.Id);
        Assert.Equal(findings, read);
        Assert.Equal([author, admin], read[0].Responsible);
        Assert.Empty(read[1].Responsible!);
        Assert.Equal(3L, await CountRowsAsync("finding_responsible"));
    }

    [StoreFact]
    public async Task A_run_recorded_without_responsible_people_says_they_are_not_known()
    {
        var info = await Store.RecordAsync(Synthetic("snapshot:a", findings: 2, day: 1));

        Assert.False(info.HasResponsiblePeople);
        Assert.False((await Store.GetRunAsync(info.Id))!.HasResponsiblePeople);
        Assert.All(await Store.GetFindingsAsync(info.Id), finding => Assert.Null(finding.Responsible));
    }

    [StoreFact]
    public async Task A_store_of_schema_1_is_migrated_on_open_and_its_old_runs_have_no_responsible_people()
    {
        // A real schema-1 store: the version 1 script as it shipped, with a run written the way version 1 wrote it.
        await Store.DisposeAsync();
        _store = null;
        foreach (var table in new[] { "finding_responsible", "group_months", "group_figures", "findings", "runs", "schema_version" })
        {
            await ExecuteAsync($"DROP TABLE {table}");
        }

        var (version, script) = CommunityRules.History.Sql.SchemaMigrations.All[0];
        Assert.Equal(1, version);
        await ExecuteAsync(script.Replace("{identity}", SchemaIdentityColumn, StringComparison.Ordinal).Replace("{timestamp}", SchemaTimestampType, StringComparison.Ordinal));
        await ExecuteAsync($"CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at {SchemaTimestampType} NOT NULL, tool_version TEXT NOT NULL)");
        await ExecuteAsync("INSERT INTO schema_version (version, applied_at, tool_version) VALUES (1, '2026-01-01T00:00:00+00:00', '1.0.0')");
        await ExecuteAsync(
            "INSERT INTO runs (recorded_at, as_of, source, rule_set_hash, tool_version, errors, warnings, suggestions, silent, suppressed, group_count) " +
            "VALUES ('2026-01-02T00:00:00+00:00', '2026-01-01T00:00:00+00:00', 'snapshot:old', 'hash', '1.0.0', 1, 0, 0, 0, 0, 0)");
        await ExecuteAsync(
            "INSERT INTO findings (run_id, ordinal, fingerprint, rule_id, severity, target_kind, target_id, target_name, group_id, message, suppressed, justification) " +
            "SELECT id, 0, 'fp-old', 'GOV001', 'error', 'group', 'g-1', 'SE-Test', 'g-1', 'An old finding.', 0, NULL FROM runs");

        _store = await OpenAsync();

        Assert.Equal(2L, await CountRowsAsync("schema_version"));
        var old = Assert.Single(await Store.ListRunsAsync());
        Assert.Equal(("snapshot:old", 1, false), (old.Source, old.Errors, old.HasResponsiblePeople));
        var finding = Assert.Single(await Store.GetFindingsAsync(old.Id));
        Assert.Equal(("fp-old", null), (finding.Fingerprint, finding.Responsible));

        var ruleSet = TestInputs.LoadRules("history.yaml");
        var next = await Store.RecordAsync(RunRecord.Create(await TestInputs.RunAsync(ruleSet, "mixed"), ruleSet, DateTimeOffset.UnixEpoch));
        Assert.True(next.HasResponsiblePeople);
        Assert.Contains(await Store.GetFindingsAsync(next.Id), recorded => recorded.Responsible is [{ Id: "p-asa" }, ..]);
    }

    /// <summary>Gets how the database spells the identity key of schema version 1 (its <c>{identity}</c>).</summary>
    protected abstract string SchemaIdentityColumn { get; }

    /// <summary>Gets how the database spells a moment in schema version 1 (its <c>{timestamp}</c>).</summary>
    protected abstract string SchemaTimestampType { get; }

    /// <summary>Makes whatever the store lives in (a file's folder, a database).</summary>
    protected virtual Task PrepareAsync() => Task.CompletedTask;

    /// <summary>Opens another instance (connection) on the test's store.</summary>
    protected abstract Task<IRunStore> OpenAsync();

    protected abstract Task ExecuteAsync(string sql);

    protected abstract Task<long> CountRowsAsync(string table);

    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    private static object Flat(GroupFigures group) =>
        (group.GroupId, group.Name, group.Members, group.ActiveAdmins, group.Posts, group.Comments, group.LastActivityAt, string.Join(";", group.Months));

    /// <summary>A run whose findings have the given fingerprints, one group each.</summary>
    private static RunRecord WithFingerprints(string source, int day, params string[] fingerprints)
    {
        var moment = new DateTimeOffset(2026, 1, day, 0, 0, 0, TimeSpan.Zero);
        return new RunRecord(moment, moment, source, "hash", "1.0.0",
            fingerprints.Select(fingerprint => new RecordedFinding(fingerprint, "GOV001", Severity.Error, "group", "g-" + fingerprint, null, "g-" + fingerprint, "A finding.", false, null)),
            []);
    }

    /// <summary>A run with made-up error findings and two groups; <paramref name="afterEach"/> runs as each finding is read.</summary>
    private static RunRecord Synthetic(string source, int findings, int day, Action<int>? afterEach = null)
    {
        IEnumerable<RecordedFinding> Findings()
        {
            for (var i = 0; i < findings; i++)
            {
                yield return new RecordedFinding($"fp{i:D6}", "GOV001", Severity.Error, "group", $"g{i}", $"Group {i}", $"g{i}", $"'Group {i}' does not follow the naming convention.", false, null);
                afterEach?.Invoke(i);
            }
        }

        var moment = new DateTimeOffset(2026, 1, day, 0, 0, 0, TimeSpan.Zero);
        return new RunRecord(moment, moment, source, "hash", "1.0.0", Findings(),
        [
            new GroupFigures("g0", "SE-Sales", 10, 2, 5, 7, moment, [new MonthlyActivity(2025, 12, 5, 7)]),
            new GroupFigures("g1", null, 0, 0, 0, 0, null, []),
        ]);
    }
}
