using System.Text.Json;
using CommunityRules.Checks;
using CommunityRules.Diagnostics;
using CommunityRules.Rules.Schema;
using CommunityRules.Rules.Yaml;
using Newtonsoft.Json.Linq;

namespace CommunityRules.Rules;

/// <summary>
/// Merges a configuration's <c>options:</c> over a rule's own and validates the result as the rule's own options are
/// validated (schema, the check's own validation, list files, regexes, the message's placeholders), with every error
/// at the place in the configuration file where the overriding value is written.
/// </summary>
/// <remarks>
/// A mapping merges key by key, nested mappings too; a list replaces a list; a value replaces a value; <c>~</c> (null)
/// removes the rule's own value, so the check's default applies.
/// </remarks>
internal sealed class OptionsOverrideBinder(List<RuleError> errors, Func<string, SourceLocation, FileText> readFile)
{
    private readonly Func<string, SourceLocation, FileText> _readFile = readFile;

    /// <summary>Gives the rule with the layers merged over its options, in order, or <see langword="null"/> after reporting what is wrong.</summary>
    public Rule? Apply(Rule rule, IReadOnlyList<OptionsOverride> layers)
    {
        var check = rule.Check;
        var failed = false;
        foreach (var layer in layers)
        {
            failed |= !ValidateAgainstSchema(check, layer);
        }

        if (failed)
        {
            return null;
        }

        var merged = rule.WrittenOptions.Json?.DeepClone() as JObject ?? [];
        foreach (var layer in layers)
        {
            Merge(merged, layer.Json);
        }

        var last = layers[^1];
        object? kept = null;
        foreach (var target in rule.Targets)
        {
            object? options;
            try
            {
                options = JsonSerializer.Deserialize(merged.ToString(Newtonsoft.Json.Formatting.None), check.OptionsType, OptionsSchemas.SerializerOptions);
            }
            catch (JsonException ex)
            {
                Add(new RuleError(last.Location, RuleErrorCodes.InvalidOption, $"The options of rule {rule.Id} (check '{check.Kind}') could not be read after merging: {ex.Message.Split(" Path:")[0]}"));
                return null;
            }

            if (options is null)
            {
                return null;
            }

            var context = new Context(this, rule, target, layers);
            check.ValidateOptions(options, context);
            failed |= context.HasErrors;
            kept ??= options;
        }

        if (failed || kept is null || !PlaceholdersStillFilled(rule, kept, last))
        {
            return null;
        }

        return rule.WithOptions(kept, new ConfiguredOptions(merged, [.. layers.Select(layer => layer.Location)]));
    }

    /// <summary>Checks an override alone against the check's options schema: names, types, ranges. What it leaves out is the rule's, so nothing is required.</summary>
    private bool ValidateAgainstSchema(Check check, OptionsOverride layer)
    {
        // A bundled pack's own overrides are ours and validated by a test; skipping them keeps a run on the bundled packs
        // from generating the options schemas (NJsonSchema's reflection), as their rules already are.
        if (!layer.AgainstSchema)
        {
            return true;
        }

        var found = new List<RuleError>();
        SchemaErrorTranslator.Validate(OptionsSchemas.For(check.OptionsType), layer.Document, layer.Json, layer.File, $"check '{check.Kind}'", found);
        var removals = layer.Json.Descendants().OfType<JValue>()
            .Where(value => value.Type == JTokenType.Null)
            .Select(value => layer.Document.NodeOf(value))
            .OfType<YamlTreeNode>()
            .Select(node => (node.Line, node.Column))
            .ToHashSet();
        var ok = true;
        foreach (var error in found.Where(error => error.Code != RuleErrorCodes.MissingField && !removals.Contains((error.Location.Line, error.Location.Column))))
        {
            Add(error);
            ok = false;
        }

        return ok;
    }

