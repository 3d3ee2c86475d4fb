using System.CommandLine;
using System.Globalization;
using System.Reflection;
using CommunityRules.Checks;
using CommunityRules.Data;
using CommunityRules.Data.Snapshot;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Reporting;
using CommunityRules.Rules;
using CommunityRules.Starter;
using Spectre.Console;

namespace CommunityRules.Cli;

/// <summary>The <c>communityrules</c> command line: check, validate, test, schema, init, history and digest.</summary>
internal static class CommandLine
{
    private static readonly string[] DefaultRules = [RuleSetLoader.BuiltinPrefix + "governance", RuleSetLoader.BuiltinPrefix + "posting-guidelines", RuleSetLoader.BuiltinPrefix + "community"];

    public static string Version { get; } =
        typeof(CommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Gets the sample network shipped beside the tool.</summary>
    public static string SampleNetwork => Path.Combine(AppContext.BaseDirectory, "sample-network");

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider? timeProvider = null, IReadOnlyList<Check>? extraChecks = null)
    {
        var checks = BuiltInChecks.Create().Concat(extraChecks ?? []).ToList();
        var time = timeProvider ?? TimeProvider.System;
        var verbose = new Option<bool>("--verbose", "-v") { Description = "On failure, also print the details (stack traces) to the error output.", Recursive = true };
        var root = new RootCommand("Check an internal social network against governance rules written in YAML.")
        {
            CheckCommand(checks, time, output, error, verbose),
            ValidateCommand(checks, output),
            TestCommand(checks, time, output),
            SchemaCommand(checks, output),
            InitCommand(checks, time, output, error),
            HistoryCommands.Create(output, error, verbose),
            DigestCommand.Create(output, error, verbose),
        };
        root.Options.Add(verbose);

        // The built-in --version prints the entry assembly's version with its commit hash; print the one reports carry.
        if (args is ["--version"])
        {
            await output.WriteLineAsync(Version).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync($"communityrules: {parseError.Message}").ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run 'communityrules --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Invalid;
        }

        // Any exception that escapes a command is a bug or an input nobody foresaw: one line and exit 2, never a stack
        // trace (unless asked for) and never exit 1, which a pipeline reads as "findings".
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            var command = parsed.CommandResult.Command.Name;
            await error.WriteLineAsync($"communityrules: '{command}' failed: {OneLine(ex.Message)} ({ex.GetType().Name}; run again with --verbose for details).").ConfigureAwait(false);
            await WriteDetailsAsync(error, parsed.GetValue(verbose), ex).ConfigureAwait(false);
            return ExitCodes.Invalid;
        }
    }

    /// <summary>A message on one line, cut, with control characters written out, so it cannot break or forge an error line.</summary>
    internal static string OneLine(string message) => TerminalText.Escape(message.Length > 500 ? message[..500] + "…" : message);

    private static async Task WriteDetailsAsync(TextWriter error, bool verbose, Exception exception)
    {
        if (verbose)
        {
            await error.WriteLineAsync(exception.ToString()).ConfigureAwait(false);
        }
    }

    private static Command CheckCommand(IReadOnlyList<Check> checks, TimeProvider time, TextWriter output, TextWriter error, Option<bool> verbose)
    {
        var rules = RulesOption();
        var data = DataOption("The export to check: a snapshot folder, a Slack, Viva Engage, Teams or Workplace export (folder or .zip); NAME:PATH names the kind. Give it again to layer a second source over the first. Default: the sample network shipped with the tool.");
        var format = new Option<string>("--format", "-f") { Description = "Output format: text, json, sarif, html (a self-contained page for the quarterly review), csv (one row per finding, for a spreadsheet) or jsonl (one JSON object per finding, written as it is found, for a bot or a queue).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif", "html", "csv", "jsonl");
        var outputFile = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of the console." };
        var failOn = new Option<string>("--fail-on") { Description = "Exit with 1 when findings at or above this severity remain: error, warning, suggestion or never.", DefaultValueFactory = _ => "error" };
        failOn.AcceptOnlyFromAmong("error", "warning", "suggestion", "never");
        var asOf = AsOfOption();
        var profile = new Option<string?>("--profile", "-p") { Description = "Switch on a named profile of severity overrides, such as crisis." };
        var strict = new Option<bool>("--strict") { Description = "Treat any record that cannot be read as a failure (exit 2)." };
        var includeBots = new Option<bool>("--include-bots") { Description = "Check bots' and system accounts' posts and comments like people's. Either way they are not activity." };
        var groupBy = new Option<string>("--group-by") { Description = "How the text report lists findings: rule (what is wrong, most serious first) or person (whom to write to: each responsible person once, with their groups and findings).", DefaultValueFactory = _ => "rule" };
        groupBy.AcceptOnlyFromAmong("rule", "person");
        var baseline = new Option<string?>("--baseline", "-b") { Description = "Compare with an earlier run: a report of this tool (FILE.json or FILE.sarif), or with --history the last run of the same data (previous) or a run by its number. Findings are marked new, unchanged or updated, the gone ones are listed as fixed, and --fail-on counts only new and updated findings." };

        var history = HistoryCommands.HistoryOption("Record the run in this history: a SQLite file (made if missing), a PostgreSQL connection string (Host=...;Database=...) or a postgres:// URL. A run that fails or is cancelled is not recorded. The HTML report then has a section of trends across the last runs of the same data.");

        var command = new Command("check", "Check a network export against the rules and report the findings.")
        {
            rules, data, format, outputFile, failOn, asOf, profile, strict, includeBots, groupBy, history, baseline,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (await TryParseAsOfAsync(parse.GetValue(asOf), error).ConfigureAwait(false) is not { Valid: true } parsedAsOf)
            {
                return ExitCodes.Invalid;
            }

            var moment = parsedAsOf.Moment;
            var grouping = parse.GetValue(groupBy) == "person" ? TextGrouping.Person : TextGrouping.Rule;
            if (grouping == TextGrouping.Person && parse.GetValue(format) != "text")
            {
                await error.WriteLineAsync($"communityrules: --group-by person is for the text report; the HTML report always has a section per person, and JSON, SARIF and CSV name the people responsible on every finding. Leave out --group-by, or use --format text.").ConfigureAwait(false);
                return ExitCodes.Invalid;
            }

            // JSON Lines streams each finding as it is found; a baseline compares whole runs, after the run.
            var streaming = parse.GetValue(format) == "jsonl";
            if (streaming && parse.GetValue(baseline) is not null)
            {
                await error.WriteLineAsync("communityrules: --baseline compares a whole run with an earlier one, and --format jsonl writes each finding as it is found, before the run is whole. Use --format json (or sarif) with --baseline, or leave out --baseline.").ConfigureAwait(false);
                return ExitCodes.Invalid;
            }

            if (parse.GetValue(outputFile) is { } reportPath && OutputProblem(reportPath) is { } outputProblem)
            {
                await error.WriteLineAsync($"communityrules: --output {outputProblem}").ConfigureAwait(false);
                return ExitCodes.Invalid;
            }

            // A report file is read now; "previous" and a run's number are looked up in the history once the run has
            // said what its source is, before the run itself is recorded.
            Baseline? earlier = null;
            var baselineValue = parse.GetValue(baseline);
            var baselineFromHistory = baselineValue is not null && IsStoredRun(baselineValue);
            if (baselineFromHistory && parse.GetValue(history) is null)
            {
                await error.WriteLineAsync($"communityrules: --baseline {baselineValue} is a run in the history of runs: give the history too, such as --history communityrules-history.db, or an earlier report: --baseline FILE.json or --baseline FILE.sarif.").ConfigureAwait(false);
                return ExitCodes.Invalid;
            }

            if (baselineValue is not null && !baselineFromHistory)
            {
                try
                {
                    earlier = Baseline.Load(baselineValue);
                }
                catch (InvalidDataException ex)
                {
                    await error.WriteLineAsync($"communityrules: {OneLine(ex.Message)}").ConfigureAwait(false);
                    return ExitCodes.Invalid;
                }
            }

            var rulePaths = RulePaths(parse.GetValue(rules));
            var loaded = new RuleSetLoader(checks).Load(rulePaths, new RuleSetLoadOptions { Profile = parse.GetValue(profile) });
            if (loaded.RuleSet is not { } ruleSet)
            {
                await WriteErrorsAsync(error, loaded.Errors).ConfigureAwait(false);
                return ExitCodes.Invalid;
            }

            // No rule defined, or every rule switched off, would run nothing and pass.
            if (RuleSetLoader.NothingToRun(ruleSet, loaded.Files) is { } nothingToRun)
            {
                await WriteErrorsAsync(error, [nothingToRun]).ConfigureAwait(false);
                return ExitCodes.Invalid;
            }

            if (await BuildSourceAsync(DataValues(parse.GetValue(data)), error, parse.GetValue(verbose)).ConfigureAwait(false) is not { } source)
            {
                return ExitCodes.Invalid;
            }

            // A store that cannot be opened is said before the run, not after an hour of it.
            var historyStore = parse.GetValue(history);
            if (historyStore is not null && !await TryUseHistoryAsync(historyStore, error, parse.GetValue(verbose), store => Task.CompletedTask, cancellationToken).ConfigureAwait(false))
            {
                return ExitCodes.Invalid;
            }

            AnalysisResult result;
            var progress = TerminalProgress.ForConsole(error, time);
            var options = new AnalysisOptions { AsOf = moment, Progress = progress, IncludeAutomatedAccounts = parse.GetValue(includeBots) };
            JsonLinesDiagnosticWriter? lines = null;
            try
            {
                if (streaming)
                {
                    lines = parse.GetValue(outputFile) is { } linesPath ? new JsonLinesDiagnosticWriter(File.Create(linesPath)) : new JsonLinesDiagnosticWriter(output);
                    options.Sinks.Add(lines);

                    // The findings went out as they came; only a run recorded in the history needs them again.
                    options.KeepDiagnostics = historyStore is not null;
                }

                result = await new RuleEngine(time).AnalyzeAsync(ruleSet, source, options, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (streaming && ex is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"communityrules: the findings could not be written: {OneLine(ex.Message)}").ConfigureAwait(false);
                await WriteDetailsAsync(error, parse.GetValue(verbose), ex).ConfigureAwait(false);
                return ExitCodes.Invalid;
            }
            catch (DataSourceException ex)
            {
                await error.WriteLineAsync($"communityrules: {OneLine(ex.Message)}").ConfigureAwait(false);
                await WriteDetailsAsync(error, parse.GetValue(verbose), ex).ConfigureAwait(false);
                return ExitCodes.Invalid;
            }
            finally
            {
                progress?.Clear();
                lines?.Dispose();
            }

            if (baselineFromHistory && !await TryUseHistoryAsync(
                    historyStore!, error, parse.GetValue(verbose), async store => earlier = await StoredBaselineAsync(store, baselineValue!, History.RunRecord.SourceKey(result.Summary.Source), error, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false))
            {
                return ExitCodes.Invalid;
            }

            if (baselineFromHistory && earlier is null)
            {
                return ExitCodes.Invalid;
            }

            // The HTML report's trends are read before this run is recorded: the earlier runs, then this one from memory.
            ReportTrends? trends = null;
            if (historyStore is not null && parse.GetValue(format) == "html" && !await TryUseHistoryAsync(
                    historyStore, error, parse.GetValue(verbose), async store => trends = await ReportTrends.ReadAsync(store, result, ruleSet, cancellationToken: cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false))
            {
                return ExitCodes.Invalid;
            }

            var threshold = ParseFailOn(parse.GetValue(failOn)!);
            var comparison = earlier?.Compare(result.Diagnostics);
            try
            {
                // JSON Lines was written as the run went.
                if (!streaming)
                {
                    await WriteReportAsync(parse.GetValue(format)!, parse.GetValue(outputFile), result, ruleSet, loaded.Files, threshold, grouping, comparison, trends, output, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"communityrules: the report could not be written: {OneLine(ex.Message)}").ConfigureAwait(false);
                await WriteDetailsAsync(error, parse.GetValue(verbose), ex).ConfigureAwait(false);
                return ExitCodes.Invalid;
            }

            if (parse.GetValue(strict) && result.Summary.CheckFailures > 0)
            {
                await error.WriteLineAsync($"communityrules: a check failed {result.Summary.CheckFailures:N0} time(s) (CR0005, --strict).").ConfigureAwait(false);
                return ExitCodes.Invalid;
            }

            if (parse.GetValue(strict) && result.Summary.RulesSwitchedOff > 0)
            {
                await error.WriteLineAsync($"communityrules: {result.Summary.RulesSwitchedOff:N0} rule(s) were switched off for the rest of the run (CR0006, --strict).").ConfigureAwait(false);
                return ExitCodes.Invalid;
            }

            if (parse.GetValue(strict) && result.Summary.Rejected > 0)
            {
                await error.WriteLineAsync($"communityrules: {result.Summary.Rejected:N0} records could not be read (--strict).").ConfigureAwait(false);
                return ExitCodes.Invalid;
            }

            // Only a run that could be trusted (exit 0 or 1) is recorded, in one transaction.
            if (historyStore is not null && !await TryUseHistoryAsync(
                    historyStore, error, parse.GetValue(verbose), store => store.RecordAsync(History.RunRecord.Create(result, ruleSet, time.GetUtcNow(), Version), cancellationToken), cancellationToken).ConfigureAwait(false))
            {
                return ExitCodes.Invalid;
            }

            return threshold != Severity.None && Failing(result, comparison, threshold) > 0 ? ExitCodes.Findings : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Opens the history store, does something with it and closes it; a store that cannot be used is one line on the error output.</summary>
    private static async Task<bool> TryUseHistoryAsync(string value, TextWriter error, bool verbose, Func<History.IRunStore, Task> use, CancellationToken cancellationToken)
    {
        try
        {
            var store = await HistoryCommands.OpenAsync(value, create: true, cancellationToken).ConfigureAwait(false);
            await using (store.ConfigureAwait(false))
            {
                await use(store).ConfigureAwait(false);
            }

            return true;
        }
        catch (History.HistoryStoreException ex)
        {
            await HistoryCommands.WriteStoreErrorAsync(error, ex, verbose).ConfigureAwait(false);
            return false;
        }
    }

    /// <summary>Counts what fails the run: findings at or above the threshold, only the new and updated ones when compared with a baseline.</summary>
    internal static int Failing(AnalysisResult result, BaselineComparison? comparison, Severity threshold) =>
        comparison?.CountNewAtOrAbove(result.Diagnostics, threshold) ?? result.Summary.CountAtOrAbove(threshold);

    // "previous" or a run's number, such as 42; anything else is a report file.
    private static bool IsStoredRun(string value) =>
        value == "previous" || (value.Length is > 0 and < 19 && value.All(char.IsAsciiDigit));

    /// <summary>Finds the stored run <c>--baseline</c> names: the last run of the same source, or a run by its number.</summary>
    /// <returns>The run as a baseline; <see langword="null"/> when there is no such run, which is said on the error output.</returns>
    private static async Task<Baseline?> StoredBaselineAsync(History.IRunStore store, string value, string source, TextWriter error, CancellationToken cancellationToken)
    {
        var run = value == "previous"
            ? await store.GetLatestRunAsync(source, cancellationToken).ConfigureAwait(false)
            : await store.GetRunAsync(long.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            await error.WriteLineAsync(value == "previous"
                ? $"communityrules: --baseline previous: the history has no earlier run of {source}. Record a first run with --history and no --baseline (add --fail-on never to adopt the findings it has), then compare later runs with it."
                : $"communityrules: --baseline {value}: the history has no run {value}; 'communityrules history list' shows the runs it has.").ConfigureAwait(false);
            return null;
        }

        return Baseline.FromRun(run, await store.GetFindingsAsync(run.Id, cancellationToken).ConfigureAwait(false));
    }

    private static Command InitCommand(IReadOnlyList<Check> checks, TimeProvider time, TextWriter output, TextWriter error)
    {
        var data = DataOption("The network to learn from: a snapshot folder, a Slack, Viva Engage, Teams or Workplace export (folder or .zip); NAME:PATH names the kind. Give it again to layer a second source over the first, as in check.");
        data.Required = true;
        var outputFile = new Option<string?>("--output", "-o") { Description = "Write the configuration to this file (such as communityrules.yaml) instead of the console." };
        var asOf = AsOfOption();
        var force = new Option<bool>("--force") { Description = "Overwrite the output file if it exists." };
        var command = new Command("init", "Learn a network and write a starter configuration (YAML) that fits it: its naming convention, who creates its groups, its e-mail domains, how quiet its groups are, and what its data cannot tell.")
        {
            data, outputFile, asOf, force,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (await TryParseAsOfAsync(parse.GetValue(asOf), error).ConfigureAwait(false) is not { Valid: true } parsedAsOf)
            {
                return ExitCodes.Invalid;
            }

            var target = parse.GetValue(outputFile);
            if (target is not null && File.Exists(target) && !parse.GetValue(force))
            {
                await error.WriteLineAsync($"communityrules: '{target}' exists; init does not overwrite it. Choose another --output, or add --force to replace it.").ConfigureAwait(false);
                return ExitCodes.Invalid;
            }

            var packs = new RuleSetLoader(checks).Load([.. StarterConfiguration.Packs]);
            if (packs.RuleSet is not { } ruleSet)
            {
                await WriteErrorsAsync(error, packs.Errors).ConfigureAwait(false);
                return ExitCodes.Invalid;
            }

            if (await BuildSourceAsync(parse.GetValue(data) ?? [], error).ConfigureAwait(false) is not { } source)
            {
                return ExitCodes.Invalid;
            }

            string configuration;
            try
            {
                var profile = await NetworkProfile.ReadAsync(source, parsedAsOf.Moment, time, cancellationToken).ConfigureAwait(false);
                configuration = StarterConfiguration.Write(profile, ruleSet);
            }
            catch (DataSourceException ex)
            {
                await error.WriteLineAsync($"communityrules: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Invalid;
            }

            if (target is null)
            {
                await output.WriteAsync(configuration).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            try
            {
                await File.WriteAllTextAsync(target, configuration, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"communityrules: the configuration could not be written: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Invalid;
            }

            await error.WriteLineAsync($"Wrote {target}. Check it with: communityrules check --rules {target} {string.Join(' ', parse.GetValue(data)!.Select(value => "--data " + value))}").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Option<string[]> DataOption(string description) => new("--data", "-d") { Description = description };

    private static Option<string?> AsOfOption() => new("--as-of") { Description = "Measure as of this date, in ISO 8601: YYYY-MM-DD, or with a time such as 2026-10-01T12:00:00Z (UTC unless an offset is given). Default: the snapshot's asOf, else now." };

    private static async Task<(bool Valid, DateTimeOffset? Moment)> TryParseAsOfAsync(string? text, TextWriter error)
    {
        if (text is null)
        {
            return (true, null);
        }

        if (!IsoDate.TryParse(text, out var moment))
        {
            await error.WriteLineAsync($"communityrules: --as-of '{OneLine(Echo.Short(text))}' is not an ISO 8601 date; write it as YYYY-MM-DD, such as 2026-10-01, or with a time, such as 2026-10-01T12:00:00Z.").ConfigureAwait(false);
            return (false, null);
        }

        return (true, moment);
    }

    /// <summary>Layers the <c>--data</c> values into one source, or says why not and returns null.</summary>
    private static async Task<INetworkProvider?> BuildSourceAsync(IEnumerable<string> values, TextWriter error, bool verbose = false)
    {
        var sources = new NetworkSourceBuilder();
        foreach (var value in values)
        {
            var (resolved, problem) = DataFormats.Resolve(value);
            if (resolved is null)
            {
                await error.WriteLineAsync($"communityrules: {problem}").ConfigureAwait(false);
                return null;
            }

            sources.AddSource(resolved);
        }

        try
        {
            return sources.Build();
        }
        catch (DataSourceException ex)
        {
            await error.WriteLineAsync($"communityrules: {OneLine(ex.Message)}").ConfigureAwait(false);
            await WriteDetailsAsync(error, verbose, ex).ConfigureAwait(false);
            return null;
        }
    }

    private static Command ValidateCommand(IReadOnlyList<Check> checks, TextWriter output)
    {
        var paths = PathsArgument("The rule and configuration files or folders to validate.");
        var profile = new Option<string?>("--profile", "-p") { Description = "Also check that this profile exists." };
        var command = new Command("validate", "Check rule and configuration files for errors without running them.") { paths, profile };
        command.SetAction(async (parse, _) =>
        {
            var loaded = new RuleSetLoader(checks).Load(parse.GetValue(paths)!, new RuleSetLoadOptions { Profile = parse.GetValue(profile) });
            if (!loaded.Success)
            {
                await WriteErrorsAsync(output, loaded.Errors).ConfigureAwait(false);
                var files = loaded.Errors.Select(e => e.Location.File).Concat(loaded.Files).Distinct(StringComparer.Ordinal).Count();
                await output.WriteLineAsync($"{loaded.Errors.Count} error(s) in {files} file(s).").ConfigureAwait(false);
                return ExitCodes.Invalid;
            }

            await output.WriteLineAsync($"{loaded.RuleSet!.Rules.Count} rule(s) in {loaded.Files.Count} file(s) are valid.").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command TestCommand(IReadOnlyList<Check> checks, TimeProvider time, TextWriter output)
    {
        var paths = PathsArgument("The rule files or folders whose examples to run.");
        var command = new Command("test", "Run the examples written beside the rules and report each one that behaves otherwise.") { paths };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var loaded = new RuleSetLoader(checks).Load(parse.GetValue(paths)!);
            if (loaded.RuleSet is not { } ruleSet)
            {
                await WriteErrorsAsync(output, loaded.Errors).ConfigureAwait(false);
                return ExitCodes.Invalid;
            }

            var result = await new RuleExampleRunner(new RuleEngine(time)).RunAsync(ruleSet, cancellationToken).ConfigureAwait(false);
            await WriteErrorsAsync(output, result.Failures).ConfigureAwait(false);
            await output.WriteLineAsync($"examples: {result.Passed} passed, {result.Failures.Count} failed").ConfigureAwait(false);
            return result.Failures.Count > 0 ? ExitCodes.Findings : ExitCodes.Success;
        });
        return command;
    }

    private static Command SchemaCommand(IReadOnlyList<Check> checks, TextWriter output)
    {
        var snapshot = new Option<bool>("--snapshot") { Description = "Print the schema of the snapshot format's records instead." };
        var command = new Command("schema", "Print the JSON Schema of rule files, for editors that autocomplete YAML.") { snapshot };
        command.SetAction(async (parse, _) =>
        {
            var schema = parse.GetValue(snapshot) ? RuleSetLoader.GenerateSnapshotSchema() : new RuleSetLoader(checks).GenerateSchema();
            await output.WriteAsync(schema).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task WriteReportAsync(string format, string? outputFile, AnalysisResult result, RuleSet ruleSet, IReadOnlyList<string> files, Severity failOn, TextGrouping grouping, BaselineComparison? comparison, ReportTrends? trends, TextWriter output, CancellationToken cancellationToken)
    {
        if (format == "text")
        {
            var name = result.Manifest?.Name ?? "Network";
            if (outputFile is null)
            {
                TextReport.Write(CreateConsole(output, IsTerminal(output)), result, name, SourceLabel(result.Summary.Source), failOn, grouping, comparison);
                return;
            }

            await using var writer = new StreamWriter(outputFile);
            TextReport.Write(CreateConsole(writer, terminal: false), result, name, SourceLabel(result.Summary.Source), failOn, grouping, comparison);
            return;
        }

        IReportWriter reportWriter = format switch
        {
            "json" => new JsonReportWriter(),
            "html" => new HtmlReportWriter(),
            "csv" => new CsvReportWriter(),
            _ => new SarifReportWriter(),
        };
        var report = new AnalysisReport(result, ruleSet, Version, files) { Comparison = comparison, Trends = trends };
        if (outputFile is not null)
        {
            await using var file = File.Create(outputFile);
            await reportWriter.WriteAsync(report, file, cancellationToken).ConfigureAwait(false);
            return;
        }

        using var buffer = new MemoryStream();
        await reportWriter.WriteAsync(report, buffer, cancellationToken).ConfigureAwait(false);
        await output.WriteAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray())).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Colours and wraps for a person at a terminal; plain, unwrapped lines for files, pipes and NO_COLOR.</summary>
    private static IAnsiConsole CreateConsole(TextWriter writer, bool terminal)
    {
        var colour = terminal && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = colour ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = int.MaxValue / 2;
        }

        return console;
    }

    /// <summary>
    /// Says what is wrong with a report path before the run: a folder, a link that leads nowhere, a pipe (opening one
    /// waits for a reader), a device other than the null device, or a folder that does not exist.
    /// </summary>
    internal static string? OutputProblem(string path)
    {
        var shown = OneLine(Echo.Path(path));
        try
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is { } linkTarget)
            {
                FileSystemInfo? final;
                try
                {
                    final = info.ResolveLinkTarget(returnFinalTarget: true);
                }
                catch (IOException)
                {
                    return $"'{shown}' is a symbolic link that leads back to itself (a loop); name a file.";
                }

                if (final is null || (!File.Exists(final.FullName) && !Directory.Exists(final.FullName)))
                {
                    return $"'{shown}' is a symbolic link to '{OneLine(Echo.Path(linkTarget))}', which does not exist; name a file, or fix the link.";
                }
            }

            if (RuleInputFile.IsFolder(path))
            {
                return $"'{shown}' is a folder; name a file to write the report to.";
            }

            if (File.Exists(path))
            {
                return RuleInputFile.KindOf(path) switch
                {
                    RuleInputFile.SpecialKind.Pipe => $"'{shown}' is a named pipe (FIFO); the report is written to files only.",
                    RuleInputFile.SpecialKind.Socket => $"'{shown}' is a socket; the report is written to files only.",
                    RuleInputFile.SpecialKind.Device when RuleInputFile.RealPath(path) != "/dev/null" => $"'{shown}' is a device; the report is written to files only (or /dev/null).",
                    _ => null,
                };
            }

            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            return folder is null || RuleInputFile.IsFolder(folder) ? null : $"'{shown}' cannot be written: the folder '{OneLine(Echo.Path(folder))}' does not exist.";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"'{shown}' cannot be written: {OneLine(ex.Message)}";
        }
    }

    private static bool IsTerminal(TextWriter writer) => ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;

    private static Option<string[]> RulesOption() => new("--rules", "-r")
    {
        Description = $"Rule and configuration files, folders or bundled packs (builtin:NAME). Default: {string.Join(" and ", DefaultRules)}.",
        AllowMultipleArgumentsPerToken = true,
    };

    private static Argument<string[]> PathsArgument(string description) => new("paths")
    {
        Description = description,
        Arity = ArgumentArity.OneOrMore,
    };

    // People read where the data came from; the bundled sample's place in the tool's folder tells them nothing.
    private static string SourceLabel(string source) =>
        source == Path.GetRelativePath(Environment.CurrentDirectory, SampleNetwork) ? "the sample network that ships with the tool" : source;

    private static string[] RulePaths(string[]? given) => given is { Length: > 0 } ? given : DefaultRules;

    // The sample is named relative to where the user stands, so output and reports carry no machine-specific path.
    private static string[] DataValues(string[]? given) => given is { Length: > 0 }
        ? given
        : [SnapshotFormat.Instance.Name + ":" + Path.GetRelativePath(Environment.CurrentDirectory, SampleNetwork)];

    private static Severity ParseFailOn(string text) => text switch
    {
        "warning" => Severity.Warning,
        "suggestion" => Severity.Suggestion,
        "never" => Severity.None,
        _ => Severity.Error,
    };

    private static async Task WriteErrorsAsync(TextWriter writer, IEnumerable<RuleError> errors)
    {
        foreach (var ruleError in errors)
        {
            await writer.WriteLineAsync(TerminalText.Escape(ruleError.ToString())).ConfigureAwait(false);
        }
    }
}
