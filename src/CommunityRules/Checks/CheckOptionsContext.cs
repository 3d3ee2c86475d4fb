namespace CommunityRules.Checks;

/// <summary>What a check may use while it validates a rule's options.</summary>
public abstract class CheckOptionsContext
{
    private protected CheckOptionsContext()
    {
    }

    /// <summary>Gets what the rule looks at: people, groups, posts or comments.</summary>
    public abstract Diagnostics.TargetKind Target { get; }

    /// <summary>Gets the identifier of the rule whose options are validated.</summary>
    public abstract string RuleId { get; }

    /// <summary>Reports that an option is wrong, at the option's position in the rule file.</summary>
    /// <param name="optionName">The option's name as written in YAML, such as <c>pattern</c>.</param>
    /// <param name="message">What is wrong and how to fix it, in plain words.</param>
    public abstract void ReportError(string optionName, string message);

    /// <summary>Reads a list file named by an option: one entry a line; blank lines and lines starting with <c>#</c> are skipped.</summary>
    /// <param name="optionName">The option's name, for errors.</param>
    /// <param name="path">The path as written, relative to the rule file.</param>
    /// <returns>The entries, or an empty list after reporting an error when the file cannot be read.</returns>
    public abstract IReadOnlyList<string> ReadListFile(string optionName, string path);

    /// <summary>Compiles a regular expression from a rule file, bounded so it cannot run away, or reports why it is invalid.</summary>
    /// <param name="optionName">The option's name, for errors.</param>
    /// <param name="pattern">The pattern.</param>
    /// <returns>The regular expression, or <see langword="null"/> after reporting an error.</returns>
    public abstract System.Text.RegularExpressions.Regex? CompileRegex(string optionName, string pattern);

    /// <summary>Gets a value indicating whether an error was reported already, so a check does not report its consequences too.</summary>
    internal abstract bool HasErrors { get; }
}
