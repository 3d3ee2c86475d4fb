using System.Text.Json;
using CommunityRules.Cli;
using CommunityRules.Tests.Engine;
using CommunityRules.Tests.History;
using Microsoft.Extensions.Time.Testing;

namespace CommunityRules.Tests.Cli;

/// <summary><c>check --history</c> and <c>history list|show|diff</c>, the same tests on a SQLite file and on PostgreSQL.</summary>
public abstract partial class HistoryCommandContract : IAsyncLifetime
{
    protected static readonly string CliRules = TestInputs.RulesFile("cli.yaml");
    protected static readonly string ExemptingRules = TestInputs.RulesFile("history.yaml");
    protected static readonly string Mixed = TestInputs.Network("mixed");
    protected static readonly string Clean = TestInputs.Network("clean");

    /// <summary>Gets the <c>--history</c> value of the test's own store.</summary>
    protected string Store { get; set; } = string.Empty;

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    [StoreFact]
    public async Task History_list_as_json_is_an_array_of_runs_with_their_counts_per_severity()
    {
        Assert.Equal(1, (await RunAsync("check", "--rules", ExemptingRules, "--data", Mixed, "--history", Store)).ExitCode);
        Assert.Equal(1, (await RunAsync("check", "--rules", ExemptingRules, "--data", Mixed, "--history", Store)).ExitCode);
        Assert.Equal(0, (await RunAsync("check", "--rules", CliRules, "--data", Clean, "--history", Store)).ExitCode);

        var list = await RunAsync("history", "list", "--history", Store, "--format", "json");

        Assert.Equal(0, list.ExitCode);
        using var json = JsonDocument.Parse(list.Output);
        var runs = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(3, runs.Count);
        Assert.Equal(["id", "time", "asOf", "source", "ruleSetHash", "toolVersion", "findings", "suppressed", "groups"], runs[0].EnumerateObject().Select(p => p.Name));
        Assert.True(runs[0].GetProperty("id").GetInt64() < runs[1].GetProperty("id").GetInt64());
        Assert.Equal("2031-07-15T12:00:00Z", runs[0].GetProperty("time").GetString());
        Assert.Equal("2026-03-01T00:00:00Z", runs[0].GetProperty("asOf").GetString());
        Assert.Equal(Mixed, runs[0].GetProperty("source").GetString());
        Assert.Equal(Clean, runs[2].GetProperty("source").GetString());
        Assert.Equal(runs[0].GetProperty("ruleSetHash").GetString(), runs[1].GetProperty("ruleSetHash").GetString());
        Assert.NotEqual(runs[0].GetProperty("ruleSetHash").GetString(), runs[2].GetProperty("ruleSetHash").GetString());
        Assert.Equal("""{"error":1,"warning":4,"suggestion":2,"silent":0}""", Compact(runs[0].GetProperty("findings")));
        Assert.Equal(1, runs[0].GetProperty("suppressed").GetInt32());
        Assert.Equal("""{"error":0,"warning":0,"suggestion":0,"silent":0}""", Compact(runs[2].GetProperty("findings")));
    }

    [StoreFact]
    public async Task History_show_gives_a_run_s_findings_with_their_suppression_and_its_groups()
    {
        await RunAsync("check", "--rules", ExemptingRules, "--data", Mixed, "--history", Store);

        var text = await RunAsync("history", "show", "latest", "--history", Store);
        var json = await RunAsync("history", "show", "latest", "--history", Store, "--format", "json");

        Assert.Equal((0, 0), (text.ExitCode, json.ExitCode));
        Assert.Contains("error CLI-NAME group/g-1: 'SE-Test' does not follow the naming convention: it contains the blocked word 'test'.", text.Output, StringComparison.Ordinal);
        Assert.Contains("suppressed error CLI-NAME group/g-3: 'FI-Test kahvila' does not follow the naming convention: it contains the blocked word 'test'. (exempt: The Finnish café group keeps its name by agreement with the works council.)", text.Output, StringComparison.Ordinal);
        Assert.Contains("1 errors, 4 warnings, 2 suggestions, 0 silent; 1 suppressed; 3 groups", text.Output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Output);
        var findings = document.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(8, findings.Count);
        var suppressed = Assert.Single(findings, finding => finding.TryGetProperty("suppression", out _));
        Assert.Equal("g-3", suppressed.GetProperty("target").GetProperty("id").GetString());
        Assert.Equal(32, suppressed.GetProperty("fingerprint").GetString()!.Length);
        var groups = document.RootElement.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(["g-1", "g-2", "g-3"], groups.Select(group => group.GetProperty("id").GetString()));
        Assert.Equal("""{"id":"g-2","name":"NO-Fjord","members":1,"activeAdmins":1,"posts":1,"comments":0,"lastActivity":"2026-02-25T12:00:00Z","months":[{"month":"2026-02","posts":1,"comments":0}]}""", Compact(groups[1]));
    }

