using System.Globalization;
using System.Text.Json;
using CommunityRules.Checks;
using CommunityRules.Data;
using CommunityRules.Data.Snapshot;
using CommunityRules.Diagnostics;
using CommunityRules.Model;
using CommunityRules.Rules.Schema;
using CommunityRules.Rules.Yaml;
using Newtonsoft.Json.Linq;

namespace CommunityRules.Rules;

/// <summary>
/// Binds one YAML file, already checked against the JSON Schema, into rules and configuration, with the semantic
/// checks the schema cannot make: where-fields, placeholders, regexes, options, dates, examples.
/// </summary>
internal sealed partial class RuleFileBinder
{
    private static readonly string[] ContextPlaceholders = ["rule.id", "rule.title", "rule.category"];

    private readonly IReadOnlyDictionary<string, Check> _checks;
    private readonly string _file;
    private readonly string? _directory;
    private readonly List<RuleError> _errors;
    private readonly Func<string, SourceLocation, FileText> _readFile;
    private readonly string[] _sourceLines;
    private readonly SchemaErrorIndex _schemaErrors;
    private readonly YamlJson _document;
    // Whether the file's options overrides are validated against the options schemas (OptionsOverride.AgainstSchema).
    private readonly bool _againstSchema;

    // Whether the file is a bundled pack: its regular expressions are ours and simple, so they use the backtracking
    // engine (with the same timeout) instead of the non-backtracking one a user's pattern gets, whose construction is
    // tens of milliseconds of a run's start-up. Both engines give the same answer to IsMatch.
    private readonly bool _bundled;

    public RuleFileBinder(IReadOnlyDictionary<string, Check> checks, string file, string? directory, string source, List<RuleError> errors, Func<string, SourceLocation, FileText> readFile, YamlJson document, SchemaErrorIndex schemaErrors, bool againstSchema = true, bool bundled = false)
    {
        _againstSchema = againstSchema;
        _bundled = bundled;
        _sourceLines = source.Split('\n');
        _document = document;
        _schemaErrors = schemaErrors;
        _checks = checks;
        _file = file;
        _directory = directory;
        _errors = errors;
        _readFile = readFile;
    }

    // The same file's binder with errors of its own: for a bundled pack's examples, bound after the load.
    private RuleFileBinder(RuleFileBinder file, List<RuleError> errors)
    {
        _againstSchema = file._againstSchema;
        _bundled = file._bundled;
        _sourceLines = file._sourceLines;
        _document = file._document;
        _schemaErrors = file._schemaErrors;
        _checks = file._checks;
        _file = file._file;
        _directory = file._directory;
        _errors = errors;
        _readFile = file._readFile;
    }

    /// <summary>Binds every part of the file, each rule as far as it can be, so one run reports all of a file's mistakes.</summary>
    public RuleFile Bind(YamlTreeMapping root)
    {
        var result = new RuleFile(_file);
        foreach (var reference in root.Scalars("extends"))
        {
            result.Extends.Add((reference.Value, reference.At(_file)));
        }

        if (root["severity"] is YamlTreeMapping severities)
        {
            result.Severities.AddRange(BindSeverities(severities));
        }

        if (root["options"] is YamlTreeMapping options)
        {
            result.Options.AddRange(BindOptionOverrides(options, _document.Root["options"], profile: null));
        }

        if (root["profiles"] is YamlTreeMapping profiles)
        {
            foreach (var (name, value) in profiles.Entries)
            {
                var profile = value as YamlTreeMapping;
                var settings = profile?["severity"] is YamlTreeMapping map ? BindSeverities(map) : [];
                var overrides = profile?["options"] is YamlTreeMapping profileOptions
                    ? BindOptionOverrides(profileOptions, _document.Root["profiles"]?[name.Value]?["options"], name.Value)
                    : [];
                result.Profiles[name.Value] = new ProfileDefinition(name.Value, settings, name.At(_file), overrides);
            }
        }

        foreach (var exemption in root.Mappings("exemptions"))
        {
            if (BindExemption(exemption) is { } bound)
            {
                result.Exemptions.Add(bound);
            }
        }

        foreach (var rule in root.Mappings("rules"))
        {
            if (BindRule(rule) is { } bound)
            {
                result.Rules.Add(bound);
            }
            else
            {
                result.RuleIdsWithErrors.AddRange(new[] { rule.Text("id") }
                    .Concat((rule["perTarget"] as YamlTreeMapping)?.Entries.Select(entry => (entry.Value as YamlTreeMapping)?.Text("id")) ?? [])
                    .Concat((rule["outcomes"] as YamlTreeMapping)?.Entries.Select(entry => (entry.Value as YamlTreeMapping)?.Text("id")) ?? [])
                    .OfType<string>());
            }
        }

        return result;
    }

