using CommunityRules.Rules.Yaml;

namespace CommunityRules.Rules;

/// <summary>
/// Says whether a part of a file holds a schema error, so the binder skips that part (its mistake is reported already)
/// and still binds the rest: a rule with a missing message and a bad regex gets both errors, not the first alone.
/// </summary>
internal sealed class SchemaErrorIndex(IReadOnlyList<RuleError> errors)
{
    public static readonly SchemaErrorIndex None = new([]);

    /// <summary>Says whether an error lies within the node, from its first character to just past its last.</summary>
    public bool Within(YamlTreeNode? node)
    {
        if (node is null || errors.Count == 0)
        {
            return false;
        }

        var start = (node.Line, node.Column);
        var end = End(node);
        foreach (var error in errors)
        {
            var at = (error.Location.Line, error.Location.Column);
            if (at == start || (Compare(at, start) >= 0 && Compare(at, end) < 0))
            {
                return true;
            }
        }

        return false;
    }

    private static (int Line, int Column) End(YamlTreeNode node) => node switch
    {
        YamlTreeScalar scalar => (scalar.EndLine, Math.Max(scalar.EndColumn, scalar.Column + 1)),
        YamlTreeMapping { Entries.Count: > 0 } mapping => Max(End(mapping.Entries[^1].Key), End(mapping.Entries[^1].Value)),
        YamlTreeSequence { Items.Count: > 0 } sequence => End(sequence.Items[^1]),
        _ => (node.Line, node.Column + 1),
    };

    private static (int, int) Max((int, int) a, (int, int) b) => Compare(a, b) >= 0 ? a : b;

    private static int Compare((int Line, int Column) a, (int Line, int Column) b) =>
        a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column);
}
