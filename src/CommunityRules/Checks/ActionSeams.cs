using CommunityRules.Model;
using CommunityRules.Rules;

namespace CommunityRules.Checks;

/// <summary>
/// The rule an action runs for, as the action's context needs it. The engine's runtime of a rule implements it, so the
/// contexts that checks see do not reach into the engine.
/// </summary>
internal interface IRunningRule
{
    /// <summary>Gets the rule as the rule set bound it.</summary>
    Rule Rule { get; }

    /// <summary>Says whether the rule's scope (its <c>where:</c>) includes the entity.</summary>
    bool IsInScope(object entity, NetworkView network, Group? group = null);
}

/// <summary>Where an action's context sends what it reports; the engine's collector implements it.</summary>
internal interface IFindingReporter
{
    /// <param name="rule">The rule that reports.</param>
    /// <param name="outcome">The check's further outcome being reported, or <see langword="null"/> for the rule's main finding.</param>
    /// <param name="entity">The person, group, post or comment the finding is about.</param>
    /// <param name="arguments">The values for the message's placeholders.</param>
    /// <param name="inScope">Whether the engine already checked the rule's scope for the entity, as it does before per-item actions.</param>
    /// <param name="discriminator">Tells apart several findings of one rule on one target, such as two terms in one post.</param>
    /// <param name="fingerprintId">The id the fingerprint uses in place of the target's, for a finding whose target can move while the problem stays.</param>
    void Report(IRunningRule rule, CheckOutcome? outcome, object entity, ReadOnlySpan<MessageArgument> arguments, bool inScope, string? discriminator = null, string? fingerprintId = null);
}

/// <summary>Where a run start action's registrations go: the lists of one run's actions, which the engine runs.</summary>
internal interface IRunActionLists
{
    /// <summary>Gets the rule whose run start action registers.</summary>
    Rule Rule { get; }

    List<Action<GroupPostContext>> GroupPostActions { get; }

    List<Action<PostContext>> PostActions { get; }

    List<Action<PostCommentContext>> CommentActions { get; }

    List<Action<PostContext>> SecondPassPostActions { get; }

    List<Action<EndContext>> EndActions { get; }
}