    /// <summary>Takes a configuration's <c>options:</c> as written; they are checked against the rules once every file is loaded.</summary>
    private List<OptionsOverride> BindOptionOverrides(YamlTreeMapping map, JToken? json, string? profile)
    {
        var overrides = new List<OptionsOverride>();
        foreach (var (key, value) in map.Entries)
        {
            if (value is YamlTreeMapping mapping && json?[key.Value] is JObject token && !_schemaErrors.Within(value))
            {
                overrides.Add(new OptionsOverride(key.Value, key.At(_file), mapping, token, _document, _file, _directory, profile) { AgainstSchema = _againstSchema });
            }
        }

        return overrides;
    }

    private List<SeveritySetting> BindSeverities(YamlTreeMapping map)
    {
        var settings = new List<SeveritySetting>();
        foreach (var (key, value) in map.Entries)
        {
            if (value is YamlTreeScalar scalar && ParseSeverity(scalar.Value) is { } severity)
            {
                settings.Add(new SeveritySetting(key.Value, severity, key.At(_file)));
            }
        }

        return settings;
    }

    private Exemption? BindExemption(YamlTreeMapping node)
    {
        var rule = node.Text("rule");
        var target = node.Text("target");
        var justification = node.Text("justification");
        var expiresNode = node["expires"] as YamlTreeScalar;
        if (rule is null || target is null || justification is null || expiresNode is null)
        {
            return null;
        }

        // An empty justification is the schema's to report; only one of spaces gets past it.
        if (justification.Length > 0 && string.IsNullOrWhiteSpace(justification))
        {
            Error(node["justification"]!, RuleErrorCodes.MissingJustification, "The exemption's 'justification' is empty; say why the finding is accepted.");
            return null;
        }

        if (!DateOnly.TryParseExact(expiresNode.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires))
        {
            Error(expiresNode, RuleErrorCodes.InvalidDate, $"'{Echo.Short(expiresNode.Value)}' is not a date; write the last day the exemption applies as YYYY-MM-DD, such as 2026-12-31.");
            return null;
        }

        return new Exemption(rule, target, justification.Trim(), expires, node.Text("owner"), node.At(_file));
    }

    /// <summary>
    /// Binds a rule as far as its parts allow, reporting every mistake: a part with a schema error, or one that needs a
    /// part that is missing or wrong (the check, the target), is skipped so that one mistake is not reported twice.
    /// </summary>
    private Rule? BindRule(YamlTreeMapping node)
    {
        var errorsBefore = _errors.Count;
        var id = node.Text("id") is { } written && !string.IsNullOrWhiteSpace(written) ? written : "(no id)";
        var checkNode = node["check"];
        var check = node.Text("check") is { } checkKind && !_schemaErrors.Within(checkNode) ? _checks.GetValueOrDefault(checkKind) : null;
        var targets = _schemaErrors.Within(node["target"]) ? null : BindTargets(node["target"], check);

        var severity = node["severity"] is YamlTreeScalar severityNode ? ParseSeverity(severityNode.Value) ?? Severity.Warning : Severity.Warning;
        var enabled = node["enabled"] is not YamlTreeScalar { Value: "false" or "False" or "FALSE" };
        Uri? help = null;
        if (node["help"] is YamlTreeScalar helpNode && !_schemaErrors.Within(helpNode) && !IsWebLink(helpNode.Value, out help))
        {
            Error(helpNode, RuleErrorCodes.InvalidValue, $"'{Echo.Short(helpNode.Value)}' is not a web link; write it in full, starting with https://, such as https://intranet.example/community/naming.");
        }

        var messageNode = _schemaErrors.Within(node["message"]) ? null : node["message"] as YamlTreeScalar;
        var descriptor = new RuleDescriptor(
            id,
            node.Text("title") ?? string.Empty,
            messageNode?.Value ?? string.Empty,
            node.Text("category") ?? "general",
            severity,
            enabled,
            node.Text("description"),
            help,
            [.. node.Scalars("tags").Select(tag => tag.Value)]);

        var options = check is not null && targets is not null && checkNode is not null && !_schemaErrors.Within(node["options"])
            ? BindOptions(id, targets, check, node["options"], checkNode)
            : null;

        // Without options, the values a check offers for them (a pattern's named groups) are unknown: check the message's form only.
        var message = messageNode is null ? null : BindMessage(messageNode, options is null ? null : targets, check, options);
        var outcomes = check is not null && targets is not null ? BindOutcomes(node["outcomes"] as YamlTreeMapping, descriptor, check, targets) : [];
        var scopes = new List<ScopeCondition>();
        foreach (var target in targets ?? [])
        {
            scopes.Add(node["where"] is YamlTreeMapping where && !_schemaErrors.Within(where) ? BindWhere(where, target) : ScopeCondition.Everything);
        }

        var perTarget = message is not null && targets is not null && check is not null
            ? BindPerTarget(node["perTarget"] as YamlTreeMapping, descriptor, message, targets, check, options)
            : null;
        // A bundled pack's examples are bound when `test` reads them, not in every run (tests bind them eagerly).
        IReadOnlyList<RuleExample> examples = _bundled && !_againstSchema && targets is not null
            ? new DeferredExamples(() => new RuleFileBinder(this, []).BindBundledExamples(node, targets))
            : BindExamples(node, targets);

        if (_errors.Count > errorsBefore || _schemaErrors.Within(node) || message is null || options is null || targets is null || perTarget is null || check is null)
        {
            return null;
        }

        var bindings = targets.Select((target, i) => perTarget.TryGetValue(target, out var own)
            ? new RuleTarget(target, ScopeCondition.ForPeopleOnly(scopes[i], target), own.Descriptor, own.Message)
            : new RuleTarget(target, ScopeCondition.ForPeopleOnly(scopes[i], target), descriptor, message)).ToList();
        var writtenOptions = node["options"] is YamlTreeMapping optionsNode ? YamlJson.ToJson(optionsNode) : null;
        return new Rule(descriptor, bindings, check, options, message, examples, node.At(_file), outcomes, new WrittenOptions(writtenOptions, _directory));
    }

