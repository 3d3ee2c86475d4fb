namespace CommunityRules.Rules.Yaml;

/// <summary>A node of a YAML document as the user wrote it, with the position of its first character.</summary>
internal abstract class YamlTreeNode(int line, int column)
{
    public int Line { get; } = line;

    public int Column { get; } = column;

    /// <summary>Gets a short word for the node's shape, for messages: "a list", "a mapping", "text".</summary>
    public abstract string ShapeName { get; }
}

/// <summary>A scalar: its text and whether it was quoted (a quoted <c>"5"</c> is text, a plain <c>5</c> is a number).</summary>
internal sealed class YamlTreeScalar(string value, bool isQuoted, int line, int column, int endLine = 0, int endColumn = 0) : YamlTreeNode(line, column)
{
    /// <summary>Gets the line just past the scalar's last character, for finding text inside multi-line values.</summary>
    public int EndLine { get; } = endLine == 0 ? line : endLine;

    /// <summary>Gets the column just past the scalar's last character.</summary>
    public int EndColumn { get; } = endColumn;

    public string Value { get; } = value;

    public bool IsQuoted { get; } = isQuoted;

    public bool IsNull => !IsQuoted && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string ShapeName => IsNull ? "nothing (null)" : $"'{Echo.Short(Value)}'";
}

/// <summary>A sequence (list).</summary>
internal sealed class YamlTreeSequence(IReadOnlyList<YamlTreeNode> items, int line, int column) : YamlTreeNode(line, column)
{
    public IReadOnlyList<YamlTreeNode> Items { get; } = items;

    public override string ShapeName => "a list";
}

/// <summary>A mapping, its entries in the order written.</summary>
internal sealed class YamlTreeMapping(IReadOnlyList<KeyValuePair<YamlTreeScalar, YamlTreeNode>> entries, int line, int column) : YamlTreeNode(line, column)
{
    public IReadOnlyList<KeyValuePair<YamlTreeScalar, YamlTreeNode>> Entries { get; } = entries;

    public override string ShapeName => "a mapping";

    public YamlTreeNode? this[string key] => Entries.FirstOrDefault(entry => entry.Key.Value == key).Value;
}
