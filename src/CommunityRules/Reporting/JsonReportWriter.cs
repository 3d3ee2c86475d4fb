using System.Text.Json;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;

namespace CommunityRules.Reporting;

/// <summary>
/// Writes a report as CommunityRules' own JSON: a stable, documented shape (<c>docs/output-formats.md</c>) for
/// pipelines and dashboards. Property names are camelCase, severities lower-case; the output is UTF-8 without a byte
/// order mark, indented with <c>\n</c> newlines, and the same run always gives the same bytes.
/// </summary>
public sealed class JsonReportWriter : IReportWriter
{
    /// <summary>The version of the JSON shape, written as <c>"version"</c>; it changes only when a field is removed or changes meaning.</summary>
    public const int ShapeVersion = 1;

    private const string ToolName = "CommunityRules";

    /// <inheritdoc/>
    public string Format => "json";

    /// <inheritdoc/>
    public async Task WriteAsync(AnalysisReport report, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);

        var result = report.Result;
        using var writer = new Utf8JsonWriter(output, ReportFormatting.WriterOptions);
        writer.WriteStartObject();
        writer.WriteNumber("version", ShapeVersion);

        writer.WriteStartObject("tool");
        writer.WriteString("name", ToolName);
        writer.WriteString("version", report.ToolVersion);
        writer.WriteEndObject();

        writer.WriteStartObject("configuration");
        WriteStringOrNull(writer, "profile", report.RuleSet.Profile);
        writer.WriteStartArray("ruleFiles");
        foreach (var file in report.RuleFiles)
        {
            writer.WriteStringValue(file);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();

        writer.WriteStartObject("network");
        WriteStringOrNull(writer, "name", result.Manifest?.Name);
        WriteStringOrNull(writer, "source", result.Manifest?.Source);
        WriteStringOrNull(writer, "asOf", result.Manifest?.AsOf is { } manifestAsOf ? ReportFormatting.Moment(manifestAsOf) : null);
        writer.WriteEndObject();

        WriteSummary(writer, result.Summary, result.DataNotes, report.Comparison);

        writer.WriteStartArray("rules");
        foreach (var rule in report.ReportedRules)
        {
            WriteRule(writer, rule);
        }

        writer.WriteEndArray();

        writer.WriteStartArray("findings");
        foreach (var diagnostic in result.Diagnostics)
        {
            WriteFinding(writer, diagnostic, report.Responsible.For(diagnostic), report.Comparison);
            if (writer.BytesPending > ReportFormatting.FlushThreshold)
            {
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        writer.WriteEndArray();
        if (report.Comparison is { } comparison)
        {
            // The baseline's findings this run no longer has: fixed, or no longer checked.
            writer.WriteStartArray("absent");
            foreach (var finding in comparison.Absent)
            {
                WriteAbsent(writer, finding);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        await output.WriteAsync(ReportFormatting.FinalNewLine, cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void WriteSummary(Utf8JsonWriter writer, RunSummary summary, IReadOnlyList<Data.DataNote> notes, BaselineComparison? comparison)
    {
        writer.WriteStartObject("summary");
        writer.WriteString("asOf", ReportFormatting.Moment(summary.AsOf));
        writer.WriteString("source", summary.Source);
        writer.WriteNumber("rulesRun", summary.RulesRun);

        ReportFormatting.WriteCounts(writer, summary);
        ReportFormatting.WriteDataNotes(writer, notes);
        if (comparison is not null)
        {
            ReportFormatting.WriteBaselineCounts(writer, comparison);
        }

        writer.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter writer, ReportedRule rule)
    {
        var descriptor = rule.Descriptor;
        writer.WriteStartObject();
        writer.WriteString("id", descriptor.Id);
        writer.WriteString("title", descriptor.Title);
        writer.WriteString("category", descriptor.Category);
        writer.WriteString("defaultSeverity", ReportFormatting.SeverityName(descriptor.DefaultSeverity));
        writer.WriteBoolean("enabledByDefault", descriptor.IsEnabledByDefault);
        writer.WriteString("severity", ReportFormatting.SeverityName(rule.Severity));
        WriteStringOrNull(writer, "help", descriptor.HelpLink?.AbsoluteUri);
        WriteStringOrNull(writer, "description", descriptor.Description);
        writer.WriteStartArray("tags");
        foreach (var tag in descriptor.Tags)
        {
            writer.WriteStringValue(tag);
        }

        writer.WriteEndArray();
        if (rule.Options is { } options)
        {
            // Only where configuration changed them: a pack's full word lists would drown the report otherwise.
            writer.WritePropertyName("options");
            System.Text.Json.Nodes.JsonNode.Parse(options.Json.ToString(Newtonsoft.Json.Formatting.None))!.WriteTo(writer);
            writer.WriteStartArray("optionsSources");
            foreach (var source in options.Sources)
            {
                writer.WriteStringValue(source.ToString());
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes one finding as an object: the shape of <c>findings[]</c>, which JSON Lines shares.</summary>
    internal static void WriteFinding(Utf8JsonWriter writer, Diagnostic diagnostic, IReadOnlyList<ResponsiblePerson> responsible, BaselineComparison? comparison)
    {
        writer.WriteStartObject();
        writer.WriteString("ruleId", diagnostic.Rule.Id);
        writer.WriteString("severity", ReportFormatting.SeverityName(diagnostic.Severity));
        writer.WriteString("message", diagnostic.Message);
        if (comparison is not null)
        {
            writer.WriteString("baselineState", ReportFormatting.BaselineStateName(comparison.StateOf(diagnostic)));
        }

        WriteTarget(writer, diagnostic.Target);
        writer.WriteStartObject("properties");
        foreach (var (name, value) in diagnostic.Properties.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            writer.WriteString(name, value);
        }

        writer.WriteEndObject();
        writer.WriteString("fingerprint", diagnostic.Fingerprint);
        ReportFormatting.WriteResponsible(writer, responsible);

        if (diagnostic.Suppression is { } suppression)
        {
            writer.WriteStartObject("suppression");
            writer.WriteString("justification", suppression.Justification);
            writer.WriteString("expires", ReportFormatting.Day(suppression.Expires));
            WriteStringOrNull(writer, "owner", suppression.Owner);
            writer.WriteString("source", suppression.Source);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteTarget(Utf8JsonWriter writer, DiagnosticTarget target)
    {
        writer.WriteStartObject("target");
        writer.WriteString("kind", target.KindName);
        writer.WriteString("id", target.Id);
        WriteStringIfPresent(writer, "name", target.Name);
        WriteStringIfPresent(writer, "groupId", target.GroupId);
        WriteStringIfPresent(writer, "file", target.File);
        if (target.Line is { } line)
        {
            writer.WriteNumber("line", line);
        }

        if (target.Column is { } column)
        {
            writer.WriteNumber("column", column);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes a finding of the baseline that this run no longer has, in the shape of a finding.</summary>
    private static void WriteAbsent(Utf8JsonWriter writer, BaselineFinding finding)
    {
        writer.WriteStartObject();
        writer.WriteString("ruleId", finding.RuleId);
        writer.WriteString("severity", ReportFormatting.SeverityName(finding.Severity));
        writer.WriteString("message", finding.Message);
        writer.WriteString("baselineState", ReportFormatting.BaselineStateName(BaselineState.Absent));
        WriteTarget(writer, finding.Target);
        writer.WriteString("fingerprint", finding.Fingerprint);
        writer.WriteEndObject();
    }

    private static void WriteStringOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteStringIfPresent(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
