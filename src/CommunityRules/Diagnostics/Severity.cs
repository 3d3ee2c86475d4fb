namespace CommunityRules.Diagnostics;

/// <summary>
/// How serious a finding is, with Roslyn's names. The values are ordered: a larger value is more serious.
/// </summary>
public enum Severity
{
    /// <summary>The rule is off: it does not run and reports nothing.</summary>
    None = 0,

    /// <summary>The rule runs; findings are recorded in machine output but hidden from people.</summary>
    Silent = 1,

    /// <summary>A suggestion for improvement.</summary>
    Suggestion = 2,

    /// <summary>Something that should be fixed.</summary>
    Warning = 3,

    /// <summary>Something that must be fixed.</summary>
    Error = 4,
}
