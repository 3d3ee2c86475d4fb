using System.Globalization;
using Newtonsoft.Json.Linq;

namespace CommunityRules.Rules.Yaml;

/// <summary>
/// Converts a YAML tree into the JSON document the schema validator reads, remembering which YAML node each JSON
/// token came from so that every schema error points at the line and column the user wrote.
/// </summary>
internal sealed class YamlJson
{
    private readonly Dictionary<JToken, YamlTreeNode> _nodes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<JToken, YamlTreeScalar> _keys = new(ReferenceEqualityComparer.Instance);

    private YamlJson(JToken root) => Root = root;

    public JToken Root { get; private set; }

    public static YamlJson Convert(YamlTreeNode root)
    {
        var result = new YamlJson(JValue.CreateNull());
        result.Root = result.ToToken(root, key: null);
        return result;
    }

    /// <summary>Converts a node on its own, for deserializing a part such as a rule's options.</summary>
    public static JToken ToJson(YamlTreeNode node) => Convert(node).Root;

    public YamlTreeNode? NodeOf(JToken token) => _nodes.GetValueOrDefault(token);

    public YamlTreeScalar? KeyOf(JToken token) => _keys.GetValueOrDefault(token);

    private JToken ToToken(YamlTreeNode node, YamlTreeScalar? key)
    {
        JToken token = node switch
        {
            YamlTreeScalar scalar => ScalarToken(scalar),
            YamlTreeSequence sequence => new JArray(sequence.Items.Select(item => ToToken(item, null))),
            YamlTreeMapping mapping => MappingToken(mapping),
            _ => JValue.CreateNull(),
        };
        _nodes[token] = node;
        if (key is not null)
        {
            _keys[token] = key;
        }

        return token;
    }

    private JObject MappingToken(YamlTreeMapping mapping)
    {
        var result = new JObject();
        foreach (var (key, value) in mapping.Entries)
        {
            result.Add(key.Value, ToToken(value, key));
        }

        return result;
    }

    /// <summary>YAML 1.2 core schema for plain scalars: null, booleans and numbers; everything else, and all quoted text, is a string.</summary>
    private static JValue ScalarToken(YamlTreeScalar scalar)
    {
        if (scalar.IsQuoted)
        {
            return new JValue(scalar.Value);
        }

        if (scalar.IsNull)
        {
            return JValue.CreateNull();
        }

        switch (scalar.Value)
        {
            case "true" or "True" or "TRUE":
                return new JValue(true);
            case "false" or "False" or "FALSE":
                return new JValue(false);
        }

        if (long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) && !HasLeadingZero(scalar.Value))
        {
            return new JValue(integer);
        }

        if (double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && char.IsAsciiDigit(scalar.Value[^1]))
        {
            return new JValue(number);
        }

        return new JValue(scalar.Value);
    }

    // "007" stays text: identifiers and codes with leading zeros must not lose them.
    private static bool HasLeadingZero(string text) => text.TrimStart('-', '+') is { Length: > 1 } digits && digits[0] == '0';
}
