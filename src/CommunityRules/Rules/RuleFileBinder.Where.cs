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

/// <summary>Binds a rule's <c>where:</c>: each condition names a field of the target and the values that put a target in scope.</summary>
internal sealed partial class RuleFileBinder
{
    private ScopeCondition.All BindWhere(YamlTreeMapping where, TargetKind target)
    {
        var conditions = new List<ScopeCondition>();
        foreach (var (key, value) in where.Entries)
        {
            switch (key.Value)
            {
                case "not" when value is YamlTreeMapping inner:
                    conditions.Add(new ScopeCondition.Not(BindWhere(inner, target)));
                    continue;
                case "any" when value is YamlTreeSequence alternatives:
                    conditions.Add(new ScopeCondition.Any([.. alternatives.Items.OfType<YamlTreeMapping>().Select(alternative => BindWhere(alternative, target))]));
                    continue;
            }

            var field = EntityFields.Find(target, key.Value);
            if (field is null)
            {
                var prefix = EntityFields.SelfPrefix(target) + ".";
                var names = EntityFields.PathsOf(target).Select(path => path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..] : path);
                Error(key, RuleErrorCodes.UnknownField, $"A {Name(target)} has no field '{Echo.Short(key.Value)}'.{Suggestions.DidYouMean(key.Value, names)}");
                continue;
            }

            if (BindCondition(field, value) is { } condition)
            {
                conditions.Add(condition);
            }
        }

        return new ScopeCondition.All(conditions);
    }

    private ScopeCondition? BindCondition(EntityField field, YamlTreeNode value)
    {
        switch (value)
        {
            case YamlTreeScalar { IsNull: true }:
                return new ScopeCondition.Missing(field);
            case YamlTreeScalar scalar:
                return new ScopeCondition.OneOf(field, [scalar.Value]);
            case YamlTreeSequence list:
                return new ScopeCondition.OneOf(field, [.. list.Items.OfType<YamlTreeScalar>().Select(item => item.Value)]);
            case YamlTreeMapping mapping:
                var parts = new List<ScopeCondition>();
                if (mapping.Text("equals") is { } equals)
                {
                    parts.Add(new ScopeCondition.OneOf(field, [equals]));
                }

                if (mapping["in"] is YamlTreeSequence values)
                {
                    parts.Add(new ScopeCondition.OneOf(field, [.. values.Items.OfType<YamlTreeScalar>().Select(item => item.Value)]));
                }

                if (mapping["matches"] is YamlTreeScalar pattern)
                {
                    var regex = BoundedRegex.TryCreate(pattern.Value, ignoreCase: false, out var error);
                    if (regex is null)
                    {
                        Error(pattern, RuleErrorCodes.InvalidRegex, $"The regular expression '{Echo.Short(pattern.Value)}' is not valid: {error}.");
                        return null;
                    }

                    parts.Add(new ScopeCondition.Matching(field, regex));
                }

                return new ScopeCondition.All(parts);
            default:
                return null;
        }
    }
}
