namespace CommunityRules.Rules;

/// <summary>A position in a rule file, 1-based, as editors count.</summary>
/// <param name="File">The file's path as it was given.</param>
/// <param name="Line">The line.</param>
/// <param name="Column">The column.</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <inheritdoc/>
    public override string ToString() => $"{File}({Line},{Column})";
}
