using CommunityRules.Diagnostics;

namespace CommunityRules.Checks;

/// <summary>Registers the actions of one rule, as Roslyn's <c>AnalysisContext</c>.</summary>
public abstract class CheckInitializationContext
{
    private protected CheckInitializationContext()
    {
    }

    /// <summary>Gets the rule being initialized.</summary>
    public abstract RuleDescriptor Rule { get; }

    /// <summary>Gets the rule's target.</summary>
    public abstract TargetKind Target { get; }

    /// <summary>Runs an action for each person in the rule's scope.</summary>
    /// <param name="action">The action.</param>
    public abstract void RegisterPersonAction(Action<PersonContext> action);

    /// <summary>Runs an action for each group in the rule's scope.</summary>
    /// <param name="action">The action.</param>
    public abstract void RegisterGroupAction(Action<GroupContext> action);

    /// <summary>Runs an action for each post in the rule's scope, as the posts stream by.</summary>
    /// <param name="action">The action.</param>
    public abstract void RegisterPostAction(Action<PostContext> action);

    /// <summary>Runs an action for each comment in the rule's scope, as the comments stream by.</summary>
    /// <param name="action">The action.</param>
    public abstract void RegisterCommentAction(Action<CommentContext> action);

    /// <summary>Runs an action once, after all records were read, for findings over aggregates.</summary>
    /// <param name="action">The action.</param>
    public abstract void RegisterEndAction(Action<EndContext> action);

    /// <summary>
    /// Runs an action at the start of each run, before anything is read, as Roslyn's compilation start action: it
    /// registers actions for that run only, so state gathered while the run streams by lives in the action's own
    /// variables, not in the check's fields (a rule set may run many times, even at once).
    /// </summary>
    /// <param name="action">The action.</param>
    public abstract void RegisterRunStartAction(Action<RunStartContext> action);

    /// <summary>
    /// Declares that the rule's person, group, post and comment actions are thread-safe, as Roslyn's
    /// <c>EnableConcurrentExecution</c>: a run may then call them for several records at once, on all cores, beside
    /// the text scan. Their findings still come out in the order of a run on one thread, so results are the same either
    /// way. Without it, the rule's per-item actions are never called at once, not even by two runs or bot threads at
    /// once (each check's are called one at a time). Run start, end-of-run and run actions are never called at once
    /// within a run either way.
    /// </summary>
    public abstract void EnableConcurrentExecution();

    /// <summary>
    /// Asks the run to count each person's posts, comments and reactions as they stream by, in the last
    /// <paramref name="days"/> before the run's moment and per month, into <see cref="Model.NetworkView.PersonActivity"/>
    /// for the end actions. Runs without such a rule count nothing.
    /// </summary>
    /// <param name="days">The window, in days.</param>
    internal abstract void CountPersonActivity(int days);

    /// <summary>
    /// Adds what the rule looks for in post or comment text to the rule set's shared matcher: terms
    /// (<see cref="Text.TermContribution"/>), regular expressions (<see cref="Text.PatternContribution"/>) or a
    /// detector of one's own (<see cref="Text.DetectorContribution"/>). All rules' contributions compile into one
    /// matcher per field, so a post is read once whatever the number of rules, in parallel in a run and without
    /// allocating on a clean post in <see cref="PostChecker"/>. What is found becomes the rule's findings, in its scope,
    /// each thing once per field and at most <see cref="Engine.AnalysisOptions.MaxFindingsPerPost"/> per post.
    /// A rule may register several contributions.
    /// </summary>
    /// <param name="contribution">What to find, and in which fields.</param>
    /// <exception cref="InvalidOperationException">The rule's target is neither posts nor comments.</exception>
    public abstract void RegisterText(Text.TextContribution contribution);
}
