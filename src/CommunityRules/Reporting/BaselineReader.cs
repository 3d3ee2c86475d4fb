using System.Globalization;
using System.Text.Json;
using CommunityRules.Data;
using CommunityRules.Diagnostics;

namespace CommunityRules.Reporting;

/// <summary>
/// Reads a <see cref="Baseline"/> from an earlier report of this tool: the JSON report or the SARIF log, told apart by
/// content. A file that is not one of them is an <see cref="InvalidDataException"/> whose one-line message names the
/// file and what is wrong, never quoting its content.
/// </summary>
internal static class BaselineReader
{
    private const string ToolName = "CommunityRules";

    public static Baseline Read(string path)
    {
        if (DataFiles.Problem(path) is { } problem)
        {
            throw Bad(path, problem);
        }

        if (!File.Exists(path))
        {
            throw Bad(path, "does not exist");
        }

        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $" (it breaks off at line {line + 1})") : string.Empty;
            throw Bad(path, $"is not a JSON or SARIF report{where}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Bad(path, $"cannot be read: {ex.Message.ReplaceLineEndings(" ")}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Bad(path, "is not a report: it holds no JSON object");
            }

            var name = Path.GetFileName(path);
            var findings = root.TryGetProperty("runs", out _) ? ReadSarif(path, root) : ReadJson(path, root);
            return new Baseline(name, findings) { File = path };
        }
    }

    private static List<BaselineFinding> ReadJson(string path, JsonElement root)
    {
        if (!root.TryGetProperty("tool", out var tool) || tool.ValueKind != JsonValueKind.Object || String(tool, "name") is null)
        {
            throw Bad(path, "is neither a CommunityRules JSON report (no 'tool') nor a SARIF log (no 'runs'); give a report written with --format json or --format sarif");
        }

        if (String(tool, "name") != ToolName)
        {
            throw Bad(path, "is a JSON report of another tool; give a report written by communityrules check --format json");
        }

        if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var shape) || shape != JsonReportWriter.ShapeVersion)
        {
            throw Bad(path, string.Create(CultureInfo.InvariantCulture, $"is a CommunityRules JSON report of another shape version; this version reads version {JsonReportWriter.ShapeVersion}"));
        }

        var array = Array(path, root, "findings", "'findings'");
        var findings = new List<BaselineFinding>(array.GetArrayLength());
        var index = 0;
        foreach (var finding in array.EnumerateArray())
        {
            index++;
            var what = string.Create(CultureInfo.InvariantCulture, $"finding {index}");
            if (finding.ValueKind != JsonValueKind.Object)
            {
                throw Bad(path, $"has a {what} that is not an object");
            }

            var target = finding.TryGetProperty("target", out var t) && t.ValueKind == JsonValueKind.Object ? t : throw Bad(path, $"has no target in {what}");
            var kind = ParseKind(String(target, "kind")) ?? throw Bad(path, $"has no known target kind in {what}");
            findings.Add(new BaselineFinding(
                Required(path, finding, "fingerprint", what),
                Required(path, finding, "ruleId", what),
                ParseSeverity(String(finding, "severity")) ?? throw Bad(path, $"has no known severity in {what}"),
                Required(path, finding, "message", what),
                new DiagnosticTarget(kind, Required(path, target, "id", what), String(target, "name"), String(target, "groupId"))));
        }

        return findings;
    }

    private static List<BaselineFinding> ReadSarif(string path, JsonElement root)
    {
        if (String(root, "version") != "2.1.0")
        {
            throw Bad(path, "is not a SARIF 2.1.0 log ('version' is not \"2.1.0\")");
        }

        var runs = Array(path, root, "runs", "'runs'");
        if (runs.GetArrayLength() != 1)
        {
            throw Bad(path, string.Create(CultureInfo.InvariantCulture, $"has {runs.GetArrayLength()} runs; a CommunityRules SARIF log has exactly one"));
        }

        var run = runs[0];
        var driverName = run.ValueKind == JsonValueKind.Object
            && run.TryGetProperty("tool", out var tool) && tool.ValueKind == JsonValueKind.Object
            && tool.TryGetProperty("driver", out var driver) && driver.ValueKind == JsonValueKind.Object
            ? String(driver, "name")
            : null;
        if (driverName != ToolName)
        {
            throw Bad(path, "is a SARIF log of another tool; give a log written by communityrules check --format sarif");
        }

        var results = Array(path, run, "results", "'results' in its run");
        var findings = new List<BaselineFinding>(results.GetArrayLength());
        var index = 0;
        foreach (var result in results.EnumerateArray())
        {
            index++;
            var what = string.Create(CultureInfo.InvariantCulture, $"result {index}");
            if (result.ValueKind != JsonValueKind.Object)
            {
                throw Bad(path, $"has a {what} that is not an object");
            }

            // A log that was itself compared lists the findings it no longer had; they are not findings of that run.
            if (String(result, "baselineState") == "absent")
            {
                continue;
            }

            var fingerprint = Fingerprint(result) ?? throw Bad(path, $"has no '{SarifReportWriter.FingerprintKey}' fingerprint in {what}");
            var message = result.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object && String(m, "text") is { } text
                ? UnescapeMessage(text)
                : throw Bad(path, $"has no message text in {what}");
            findings.Add(new BaselineFinding(
                fingerprint,
                Required(path, result, "ruleId", what),
                ParseLevel(String(result, "level")) ?? throw Bad(path, $"has no known level in {what}"),
                message,
                LogicalTarget(result) ?? throw Bad(path, $"has no logical location in {what}")));
        }

        return findings;
    }

    private static string? Fingerprint(JsonElement result)
    {
        foreach (var name in (ReadOnlySpan<string>)["partialFingerprints", "fingerprints"])
        {
            if (result.TryGetProperty(name, out var prints) && prints.ValueKind == JsonValueKind.Object && String(prints, SarifReportWriter.FingerprintKey) is { Length: > 0 } print)
            {
                return print;
            }
        }

        return null;
    }

    /// <summary>Reads the target from the logical location the writer gives: <c>kind/id</c> or <c>group/GROUP/kind/id</c>.</summary>
    private static DiagnosticTarget? LogicalTarget(JsonElement result)
    {
        if (!result.TryGetProperty("locations", out var locations) || locations.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var location in locations.EnumerateArray())
        {
            if (location.ValueKind != JsonValueKind.Object || !location.TryGetProperty("logicalLocations", out var logical) || logical.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var entry in logical.EnumerateArray())
            {
                if (entry.ValueKind != JsonValueKind.Object || String(entry, "kind") is not { } kindName || ParseKind(kindName) is not { } kind || String(entry, "fullyQualifiedName") is not { } path)
                {
                    continue;
                }

                string? groupId = null;
                string id;
                var marker = $"/{kindName}/";
                if (kind is TargetKind.Post or TargetKind.Comment && path.StartsWith("group/", StringComparison.Ordinal) && path.LastIndexOf(marker, StringComparison.Ordinal) is var at and > 5)
                {
                    groupId = path[6..at];
                    id = path[(at + marker.Length)..];
                }
                else if (path.StartsWith(kindName + "/", StringComparison.Ordinal))
                {
                    id = path[(kindName.Length + 1)..];
                }
                else
                {
                    continue;
                }

                var name = String(entry, "name");
                return new DiagnosticTarget(kind, id, name == id ? null : name, groupId);
            }
        }

        return null;
    }

    /// <summary>Undoes <see cref="SarifReportWriter.MessageText"/>: a doubled brace is one brace.</summary>
    private static string UnescapeMessage(string text) =>
        text.Replace("{{", "{", StringComparison.Ordinal).Replace("}}", "}", StringComparison.Ordinal);

    private static JsonElement Array(string path, JsonElement parent, string name, string what) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array
            : throw Bad(path, $"has no list of {what}");

    private static string Required(string path, JsonElement element, string name, string what) =>
        String(element, name) is { Length: > 0 } value ? value : throw Bad(path, $"has no '{name}' in {what}");

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    internal static TargetKind? ParseKind(string? name) => name switch
    {
        "person" => TargetKind.Person,
        "group" => TargetKind.Group,
        "post" => TargetKind.Post,
        "comment" => TargetKind.Comment,
        "network" => TargetKind.Network,
        "configuration" => TargetKind.Configuration,
        "record" => TargetKind.Record,
        _ => null,
    };

    private static Severity? ParseSeverity(string? name) => name switch
    {
        "error" => Severity.Error,
        "warning" => Severity.Warning,
        "suggestion" => Severity.Suggestion,
        "silent" => Severity.Silent,
        _ => null,
    };

    private static Severity? ParseLevel(string? level) => level switch
    {
        "error" => Severity.Error,
        "warning" => Severity.Warning,
        "note" => Severity.Suggestion,
        "none" => Severity.Silent,
        _ => null,
    };

    private static InvalidDataException Bad(string path, string problem) => new($"the baseline '{Rules.Echo.Path(path)}' {problem}.");
}
