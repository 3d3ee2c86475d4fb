namespace CommunityRules.Rules;

/// <summary>A position in a rule file, 1-based, as editors count.</summary>
/// <param name="File">The file's path as it was given.</param>
/// <param name="Line">The line.</param>
/// <param name="Column">The column.</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <inheritdoc/>
    /// <remarks>A location with line 0 names no place in a file, such as a command-line option, and prints as the name alone.</remarks>
    public override string ToString() => Line > 0 ? $"{File}({Line},{Column})" : File;
}