    /// <summary>Reads <c>target:</c>, one kind or a list of kinds, each of which the check must look at.</summary>
    private List<TargetKind>? BindTargets(YamlTreeNode? node, Check? check)
    {
        var written = node switch
        {
            YamlTreeScalar scalar => [scalar],
            YamlTreeSequence list => list.Items.OfType<YamlTreeScalar>().ToList(),
            _ => [],
        };
        if (written.Count == 0)
        {
            return null;
        }

        var targets = new List<TargetKind>();
        foreach (var item in written)
        {
            var target = ParseTarget(item.Value);
            if (check is not null && !check.SupportedTargets.Contains(target))
            {
                var fix = node is YamlTreeSequence
                    ? $"remove '{Echo.Short(item.Value)}' from the list"
                    : $"set 'target: {(check.SupportedTargets.Count > 1 ? "[" + string.Join(", ", check.SupportedTargets.Select(Name)) + "]" : Name(check.SupportedTargets[0]))}'";
                Error(item, RuleErrorCodes.UnsupportedTarget, $"The check '{check.Kind}' looks at {string.Join(" or ", check.SupportedTargets.Select(Name))}, not at a {Name(target)}; {fix}.");
                continue;
            }

            targets.Add(target);
        }

        return targets.Count < written.Count ? null : targets;
    }

