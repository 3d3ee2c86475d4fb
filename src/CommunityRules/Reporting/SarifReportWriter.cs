using System.Text;
using System.Text.Json;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Rules;

namespace CommunityRules.Reporting;

/// <summary>
/// Writes a report as a SARIF 2.1.0 log with one run, for code-scanning dashboards and SARIF viewers. Rules become
/// reporting descriptors, findings become results with a logical location (the group, post, comment or person) and,
/// for records and configuration read from a file, a physical location. Suppressed findings stay in the log with an
/// accepted external suppression that carries the exemption's justification. The same run always gives the same bytes.
/// </summary>
public sealed class SarifReportWriter : IReportWriter
{
    /// <summary>The JSON Schema the log declares in <c>$schema</c>: the OASIS SARIF 2.1.0 schema (errata 01).</summary>
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    /// <summary>The key of the fingerprint in each result's <c>partialFingerprints</c>.</summary>
    public const string FingerprintKey = "communityRules/v1";

    private const string SarifVersion = "2.1.0";
    private const string ToolName = "CommunityRules";
    private const string InformationUri = "https://github.com/communityrules/communityrules";

    /// <inheritdoc/>
    public string Format => "sarif";

    /// <summary>Gets the folder that file paths in locations are written relative to.</summary>
    /// <value>
    /// The default value is <see langword="null"/>: the current directory when the report is written. Relative paths are
    /// written as they are; absolute paths under this folder become relative; other absolute paths become <c>file:</c> URIs.
    /// </value>
    public string? BaseDirectory { get; init; }

    /// <inheritdoc/>
    public async Task WriteAsync(AnalysisReport report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);

        var baseDirectory = Path.GetFullPath(BaseDirectory ?? Environment.CurrentDirectory);
        var rules = report.ReportedRules;
        var ruleIndex = new Dictionary<string, int>(rules.Count, StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            ruleIndex.TryAdd(rules[i].Descriptor.Id, i);
        }

