using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CommunityRules.Diagnostics;
using CommunityRules.History;
using CommunityRules.History.PostgreSql;
using CommunityRules.History.Sqlite;
using CommunityRules.Reporting;

namespace CommunityRules.Cli;

/// <summary><c>communityrules history list|show|diff</c>, and opening the store <c>--history</c> names.</summary>
internal static class HistoryCommands
{
    /// <summary>The store the history commands read when no <c>--history</c> is given.</summary>
    public const string DefaultStore = "communityrules-history.db";

    public static Option<string?> HistoryOption(string description) => new("--history") { Description = description };

    /// <summary>Opens a SQLite file, or a PostgreSQL database for a connection string or <c>postgres://</c> URL.</summary>
    public static async Task<IRunStore> OpenAsync(string value, bool create, CancellationToken cancellationToken) =>
        PostgreSqlRunStore.IsConnectionString(value)
            ? await PostgreSqlRunStore.OpenAsync(value, cancellationToken).ConfigureAwait(false)
            : await SqliteRunStore.OpenAsync(value, create, cancellationToken).ConfigureAwait(false);

    public static Command Create(TextWriter output, TextWriter error, Option<bool> verbose)
    {
        var command = new Command("history", "Read the runs that check --history recorded: list them, show one, or compare two.")
        {
            List(output, error, verbose),
            Show(output, error, verbose),
            Diff(output, error, verbose),
        };
        return command;
    }

