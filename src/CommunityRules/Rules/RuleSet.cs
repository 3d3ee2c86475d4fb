using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Text;

namespace CommunityRules.Rules;

/// <summary>
/// The rules and configuration loaded from YAML, compiled once: immutable, and safe to share across threads and runs.
/// Load one with <see cref="RuleSetLoader"/>.
/// </summary>
public sealed class RuleSet
{
    internal RuleSet(IReadOnlyList<Rule> rules, SeverityConfiguration severities, IReadOnlyList<Exemption> exemptions, string? profile)
    {
        Rules = rules;
        Exemptions = exemptions;
        Profile = profile;
        Severities = severities;
        // One runtime per rule and target, numbered in rule-file order: the findings of a post-and-comment rule on posts come before those on comments.
        Runtimes = [.. rules
            .SelectMany(rule => rule.TargetBindings.Select(target => (rule, target)))
            .Select((pair, index) => new RuleRuntime(pair.rule, pair.target, index, severities))
            .Where(runtime => runtime.IsActive)];
        foreach (var runtime in Runtimes)
        {
            runtime.Initialize();
        }

        Text = TextRuleSet.Create(Runtimes);
        Fields = FieldProjection.Of(Runtimes);
        PostRuntimes = [.. Runtimes.Where(rule => rule.PostActions.Count > 0)];
        CommentRuntimes = [.. Runtimes.Where(rule => rule.CommentActions.Count > 0)];

        BuiltinSeverities = BuiltinRules.All.ToDictionary(rule => rule.Id, rule => severities.Resolve(rule), StringComparer.Ordinal);
    }

    /// <summary>Gets every rule, including those switched off.</summary>
    public IReadOnlyList<Rule> Rules { get; }

    /// <summary>Gets the exemptions, including expired ones.</summary>
    public IReadOnlyList<Exemption> Exemptions { get; }

    /// <summary>Gets the active profile, if one was chosen.</summary>
    public string? Profile { get; }

    internal SeverityConfiguration Severities { get; }

    internal IReadOnlyList<RuleRuntime> Runtimes { get; }

    /// <summary>Gets the text checks of the active rules compiled into one matcher per field, or <see langword="null"/> when there are none.</summary>
    internal TextRuleSet? Text { get; }

    /// <summary>Gets the optional fields of posts, comments and reactions the active rules read: a run reads only these.</summary>
    internal Data.RecordFields Fields { get; }

    /// <summary>Gets the active rules with actions of their own for posts, beside the shared text matcher.</summary>
    internal RuleRuntime[] PostRuntimes { get; }

    /// <summary>Gets the active rules with actions of their own for comments, beside the shared text matcher.</summary>
    internal RuleRuntime[] CommentRuntimes { get; }

    internal IReadOnlyDictionary<string, Severity> BuiltinSeverities { get; }

    /// <summary>Gets the severity in force for a rule's main finding, after configuration and profile.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The severity; <see cref="Severity.None"/> when the rule is off.</returns>
    public Severity GetSeverity(Rule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Severities.Resolve(rule.Descriptor);
    }

    /// <summary>Gets the severity in force for a descriptor: a rule's, one of its outcomes', or a built-in one.</summary>
    /// <param name="descriptor">The descriptor.</param>
    /// <returns>The severity; <see cref="Severity.None"/> when it is off.</returns>
    public Severity GetSeverity(RuleDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return Severities.Resolve(descriptor);
    }
}
