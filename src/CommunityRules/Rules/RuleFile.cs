using CommunityRules.Diagnostics;
using CommunityRules.Rules.Yaml;

namespace CommunityRules.Rules;

/// <summary>What one YAML file says, bound but not yet merged with the files it extends or is extended by.</summary>
internal sealed class RuleFile(string path)
{
    public string Path { get; } = path;

    public List<Rule> Rules { get; } = [];

    public List<(string Reference, SourceLocation Location)> Extends { get; } = [];

    public List<SeveritySetting> Severities { get; } = [];

    public Dictionary<string, ProfileDefinition> Profiles { get; } = new(StringComparer.Ordinal);

    public List<Exemption> Exemptions { get; } = [];

    /// <summary>Gets the ids of the file's rules that have errors of their own, so configuration naming them is not one more error.</summary>
    public List<string> RuleIdsWithErrors { get; } = [];

    /// <summary>Gets the file's <c>options:</c> overrides, by rule id, in the order written.</summary>
    public List<OptionsOverride> Options { get; } = [];
}

/// <summary>One severity override: a rule id, <c>category:NAME</c> or <c>default</c>.</summary>
internal sealed record SeveritySetting(string Key, Severity Severity, SourceLocation Location);

/// <summary>A named set of overrides.</summary>
internal sealed record ProfileDefinition(string Name, IReadOnlyList<SeveritySetting> Severities, SourceLocation Location, IReadOnlyList<OptionsOverride> Options);

/// <summary>
/// One entry of a configuration's <c>options:</c>: a rule id and the options merged over that rule's, as written, with
/// what locates its errors in the configuration file and reads list files beside it.
/// </summary>
internal sealed record OptionsOverride(
    string RuleId,
    SourceLocation Location,
    YamlTreeMapping Node,
    Newtonsoft.Json.Linq.JObject Json,
    YamlJson Document,
    string File,
    string? Directory,
    string? Profile)
{
    /// <summary>Gets whether the override is validated against its check's options schema: not for the bundled packs' own (see <see cref="RuleSetLoader.ValidateBuiltinPacks"/>).</summary>
    public bool AgainstSchema { get; init; } = true;
}

/// <summary>Reads scalar values off a YAML tree with the positions needed for errors.</summary>
internal static class YamlTreeExtensions
{
    public static string? Text(this YamlTreeMapping mapping, string key) =>
        mapping[key] is YamlTreeScalar { IsNull: false } scalar ? scalar.Value : null;

    public static IEnumerable<YamlTreeMapping> Mappings(this YamlTreeMapping mapping, string key) =>
        mapping[key] is YamlTreeSequence sequence ? sequence.Items.OfType<YamlTreeMapping>() : [];

    public static IEnumerable<YamlTreeScalar> Scalars(this YamlTreeMapping mapping, string key) => mapping[key] switch
    {
        YamlTreeSequence sequence => sequence.Items.OfType<YamlTreeScalar>(),
        YamlTreeScalar { IsNull: false } scalar => [scalar],
        _ => [],
    };

    public static SourceLocation At(this YamlTreeNode node, string file) => new(file, node.Line, node.Column);
}
