using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Rules;

namespace CommunityRules.Reporting;

/// <summary>What a <see cref="IReportWriter"/> reports: the result of one run, the rules it ran and the tool that ran them.</summary>
public sealed class AnalysisReport
{
    private readonly Lazy<IReadOnlyList<ReportedRule>> _reportedRules;
    private readonly Lazy<ResponsiblePeople> _responsible;

    /// <summary>Initializes a new instance of the <see cref="AnalysisReport"/> class.</summary>
    /// <param name="result">The result of the run.</param>
    /// <param name="ruleSet">The rule set the run used.</param>
    /// <param name="toolVersion">The version of the tool, such as <c>0.1.0</c>.</param>
    /// <param name="ruleFiles">The rule files that were loaded, as <see cref="RuleSetLoadResult.Files"/> gives them.</param>
    public AnalysisReport(AnalysisResult result, RuleSet ruleSet, string toolVersion, IReadOnlyList<string> ruleFiles)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentException.ThrowIfNullOrWhiteSpace(toolVersion);
        ArgumentNullException.ThrowIfNull(ruleFiles);
        Result = result;
        RuleSet = ruleSet;
        ToolVersion = toolVersion;
        RuleFiles = ruleFiles;
        _reportedRules = new Lazy<IReadOnlyList<ReportedRule>>(CollectRules);
        _responsible = new Lazy<ResponsiblePeople>(() => ResponsiblePeople.Of(Result));
    }

    /// <summary>Gets the result of the run.</summary>
    public AnalysisResult Result { get; }

    /// <summary>Gets the rule set the run used.</summary>
    public RuleSet RuleSet { get; }

    /// <summary>Gets the version of the tool.</summary>
    public string ToolVersion { get; }

    /// <summary>Gets the rule files that were loaded, bundled packs as <c>builtin:NAME</c>.</summary>
    public IReadOnlyList<string> RuleFiles { get; }

    /// <summary>Gets the run compared with a baseline: every writer marks each finding new, unchanged or updated and lists the absent ones.</summary>
    /// <value>The default value is <see langword="null"/>: no baseline, and reports carry no baseline states.</value>
    public BaselineComparison? Comparison { get; init; }

    /// <summary>Gets the run set against the earlier runs of the same source in a history store; the HTML report then has a section of trends.</summary>
    /// <value>The default value is <see langword="null"/>: no history, and no trends.</value>
    public ReportTrends? Trends { get; init; }

    /// <summary>
    /// Gets the rules a report describes: every rule of the rule set in its order, switched-off ones included, then the
    /// other rules that reported findings (the engine's own, CR0001 to CR0100) by id.
    /// </summary>
    internal IReadOnlyList<ReportedRule> ReportedRules => _reportedRules.Value;

    /// <summary>Gets the people responsible for each finding, worked out once for every writer of this report.</summary>
    internal ResponsiblePeople Responsible => _responsible.Value;

    private List<ReportedRule> CollectRules()
    {
        var rules = new List<ReportedRule>(RuleSet.Rules.Count + BuiltinRules.All.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in RuleSet.Rules)
        {
            foreach (var descriptor in rule.Descriptors)
            {
                if (seen.Add(descriptor.Id))
                {
                    rules.Add(new ReportedRule(descriptor, RuleSet.GetSeverity(descriptor)) { Options = rule.ConfiguredOptions });
                }
            }
        }

        var others = new SortedDictionary<string, RuleDescriptor>(StringComparer.Ordinal);
        foreach (var diagnostic in Result.Diagnostics)
        {
            if (!seen.Contains(diagnostic.Rule.Id))
            {
                others.TryAdd(diagnostic.Rule.Id, diagnostic.Rule);
            }
        }

        rules.AddRange(others.Values.Select(descriptor => new ReportedRule(descriptor, RuleSet.Severities.Resolve(descriptor))));
        return rules;
    }
}

/// <summary>A rule as a report lists it: its descriptor and the severity in force.</summary>
/// <param name="Descriptor">The descriptor.</param>
/// <param name="Severity">The severity in force after configuration and profile; <see cref="Severity.None"/> when off.</param>
internal sealed record ReportedRule(RuleDescriptor Descriptor, Severity Severity)
{
    /// <summary>Gets the rule's options in force and where configuration changed them; <see langword="null"/> when configuration did not.</summary>
    public ConfiguredOptions? Options { get; init; }
}