        using var writer = new Utf8JsonWriter(output, ReportFormatting.WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("$schema", SchemaUri);
        writer.WriteString("version", SarifVersion);
        writer.WriteStartArray("runs");
        writer.WriteStartObject();

        writer.WriteStartObject("tool");
        writer.WriteStartObject("driver");
        writer.WriteString("name", ToolName);
        writer.WriteString("version", report.ToolVersion);
        writer.WriteString("semanticVersion", report.ToolVersion);
        writer.WriteString("informationUri", InformationUri);
        writer.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            WriteReportingDescriptor(writer, rule.Descriptor);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();

        WriteInvocation(writer, rules, report.Result.DataNotes);
        writer.WriteString("columnKind", "utf16CodeUnits");

        writer.WriteStartArray("results");
        foreach (var diagnostic in report.Result.Diagnostics)
        {
            WriteResult(writer, diagnostic, ruleIndex[diagnostic.Rule.Id], baseDirectory, report.Responsible.For(diagnostic), report.Comparison?.StateOf(diagnostic));
            if (writer.BytesPending > ReportFormatting.FlushThreshold)
            {
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        // The baseline's findings this run no longer has are results of state "absent" (SARIF 2.1.0 §3.27.24).
        foreach (var finding in report.Comparison?.Absent ?? [])
        {
            WriteAbsentResult(writer, finding, ruleIndex.TryGetValue(finding.RuleId, out var index) ? index : null);
        }

        writer.WriteEndArray();

        WriteRunProperties(writer, report);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        await output.WriteAsync(ReportFormatting.FinalNewLine, cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Maps a severity to a SARIF level: suggestion is <c>note</c>; silent and none are <c>none</c>.</summary>
    internal static string ToLevel(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Suggestion => "note",
        _ => "none",
    };

    /// <summary>Makes an identifier-like name from a title: each word capitalized, spaces and punctuation dropped.</summary>
    internal static string PascalCase(string title, string fallback)
    {
        var builder = new StringBuilder(title.Length);
        var startOfWord = true;
        foreach (var c in title)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(startOfWord ? char.ToUpperInvariant(c) : c);
                startOfWord = false;
            }
            else if (c is not ('\'' or '\u2019'))
            {
                startOfWord = true;
            }
        }

        return builder.Length > 0 ? builder.ToString() : fallback;
    }

    /// <summary>Writes text as a SARIF message string, in which a literal brace is doubled (SARIF 2.1.0, 3.11.5).</summary>
    internal static string MessageText(string text) =>
        text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);

    /// <summary>Turns a file path into the URI of an artifact location: relative with forward slashes where possible.</summary>
    internal static string ArtifactUri(string path, string baseDirectory)
    {
        if (path.StartsWith(RuleSetLoader.BuiltinPrefix, StringComparison.Ordinal))
        {
            return RuleSetLoader.BuiltinPrefix + Uri.EscapeDataString(path[RuleSetLoader.BuiltinPrefix.Length..]);
        }

        if (Path.IsPathRooted(path))
        {
            var full = Path.GetFullPath(path);
            var relative = Path.GetRelativePath(baseDirectory, full);
            if (Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                return new Uri(full).AbsoluteUri;
            }

            path = relative;
        }

        return string.Join('/', path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
    }

    private static void WriteReportingDescriptor(Utf8JsonWriter writer, RuleDescriptor descriptor)
    {
        writer.WriteStartObject();
        writer.WriteString("id", descriptor.Id);
        writer.WriteString("name", PascalCase(descriptor.Title, descriptor.Id));
        WriteMessage(writer, "shortDescription", descriptor.Title);
        if (!string.IsNullOrWhiteSpace(descriptor.Description))
        {
            WriteMessage(writer, "fullDescription", descriptor.Description);
        }

        writer.WriteStartObject("messageStrings");
        WriteMessage(writer, "default", descriptor.MessageFormat);
        writer.WriteEndObject();

        if (descriptor.HelpLink is { } help)
        {
            writer.WriteString("helpUri", help.AbsoluteUri);
        }

        writer.WriteStartObject("defaultConfiguration");
        if (!descriptor.IsEnabledByDefault)
        {
            writer.WriteBoolean("enabled", false);
        }

        writer.WriteString("level", ToLevel(descriptor.DefaultSeverity));
        writer.WriteEndObject();

        writer.WriteStartObject("properties");
        writer.WriteString("category", descriptor.Category);
        if (descriptor.Tags.Count > 0)
        {
            // SARIF's property bag requires unique tags.
            writer.WriteStartArray("tags");
            foreach (var tag in descriptor.Tags.Distinct(StringComparer.Ordinal))
            {
                writer.WriteStringValue(tag);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteInvocation(Utf8JsonWriter writer, IReadOnlyList<ReportedRule> rules, IReadOnlyList<Data.DataNote> notes)
    {
        writer.WriteStartArray("invocations");
        writer.WriteStartObject();
        writer.WriteBoolean("executionSuccessful", true);

        // What the run says once about its data is a tool notification of level "note" (SARIF 2.1.0 §3.20.21).
        if (notes.Count > 0)
        {
            writer.WriteStartArray("toolExecutionNotifications");
            foreach (var note in notes)
            {
                writer.WriteStartObject();
                writer.WriteString("level", "note");
                writer.WriteStartObject("message");
                writer.WriteString("text", note.Message);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        // Severities that configuration or a profile changed are SARIF configuration overrides of the rule's default.
        var overridden = rules
            .Select((rule, index) => (rule, index))
            .Where(pair => pair.rule.Severity != (pair.rule.Descriptor.IsEnabledByDefault ? pair.rule.Descriptor.DefaultSeverity : Severity.None))
            .ToList();
        if (overridden.Count > 0)
        {
            writer.WriteStartArray("ruleConfigurationOverrides");
            foreach (var (rule, index) in overridden)
            {
                writer.WriteStartObject();
                writer.WriteStartObject("configuration");
                writer.WriteBoolean("enabled", rule.Severity != Severity.None);
                if (rule.Severity != Severity.None)
                {
                    writer.WriteString("level", ToLevel(rule.Severity));
                }

                writer.WriteEndObject();
                writer.WriteStartObject("descriptor");
                writer.WriteString("id", rule.Descriptor.Id);
                writer.WriteNumber("index", index);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private static void WriteResult(Utf8JsonWriter writer, Diagnostic diagnostic, int ruleIndex, string baseDirectory, IReadOnlyList<ResponsiblePerson> responsible, BaselineState? state)
    {
        var target = diagnostic.Target;
        writer.WriteStartObject();
        writer.WriteString("ruleId", diagnostic.Rule.Id);
        writer.WriteNumber("ruleIndex", ruleIndex);
        writer.WriteString("level", ToLevel(diagnostic.Severity));
        WriteMessage(writer, "message", diagnostic.Message);
        if (state is { } baselineState)
        {
            writer.WriteString("baselineState", ReportFormatting.BaselineStateName(baselineState));
        }

        writer.WriteStartArray("locations");
        writer.WriteStartObject();
        if (target.File is { Length: > 0 } file)
        {
            writer.WriteStartObject("physicalLocation");
            writer.WriteStartObject("artifactLocation");
            writer.WriteString("uri", ArtifactUri(file, baseDirectory));
            writer.WriteEndObject();
            if (target.Line is int line && line > 0)
            {
                writer.WriteStartObject("region");
                writer.WriteNumber("startLine", line);
                if (target.Column is int column && column > 0)
                {
                    writer.WriteNumber("startColumn", column);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        WriteLogicalLocations(writer, target);
        writer.WriteEndObject();
        writer.WriteEndArray();

        writer.WriteStartObject("partialFingerprints");
        writer.WriteString(FingerprintKey, diagnostic.Fingerprint);
        writer.WriteEndObject();

        if (diagnostic.Suppression is { } suppression)
        {
            writer.WriteStartArray("suppressions");
            writer.WriteStartObject();
            writer.WriteString("kind", "external");
            writer.WriteString("status", "accepted");
            writer.WriteString("justification", suppression.Justification);
            writer.WriteStartObject("properties");
            writer.WriteString("expires", ReportFormatting.Day(suppression.Expires));
            if (suppression.Owner is { } owner)
            {
                writer.WriteString("owner", owner);
            }

            writer.WriteString("source", suppression.Source);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        if (diagnostic.Properties.Count > 0 || responsible.Count > 0)
        {
            writer.WriteStartObject("properties");
            if (diagnostic.Properties.Count > 0)
            {
                // The evidence sits under its own key: a property bag gives "tags" a meaning of its own.
                writer.WriteStartObject("evidence");
                foreach (var (name, value) in diagnostic.Properties.OrderBy(pair => pair.Key, StringComparer.Ordinal))
                {
                    writer.WriteString(name, value);
                }

                writer.WriteEndObject();
            }

            if (responsible.Count > 0)
            {
                ReportFormatting.WriteResponsible(writer, responsible);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes a finding of the baseline that the run no longer has: a result of state <c>absent</c> with the baseline's level and message.</summary>
    private static void WriteAbsentResult(Utf8JsonWriter writer, BaselineFinding finding, int? ruleIndex)
    {
        writer.WriteStartObject();
        writer.WriteString("ruleId", finding.RuleId);
        if (ruleIndex is { } index)
        {
            writer.WriteNumber("ruleIndex", index);
        }

        writer.WriteString("level", ToLevel(finding.Severity));
        WriteMessage(writer, "message", finding.Message);
        writer.WriteString("baselineState", ReportFormatting.BaselineStateName(BaselineState.Absent));
        writer.WriteStartArray("locations");
        writer.WriteStartObject();
        WriteLogicalLocations(writer, finding.Target);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteStartObject("partialFingerprints");
        writer.WriteString(FingerprintKey, finding.Fingerprint);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteLogicalLocations(Utf8JsonWriter writer, DiagnosticTarget target)
    {
        writer.WriteStartArray("logicalLocations");
        writer.WriteStartObject();
        writer.WriteString("name", target.Name ?? target.Id);
        writer.WriteString("fullyQualifiedName", target.LogicalPath);

        // SARIF lists kinds for code ("function", "type", ...) and allows others; ours are the target kinds.
        writer.WriteString("kind", target.KindName);
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private static void WriteRunProperties(Utf8JsonWriter writer, AnalysisReport report)
    {
        var result = report.Result;
        var summary = result.Summary;
        writer.WriteStartObject("properties");
        writer.WriteString("asOf", ReportFormatting.Moment(summary.AsOf));
        writer.WriteString("source", summary.Source);
        if (result.Manifest is { } manifest)
        {
            writer.WriteStartObject("network");
            if (manifest.Name is { } name)
            {
                writer.WriteString("name", name);
            }

            if (manifest.Source is { } source)
            {
                writer.WriteString("source", source);
            }

            if (manifest.AsOf is { } asOf)
            {
                writer.WriteString("asOf", ReportFormatting.Moment(asOf));
            }

            writer.WriteEndObject();
        }

        if (report.RuleSet.Profile is { } profile)
        {
            writer.WriteString("profile", profile);
        }

        writer.WriteStartArray("ruleFiles");
        foreach (var file in report.RuleFiles)
        {
            writer.WriteStringValue(file);
        }

        writer.WriteEndArray();
        writer.WriteNumber("rulesRun", summary.RulesRun);
        ReportFormatting.WriteCounts(writer, summary);
        ReportFormatting.WriteDataNotes(writer, report.Result.DataNotes);
        if (report.Comparison is { } comparison)
        {
            ReportFormatting.WriteBaselineCounts(writer, comparison);
        }

        writer.WriteEndObject();
    }

    private static void WriteMessage(Utf8JsonWriter writer, string name, string text)
    {
        writer.WriteStartObject(name);
        writer.WriteString("text", MessageText(text));
        writer.WriteEndObject();
    }
}