    private static Command List(TextWriter output, TextWriter error, Option<bool> verbose)
    {
        var (store, format) = (StoreOption(), FormatOption());
        var command = new Command("list", "List the recorded runs, oldest first, with their counts per severity.") { store, format };
        command.SetAction((parse, cancellationToken) => WithStoreAsync(parse.GetValue(store), error, parse.GetValue(verbose), async history =>
        {
            var runs = await history.ListRunsAsync(cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(format) == "json")
            {
                await WriteJsonAsync(output, writer =>
                {
                    writer.WriteStartArray();
                    foreach (var run in runs)
                    {
                        WriteRun(writer, run);
                    }

                    writer.WriteEndArray();
                }).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            if (runs.Count == 0)
            {
                await output.WriteLineAsync("No runs are recorded yet; record one with: communityrules check --history PATH").ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var rows = runs.Select(run => new[]
            {
                run.Id.ToString(CultureInfo.InvariantCulture), ReportFormatting.Moment(run.RecordedAt), ReportFormatting.Moment(run.AsOf),
                Count(run.Errors), Count(run.Warnings), Count(run.Suggestions), Count(run.Suppressed), run.RuleSetHash[..Math.Min(12, run.RuleSetHash.Length)], TerminalText.Escape(run.Source),
            }).Prepend(["run", "recorded", "as of", "errors", "warnings", "suggestions", "suppressed", "rule set", "source"]).ToList();
            await WriteTableAsync(output, rows).ConfigureAwait(false);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command Show(TextWriter output, TextWriter error, Option<bool> verbose)
    {
        var (store, format, run) = (StoreOption(), FormatOption(), RunArgument("run", "The run: its number from history list, or 'latest'."));
        var command = new Command("show", "Show one recorded run: its findings (suppressed ones marked) and each group's figures.") { run, store, format };
        command.SetAction((parse, cancellationToken) => WithStoreAsync(parse.GetValue(store), error, parse.GetValue(verbose), async history =>
        {
            if (await FindRunAsync(history, parse.GetValue(run)!, parse.GetValue(store), error, cancellationToken).ConfigureAwait(false) is not { } info)
            {
                return ExitCodes.Invalid;
            }

            var findings = await history.GetFindingsAsync(info.Id, cancellationToken).ConfigureAwait(false);
            var groups = await history.GetGroupFiguresAsync(info.Id, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(format) == "json")
            {
                await WriteJsonAsync(output, writer =>
                {
                    writer.WriteStartObject();
                    writer.WritePropertyName("run");
                    WriteRun(writer, info);
                    writer.WriteStartArray("findings");
                    foreach (var finding in findings)
                    {
                        WriteFinding(writer, finding, state: null);
                    }

                    writer.WriteEndArray();
                    writer.WriteStartArray("groups");
                    foreach (var group in groups)
                    {
                        WriteGroup(writer, group);
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"Run {info.Id}: recorded {ReportFormatting.Moment(info.RecordedAt)}, as of {ReportFormatting.Moment(info.AsOf)}, by CommunityRules {TerminalText.Escape(info.ToolVersion)}").AppendLine();
            text.Append("Source: ").AppendLine(TerminalText.Escape(info.Source));
            text.Append("Rule set: ").AppendLine(info.RuleSetHash);
            text.AppendLine(Counts(info));
            text.AppendLine();
            foreach (var finding in findings)
            {
                text.AppendLine(FindingLine(finding));
            }

            await output.WriteAsync(text.ToString()).ConfigureAwait(false);
            if (groups.Count > 0)
            {
                await output.WriteLineAsync().ConfigureAwait(false);
                var rows = groups.Select(group => new[]
                {
                    TerminalText.Escape(group.GroupId), Count(group.Members), Count(group.ActiveAdmins),
                    Count(group.Months.Sum(month => month.Posts)), Count(group.Months.Sum(month => month.Comments)),
                    group.LastActivityAt is { } last ? ReportFormatting.Moment(last)[..10] : "never", TerminalText.Escape(group.Name ?? string.Empty),
                }).Prepend(["group", "members", "active admins", $"posts ({RunRecord.MonthsKept} mo)", $"comments ({RunRecord.MonthsKept} mo)", "last activity", "name"]).ToList();
                await WriteTableAsync(output, rows).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command Diff(TextWriter output, TextWriter error, Option<bool> verbose)
    {
        var (store, format) = (StoreOption(), FormatOption());
        var (from, to) = (RunArgument("from", "The earlier run: its number, or 'latest'."), RunArgument("to", "The later run: its number, or 'latest'."));
        var command = new Command("diff", "Compare two recorded runs by fingerprint: what is new, what changed its message or severity, and what is gone.") { from, to, store, format };
        command.SetAction((parse, cancellationToken) => WithStoreAsync(parse.GetValue(store), error, parse.GetValue(verbose), async history =>
        {
            if (await FindRunAsync(history, parse.GetValue(from)!, parse.GetValue(store), error, cancellationToken).ConfigureAwait(false) is not { } before
                || await FindRunAsync(history, parse.GetValue(to)!, parse.GetValue(store), error, cancellationToken).ConfigureAwait(false) is not { } after)
            {
                return ExitCodes.Invalid;
            }

            var compared = RunComparison.Compare(
                await history.GetFindingsAsync(before.Id, cancellationToken).ConfigureAwait(false),
                await history.GetFindingsAsync(after.Id, cancellationToken).ConfigureAwait(false));
            var counts = Enum.GetValues<FindingChange>().ToDictionary(change => change, change => compared.Count(finding => finding.Change == change));
            if (parse.GetValue(format) == "json")
            {
                await WriteJsonAsync(output, writer =>
                {
                    writer.WriteStartObject();
                    writer.WritePropertyName("from");
                    WriteRun(writer, before);
                    writer.WritePropertyName("to");
                    WriteRun(writer, after);
                    writer.WriteStartObject("summary");
                    foreach (var (change, count) in counts)
                    {
                        writer.WriteNumber(StateName(change), count);
                    }

                    writer.WriteEndObject();
                    writer.WriteStartArray("findings");
                    foreach (var finding in compared.Where(finding => finding.Change != FindingChange.Unchanged))
                    {
                        WriteFinding(writer, finding.Finding, finding);
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"Run {before.Id} (as of {ReportFormatting.Moment(before.AsOf)}) → run {after.Id} (as of {ReportFormatting.Moment(after.AsOf)})").AppendLine();
            if (before.RuleSetHash != after.RuleSetHash)
            {
                text.AppendLine("The rule sets differ: some changes may come from the rules, not the network.");
            }

            if (!string.Equals(before.Source, after.Source, StringComparison.Ordinal))
            {
                text.Append("The sources differ: ").Append(TerminalText.Escape(before.Source)).Append(" and ").AppendLine(TerminalText.Escape(after.Source));
            }

            foreach (var change in new[] { FindingChange.New, FindingChange.Updated, FindingChange.Absent })
            {
                var these = compared.Where(finding => finding.Change == change).ToList();
                if (these.Count == 0)
                {
                    continue;
                }

                text.AppendLine().Append(CultureInfo.InvariantCulture, $"{Heading(change)} ({these.Count:N0}):").AppendLine();
                foreach (var finding in these)
                {
                    text.Append("  ").AppendLine(FindingLine(finding.Finding));
                    if (change == FindingChange.Updated && finding.Before is { } old)
                    {
                        text.Append("    was: ").AppendLine(FindingLine(old));
                    }
                }
            }

            text.AppendLine().Append(CultureInfo.InvariantCulture,
                $"{counts[FindingChange.New]:N0} new, {counts[FindingChange.Updated]:N0} updated, {counts[FindingChange.Absent]:N0} fixed or gone, {counts[FindingChange.Unchanged]:N0} unchanged.").AppendLine();
            await output.WriteAsync(text.ToString()).ConfigureAwait(false);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    internal static async Task<int> WithStoreAsync(string? value, TextWriter error, bool verbose, Func<IRunStore, Task<int>> action, CancellationToken cancellationToken)
    {
        IRunStore history;
        try
        {
            history = await OpenAsync(value ?? DefaultStore, create: false, cancellationToken).ConfigureAwait(false);
        }
        catch (HistoryStoreException ex)
        {
            await WriteStoreErrorAsync(error, ex, verbose).ConfigureAwait(false);
            return ExitCodes.Invalid;
        }

        await using (history.ConfigureAwait(false))
        {
            try
            {
                return await action(history).ConfigureAwait(false);
            }
            catch (HistoryStoreException ex)
            {
                await WriteStoreErrorAsync(error, ex, verbose).ConfigureAwait(false);
                return ExitCodes.Invalid;
            }
        }
    }

    public static async Task WriteStoreErrorAsync(TextWriter error, HistoryStoreException exception, bool verbose)
    {
        await error.WriteLineAsync($"communityrules: {CommandLine.OneLine(exception.Message)}").ConfigureAwait(false);
        if (verbose)
        {
            await error.WriteLineAsync(exception.ToString()).ConfigureAwait(false);
        }
    }

    internal static async Task<RunInfo?> FindRunAsync(IRunStore history, string text, string? store, TextWriter error, CancellationToken cancellationToken)
    {
        RunInfo? run = null;
        if (text == "latest")
        {
            var runs = await history.ListRunsAsync(cancellationToken).ConfigureAwait(false);
            run = runs.Count > 0 ? runs[^1] : null;
        }
        else if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            run = await history.GetRunAsync(id, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await error.WriteLineAsync($"communityrules: '{CommandLine.OneLine(Rules.Echo.Short(text))}' is not a run; give its number from 'communityrules history list', or 'latest'.").ConfigureAwait(false);
            return null;
        }

        if (run is null)
        {
            var shown = store is null ? string.Empty : $" --history {CommandLine.OneLine(Rules.Echo.Short(store))}";
            await error.WriteLineAsync($"communityrules: the history has no run {CommandLine.OneLine(Rules.Echo.Short(text))}; 'communityrules history list{shown}' shows the runs it has.").ConfigureAwait(false);
        }

        return run;
    }

    private static Option<string?> StoreOption() =>
        HistoryOption($"The history: a SQLite file, a PostgreSQL connection string (Host=...;Database=...) or a postgres:// URL. Default: {DefaultStore}.");

    private static Option<string> FormatOption()
    {
        var format = new Option<string>("--format", "-f") { Description = "Output format: text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        return format;
    }

    private static Argument<string> RunArgument(string name, string description) => new(name) { Description = description };

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Counts(RunInfo run) =>
        string.Create(CultureInfo.InvariantCulture, $"{run.Errors:N0} errors, {run.Warnings:N0} warnings, {run.Suggestions:N0} suggestions, {run.Silent:N0} silent; {run.Suppressed:N0} suppressed; {run.Groups:N0} groups");

    private static string FindingLine(RecordedFinding finding)
    {
        var line = $"{(finding.IsSuppressed ? "suppressed " : string.Empty)}{ReportFormatting.SeverityName(finding.Severity)} {finding.RuleId} {finding.TargetKind}/{finding.TargetId}: {finding.Message}";
        if (finding.Justification is { } justification)
        {
            line += $" (exempt: {justification})";
        }

        return TerminalText.Escape(line);
    }

    private static string Heading(FindingChange change) => change switch
    {
        FindingChange.New => "New",
        FindingChange.Updated => "Updated (same finding, another message or severity)",
        _ => "Fixed or gone",
    };

    private static string StateName(FindingChange change) => change switch
    {
        FindingChange.New => "new",
        FindingChange.Unchanged => "unchanged",
        FindingChange.Updated => "updated",
        _ => "absent",
    };

    private static async Task WriteTableAsync(TextWriter output, List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(column => rows.Max(row => row[column].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            for (var column = 0; column < row.Length; column++)
            {
                text.Append(column == row.Length - 1 ? row[column] : row[column].PadRight(widths[column] + 2));
            }

            text.AppendLine();
        }

        await output.WriteAsync(text.ToString()).ConfigureAwait(false);
    }

    private static async Task WriteJsonAsync(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(buffer, ReportFormatting.WriterOptions))
        {
            write(writer);
        }

        await output.WriteLineAsync(Encoding.UTF8.GetString(buffer.ToArray())).ConfigureAwait(false);
    }

    private static void WriteRun(Utf8JsonWriter writer, RunInfo run)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", run.Id);
        writer.WriteString("time", ReportFormatting.Moment(run.RecordedAt));
        writer.WriteString("asOf", ReportFormatting.Moment(run.AsOf));
        writer.WriteString("source", run.Source);
        writer.WriteString("ruleSetHash", run.RuleSetHash);
        writer.WriteString("toolVersion", run.ToolVersion);
        writer.WriteStartObject("findings");
        writer.WriteNumber("error", run.Errors);
        writer.WriteNumber("warning", run.Warnings);
        writer.WriteNumber("suggestion", run.Suggestions);
        writer.WriteNumber("silent", run.Silent);
        writer.WriteEndObject();
        writer.WriteNumber("suppressed", run.Suppressed);
        writer.WriteNumber("groups", run.Groups);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes what every JSON view of a recorded finding has — fingerprint, rule, severity, message — and opens its
    /// <c>target</c> with kind, id and name; the caller adds to the target and closes it.
    /// </summary>
    internal static void WriteFindingStart(Utf8JsonWriter writer, RecordedFinding finding)
    {
        writer.WriteString("fingerprint", finding.Fingerprint);
        writer.WriteString("ruleId", finding.RuleId);
        writer.WriteString("severity", ReportFormatting.SeverityName(finding.Severity));
        writer.WriteString("message", finding.Message);
        writer.WriteStartObject("target");
        writer.WriteString("kind", finding.TargetKind);
        writer.WriteString("id", finding.TargetId);
        if (finding.TargetName is { } name)
        {
            writer.WriteString("name", name);
        }
    }

    private static void WriteFinding(Utf8JsonWriter writer, RecordedFinding finding, ComparedFinding? state)
    {
        writer.WriteStartObject();
        if (state is not null)
        {
            writer.WriteString("baselineState", StateName(state.Change));
        }

        WriteFindingStart(writer, finding);
        if (finding.GroupId is { } groupId)
        {
            writer.WriteString("groupId", groupId);
        }

        writer.WriteEndObject();
        if (finding.IsSuppressed)
        {
            writer.WriteStartObject("suppression");
            writer.WriteString("justification", finding.Justification);
            writer.WriteEndObject();
        }

        if (state is { Change: FindingChange.Updated, Before: { } before })
        {
            writer.WriteStartObject("before");
            writer.WriteString("severity", ReportFormatting.SeverityName(before.Severity));
            writer.WriteString("message", before.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteGroup(Utf8JsonWriter writer, GroupFigures group)
    {
        writer.WriteStartObject();
        writer.WriteString("id", group.GroupId);
        if (group.Name is { } name)
        {
            writer.WriteString("name", name);
        }

        writer.WriteNumber("members", group.Members);
        writer.WriteNumber("activeAdmins", group.ActiveAdmins);
        writer.WriteNumber("posts", group.Posts);
        writer.WriteNumber("comments", group.Comments);
        if (group.LastActivityAt is { } last)
        {
            writer.WriteString("lastActivity", ReportFormatting.Moment(last));
        }
        else
        {
            writer.WriteNull("lastActivity");
        }

        writer.WriteStartArray("months");
        foreach (var month in group.Months)
        {
            writer.WriteStartObject();
            writer.WriteString("month", string.Create(CultureInfo.InvariantCulture, $"{month.Year:D4}-{month.Month:D2}"));
            writer.WriteNumber("posts", month.Posts);
            writer.WriteNumber("comments", month.Comments);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