    /// <summary>
    /// Binds <c>perTarget:</c>: a rule that looks at several kinds may give the findings on one of them their own id,
    /// title, message and severity, as the bundled packs do to keep the ids their posts-only and comments-only rules had.
    /// </summary>
    private Dictionary<TargetKind, (RuleDescriptor Descriptor, MessageTemplate Message)>? BindPerTarget(YamlTreeMapping? node, RuleDescriptor rule, MessageTemplate message, List<TargetKind> targets, Check check, object? options)
    {
        var result = new Dictionary<TargetKind, (RuleDescriptor, MessageTemplate)>();
        if (node is null)
        {
            return result;
        }

        var ok = true;
        foreach (var (key, value) in node.Entries)
        {
            var target = ParseTarget(key.Value);
            if (!targets.Contains(target) || Name(target) != key.Value)
            {
                Error(key, RuleErrorCodes.UnknownKey, targets.Count == 1
                    ? $"'{key.Value}' is not one of the rule's targets: it looks at {Name(targets[0])}s only. List every target the rule looks at, such as 'target: [{Name(targets[0])}, {key.Value}]', or remove '{key.Value}:'."
                    : $"'{key.Value}' is not one of the rule's targets ({string.Join(", ", targets.Select(Name))}); 'perTarget:' names one of them.{Suggestions.DidYouMean(key.Value, targets.Select(Name))}");
                ok = false;
                continue;
            }

            if (value is not YamlTreeMapping settings || _schemaErrors.Within(value))
            {
                ok = false;
                continue;
            }

            var messageNode = settings["message"] as YamlTreeScalar;
            var severity = settings["severity"] is YamlTreeScalar severityNode ? ParseSeverity(severityNode.Value) ?? rule.DefaultSeverity : rule.DefaultSeverity;
            Uri? help = rule.HelpLink;
            if (settings["help"] is YamlTreeScalar helpNode && !IsWebLink(helpNode.Value, out help))
            {
                Error(helpNode, RuleErrorCodes.InvalidValue, $"'{Echo.Short(helpNode.Value)}' is not a web link; write it in full, starting with https://, such as https://intranet.example/community/naming.");
                ok = false;
            }

            var enabled = settings["enabled"] is YamlTreeScalar enabledNode ? enabledNode.Value is not ("false" or "False" or "FALSE") : rule.IsEnabledByDefault;
            var descriptor = new RuleDescriptor(
                settings.Text("id") ?? rule.Id,
                settings.Text("title") ?? rule.Title,
                messageNode?.Value ?? rule.MessageFormat,
                rule.Category,
                severity,
                enabled,
                settings.Text("description") ?? rule.Description,
                help,
                rule.Tags);
            var ownMessage = messageNode is null ? message : BindMessage(messageNode, [target], check, options);
            if (ownMessage is null)
            {
                ok = false;
                continue;
            }

            result[target] = (descriptor, ownMessage);
        }

        return ok ? result : null;
    }

    /// <summary>Binds the check's further outcomes: each gets the rule's words unless the file renames or rewords it.</summary>
    private List<RuleOutcome> BindOutcomes(YamlTreeMapping? node, RuleDescriptor rule, Check check, List<TargetKind> targets)
    {
        if (node is not null)
        {
            foreach (var (name, _) in node.Entries.Where(entry => !check.Outcomes.Any(outcome => outcome.Name == entry.Key.Value)))
            {
                var known = check.Outcomes.Select(outcome => outcome.Name).ToList();
                var hint = known.Count == 0 ? $" The check '{check.Kind}' has no further outcomes." : Suggestions.DidYouMean(name.Value, known);
                Error(name, RuleErrorCodes.UnknownKey, $"'{Echo.Short(name.Value)}' is not an outcome of check '{check.Kind}'.{hint}");
            }
        }

        var result = new List<RuleOutcome>();
        foreach (var outcome in check.Outcomes)
        {
            var settings = node?[outcome.Name] as YamlTreeMapping;
            var messageNode = settings?["message"] as YamlTreeScalar;
            var severity = settings?["severity"] is YamlTreeScalar severityNode ? ParseSeverity(severityNode.Value) ?? outcome.DefaultSeverity : outcome.DefaultSeverity;
            Uri? help = rule.HelpLink;
            if (settings?["help"] is YamlTreeScalar helpNode && !IsWebLink(helpNode.Value, out help))
            {
                Error(helpNode, RuleErrorCodes.InvalidValue, $"'{Echo.Short(helpNode.Value)}' is not a web link; write it in full, starting with https://, such as https://intranet.example/community/naming.");
            }

            var enabled = settings?["enabled"] is YamlTreeScalar enabledNode ? enabledNode.Value is not ("false" or "False" or "FALSE") : rule.IsEnabledByDefault;
            var descriptor = new RuleDescriptor(
                settings?.Text("id") ?? $"{rule.Id}.{outcome.Name}",
                settings?.Text("title") ?? outcome.Title,
                messageNode?.Value ?? outcome.MessageFormat,
                rule.Category,
                severity,
                enabled,
                settings?.Text("description") ?? outcome.Description,
                help,
                rule.Tags);
            var message = messageNode is not null
                ? BindMessage(messageNode, targets, check)
                : MessageTemplate.TryParse(outcome.MessageFormat, out _, out _);
            if (message is not null)
            {
                result.Add(new RuleOutcome(outcome, descriptor, message));
            }
        }

        return result;
    }

