using System.Text.Json;
using CommunityRules.Checks;
using CommunityRules.Checks.BuiltIn;
using CommunityRules.Rules;
using CommunityRules.Rules.Yaml;
using NJsonSchema;
using NJsonSchema.Validation;

namespace CommunityRules.Tests;

/// <summary>
/// The checked-in <c>schema/communityrules.schema.json</c>, which editors use to autocomplete rule files, is the schema
/// the loader generates and validates against, is a JSON Schema, and accepts the bundled governance pack.
/// </summary>
public sealed class SchemaTests
{
    private const string RegenerateCommand = "dotnet run --project src/CommunityRules.Cli -- schema > schema/communityrules.schema.json";

    private static string SchemaFile => Path.Combine(TestPaths.RepoRoot, "schema", "communityrules.schema.json");

    private static string GovernanceFile => Path.Combine(TestPaths.RepoRoot, "rules", "governance.yaml");

    [Fact]
    public void Checked_in_schema_is_the_generated_one()
    {
        var generated = new RuleSetLoader(BuiltInChecks.Create()).GenerateSchema().ReplaceLineEndings("\n");
        Assert.True(File.Exists(SchemaFile), $"{SchemaFile} is missing. Generate it from the repository root: {RegenerateCommand}");
        var checkedIn = File.ReadAllText(SchemaFile).ReplaceLineEndings("\n");

        Assert.True(
            generated == checkedIn,
            $"schema/communityrules.schema.json is stale ({FirstDifference(checkedIn, generated)}). Regenerate it from the repository root: {RegenerateCommand}");
    }

    [Fact]
    public async Task Checked_in_schema_is_a_JSON_Schema_NJsonSchema_loads()
    {
        var schema = await JsonSchema.FromFileAsync(SchemaFile);

        Assert.Equal(JsonObjectType.Object, schema.Type);
        Assert.False(schema.AllowAdditionalProperties);
        Assert.Equal(["rules", "extends", "severity", "profiles", "exemptions", "options"], schema.Properties.Keys);
        foreach (var definition in new[] { "rule", "where", "condition", "example", "exemption", "profile", "severity", "severityMap", "optionsOverrides", "perTarget" })
        {
            Assert.True(schema.Definitions.ContainsKey(definition), $"The schema has no definition '{definition}'.");
        }

        var loader = new RuleSetLoader(BuiltInChecks.Create());
        var checkKinds = schema.Definitions["rule"].Properties["check"].Enumeration.Select(kind => kind?.ToString());
        Assert.Equal(loader.CheckKinds.Order(StringComparer.Ordinal), checkKinds);
        Assert.Equal(["id", "title", "target", "check", "message"], schema.Definitions["rule"].RequiredProperties);
        Assert.Equal(["error", "warning", "suggestion", "silent", "none"], schema.Definitions["severity"].Enumeration.Select(value => value?.ToString()));
    }