    [StoreFact]
    public async Task History_diff_says_what_is_new_updated_and_gone_by_fingerprint()
    {
        await RunAsync("check", "--rules", CliRules, "--data", Mixed, "--history", Store);
        await RunAsync("check", "--rules", CliRules, "--data", Mixed, "--profile", "lenient", "--history", Store);
        await RunAsync("check", "--rules", CliRules, "--data", Clean, "--history", Store);
        var ids = await RunIdsAsync();

        var lenient = await RunAsync("history", "diff", ids[0], ids[1], "--history", Store, "--format", "json");
        var fixedAll = await RunAsync("history", "diff", ids[1], ids[2], "--history", Store);
        var backAgain = await RunAsync("history", "diff", ids[2], ids[0], "--history", Store, "--format", "json");

        using var lenientJson = JsonDocument.Parse(lenient.Output);
        Assert.Equal("""{"new":0,"unchanged":6,"updated":2,"absent":0}""", Compact(lenientJson.RootElement.GetProperty("summary")));
        Assert.All(lenientJson.RootElement.GetProperty("findings").EnumerateArray(), finding =>
        {
            Assert.Equal("updated", finding.GetProperty("baselineState").GetString());
            Assert.Equal(("CLI-NAME", "suggestion", "error"), (finding.GetProperty("ruleId").GetString(), finding.GetProperty("severity").GetString(), finding.GetProperty("before").GetProperty("severity").GetString()));
        });
        Assert.Contains("0 new, 0 updated, 8 fixed or gone, 0 unchanged.", fixedAll.Output, StringComparison.Ordinal);
        using var backJson = JsonDocument.Parse(backAgain.Output);
        Assert.Equal("""{"new":8,"unchanged":0,"updated":0,"absent":0}""", Compact(backJson.RootElement.GetProperty("summary")));
    }

    [StoreFact]
    public async Task A_run_that_cannot_be_trusted_is_not_recorded()
    {
        await RunAsync("check", "--rules", CliRules, "--data", Clean, "--history", Store);

        var strict = await RunAsync("check", "--rules", CliRules, "--data", TestInputs.Network("clean-malformed"), "--strict", "--history", Store);

        Assert.Equal(2, strict.ExitCode);
        Assert.Single(await RunIdsAsync());
    }

    [StoreFact]
    public async Task Baseline_previous_is_the_last_run_of_the_same_data_and_fails_only_on_what_is_new()
    {
        using var network = TempFolder.CopyOf("mixed");
        var first = await RunAsync("check", "--rules", CliRules, "--data", network.Path, "--history", Store);
        var same = await RunAsync("check", "--rules", CliRules, "--data", network.Path, "--history", Store, "--baseline", "previous", "--format", "json");
        File.AppendAllText(network.File("groups.jsonl"), "{\"id\": \"g-4\", \"name\": \"NO-Temp test\", \"description\": \"Prøver ting ut her.\", \"createdAt\": \"2025-01-01T00:00:00Z\", \"createdBy\": \"p-asa\"}\n");
        var worse = await RunAsync("check", "--rules", CliRules, "--data", network.Path, "--history", Store, "--baseline", "previous", "--format", "json");

        Assert.Equal(1, first.ExitCode);
        Assert.Equal(0, same.ExitCode);
        Assert.Equal(1, worse.ExitCode);
        Assert.All(States(same.Output), state => Assert.Equal("unchanged", state.State));
        Assert.Equal(["g-4"], States(worse.Output).Where(state => state.State == "new").Select(state => state.Target).Distinct());
        using var json = JsonDocument.Parse(worse.Output);
        Assert.Equal(0, json.RootElement.GetProperty("absent").GetArrayLength());
    }

    [StoreFact]
    public async Task Previous_finds_the_earlier_run_of_a_folder_given_by_a_relative_path_then_by_its_full_path()
    {
        using var network = TempFolder.CopyOf("mixed");
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, network.Path);
        await RunAsync("check", "--rules", CliRules, "--data", relative, "--history", Store);

        var later = await RunAsync("check", "--rules", CliRules, "--data", network.Path + Path.DirectorySeparatorChar, "--history", Store, "--baseline", "previous", "--format", "json");

