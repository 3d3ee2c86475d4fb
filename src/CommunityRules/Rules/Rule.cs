using CommunityRules.Checks;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;

namespace CommunityRules.Rules;

/// <summary>A rule as loaded from YAML: its descriptor, target, check and the severity in force.</summary>
public sealed class Rule
{
    internal Rule(
        RuleDescriptor descriptor,
        TargetKind target,
        Check check,
        object options,
        ScopeCondition scope,
        MessageTemplate message,
        IReadOnlyList<RuleExample> examples,
        SourceLocation location,
        IReadOnlyList<RuleOutcome>? outcomes = null)
    {
        Outcomes = outcomes ?? [];
        Descriptors = [descriptor, .. Outcomes.Select(outcome => outcome.Descriptor)];
        Descriptor = descriptor;
        Target = target;
        Check = check;
        Options = options;
        Scope = ScopeCondition.ForPeopleOnly(scope, target);
        Message = message;
        Examples = examples;
        Location = location;
    }

    /// <summary>Gets the rule's descriptor: id, title, message, category, default severity, help link.</summary>
    public RuleDescriptor Descriptor { get; }

    /// <summary>Gets the rule's descriptor and those of its check's other outcomes, each with its own id.</summary>
    public IReadOnlyList<RuleDescriptor> Descriptors { get; }

    /// <summary>Gets the rule's identifier.</summary>
    public string Id => Descriptor.Id;

    /// <summary>Gets what the rule looks at.</summary>
    public TargetKind Target { get; }

    /// <summary>Gets the name of the rule's check kind.</summary>
    public string CheckKind => Check.Kind;

    /// <summary>Gets where the rule is written.</summary>
    public SourceLocation Location { get; }

    internal Check Check { get; }

    internal object Options { get; }

    internal ScopeCondition Scope { get; }

    internal MessageTemplate Message { get; }

    internal IReadOnlyList<RuleExample> Examples { get; }

    internal IReadOnlyList<RuleOutcome> Outcomes { get; }

    internal RuleOutcome? FindOutcome(CheckOutcome outcome)
    {
        foreach (var candidate in Outcomes)
        {
            if (ReferenceEquals(candidate.Outcome, outcome) || candidate.Outcome.Name == outcome.Name)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public override string ToString() => Descriptor.ToString();
}

/// <summary>One of a rule's further outcomes, bound: its descriptor and parsed message.</summary>
internal sealed record RuleOutcome(CheckOutcome Outcome, RuleDescriptor Descriptor, MessageTemplate Message);