    [Fact]
    public void Checked_in_schema_names_itself_and_its_draft()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SchemaFile));
        var root = document.RootElement;

        Assert.Equal("http://json-schema.org/draft-07/schema#", root.GetProperty("$schema").GetString());
        Assert.Equal("https://communityrules.dev/schema/communityrules.schema.json", root.GetProperty("$id").GetString());
    }

    [Fact]
    public void Checked_in_schema_gives_editors_each_checks_options_and_targets()
    {
        // NJsonSchema does not evaluate draft-07 if/then, so the loader validates options itself; editors read these conditions.
        using var document = JsonDocument.Parse(File.ReadAllText(SchemaFile));
        var definitions = document.RootElement.GetProperty("definitions");
        var conditions = definitions.GetProperty("rule").GetProperty("allOf").EnumerateArray()
            .ToDictionary(
                condition => condition.GetProperty("if").GetProperty("properties").GetProperty("check").GetProperty("const").GetString()!,
                condition => condition.GetProperty("then").GetProperty("properties"));

        var loader = new RuleSetLoader(BuiltInChecks.Create());
        Assert.Equal(loader.CheckKinds.Order(StringComparer.Ordinal), conditions.Keys);
        foreach (var (kind, then) in conditions)
        {
            Assert.Equal($"#/definitions/{kind}Options", then.GetProperty("options").GetProperty("$ref").GetString());
            Assert.True(definitions.TryGetProperty($"{kind}Options", out _), $"The schema has no options for check '{kind}'.");
            var check = BuiltInChecks.Create().Single(candidate => candidate.Kind == kind);
            // One target, or a list of them (target: [post, comment]), each one the check supports.
            var supported = check.SupportedTargets.Select(target => target.ToString().ToLowerInvariant()).ToList();
            var choices = then.GetProperty("target").GetProperty("anyOf").EnumerateArray().ToList();
            Assert.Equal(supported, choices[0].GetProperty("enum").EnumerateArray().Select(target => target.GetString()));
            Assert.Equal(supported, choices[1].GetProperty("items").GetProperty("enum").EnumerateArray().Select(target => target.GetString()));
            Assert.True(choices[1].GetProperty("uniqueItems").GetBoolean());
        }

        // Configuration's options: by rule id at the top level and in profiles, each an object the rule's check reads.
        Assert.Equal("#/definitions/optionsOverrides", document.RootElement.GetProperty("properties").GetProperty("options").GetProperty("$ref").GetString());
        Assert.Equal("#/definitions/optionsOverrides", definitions.GetProperty("profile").GetProperty("properties").GetProperty("options").GetProperty("$ref").GetString());
        Assert.Equal("object", definitions.GetProperty("optionsOverrides").GetProperty("additionalProperties").GetProperty("type").GetString());

        var naming = definitions.GetProperty("namingOptions");
        Assert.False(naming.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal(
            typeof(NamingOptions).GetProperties().Select(property => JsonNamingPolicy.CamelCase.ConvertName(property.Name)).Order(StringComparer.Ordinal),
            naming.GetProperty("properties").EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal));
        Assert.Contains("blockedWordsFile", naming.GetProperty("properties").EnumerateObject().Select(property => property.Name));
        Assert.Equal(90, definitions.GetProperty("inactivityOptions").GetProperty("properties").GetProperty("days").GetProperty("default").GetInt32());
    }

    [Fact]
    public async Task Governance_pack_validates_against_the_checked_in_schema()
    {
        var schema = await JsonSchema.FromFileAsync(SchemaFile);

        var errors = schema.Validate(YamlToJson(File.ReadAllText(GovernanceFile)));

        Assert.True(errors.Count == 0, "rules/governance.yaml breaks the schema:\n" + string.Join('\n', errors.Select(e => $"  {e.Path}: {e.Kind}")));
        Assert.Empty(new RuleSetLoader(BuiltInChecks.Create()).Load([GovernanceFile]).Errors);
    }

    public static TheoryData<string> BundledPacks => [.. Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "rules"), "*.yaml").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(BundledPacks))]
    public async Task Every_bundled_pack_validates_against_the_checked_in_schema_and_loads_by_its_builtin_name(string pack)
    {
        var schema = await JsonSchema.FromFileAsync(SchemaFile);
        var file = Path.Combine(TestPaths.RepoRoot, "rules", pack);

        var errors = schema.Validate(YamlToJson(File.ReadAllText(file)));
        var loaded = new RuleSetLoader(BuiltInChecks.Create()).Load([RuleSetLoader.BuiltinPrefix + Path.GetFileNameWithoutExtension(pack)]);

        Assert.True(errors.Count == 0, $"rules/{pack} breaks the schema:\n" + string.Join('\n', errors.Select(e => $"  {e.Path}: {e.Kind}")));
        Assert.Empty(loaded.Errors);
        Assert.NotEmpty(loaded.RuleSet!.Rules);
    }

    [Theory]
    [InlineData("rule:\n  - id: GOV001\n", ValidationErrorKind.NoAdditionalPropertiesAllowed)]
    [InlineData("severity:\n  GOV001: critical\n", ValidationErrorKind.NotInEnumeration)]
    [InlineData("rules:\n  - id: GOV001\n    title: Names\n    target: group\n    check: nameing\n    message: m\n", ValidationErrorKind.NotInEnumeration)]
    [InlineData("rules:\n  - id: my rule\n    title: Names\n    target: group\n    check: naming\n    message: m\n", ValidationErrorKind.PatternMismatch)]
    [InlineData("rules:\n  - title: Names\n    target: group\n    check: naming\n    message: m\n", ValidationErrorKind.PropertyRequired)]
    [InlineData("exemptions:\n  - rule: GOV001\n    target: g1\n    expires: 2026-12-31\n", ValidationErrorKind.PropertyRequired)]
    public async Task Checked_in_schema_rejects_what_the_loader_rejects(string yaml, ValidationErrorKind kind)
    {
        var schema = await JsonSchema.FromFileAsync(SchemaFile);

        var errors = Flatten(schema.Validate(YamlToJson(yaml))).ToList();

        Assert.Contains(errors, error => error.Kind == kind);
        Assert.NotEmpty(new RuleSetLoader(BuiltInChecks.Create()).LoadText(yaml).Errors);
    }

    private static Newtonsoft.Json.Linq.JToken YamlToJson(string yaml)
    {
        var errors = new List<RuleError>();
        var tree = YamlTreeReader.Read(yaml, "test.yaml", errors);
        Assert.Empty(errors);
        return YamlJson.Convert(Assert.IsAssignableFrom<YamlTreeNode>(tree)).Root;
    }

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(error => error is ChildSchemaValidationError child
            ? [error, .. Flatten(child.Errors.SelectMany(pair => pair.Value))]
            : new[] { error });

    private static string FirstDifference(string checkedIn, string generated)
    {
        var expected = checkedIn.Split('\n');
        var actual = generated.Split('\n');
        for (var i = 0; i < Math.Min(expected.Length, actual.Length); i++)
        {
            if (expected[i] != actual[i])
            {
                return $"line {i + 1} is '{expected[i].Trim()}' but the checks generate '{actual[i].Trim()}'";
            }
        }

        return $"the file has {expected.Length} lines, the checks generate {actual.Length}";
    }
}