        Assert.Equal(0, later.ExitCode);
        Assert.NotEmpty(States(later.Output));
        Assert.All(States(later.Output), state => Assert.Equal("unchanged", state.State));
    }

    [StoreFact]
    public async Task Baseline_by_run_number_compares_with_that_run_and_a_missing_one_is_exit_2()
    {
        using var network = TempFolder.CopyOf("mixed");
        await RunAsync("check", "--rules", CliRules, "--data", Clean, "--history", Store);
        await RunAsync("check", "--rules", CliRules, "--data", network.Path, "--history", Store);
        var runs = JsonDocument.Parse((await RunAsync("history", "list", "--history", Store, "--format", "json")).Output).RootElement.EnumerateArray().Select(run => run.GetProperty("id").GetInt64()).Order().ToList();

        var againstClean = await RunAsync("check", "--rules", CliRules, "--data", network.Path, "--history", Store, "--baseline", runs[0].ToString(System.Globalization.CultureInfo.InvariantCulture), "--format", "json");
        var missing = await RunAsync("check", "--rules", CliRules, "--data", network.Path, "--history", Store, "--baseline", "999");
        var noEarlierRun = await RunAsync("check", "--rules", CliRules, "--data", TestInputs.Network("leadership"), "--history", Store, "--baseline", "previous");

        Assert.Equal(1, againstClean.ExitCode);
        Assert.All(States(againstClean.Output), state => Assert.Equal("new", state.State));
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal("communityrules: --baseline 999: the history has no run 999; 'communityrules history list' shows the runs it has.", missing.Error.TrimEnd());
        Assert.Equal(2, noEarlierRun.ExitCode);
        Assert.StartsWith("communityrules: --baseline previous: the history has no earlier run of ", noEarlierRun.Error, StringComparison.Ordinal);
        Assert.Equal(3, JsonDocument.Parse((await RunAsync("history", "list", "--history", Store, "--format", "json")).Output).RootElement.GetArrayLength());
    }

    [StoreFact]
    public async Task A_run_number_the_history_does_not_have_exits_2_with_one_line()
    {
        await RunAsync("check", "--rules", CliRules, "--data", Clean, "--history", Store);

        var missing = await RunAsync("history", "show", "999", "--history", Store);
        var notANumber = await RunAsync("history", "diff", "1", "yesterday", "--history", Store);

        Assert.Equal((2, 2), (missing.ExitCode, notANumber.ExitCode));
        Assert.StartsWith("communityrules: the history has no run 999; 'communityrules history list --history ", missing.Error, StringComparison.Ordinal);
        Assert.Equal("communityrules: 'yesterday' is not a run; give its number from 'communityrules history list', or 'latest'.\n", notANumber.Error.ReplaceLineEndings("\n"));
    }

    private static List<(string Target, string State)> States(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("findings").EnumerateArray().Select(f => (f.GetProperty("target").GetProperty("id").GetString()!, f.GetProperty("baselineState").GetString()!))];
    }

    protected static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandLine.RunAsync(args, output, error, new FakeTimeProvider(TestInputs.ClockNow));
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    private async Task<string[]> RunIdsAsync()
    {
        var list = await RunAsync("history", "list", "--history", Store, "--format", "json");
        using var json = JsonDocument.Parse(list.Output);
        return [.. json.RootElement.EnumerateArray().Select(run => run.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture))];
    }

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element);

    protected sealed record CliRun(int ExitCode, string Output, string Error);
}

/// <summary>The history commands on a SQLite file, and a path that cannot be a store.</summary>
public sealed class SqliteHistoryCommandTests : HistoryCommandContract
{
    private readonly string _folder = Directory.CreateTempSubdirectory("communityrules-history-cli-").FullName;

    public override Task InitializeAsync()
    {
        Store = Path.Combine(_folder, "history.db");
        return Task.CompletedTask;
    }

    public override Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [StoreFact]
    public async Task A_store_in_a_folder_that_does_not_exist_exits_2_before_the_run_with_one_line()
    {
        var path = Path.Combine(_folder, "missing", "history.db");

        var run = await RunAsync("check", "--rules", CliRules, "--data", Mixed, "--history", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Equal($"communityrules: The history store '{path}' cannot be created: the folder '{Path.Combine(_folder, "missing")}' does not exist.\n", run.Error.ReplaceLineEndings("\n"));
    }

    [StoreFact]
    public async Task Reading_a_history_that_does_not_exist_exits_2_and_makes_no_file()
    {
        var run = await RunAsync("history", "list", "--history", Store);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"communityrules: The history store '{Store}' does not exist; record a run first with: communityrules check --history ", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Store));
    }
}

/// <summary>The history commands on a PostgreSQL database, and a server that cannot be reached.</summary>
[Collection(PostgreSqlServerGroup.Name)]
[NeedsPostgreSql]
public sealed class PostgreSqlHistoryCommandTests(PostgreSqlServer server) : HistoryCommandContract
{
    public override async Task InitializeAsync()
    {
        if (server.Unavailable is { } reason)
        {
            throw new InvalidOperationException("The PostgreSQL tests need a server: " + reason);
        }

        Store = await server.CreateDatabaseAsync();
    }

    public override Task DisposeAsync() => Task.CompletedTask;

    [StoreFact]
    public async Task A_server_that_cannot_be_reached_exits_2_before_the_run_with_one_line()
    {
        var run = await RunAsync("check", "--rules", CliRules, "--data", Mixed, "--history", "postgres://ci@127.0.0.1:1/reviews");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Equal("communityrules: The history store '127.0.0.1:1/reviews' cannot be used: the server cannot be reached (Connection refused).\n", run.Error.ReplaceLineEndings("\n"));
    }
}
