using CommunityRules.Checks;
using CommunityRules.Diagnostics;
using Newtonsoft.Json.Linq;

namespace CommunityRules.Rules;

/// <summary>A rule as loaded from YAML: its descriptor, targets, check and the severity in force.</summary>
public sealed class Rule
{
    internal Rule(
        RuleDescriptor descriptor,
        IReadOnlyList<RuleTarget> targets,
        Check check,
        object options,
        MessageTemplate message,
        IReadOnlyList<RuleExample> examples,
        SourceLocation location,
        IReadOnlyList<RuleOutcome>? outcomes = null,
        WrittenOptions? writtenOptions = null)
    {
        Outcomes = outcomes ?? [];
        TargetBindings = targets;
        Descriptors = [descriptor, .. targets.Select(target => target.Descriptor).Where(d => !ReferenceEquals(d, descriptor)), .. Outcomes.Select(outcome => outcome.Descriptor)];
        Descriptor = descriptor;
        Targets = [.. targets.Select(target => target.Kind)];
        Check = check;
        Options = options;
        Message = message;
        Examples = examples;
        Location = location;
        WrittenOptions = writtenOptions ?? new WrittenOptions(null, null);
        AsWritten = this;
    }

    /// <summary>Gets the rule's descriptor: id, title, message, category, default severity, help link.</summary>
    public RuleDescriptor Descriptor { get; }

    /// <summary>Gets the rule's descriptor, those it has for its further targets (<c>perTarget:</c>) and those of its check's other outcomes, each with its own id.</summary>
    public IReadOnlyList<RuleDescriptor> Descriptors { get; }

    /// <summary>Gets the rule's identifier.</summary>
    public string Id => Descriptor.Id;

    /// <summary>Gets what the rule looks at; for a rule with several targets, the first of <see cref="Targets"/>.</summary>
    public TargetKind Target => Targets[0];

    /// <summary>Gets every kind of thing the rule looks at, as written in <c>target:</c>, such as posts and comments.</summary>
    public IReadOnlyList<TargetKind> Targets { get; }

    /// <summary>Gets the name of the rule's check kind.</summary>
    public string CheckKind => Check.Kind;

    /// <summary>Gets where the rule is written.</summary>
    public SourceLocation Location { get; }

    internal Check Check { get; }

    /// <summary>Gets the options in force: the rule file's, with configuration's <c>options:</c> merged over them.</summary>
    internal object Options { get; }

    /// <summary>Gets each target with its scope, descriptor and message.</summary>
    internal IReadOnlyList<RuleTarget> TargetBindings { get; }

    internal MessageTemplate Message { get; }

    internal IReadOnlyList<RuleExample> Examples { get; }

    internal IReadOnlyList<RuleOutcome> Outcomes { get; }

    /// <summary>Gets the options as the rule file writes them, to merge configuration over and to read list files beside.</summary>
    internal WrittenOptions WrittenOptions { get; }

    /// <summary>Gets the options in force as JSON, with the places in configuration that changed them; <see langword="null"/> when nothing did.</summary>
    internal ConfiguredOptions? ConfiguredOptions { get; private init; }

    /// <summary>Gets the rule as its file writes it, before configuration changed its options; examples prove that rule.</summary>
    internal Rule AsWritten { get; private init; }

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

    /// <summary>Makes the rule with the options configuration gives it; everything else stays.</summary>
    internal Rule WithOptions(object options, ConfiguredOptions configured)
    {
        var asWritten = AsWritten;
        return new(Descriptor, TargetBindings, Check, options, Message, Examples, Location, Outcomes, WrittenOptions)
        {
            ConfiguredOptions = configured,
            AsWritten = asWritten,
        };
    }

    /// <inheritdoc/>
    public override string ToString() => Descriptor.ToString();
}

/// <summary>One of a rule's further outcomes, bound: its descriptor and parsed message.</summary>
internal sealed record RuleOutcome(CheckOutcome Outcome, RuleDescriptor Descriptor, MessageTemplate Message);

/// <summary>One kind of thing a rule looks at, with the scope bound for it and the descriptor and message its findings carry.</summary>
internal sealed record RuleTarget(TargetKind Kind, ScopeCondition Scope, RuleDescriptor Descriptor, MessageTemplate Message);

/// <summary>A rule's options as its file writes them (<see langword="null"/> when it writes none), and the file's folder for list files.</summary>
internal sealed record WrittenOptions(JToken? Json, string? Directory);

/// <summary>The options in force after configuration, as JSON, and where configuration wrote the overrides, in the order applied.</summary>
internal sealed record ConfiguredOptions(JToken Json, IReadOnlyList<SourceLocation> Sources);