    /// <summary>Some checks offer message values that depend on their options (a pattern's named groups); new options must still fill the rule's messages.</summary>
    private bool PlaceholdersStillFilled(Rule rule, object options, OptionsOverride last)
    {
        var provided = rule.Check.MessageArguments.Concat(rule.Check.MessageArgumentsFor(options)).ToHashSet(StringComparer.Ordinal);
        var ok = true;
        foreach (var target in rule.TargetBindings)
        {
            var fields = EntityFields.PathsOf(target.Kind);
            foreach (var (name, _) in target.Message.Placeholders.Concat(rule.Outcomes.SelectMany(outcome => outcome.Message.Placeholders)))
            {
                if (!provided.Contains(name) && !fields.Contains(name, StringComparer.Ordinal) && !name.StartsWith("rule.", StringComparison.Ordinal))
                {
                    Add(new RuleError(last.Location, RuleErrorCodes.UnknownPlaceholder, $"With these options, the check '{rule.Check.Kind}' no longer provides '{{{name}}}', which the message of {target.Descriptor.Id} shows. Keep what provides it (such as a pattern's named group), or write a rule of your own with another message."));
                    ok = false;
                }
            }
        }

        return ok;
    }

    private static void Merge(JObject into, JObject over)
    {
        foreach (var property in over.Properties())
        {
            if (property.Value.Type == JTokenType.Null)
            {
                into.Remove(property.Name);
            }
            else if (into[property.Name] is JObject inner && property.Value is JObject overInner)
            {
                Merge(inner, overInner);
            }
            else
            {
                into[property.Name] = property.Value.DeepClone();
            }
        }
    }

    private void Add(RuleError error)
    {
        if (!errors.Any(known => known.Location == error.Location && known.Code == error.Code))
        {
            errors.Add(error);
        }
    }

    /// <summary>Reports an option's error where the last layer that writes it does, else at the last override's rule id; reads list files beside the file that names them.</summary>
    private sealed class Context(OptionsOverrideBinder binder, Rule rule, TargetKind target, IReadOnlyList<OptionsOverride> layers) : CheckOptionsContext
    {
        private bool _hasErrors;

        public override TargetKind Target => target;

        public override string RuleId => rule.Id;

        internal override bool HasErrors => _hasErrors;

        public override void ReportError(string optionName, string message)
        {
            _hasErrors = true;
            // The conflict may be with a value the rule's file writes, which the reader of the configuration does not see.
            var merged = rule.WrittenOptions.Json is JObject { Count: > 0 } own
                ? $" These options are merged over those of {rule.Id} in {rule.Location.File}, which sets {string.Join(", ", own.Properties().Select(property => $"'{property.Name}'"))}; to drop one of its values, write it with ~, such as '{own.Properties().First().Name}: ~'."
                : string.Empty;
            binder.Add(new RuleError(PositionOf(optionName), RuleErrorCodes.InvalidOption, message + merged));
        }

        public override IReadOnlyList<string> ReadListFile(string optionName, string path)
        {
            var writer = WriterOf(optionName);
            var directory = writer is null ? rule.WrittenOptions.Directory : writer.Directory;
            var fullPath = directory is null ? path : Path.Combine(directory, path);
            var read = binder._readFile(fullPath, PositionOf(optionName));
            if (read.Problem is { } problem)
            {
                if (problem.Code == RuleErrorCodes.FileNotFound)
                {
                    ReportError(optionName, $"The list file '{Echo.Path(path)}' was not found (looked for '{Echo.Path(fullPath)}'). Paths are relative to the file that names the list.");
                }
                else
                {
                    _hasErrors = true;
                    binder.Add(new RuleError(problem.Line > 0 ? new SourceLocation(fullPath, problem.Line, problem.Column) : PositionOf(optionName), problem.Code, problem.Message));
                }

                return [];
            }

            return [.. read.Text!.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith('#'))];
        }

        public override System.Text.RegularExpressions.Regex? CompileRegex(string optionName, string pattern)
        {
            var regex = BoundedRegex.TryCreate(pattern, ignoreCase: false, out var error);
            if (regex is null)
            {
                _hasErrors = true;
                binder.Add(new RuleError(PositionOf(optionName), RuleErrorCodes.InvalidRegex, $"The regular expression '{Echo.Short(pattern)}' is not valid: {error}."));
            }

            return regex;
        }

        private OptionsOverride? WriterOf(string optionName) => layers.LastOrDefault(layer => layer.Node[optionName] is not null);

        private SourceLocation PositionOf(string optionName) =>
            WriterOf(optionName) is { } writer ? writer.Node[optionName]!.At(writer.File) : layers[^1].Location;
    }
}