/// <summary>What the JSON and SARIF writers share: writer settings and the spelling of values.</summary>
internal static class ReportFormatting
{
    /// <summary>Writes the run's counts (records read and rejected, findings by severity and rule) into the open object; JSON and SARIF share the shape.</summary>
    public static void WriteCounts(Utf8JsonWriter writer, RunSummary summary)
    {
        writer.WriteStartObject("read");
        writer.WriteNumber("people", summary.Read.People);
        writer.WriteNumber("groups", summary.Read.Groups);
        writer.WriteNumber("memberships", summary.Read.Memberships);
        writer.WriteNumber("posts", summary.Read.Posts);
        writer.WriteNumber("comments", summary.Read.Comments);
        writer.WriteNumber("reactions", summary.Read.Reactions);
        writer.WriteEndObject();
        writer.WriteNumber("rejected", summary.Rejected);
        writer.WriteNumber("dataIssues", summary.DataIssues);
        writer.WriteStartObject("findings");
        foreach (var severity in new[] { Severity.Error, Severity.Warning, Severity.Suggestion, Severity.Silent })
        {
            writer.WriteNumber(SeverityName(severity), summary.FindingsBySeverity.GetValueOrDefault(severity));
        }

        writer.WriteEndObject();
        writer.WriteNumber("suppressed", summary.Suppressed);
        writer.WriteStartObject("byRule");
        foreach (var (ruleId, count) in summary.FindingsByRule.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            writer.WriteNumber(ruleId, count);
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes what the run said once about its data (rules not run for want of data, records left out by design) as an
    /// array named <c>dataNotes</c>; JSON and SARIF share the shape.
    /// </summary>
    public static void WriteDataNotes(Utf8JsonWriter writer, IReadOnlyList<Data.DataNote> notes)
    {
        writer.WriteStartArray("dataNotes");
        foreach (var note in notes)
        {
            writer.WriteStartObject();
            writer.WriteString("message", note.Message);
            if (note.Source is { } source)
            {
                writer.WriteString("source", source);
            }

            if (note.SkippedRules.Count > 0)
            {
                writer.WriteStartArray("skippedRules");
                foreach (var rule in note.SkippedRules)
                {
                    writer.WriteStringValue(rule);
                }

                writer.WriteEndArray();
                writer.WriteString("missing", CapabilityName(note.Missing));
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>
    /// Writes the people responsible for a finding as an array named <c>responsible</c> of <c>{id, name, role,
    /// primary}</c>, those who act on it first; JSON and SARIF share the shape.
    /// </summary>
    public static void WriteResponsible(Utf8JsonWriter writer, IReadOnlyList<ResponsiblePerson> people)
    {
        writer.WriteStartArray("responsible");
        foreach (var person in people)
        {
            writer.WriteStartObject();
            writer.WriteString("id", person.Id);
            writer.WriteString("name", person.Name);
            writer.WriteString("role", person.RoleName);
            writer.WriteBoolean("primary", person.Primary);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>Gets a capability's name as the output formats spell it: <c>admins</c>, <c>reactionTimes</c>.</summary>
    public static string CapabilityName(Data.DataCapabilities capability)
    {
        var name = capability.ToString();
        return string.Concat(name[..1].ToLowerInvariant(), name[1..]);
    }

    /// <summary>Flush to the stream whenever this many bytes are pending, so a large report never sits in memory whole.</summary>
    public const int FlushThreshold = 64 * 1024;

    /// <summary>Gets the settings of both writers: indented by two spaces, <c>\n</c> newlines, non-ASCII letters kept readable.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        IndentCharacter = ' ',
        IndentSize = 2,
        NewLine = "\n",

        // The output is a file for machines and people, never embedded in HTML; keep å, ä, ö as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Gets the final newline every report ends with.</summary>
    public static ReadOnlyMemory<byte> FinalNewLine { get; } = "\n"u8.ToArray();

    /// <summary>Gets the name of a baseline state as SARIF spells it: <c>new</c>, <c>unchanged</c>, <c>updated</c>, <c>absent</c>.</summary>
    public static string BaselineStateName(BaselineState state) => state switch
    {
        BaselineState.New => "new",
        BaselineState.Unchanged => "unchanged",
        BaselineState.Updated => "updated",
        _ => "absent",
    };

    /// <summary>Writes the comparison's counts as an object named <c>baseline</c>: where the baseline came from and how many findings are in each state.</summary>
    public static void WriteBaselineCounts(Utf8JsonWriter writer, BaselineComparison comparison)
    {
        writer.WriteStartObject("baseline");
        writer.WriteString("origin", comparison.Baseline.Origin);
        if (comparison.Baseline.RunId is { } runId)
        {
            writer.WriteString("runId", runId);
        }

        if (comparison.Baseline.RecordedAt is { } recordedAt)
        {
            writer.WriteString("recordedAt", Moment(recordedAt));
        }

        writer.WriteNumber("new", comparison.New);
        writer.WriteNumber("unchanged", comparison.Unchanged);
        writer.WriteNumber("updated", comparison.Updated);
        writer.WriteNumber("absent", comparison.Absent.Count);
        writer.WriteEndObject();
    }

    /// <summary>Gets the lower-case name of a severity, as rule files spell it.</summary>
    public static string SeverityName(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Suggestion => "suggestion",
        Severity.Silent => "silent",
        _ => "none",
    };

    /// <summary>Formats a moment in UTC as ISO 8601, with fractions of a second only when there are any.</summary>
    public static string Moment(DateTimeOffset moment) =>
        moment.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>Formats a day as <c>yyyy-MM-dd</c>.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);
}
