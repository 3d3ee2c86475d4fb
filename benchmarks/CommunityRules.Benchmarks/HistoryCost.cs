using System.Diagnostics;
using System.Globalization;
using CommunityRules.Checks;
using CommunityRules.Data.Snapshot;
using CommunityRules.Engine;
using CommunityRules.History;
using CommunityRules.History.PostgreSql;
using CommunityRules.History.Sqlite;
using CommunityRules.Rules;

namespace CommunityRules.Benchmarks;

/// <summary>
/// <c>-- history [posts] [postgres connection]</c>: the cost of <c>check --history</c> on a large run. Each round runs
/// the default packs over the generated snapshot, then makes the run's record and writes it to a SQLite file (and to
/// PostgreSQL when a connection is given); the record's time is compared with the run's. A harness, not a
/// BenchmarkDotNet job: one operation takes most of a minute, and the store's size is what it measures beside time.
/// </summary>
internal static class HistoryCost
{
    public static void Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task RunAsync(string[] args)
    {
        var posts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 400_000;
        var postgres = args.Length > 1 ? args[1] : null;
        const int Rounds = 3;
        var snapshot = SnapshotCache.GetOrCreate(SnapshotCache.OptionsFor(posts));
        var ruleSet = new RuleSetLoader(BuiltInChecks.Create()).Load(["builtin:governance", "builtin:posting-guidelines"]).RuleSet
            ?? throw new InvalidOperationException("The bundled packs did not load.");
        var folder = Directory.CreateTempSubdirectory("communityrules-history-cost-").FullName;
        try
        {
            var file = Path.Combine(folder, "history.db");
            var checks = new List<double>();
            var sqlite = new List<double>();
            var pg = new List<double>();
            long sqliteAfterFirst = 0;
            long? pgBefore = null;
            long? pgAfterFirst = null;
            AnalysisResult? last = null;
            for (var round = 0; round <= Rounds; round++)
            {
                var clock = Stopwatch.StartNew();
                var result = await new RuleEngine(TimeProvider.System).AnalyzeAsync(ruleSet, new SnapshotProvider(snapshot));
                var checkSeconds = clock.Elapsed.TotalSeconds;

                clock.Restart();
                await using (var store = await SqliteRunStore.OpenAsync(file))
                {
                    await store.RecordAsync(RunRecord.Create(result, ruleSet, DateTimeOffset.UtcNow));
                }

                var sqliteSeconds = clock.Elapsed.TotalSeconds;
                double? pgSeconds = null;
                if (postgres is not null)
                {
                    pgBefore ??= await DatabaseSizeAsync(postgres);
                    clock.Restart();
                    await using (var store = await PostgreSqlRunStore.OpenAsync(postgres))
                    {
                        await store.RecordAsync(RunRecord.Create(result, ruleSet, DateTimeOffset.UtcNow));
                    }

                    pgSeconds = clock.Elapsed.TotalSeconds;
                    pgAfterFirst ??= await DatabaseSizeAsync(postgres);
                }

                if (round == 0)
                {
                    sqliteAfterFirst = FileSize(file);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// warm-up round: check {checkSeconds:F2} s, SQLite record {sqliteSeconds:F2} s{(pgSeconds is { } p ? $", PostgreSQL record {p:F2} s" : string.Empty)}"));
                    continue;
                }

                checks.Add(checkSeconds);
                sqlite.Add(sqliteSeconds);
                if (pgSeconds is { } seconds)
                {
                    pg.Add(seconds);
                }

                last = result;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// round {round}: check {checkSeconds:F2} s, SQLite record {sqliteSeconds:F2} s{(pgSeconds is { } s ? $", PostgreSQL record {s:F2} s" : string.Empty)}"));
            }

            var summary = last!.Summary;
            var findings = last.Diagnostics.Count;
            var groups = last.Network.Groups.Count;
            var months = last.Network.Groups.Sum(group => GroupFigures.From(last.Network, group).Months.Count);
            var sqlitePerRun = (FileSize(file) - sqliteAfterFirst) / (double)Rounds;
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{posts:N0} posts ({summary.Read.Posts + summary.Read.Comments:N0} messages, {summary.Read.Total:N0} records); {findings:N0} findings, {groups:N0} groups, {months:N0} group-months per run"));
            Console.WriteLine();
            var hashClock = Stopwatch.StartNew();
            _ = RunRecord.ComputeRuleSetHash(ruleSet);
            var hashSeconds = hashClock.Elapsed.TotalSeconds;
            hashClock.Restart();
            var figures = last.Network.Groups.Select(group => GroupFigures.From(last.Network, group)).ToList();
            var figuresSeconds = hashClock.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"// of a record, outside the store: rule-set hash {hashSeconds * 1000:F0} ms, figures of {figures.Count:N0} groups {figuresSeconds * 1000:F0} ms"));
            Console.WriteLine("| store | check (median) | record (median) | check + record / check | store size per run |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
            Console.WriteLine(Row("SQLite file", Median(checks), Median(sqlite), sqlitePerRun));
            if (pg.Count > 0)
            {
                var pgPerRun = (await DatabaseSizeAsync(postgres!) - pgAfterFirst!.Value) / (double)Rounds;
                Console.WriteLine(Row("PostgreSQL", Median(checks), Median(pg), pgPerRun));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// SQLite file after {Rounds + 1} runs: {FileSize(file) / 1048576.0:F1} MB; first run {sqliteAfterFirst / 1048576.0:F1} MB"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Row(string store, double check, double record, double bytesPerRun) =>
        string.Create(CultureInfo.InvariantCulture, $"| {store} | {check:F2} s | {record:F2} s | {(check + record) / check:F3} | {bytesPerRun / 1048576.0:F1} MB |");

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    // The main file plus a write-ahead log the last writer has not folded back yet.
    private static long FileSize(string file) =>
        new FileInfo(file).Length + (File.Exists(file + "-wal") ? new FileInfo(file + "-wal").Length : 0);

    private static async Task<long> DatabaseSizeAsync(string connection)
    {
        await using var npgsql = new Npgsql.NpgsqlConnection(connection);
        await npgsql.OpenAsync();
        await using var command = npgsql.CreateCommand();
        command.CommandText = "SELECT pg_database_size(current_database())";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
