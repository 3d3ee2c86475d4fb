using CommunityRules.Checks;
using CommunityRules.Rules;
using CommunityRules.Rules.Schema;
using CommunityRules.Rules.Yaml;
using NJsonSchema;
using NJsonSchema.Validation;

namespace CommunityRules.Tests.RuleLanguage;

/// <summary>
/// The loader reads its generated schema synchronously (<see cref="SchemaDocument"/>), not through NJsonSchema's async
/// reader: every <c>$ref</c> resolves, and rule files validate with the same errors at the same paths either way.
/// </summary>
public sealed class SchemaDocumentTests
{
    private static readonly string Generated = new RuleSetLoader(BuiltInChecks.Create()).GenerateSchema();

    public static TheoryData<string> Documents =>
    [
        File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "rules", "governance.yaml")),
        File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "rules", "community.yaml")),
        "rule:\n  - id: GOV001\n",
        "severity:\n  GOV001: critical\n",
        "rules:\n  - id: GOV001\n    title: Names\n    target: group\n    check: nameing\n    message: m\n",
        "rules:\n  - id: my rule\n    title: Names\n    target: group\n    check: naming\n    message: m\n",
        "rules:\n  - id: GOV001\n    title: Names\n    target: [group, group]\n    check: naming\n    message: m\n    where: { privacy: [open, 3] }\n",
        "rules:\n  - id: GOV001\n    title: Names\n    target: group\n    check: inactivity\n    message: m\n    options: { days: many }\n    examples:\n      - group: { name: 5 }\n        expect: maybe\n",
        "exemptions:\n  - rule: GOV001\n    target: g1\n    expires: 2026-12-31\n",
        "profiles:\n  crisis:\n    severity: { GOV001: loud }\n    options: { 'not an id': {} }\n",
    ];

    [Fact]
    public async Task Every_reference_in_the_schema_resolves_as_with_NJsonSchemas_own_reader()
    {
        var schema = SchemaDocument.Parse(Generated);
        var expected = await JsonSchema.FromJsonAsync(Generated);

        var resolved = Walk(schema).Count(node => node.HasReference);

        Assert.True(resolved > 0, "No $ref of the schema was resolved.");
        Assert.Equal(Walk(expected).Count(node => node.HasReference), resolved);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task A_rule_file_validates_as_NJsonSchemas_own_reader_would_have_it(string yaml)
    {
        var synchronous = SchemaDocument.Parse(Generated);
        var asynchronous = await JsonSchema.FromJsonAsync(Generated);
        var document = YamlToJson(yaml);

        Assert.Equal(Errors(asynchronous.Validate(document)), Errors(synchronous.Validate(document)));
    }

    private static List<string> Errors(IEnumerable<ValidationError> errors) =>
        [.. errors.SelectMany(error => error is ChildSchemaValidationError child
                ? [$"{error.Path} {error.Kind}", .. Errors(child.Errors.SelectMany(pair => pair.Value))]
                : new[] { $"{error.Path} {error.Kind}" })];

    private static IEnumerable<JsonSchema> Walk(JsonSchema root)
    {
        var seen = new HashSet<JsonSchema>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<JsonSchema>([root]);
        while (pending.TryPop(out var schema))
        {
            if (!seen.Add(schema))
            {
                continue;
            }

            yield return schema;
            IEnumerable<JsonSchema?> children =
            [
                .. schema.Properties.Values, .. schema.Definitions.Values, .. schema.AllOf, .. schema.AnyOf, .. schema.OneOf,
                .. schema.PatternProperties.Values, schema.Item, .. schema.Items, schema.AdditionalPropertiesSchema, schema.Not,
            ];
            foreach (var child in children.OfType<JsonSchema>())
            {
                pending.Push(child);
            }
        }
    }

    private static Newtonsoft.Json.Linq.JToken YamlToJson(string yaml)
    {
        var errors = new List<RuleError>();
        var tree = YamlTreeReader.Read(yaml, "test.yaml", errors);
        Assert.Empty(errors);
        return YamlJson.Convert(Assert.IsAssignableFrom<YamlTreeNode>(tree)).Root;
    }
}
