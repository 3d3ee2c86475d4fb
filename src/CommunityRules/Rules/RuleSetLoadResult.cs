using System.Diagnostics.CodeAnalysis;

namespace CommunityRules.Rules;

/// <summary>Settings for loading a rule set.</summary>
public sealed class RuleSetLoadOptions
{
    /// <summary>Gets or sets the profile to switch on.</summary>
    /// <value>The default value is <see langword="null"/>: no profile.</value>
    public string? Profile { get; set; }
}

/// <summary>The outcome of loading rule files: a rule set, or the errors that prevent one.</summary>
public sealed class RuleSetLoadResult
{
    internal RuleSetLoadResult(RuleSet? ruleSet, IReadOnlyList<RuleError> errors, IReadOnlyList<string> files)
    {
        RuleSet = errors.Count == 0 ? ruleSet : null;
        Errors = errors;
        Files = files;
    }

    /// <summary>Gets the rule set, or <see langword="null"/> when there are errors.</summary>
    public RuleSet? RuleSet { get; }

    /// <summary>Gets the errors, in file and line order.</summary>
    public IReadOnlyList<RuleError> Errors { get; }

    /// <summary>Gets the files that were read, bundled packs as <c>builtin:NAME</c>.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Gets a value indicating whether the files loaded without error; then <see cref="RuleSet"/> is not null.</summary>
    [MemberNotNullWhen(true, nameof(RuleSet))]
    public bool Success => RuleSet is not null;
}
