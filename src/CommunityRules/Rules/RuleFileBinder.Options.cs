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

/// <summary>Binds a rule's <c>options:</c> to its check's options class, with each error at the option it is about.</summary>
internal sealed partial class RuleFileBinder
{
    /// <summary>Reads and validates a rule's options once per target (a check may accept an option for posts only); the first target's copy is kept.</summary>
    private object? BindOptions(string ruleId, List<TargetKind> targets, Check check, YamlTreeNode? node, YamlTreeNode checkNode)
    {
        object? first = null;
        var ok = true;
        foreach (var target in targets)
        {
            object? options;
            if (node is null or YamlTreeScalar { IsNull: true })
            {
                options = Activator.CreateInstance(check.OptionsType)!;
            }
            else
            {
                try
                {
                    options = JsonSerializer.Deserialize(YamlJson.ToJson(node).ToString(Newtonsoft.Json.Formatting.None), check.OptionsType, OptionsSchemas.SerializerOptions);
                }
                catch (JsonException ex)
                {
                    Error(node, RuleErrorCodes.InvalidOption, $"The options of check '{check.Kind}' could not be read: {ex.Message.Split(" Path:")[0]}");
                    return null;
                }
            }

            if (options is null)
            {
                return null;
            }

            var context = new OptionsContext(this, ruleId, target, node as YamlTreeMapping, checkNode);
            check.ValidateOptions(options, context);
            ok &= !context.HasErrors;
            first ??= options;
        }

        return ok ? first : null;
    }

    /// <summary>Reports option errors at the option, else at the options mapping, else (no options written) at the rule's check.</summary>
    private sealed class OptionsContext(RuleFileBinder binder, string ruleId, TargetKind target, YamlTreeMapping? options, YamlTreeNode checkNode) : CheckOptionsContext
    {
        private bool _hasErrors;

        internal override bool HasErrors => _hasErrors;

        public override TargetKind Target => target;

        public override string RuleId => ruleId;

        public override void ReportError(string optionName, string message)
        {
            _hasErrors = true;
            binder.Error(PositionOf(optionName), RuleErrorCodes.InvalidOption, message);
        }

        public override IReadOnlyList<string> ReadListFile(string optionName, string path)
        {
            var fullPath = binder._directory is null ? path : Path.Combine(binder._directory, path);
            var read = binder._readFile(fullPath, PositionOf(optionName).At(binder._file));
            if (read.Problem is { } problem)
            {
                if (problem.Code == RuleErrorCodes.FileNotFound)
                {
                    ReportError(optionName, $"The list file '{Echo.Path(path)}' was not found (looked for '{Echo.Path(fullPath)}'). Paths are relative to the rule file.");
                }
                else
                {
                    _hasErrors = true;
                    binder.Add(new RuleError(problem.Line > 0 ? new SourceLocation(fullPath, problem.Line, problem.Column) : PositionOf(optionName).At(binder._file), problem.Code, problem.Message));
                }

                return [];
            }

            return [.. read.Text!.Split('\n')
                .Select(line => line.Trim())
                .Where(line => line.Length > 0 && !line.StartsWith('#'))];
        }

        public override System.Text.RegularExpressions.Regex? CompileRegex(string optionName, string pattern)
        {
            var regex = binder._bundled
                ? BoundedRegex.TryCreate(pattern, ignoreCase: false, BoundedRegex.MatchTimeout, out var error)
                : BoundedRegex.TryCreate(pattern, ignoreCase: false, out error);
            if (regex is null)
            {
                _hasErrors = true;
                binder.Error(PositionOf(optionName), RuleErrorCodes.InvalidRegex, $"The regular expression '{Echo.Short(pattern)}' is not valid: {error}.");
            }

            return regex;
        }

        private YamlTreeNode PositionOf(string optionName) => (YamlTreeNode?)options?[optionName] ?? (YamlTreeNode?)options ?? checkNode;
    }
}
