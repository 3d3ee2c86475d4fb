using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CommunityRules.History;
using CommunityRules.Reporting;

namespace CommunityRules.Cli;

/// <summary>
/// <c>communityrules digest</c>: one digest per responsible person of a recorded run, as Markdown and JSON files for a
/// mail merge or a bot. Nothing is sent.
/// </summary>
internal static class DigestCommand
{
    /// <summary>The folder digests are written to when no <c>--out</c> is given.</summary>
    public const string DefaultFolder = "digests";

    /// <summary>The file name (without extension) of the digest of findings nobody in the network acts on.</summary>
    public const string NobodyFile = "nobody-in-the-network";

    /// <summary>The file that lists every digest written, for a mail merge.</summary>
    public const string IndexFile = "index.json";

    public static Command Create(TextWriter output, TextWriter error, Option<bool> verbose)
    {
        var store = HistoryCommands.HistoryOption($"The history of runs: a SQLite file or a PostgreSQL connection string (default {HistoryCommands.DefaultStore}).");
        var run = new Option<string>("--run") { Description = "The run: its number from history list, or 'latest'.", DefaultValueFactory = _ => "latest" };
        var outFolder = new Option<string>("--out") { Description = $"The folder to write the digests to (default {DefaultFolder}); made if missing.", DefaultValueFactory = _ => DefaultFolder };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print who would get what, one line per person, and write nothing." };
        var format = new Option<string?>("--format") { Description = "Write only this kind of file: markdown or json (default both). With --dry-run, json prints the list as JSON." };
        format.AcceptOnlyFromAmong("markdown", "json");
        var force = new Option<bool>("--force") { Description = "Overwrite digests already in the folder." };
        var command = new Command(
            "digest",
            "Write one digest per responsible person of a recorded run (group admins, post authors, people) with their open findings across groups, as Markdown and JSON for a mail merge or a bot. Nothing is sent.")
        {
            store, run, outFolder, dryRun, format, force,
        };
        command.SetAction((parse, cancellationToken) => HistoryCommands.WithStoreAsync(parse.GetValue(store), error, parse.GetValue(verbose), async history =>
        {
            if (await HistoryCommands.FindRunAsync(history, parse.GetValue(run)!, parse.GetValue(store), error, cancellationToken).ConfigureAwait(false) is not { } info)
            {
                return ExitCodes.Invalid;
            }

            if (!info.HasResponsiblePeople)
            {
                await error.WriteLineAsync(
                    $"communityrules: run {info.Id} was recorded before the history kept who is responsible for each finding, so it has no digests (nobody is guessed). Record a new run with 'communityrules check --history ...' and make the digests of that run.").ConfigureAwait(false);
                return ExitCodes.Invalid;
            }

            var findings = await history.GetFindingsAsync(info.Id, cancellationToken).ConfigureAwait(false);
            var groups = await history.GetGroupFiguresAsync(info.Id, cancellationToken).ConfigureAwait(false);
            var digests = RunDigests.Create(info, findings, groups);
            var kinds = parse.GetValue(format);
            if (parse.GetValue(dryRun))
            {
                await output.WriteAsync(kinds == "json" ? Index(digests, files: false) : Plan(digests)).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            return await WriteAsync(digests, parse.GetValue(outFolder)!, kinds, parse.GetValue(force), output, error, cancellationToken).ConfigureAwait(false);
        }, cancellationToken));
        return command;
    }

    /// <summary>Gets the file name (without extension) of a person's digest: made from the identifier only, never the name, safe on every file system.</summary>
    /// <param name="personId">The person's identifier, or <see langword="null"/> for the digest of findings nobody acts on.</param>
    /// <returns>The name: <c>person-</c>, the identifier's letters, digits and dashes (at most 40), a dash and 12 hexadecimal digits of its hash.</returns>
    public static string FileName(string? personId)
    {
        if (personId is null)
        {
            return NobodyFile;
        }

        var kept = new StringBuilder("person-");
        foreach (var character in personId)
        {
            if (kept.Length >= 47)
            {
                break;
            }

            kept.Append(char.IsAsciiLetterOrDigit(character) || character == '-' ? character : '_');
        }

        // The hash tells apart identifiers that read alike once cut or folded (a/b and a_b; A and a on Windows and macOS).
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(personId)))[..12];
        return kept.Append('-').Append(hash).ToString();
    }

    private static async Task<int> WriteAsync(RunDigestSet digests, string folder, string? kinds, bool force, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var all = digests.Nobody is { } nobody ? digests.People.Append(nobody) : digests.People;
        var files = new List<(string Path, string Text)>();
        foreach (var digest in all)
        {
            var name = FileName(digest.PersonId);
            if (kinds is null or "markdown")
            {
                files.Add((Path.Combine(folder, name + ".md"), Markdown(digests, digest)));
            }

            if (kinds is null or "json")
            {
                files.Add((Path.Combine(folder, name + ".json"), Json(digests, digest)));
            }
        }

        files.Add((Path.Combine(folder, IndexFile), Index(digests, files: true, kinds)));

        // Every file is checked before any is written, so a refusal leaves the folder as it was.
        if (!force && files.FirstOrDefault(file => File.Exists(file.Path)) is { Path: { } existing })
        {
            await error.WriteLineAsync($"communityrules: '{CommandLine.OneLine(existing)}' already exists; give another --out folder, or --force to overwrite the digests in it.").ConfigureAwait(false);
            return ExitCodes.Invalid;
        }

        try
        {
            Directory.CreateDirectory(folder);
            var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            foreach (var (path, text) in files)
            {
                await File.WriteAllTextAsync(path, text, utf8, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"communityrules: the digests cannot be written to '{CommandLine.OneLine(folder)}': {CommandLine.OneLine(ex.Message)}").ConfigureAwait(false);
            return ExitCodes.Invalid;
        }

        var count = digests.People.Count + (digests.Nobody is null ? 0 : 1);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{count:N0} digests of run {digests.Run.Id} written to {TerminalText.Escape(folder)} ({files.Count:N0} files). Nothing was sent.")).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>One line per recipient: name, id, findings, groups.</summary>
    private static string Plan(RunDigestSet digests)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Run {digests.Run.Id} ({TerminalText.Escape(digests.Run.Source)}, as of {ReportFormatting.Moment(digests.Run.AsOf)}): ")
            .Append(CultureInfo.InvariantCulture, $"{digests.People.Count:N0} people would get a digest").AppendLine(digests.Nobody is null ? "." : ", and one of findings nobody in the network acts on.");
        foreach (var digest in digests.People)
        {
            text.Append(TerminalText.Escape(digest.Name)).Append(" (").Append(TerminalText.Escape(digest.PersonId!)).Append("): ").Append(Counted(digest)).AppendLine(Groups(digests, digest));
        }

        if (digests.Nobody is { } nobody)
        {
            text.Append(RunDigests.NobodyName).Append(" (for the community manager): ").Append(Counted(nobody)).AppendLine(Groups(digests, nobody));
        }

        return text.ToString();
    }

    private static string Counted(Digest digest) => digest.ToldOf.Count == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{digest.Acts.Count:N0} {(digest.Acts.Count == 1 ? "finding" : "findings")}")
        : string.Create(CultureInfo.InvariantCulture, $"{digest.Acts.Count:N0} {(digest.Acts.Count == 1 ? "finding" : "findings")} to act on, {digest.ToldOf.Count:N0} to know of");

    private static string Groups(RunDigestSet digests, Digest digest) =>
        digest.GroupIds.Count == 0 ? string.Empty : "; groups: " + string.Join(", ", digest.GroupIds.Select(id => TerminalText.Escape(digests.GroupName(id))));

    private static string Markdown(RunDigestSet digests, Digest digest)
    {
        var run = digests.Run;
        var text = new StringBuilder();
        text.Append("# ").AppendLine(digest.PersonId is null ? "Findings nobody in the network acts on" : "Findings for " + MarkdownText.Escape(digest.Name)).AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"Run {run.Id} of {MarkdownText.Escape(run.Source)}, as of {ReportFormatting.Moment(run.AsOf)}: ");
        text.Append(Counted(digest)).Append(digest.GroupIds.Count switch
        {
            0 => ".",
            1 => " in 1 group.",
            var groups => string.Create(CultureInfo.InvariantCulture, $" in {groups:N0} groups."),
        }).AppendLine();
        if (digest.PersonId is null)
        {
            text.AppendLine().AppendLine("These findings have no active admin or author to act on them: groups without an active admin, and findings about the network, the data or the configuration. They are for the community manager.");
        }

        Table(text, digest.PersonId is null ? "Findings" : "To act on", digest.Acts, digests, withRole: digest.PersonId is not null);
        Table(text, "To know of (posts by others in groups you run)", digest.ToldOf, digests, withRole: false);
        return text.ToString();
    }

    private static void Table(StringBuilder text, string heading, IReadOnlyList<DigestFinding> items, RunDigestSet digests, bool withRole)
    {
        if (items.Count == 0)
        {
            return;
        }

        text.AppendLine().Append("## ").AppendLine(heading).AppendLine();
        text.AppendLine(withRole ? "| Severity | Rule | Group | Target | Message | As |" : "| Severity | Rule | Group | Target | Message |");
        text.AppendLine(withRole ? "|---|---|---|---|---|---|" : "|---|---|---|---|---|");
        foreach (var item in items)
        {
            var finding = item.Finding;
            var target = finding.TargetKind + " " + finding.TargetId + (finding.TargetName is { Length: > 0 } name && finding.TargetKind != "group" ? " (" + name + ")" : string.Empty);
            text.Append("| ").Append(ReportFormatting.SeverityName(finding.Severity))
                .Append(" | ").Append(MarkdownText.Escape(finding.RuleId))
                .Append(" | ").Append(finding.GroupId is { } groupId ? MarkdownText.Escape(digests.GroupName(groupId)) : string.Empty)
                .Append(" | ").Append(MarkdownText.Escape(target))
                .Append(" | ").Append(MarkdownText.Escape(finding.Message));
            if (withRole)
            {
                text.Append(" | ").Append(item.Role);
            }

            text.AppendLine(" |");
        }
    }

    private static string Json(RunDigestSet digests, Digest digest) => WriteJson(writer =>
    {
        writer.WriteStartObject();
        WriteRun(writer, digests.Run);
        WriteRecipient(writer, digest);

        WriteFindings(writer, "findings", digest.Acts, digests, withRole: digest.PersonId is not null);
        WriteFindings(writer, "toldOf", digest.ToldOf, digests, withRole: false);
        writer.WriteEndObject();
    });

    // The person a digest is for; null for the digest of findings nobody in the network acts on.
    private static void WriteRecipient(Utf8JsonWriter writer, Digest digest)
    {
        if (digest.PersonId is null)
        {
            writer.WriteNull("recipient");
            return;
        }

        writer.WriteStartObject("recipient");
        writer.WriteString("id", digest.PersonId);
        writer.WriteString("name", digest.Name);
        writer.WriteEndObject();
    }

    private static string Index(RunDigestSet digests, bool files, string? kinds = null) => WriteJson(writer =>
    {
        writer.WriteStartObject();
        WriteRun(writer, digests.Run);
        writer.WriteStartArray("digests");
        foreach (var digest in digests.Nobody is { } nobody ? digests.People.Append(nobody) : digests.People)
        {
            writer.WriteStartObject();
            WriteRecipient(writer, digest);

            writer.WriteNumber("findings", digest.Acts.Count);
            writer.WriteNumber("toldOf", digest.ToldOf.Count);
            writer.WriteStartArray("groups");
            foreach (var groupId in digest.GroupIds)
            {
                writer.WriteStartObject();
                writer.WriteString("id", groupId);
                writer.WriteString("name", digests.GroupName(groupId));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            if (files)
            {
                var name = FileName(digest.PersonId);
                if (kinds is null or "markdown")
                {
                    writer.WriteString("markdown", name + ".md");
                }

                if (kinds is null or "json")
                {
                    writer.WriteString("json", name + ".json");
                }
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private static void WriteRun(Utf8JsonWriter writer, RunInfo run)
    {
        writer.WriteStartObject("run");
        writer.WriteNumber("id", run.Id);
        writer.WriteString("time", ReportFormatting.Moment(run.RecordedAt));
        writer.WriteString("asOf", ReportFormatting.Moment(run.AsOf));
        writer.WriteString("source", run.Source);
        writer.WriteEndObject();
    }

    private static void WriteFindings(Utf8JsonWriter writer, string name, IReadOnlyList<DigestFinding> items, RunDigestSet digests, bool withRole)
    {
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            var finding = item.Finding;
            writer.WriteStartObject();
            HistoryCommands.WriteFindingStart(writer, finding);
            writer.WriteEndObject();
            if (finding.GroupId is { } groupId)
            {
                writer.WriteStartObject("group");
                writer.WriteString("id", groupId);
                writer.WriteString("name", digests.GroupName(groupId));
                writer.WriteEndObject();
            }

            if (withRole)
            {
                writer.WriteString("role", item.Role);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static string WriteJson(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ReportFormatting.WriterOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
