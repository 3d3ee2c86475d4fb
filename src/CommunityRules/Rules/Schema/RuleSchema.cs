using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityRules.Checks;
using CommunityRules.Model;

namespace CommunityRules.Rules.Schema;

/// <summary>
/// Generates the JSON Schema of rule and configuration files from the registered checks, so that editors autocomplete
/// rules and their options and the loader validates against the same document. <c>schema/communityrules.schema.json</c>
/// is this output for the built-in checks; a test fails when it is stale.
/// </summary>
internal static class RuleSchema
{
    public const string Id = "https://communityrules.dev/schema/communityrules.schema.json";

    private static readonly string[] Severities = ["error", "warning", "suggestion", "silent", "none"];
    private static readonly string[] Targets = ["person", "group", "post", "comment"];

    public static string Generate(IEnumerable<Check> checks)
    {
        var ordered = checks.OrderBy(check => check.Kind, StringComparer.Ordinal).ToList();
        var definitions = new JsonObject
        {
            ["severity"] = new JsonObject
            {
                ["description"] = "How serious a finding is: error, warning, suggestion, silent (recorded, not shown) or none (off).",
                ["enum"] = Array(Severities),
            },
            ["severityMap"] = SeverityMap(),
            ["rule"] = RuleDefinition(ordered),
            ["where"] = WhereDefinition(),
            ["condition"] = ConditionDefinition(),
            ["example"] = ExampleDefinition(),
            ["exemption"] = ExemptionDefinition(),
            ["outcome"] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = "How one of the check's further outcomes is reported; everything not set comes from the check's defaults and the rule.",
                ["additionalProperties"] = false,
                ["properties"] = new JsonObject
                {
                    ["id"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[A-Za-z][A-Za-z0-9_.-]{0,63}$", ["description"] = "The outcome's rule id; default: the rule's id, a dot and the outcome's name." },
                    ["title"] = Text("A short title."),
                    ["description"] = Text("A longer description."),
                    ["message"] = Text("The message, with {placeholders}."),
                    ["severity"] = Ref("severity"),
                    ["enabled"] = new JsonObject { ["type"] = "boolean" },
                    ["help"] = new JsonObject { ["type"] = "string", ["format"] = "uri" },
                },
            },
            ["profile"] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = "A named set of severity overrides, switched on with --profile NAME.",
                ["additionalProperties"] = false,
                ["properties"] = new JsonObject
                {
                    ["description"] = Text("What the profile is for, such as 'stricter rules during a crisis'."),
                    ["severity"] = Ref("severityMap"),
                    ["options"] = Ref("optionsOverrides"),
                },
            },
            ["optionsOverrides"] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = "Options by rule id, merged over the rule's own options: a mapping key by key, a list replaces a list, a value replaces a value, ~ removes the rule's value. An outcome's id or a further target's id names its rule.",
                ["propertyNames"] = new JsonObject { ["pattern"] = RuleIdPattern },
                ["additionalProperties"] = new JsonObject { ["type"] = "object", ["description"] = "The options to change, as the rule's check names them." },
            },
            ["perTarget"] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = "How the findings on one of the rule's targets are reported: their own id, title, message or severity. Everything not set is the rule's.",
                ["additionalProperties"] = false,
                ["properties"] = new JsonObject
                {
                    ["id"] = new JsonObject { ["type"] = "string", ["pattern"] = RuleIdPattern, ["description"] = "The id of the findings on this target; default: the rule's id." },
                    ["title"] = Text("A short title."),
                    ["description"] = Text("A longer description."),
                    ["message"] = Text("The message, with {placeholders} of this target."),
                    ["severity"] = Ref("severity"),
                    ["enabled"] = new JsonObject { ["type"] = "boolean" },
                    ["help"] = new JsonObject { ["type"] = "string", ["format"] = "uri" },
                },
            },
        };

        foreach (var check in ordered)
        {
            definitions[OptionsDefinitionName(check.Kind)] = Embed(OptionsSchemas.For(check.OptionsType).ToJson(), OptionsDefinitionName(check.Kind));
        }

        foreach (var (name, type) in EntityTypes)
        {
            var entity = Embed(OptionsSchemas.For(type).ToJson(), name);
            entity.Remove("required");
            definitions[name] = entity;
        }

        var root = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["$id"] = Id,
            ["title"] = "CommunityRules rule and configuration file",
            ["description"] = "Governance rules for an internal social network, and the configuration that selects and tunes them.",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject
            {
                ["rules"] = new JsonObject { ["type"] = "array", ["description"] = "The rules this file defines.", ["items"] = Ref("rule") },
                ["extends"] = new JsonObject
                {
                    ["description"] = "Rule files, folders or bundled packs (builtin:governance) to load first; this file's settings override theirs.",
                    ["type"] = "array",
                    ["items"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 },
                },
                ["severity"] = Ref("severityMap"),
                ["profiles"] = new JsonObject
                {
                    ["type"] = "object",
                    ["description"] = "Named override sets, switched on with --profile NAME.",
                    ["additionalProperties"] = Ref("profile"),
                },
                ["exemptions"] = new JsonObject { ["type"] = "array", ["description"] = "Findings accepted for a while, with a justification and an expiry date.", ["items"] = Ref("exemption") },
                ["options"] = Ref("optionsOverrides"),
            },
            ["definitions"] = definitions,
        };

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ReplaceLineEndings("\n") + "\n";
    }

    public static string OptionsDefinitionName(string kind) => $"{kind}Options";

    private const string RuleIdPattern = "^[A-Za-z][A-Za-z0-9_.-]{0,63}$";

    /// <summary>One kind, or a list of kinds without repeats.</summary>
    private static JsonObject TargetList(string[] kinds, string? description = null)
    {
        var list = new JsonObject();
        if (description is not null)
        {
            list["description"] = description;
        }

        list["anyOf"] = new JsonArray
        {
            new JsonObject { ["enum"] = Array(kinds) },
            new JsonObject { ["type"] = "array", ["minItems"] = 1, ["uniqueItems"] = true, ["items"] = new JsonObject { ["enum"] = Array(kinds) } },
        };
        return list;
    }

    public static readonly (string Name, Type Type)[] EntityTypes =
    [
        ("person", typeof(Person)), ("group", typeof(Group)), ("membership", typeof(Membership)),
        ("post", typeof(Post)), ("comment", typeof(Comment)),
    ];

    private static JsonObject RuleDefinition(IReadOnlyList<Check> checks)
    {
        var conditional = new JsonArray();
        foreach (var check in checks)
        {
            conditional.Add(new JsonObject
            {
                ["if"] = new JsonObject { ["properties"] = new JsonObject { ["check"] = new JsonObject { ["const"] = check.Kind } }, ["required"] = Array("check") },
                ["description"] = check.Description,
                ["then"] = new JsonObject
                {
                    ["properties"] = new JsonObject
                    {
                        ["options"] = Ref(OptionsDefinitionName(check.Kind)),
                        ["outcomes"] = new JsonObject
                        {
                            ["type"] = "object",
                            ["additionalProperties"] = false,
                            ["properties"] = new JsonObject(check.Outcomes.Select(outcome => KeyValuePair.Create(outcome.Name, (JsonNode?)new JsonObject
                            {
                                ["$ref"] = "#/definitions/outcome",
                                ["description"] = $"{outcome.Title}. Default id: the rule's id + '.{outcome.Name}'; default severity: {outcome.DefaultSeverity.ToString().ToLowerInvariant()}.",
                            }))),
                        },
                        ["target"] = TargetList([.. check.SupportedTargets.Select(t => t.ToString().ToLowerInvariant())]),
                    },
                },
            });
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["description"] = "A rule: what to look at, which check to run, and what to tell people.",
            ["additionalProperties"] = false,
            ["required"] = Array("id", "title", "target", "check", "message"),
            ["properties"] = new JsonObject
            {
                ["id"] = new JsonObject
                {
                    ["type"] = "string",
                    ["description"] = "A unique identifier, such as GOV001; configuration, exemptions and output refer to it.",
                    ["pattern"] = RuleIdPattern,
                },
                ["title"] = Text("A short title, shown with each finding."),
                ["description"] = Text("Why the rule exists and what to do about a finding."),
                ["category"] = Text("A category, such as naming or activity; configuration can set severities by category:NAME."),
                ["severity"] = Ref("severity"),
                ["enabled"] = new JsonObject { ["type"] = "boolean", ["description"] = "Whether the rule runs unless configuration turns it on; default true." },
                ["target"] = TargetList(Targets, "What the rule looks at: person, group, post or comment, or a list such as [post, comment]."),
                ["perTarget"] = new JsonObject
                {
                    ["type"] = "object",
                    ["description"] = "For a rule with several targets: the id, title, message or severity of the findings on one of them, such as comment: { id: POST002 }.",
                    ["additionalProperties"] = Ref("perTarget"),
                },
                ["where"] = Ref("where"),
                ["check"] = new JsonObject
                {
                    ["description"] = "The check that decides; its options go under 'options'. " + string.Join(" ", checks.Select(c => $"{c.Kind}: {c.Description}")),
                    ["enum"] = Array([.. checks.Select(c => c.Kind)]),
                },
                ["options"] = new JsonObject { ["type"] = "object", ["description"] = "The check's options." },
                ["outcomes"] = new JsonObject
                {
                    ["type"] = "object",
                    ["description"] = "The check's further kinds of finding, each a rule id of its own: rename, reword or set their severity here.",
                    ["additionalProperties"] = Ref("outcome"),
                },
                ["message"] = Text("The message of a finding, with {placeholders} such as {group.name} and the check's {reason}."),
                ["help"] = new JsonObject { ["type"] = "string", ["format"] = "uri", ["description"] = "A link to the guidance behind the rule." },
                ["tags"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
                ["examples"] = new JsonObject { ["type"] = "array", ["description"] = "Small cases that must pass or fail; 'communityrules test' runs them.", ["items"] = Ref("example") },
            },
            ["allOf"] = conditional,
        };
    }

    private static JsonObject WhereDefinition() => new()
    {
        ["type"] = "object",
        ["description"] = "Which targets the rule applies to: every field condition must hold. A field is the target's own (privacy) or a related one (group.privacy, author.country, creator.department).",
        ["properties"] = new JsonObject
        {
            ["not"] = new JsonObject { ["$ref"] = "#/definitions/where", ["description"] = "Targets for which these conditions do not all hold." },
            ["any"] = new JsonObject { ["type"] = "array", ["description"] = "At least one of these condition sets holds.", ["items"] = Ref("where") },
        },
        ["additionalProperties"] = Ref("condition"),
    };

    private static JsonObject ConditionDefinition() => new()
    {
        ["description"] = "A value the field equals (ignoring case), a list of values it may equal, or { matches: REGEX }.",
        ["anyOf"] = new JsonArray
        {
            new JsonObject { ["type"] = Array("string", "number", "boolean", "null") },
            new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = Array("string", "number", "boolean") } },
            new JsonObject
            {
                ["type"] = "object",
                ["additionalProperties"] = false,
                ["minProperties"] = 1,
                ["properties"] = new JsonObject
                {
                    ["equals"] = new JsonObject { ["type"] = Array("string", "number", "boolean") },
                    ["in"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = Array("string", "number", "boolean") } },
                    ["matches"] = new JsonObject { ["type"] = "string", ["description"] = "A .NET regular expression, matched without backtracking where possible and always with a time limit." },
                },
            },
        },
    };

    private static JsonObject ExampleDefinition() => new()
    {
        ["type"] = "object",
        ["description"] = "A small case: the target written inline, with the people, groups, memberships and posts it needs, and whether the rule must pass or fail.",
        ["additionalProperties"] = false,
        ["required"] = Array("expect"),
        ["properties"] = new JsonObject
        {
            ["expect"] = new JsonObject { ["enum"] = Array("pass", "fail") },
            ["message"] = Text("Text the finding's message must contain, when the example is to fail."),
            ["outcome"] = Text("The check's outcome the example is about, such as archive; default: any finding of the rule."),
            ["asOf"] = new JsonObject { ["type"] = "string", ["description"] = "The moment the example is checked as of, such as 2026-10-01." },
            ["person"] = Ref("person"),
            ["group"] = Ref("group"),
            ["post"] = Ref("post"),
            ["comment"] = Ref("comment"),
            ["people"] = ListOf("person"),
            ["groups"] = ListOf("group"),
            ["memberships"] = ListOf("membership"),
            ["posts"] = ListOf("post"),
            ["comments"] = ListOf("comment"),
        },
    };

    private static JsonObject ExemptionDefinition() => new()
    {
        ["type"] = "object",
        ["description"] = "Accepts a rule's findings on matching targets until a date. Suppressed findings stay visible as suppressed.",
        ["additionalProperties"] = false,
        ["required"] = Array("rule", "target", "justification", "expires"),
        ["properties"] = new JsonObject
        {
            ["rule"] = Text("The rule's id."),
            ["target"] = Text("A target's id or name; * and ? are wildcards."),
            ["justification"] = new JsonObject { ["type"] = "string", ["minLength"] = 1, ["description"] = "Why the finding is accepted." },
            ["expires"] = new JsonObject { ["type"] = "string", ["description"] = "The last day the exemption applies, as YYYY-MM-DD." },
            ["owner"] = Text("Who is responsible for the exemption."),
        },
    };

    private static JsonObject SeverityMap() => new()
    {
        ["type"] = "object",
        ["description"] = "Severity overrides: by rule id, by category:NAME, and 'default'. An id wins over a category, a category over the default; only an id turns on a rule that is off by default.",
        ["additionalProperties"] = Ref("severity"),
    };

    /// <summary>Moves a generated schema under definitions/NAME, rewriting its internal references to the new place.</summary>
    private static JsonObject Embed(string schemaJson, string name)
    {
        var rewritten = schemaJson.Replace("\"#/definitions/", $"\"#/definitions/{name}/definitions/", StringComparison.Ordinal);
        var node = JsonNode.Parse(rewritten)!.AsObject();
        node.Remove("$schema");
        node.Remove("title");
        return node;
    }

    private static JsonObject Ref(string definition) => new() { ["$ref"] = $"#/definitions/{definition}" };

    private static JsonObject ListOf(string definition) => new() { ["type"] = "array", ["items"] = Ref(definition) };

    private static JsonObject Text(string description) => new() { ["type"] = "string", ["description"] = description };

    private static JsonArray Array(params string[] values) => [.. values.Select(value => (JsonNode)value)];
}