    /// <summary>Parses a message; with the targets and check known, also checks that each placeholder can be filled on every target.</summary>
    private MessageTemplate? BindMessage(YamlTreeScalar node, List<TargetKind>? targets, Check? check, object? options = null)
    {
        var template = MessageTemplate.TryParse(node.Value, out var error, out var offset);
        if (template is null)
        {
            Error(node, RuleErrorCodes.InvalidMessage, $"The message is not valid: {error}.", node.Value[offset..Math.Min(node.Value.Length, offset + 12)].Split('\n')[0], Occurrence(node.Value, offset, 12));
            return null;
        }

        if (targets is null || check is null)
        {
            return template;
        }

        var provided = options is null ? check.MessageArguments : [.. check.MessageArguments, .. check.MessageArgumentsFor(options)];
        var fields = targets.Skip(1).Aggregate(EntityFields.PathsOf(targets[0]).AsEnumerable(), (common, target) => common.Intersect(EntityFields.PathsOf(target), StringComparer.Ordinal));
        var known = fields.Concat(provided).Concat(ContextPlaceholders).ToList();
        var several = targets.Count > 1 ? $" A rule that looks at {string.Join(" and ", targets.Select(t => Name(t) + "s"))} can show only the fields they all have, such as {{group.name}} and {{author.name}}." : string.Empty;
        foreach (var (name, placeholderOffset) in template.Placeholders)
        {
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                var hint = targets.Any(target => EntityFields.PathsOf(target).Contains(name, StringComparer.Ordinal)) ? several : string.Empty;
                Error(node, RuleErrorCodes.UnknownPlaceholder, $"'{{{name}}}' is not a value this rule can show.{Suggestions.DidYouMean(name, known)} The check '{check.Kind}' provides {string.Join(", ", provided.Select(a => $"{{{a}}}"))}.{hint}", "{" + name, Occurrence(node.Value, placeholderOffset, name.Length + 1));
            }
        }

        return template;
    }

    /// <summary>Help links end up in HTML and SARIF viewers, so only web links are taken: never javascript: or file:.</summary>
    private static bool IsWebLink(string text, out Uri? link) =>
        Uri.TryCreate(text, UriKind.Absolute, out link) && (link.Scheme == Uri.UriSchemeHttps || link.Scheme == Uri.UriSchemeHttp);

    private static TargetKind ParseTarget(string text) => text switch
    {
        "person" => TargetKind.Person,
        "post" => TargetKind.Post,
        "comment" => TargetKind.Comment,
        _ => TargetKind.Group,
    };

    internal static Severity? ParseSeverity(string text) => text switch
    {
        "error" => Severity.Error,
        "warning" => Severity.Warning,
        "suggestion" => Severity.Suggestion,
        "silent" => Severity.Silent,
        "none" => Severity.None,
        _ => null,
    };

    private static string Name(TargetKind kind) => kind.ToString().ToLowerInvariant();

    private void Error(YamlTreeNode node, string code, string message) =>
        Add(new RuleError(new SourceLocation(_file, node.Line, node.Column), code, message));

    /// <summary>Adds an error unless the same one is there already: a part bound once per target may find the same mistake twice.</summary>
    private void Add(RuleError error)
    {
        if (!_errors.Any(known => known.Location == error.Location && known.Code == error.Code))
        {
            _errors.Add(error);
        }
    }

    /// <summary>
    /// Reports an error at a piece of text inside a scalar, found in the file as written: escapes, quotes and
    /// block scalars (<c>|</c>, <c>&gt;</c>) make offsets into the value useless as columns.
    /// </summary>
    private void Error(YamlTreeScalar scalar, string code, string message, string text, int occurrence)
    {
        var found = 0;
        for (var line = scalar.Line; line <= Math.Min(scalar.EndLine, _sourceLines.Length) && text.Length > 0; line++)
        {
            var lineText = _sourceLines[line - 1];

            // YamlDotNet also breaks lines at U+0085, U+2028 and U+2029, so its column may lie beyond our line's end.
            var from = line == scalar.Line ? Math.Clamp(scalar.Column - 1, 0, lineText.Length) : 0;
            for (var index = lineText.IndexOf(text, from, StringComparison.Ordinal); index >= 0; index = lineText.IndexOf(text, index + 1, StringComparison.Ordinal))
            {
                if (found++ == occurrence)
                {
                    Add(new RuleError(new SourceLocation(_file, line, index + 1), code, message));
                    return;
                }
            }
        }

        Error(scalar, code, message);
    }

    /// <summary>Counts how often the text at an offset occurs before it, so the error points at the right one of several.</summary>
    private static int Occurrence(string value, int offset, int length)
    {
        var text = value.Substring(offset, Math.Min(length, value.Length - offset));
        var count = 0;
        for (var index = value.IndexOf(text, StringComparison.Ordinal); index >= 0 && index < offset; index = value.IndexOf(text, index + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
