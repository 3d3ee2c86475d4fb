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

/// <summary>Binds a rule's <c>examples:</c>: each a small network around one target, and whether the rule passes it.</summary>
internal sealed partial class RuleFileBinder
{
    private List<RuleExample> BindExamples(YamlTreeMapping rule, List<TargetKind>? targets)
    {
        var examples = new List<RuleExample>();
        var index = 0;
        foreach (var example in rule.Mappings("examples"))
        {
            if (targets is not null && !_schemaErrors.Within(example) && BindExample(example, targets, index) is { } bound)
            {
                examples.Add(bound);
            }

            index++;
        }

        return examples;
    }

    // A bundled pack's examples bind without errors (the tests load the packs with their examples bound eagerly); one
    // that does not is a mistake in the package, not in the user's rules.
    private List<RuleExample> BindBundledExamples(YamlTreeMapping rule, List<TargetKind> targets)
    {
        var examples = BindExamples(rule, targets);
        return _errors.Count == 0 ? examples : throw new InvalidOperationException($"An example of the bundled pack {_file} does not bind: {_errors[0]}");
    }

    private RuleExample? BindExample(YamlTreeMapping node, List<TargetKind> targets, int index)
    {
        var builder = InMemoryNetwork.CreateBuilder();
        var expectFailure = node.Text("expect") == "fail";
        DateTimeOffset? asOf = null;
        if (node["asOf"] is YamlTreeScalar asOfNode)
        {
            if (!IsoDate.TryParse(asOfNode.Value, out var parsed))
            {
                Error(asOfNode, RuleErrorCodes.InvalidDate, $"'{Echo.Short(asOfNode.Value)}' is not a date; write it in ISO 8601 as YYYY-MM-DD, such as 2026-10-01, or with a time, such as 2026-10-01T12:00:00Z.");
                return null;
            }

            asOf = parsed;
        }

        // A rule with several targets takes an example of any of them: the one whose key the example writes.
        var given = targets.Where(kind => node[EntityFields.SelfPrefix(kind)] is YamlTreeMapping).ToList();
        if (given.Count != 1)
        {
            var keys = targets.Select(kind => $"'{EntityFields.SelfPrefix(kind)}:'").ToList();
            var selfKey = EntityFields.SelfPrefix(targets[0]);
            Error(node, RuleErrorCodes.MissingField, given.Count == 0
                ? $"The example has no {string.Join(" or ", keys)}; write the {selfKey} the rule looks at, such as '{selfKey}: {{ name: ... }}'."
                : $"The example writes both {string.Join(" and ", keys)}; an example is about one thing the rule looks at, so give one of them and write the other in its list, such as 'posts:'.");
            return null;
        }

        var target = given[0];
        var self = (YamlTreeMapping)node[EntityFields.SelfPrefix(target)]!;

        var targetId = $"example-{index + 1}";

        // Posts without a groupId belong to the example's group: the target itself, else the first of 'groups'.
        var defaultGroupId = target == TargetKind.Group
            ? self.Text("id") ?? targetId
            : node.Mappings("groups").Select(g => g.Text("id")).FirstOrDefault(id => id is not null) ?? "example-group";
        var ok = true;
        ok &= AddEntity(builder, self, target, targetId, defaultGroupId, out var actualTargetId);
        foreach (var (key, kind) in new[] { ("people", TargetKind.Person), ("groups", TargetKind.Group), ("posts", TargetKind.Post), ("comments", TargetKind.Comment) })
        {
            var n = 0;
            foreach (var entity in node.Mappings(key))
            {
                ok &= AddEntity(builder, entity, kind, $"example-{index + 1}-{key}-{++n}", defaultGroupId, out _);
            }
        }

        foreach (var membership in node.Mappings("memberships"))
        {
            ok &= Deserialize(membership, SnapshotJsonContext.Default.Membership, builder.Add);
        }

        return ok ? new RuleExample(builder.Build(), target, actualTargetId, expectFailure, asOf, node.Text("message"), node.At(_file), node.Text("outcome")) : null;
    }

    private bool AddEntity(InMemoryNetwork.Builder builder, YamlTreeMapping node, TargetKind kind, string defaultId, string defaultGroupId, out string id)
    {
        var json = (JObject)YamlJson.ToJson(node);
        json["id"] ??= defaultId;
        id = json["id"]!.ToString();
        if (kind == TargetKind.Post)
        {
            json["groupId"] ??= defaultGroupId;
        }

        if (kind == TargetKind.Comment)
        {
            json["postId"] ??= "example-post";
        }

        return kind switch
        {
            TargetKind.Person => Deserialize(node, json, SnapshotJsonContext.Default.Person, builder.Add),
            TargetKind.Group => Deserialize(node, json, SnapshotJsonContext.Default.Group, builder.Add),
            TargetKind.Post => Deserialize(node, json, SnapshotJsonContext.Default.Post, builder.Add),
            _ => Deserialize(node, json, SnapshotJsonContext.Default.Comment, builder.Add),
        };
    }

    private bool Deserialize<T>(YamlTreeMapping node, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, Func<T, InMemoryNetwork.Builder> add) =>
        Deserialize(node, (JObject)YamlJson.ToJson(node), typeInfo, add);

    private bool Deserialize<T>(YamlTreeMapping node, JObject json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, Func<T, InMemoryNetwork.Builder> add)
    {
        try
        {
            // Plain YAML scalars such as 2026-03-01 arrive as text already; numbers in text fields are written back as text.
            foreach (var property in json.Properties().Where(p => p.Value.Type is JTokenType.Integer or JTokenType.Float))
            {
                if (typeof(T).GetProperty(property.Name, System.Reflection.BindingFlags.IgnoreCase | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)?.PropertyType == typeof(string))
                {
                    property.Value = property.Value.ToString();
                }
            }

            if (JsonSerializer.Deserialize(json.ToString(Newtonsoft.Json.Formatting.None), typeInfo) is { } entity)
            {
                add(entity);
                return true;
            }
        }
        catch (JsonException ex)
        {
            Error(node, RuleErrorCodes.InvalidValue, $"The example's record could not be read: {JsonErrors.Describe(ex)}.");
            return false;
        }

        Error(node, RuleErrorCodes.InvalidValue, "The example's record is empty.");
        return false;
    }
}
