namespace CommunityRules.Rules;

/// <summary>Something wrong in a rule or configuration file, at its position, with the fix in plain words.</summary>
/// <param name="Location">Where in which file.</param>
/// <param name="Code">A stable code, such as <c>CR1003</c>; <c>docs/errors.md</c> explains each.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record RuleError(SourceLocation Location, string Code, string Message)
{
    /// <summary>Gets the error in the canonical MSBuild and Roslyn form that editors and CI understand: <c>path(line,col): error CODE: message</c>.</summary>
    /// <returns>The error as one line.</returns>
    public override string ToString() => $"{Location}: error {Code}: {Message}";
}
