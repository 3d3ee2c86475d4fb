using CommunityRules.Checks;
using CommunityRules.Diagnostics;
using CommunityRules.Model;
using CommunityRules.Rules;

namespace CommunityRules.Engine;

/// <summary>
/// A rule ready to run on one kind of target: its severity in force and the actions its check registered. A rule with
/// several targets (<c>target: [post, comment]</c>) runs as one runtime per target, sharing its options.
/// </summary>
internal sealed class RuleRuntime : IRunningRule
{
    private readonly RuleTarget _target;

    public RuleRuntime(Rule rule, RuleTarget target, int order, SeverityConfiguration severities)
    {
        Rule = rule;
        _target = target;
        Order = order;
        Severity = severities.Resolve(target.Descriptor);
        OutcomeSeverities = [.. rule.Outcomes.Select(outcome => severities.Resolve(outcome.Descriptor))];
    }

    public Rule Rule { get; }

    /// <summary>Gets what this runtime looks at: one of the rule's targets.</summary>
    public TargetKind Target => _target.Kind;

    /// <summary>Gets the descriptor of the main finding on this target: the rule's, or the one <c>perTarget:</c> gives it.</summary>
    public RuleDescriptor Descriptor => _target.Descriptor;

    /// <summary>Gets the scope, bound for this target (a bare field such as <c>text</c> is the target's own).</summary>
    public ScopeCondition Scope => _target.Scope;

    /// <summary>Gets the rule's position in the rule set, which orders the findings.</summary>
    public int Order { get; }

    /// <summary>Gets the severity in force of the rule's main finding.</summary>
    public Severity Severity { get; }

    /// <summary>Gets the severity in force of each of the rule's further outcomes, in the order of <see cref="Rule.Outcomes"/>.</summary>
    public Severity[] OutcomeSeverities { get; }

    /// <summary>Gets a value indicating whether any finding of the rule is switched on, so its actions must run.</summary>
    public bool IsActive => Severity != Severity.None || OutcomeSeverities.Any(severity => severity != Severity.None);

    /// <summary>Finds what a report of an outcome becomes: its descriptor, message and severity; the main finding for <see langword="null"/>.</summary>
    public (RuleDescriptor Descriptor, MessageTemplate Message, Severity Severity) Resolve(CheckOutcome? outcome)
    {
        if (outcome is null)
        {
            return (_target.Descriptor, _target.Message, Severity);
        }

        for (var i = 0; i < Rule.Outcomes.Count; i++)
        {
            var candidate = Rule.Outcomes[i];
            if (ReferenceEquals(candidate.Outcome, outcome) || candidate.Outcome.Name == outcome.Name)
            {
                return (candidate.Descriptor, candidate.Message, OutcomeSeverities[i]);
            }
        }

        throw new InvalidOperationException($"Check '{Rule.CheckKind}' reported the outcome '{outcome.Name}', which it does not declare in Outcomes.");
    }

    /// <summary>Gets a value indicating whether the rule's check declared its per-item actions thread-safe, so a run may call them for several records at once.</summary>
    public bool ConcurrentExecution { get; private set; }

    /// <summary>
    /// Gets the lock a check's per-item actions are called under when they may not run at once, or
    /// <see langword="null"/> when they may: the check opted in, or it is one of this package's, which are thread-safe.
    /// </summary>
    public object? ExecutionGate { get; private set; }

    public List<Action<PersonContext>> PersonActions { get; } = [];

    public List<Action<GroupContext>> GroupActions { get; } = [];

    public List<Action<PostContext>> PostActions { get; } = [];

    public List<Action<CommentContext>> CommentActions { get; } = [];

    public List<Action<EndContext>> EndActions { get; } = [];

    /// <summary>Gets the actions that register actions of one run; see <see cref="RunActions"/>.</summary>
    public List<Action<RunStartContext>> RunStartActions { get; } = [];

    /// <summary>Gets the windows, in days before the run's moment, in which the rule needs each person's activity counted.</summary>
    public List<int> ActivityWindows { get; } = [];

    /// <summary>Gets what the rule's text check looks for; the rule set compiles these of all rules into one matcher.</summary>
    public List<Text.TextContribution> TextContributions { get; } = [];

    public void Initialize()
    {
        Rule.Check.InitializeRule(new InitializationContext(this), Rule.Options);
        ExecutionGate = ConcurrentExecution || Rule.Check.GetType().Assembly == typeof(RuleRuntime).Assembly ? null : Rule.Check.ExecutionGate;
    }

    public bool IsInScope(object entity, NetworkView network, Group? group = null) =>
        _target.Scope.Matches(new FieldSubject(entity, group, network));

    private sealed class InitializationContext(RuleRuntime runtime) : CheckInitializationContext
    {
        public override RuleDescriptor Rule => runtime.Descriptor;

        public override TargetKind Target => runtime.Target;

        public override void RegisterPersonAction(Action<PersonContext> action) => Register(runtime.PersonActions, action, TargetKind.Person);

        public override void RegisterGroupAction(Action<GroupContext> action) => Register(runtime.GroupActions, action, TargetKind.Group);

        public override void RegisterPostAction(Action<PostContext> action) => Register(runtime.PostActions, action, TargetKind.Post);

        public override void RegisterCommentAction(Action<CommentContext> action) => Register(runtime.CommentActions, action, TargetKind.Comment);

        public override void RegisterEndAction(Action<EndContext> action)
        {
            ArgumentNullException.ThrowIfNull(action);
            runtime.EndActions.Add(action);
        }

        public override void EnableConcurrentExecution() => runtime.ConcurrentExecution = true;

        public override void RegisterRunStartAction(Action<RunStartContext> action)
        {
            ArgumentNullException.ThrowIfNull(action);
            runtime.RunStartActions.Add(action);
        }

        internal override void CountPersonActivity(int days)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
            runtime.ActivityWindows.Add(days);
        }

        public override void RegisterText(Text.TextContribution contribution)
        {
            ArgumentNullException.ThrowIfNull(contribution);
            if (runtime.Target is not (TargetKind.Post or TargetKind.Comment))
            {
                throw new InvalidOperationException($"Check '{runtime.Rule.CheckKind}' registered text for rule {runtime.Descriptor.Id}, whose target is {runtime.Target}.");
            }

            runtime.TextContributions.Add(contribution);
        }

        // An action for another kind than the rule's target would report findings the rule's scope was never checked against.
        private void Register<TContext>(List<Action<TContext>> actions, Action<TContext> action, TargetKind kind)
        {
            ArgumentNullException.ThrowIfNull(action);
            if (kind != runtime.Target)
            {
                throw new InvalidOperationException($"Check '{runtime.Rule.CheckKind}' registered a {kind} action for rule {runtime.Descriptor.Id}, whose target is {runtime.Target}.");
            }

            actions.Add(action);
        }
    }
}

/// <summary>The actions a rule's run start actions registered for one run.</summary>
internal sealed class RunActions(RuleRuntime rule) : IRunActionLists
{
    public RuleRuntime Rule { get; } = rule;

    Rule IRunActionLists.Rule => Rule.Rule;

    public List<Action<GroupPostContext>> GroupPostActions { get; } = [];

    public List<Action<PostContext>> PostActions { get; } = [];

    public List<Action<PostCommentContext>> CommentActions { get; } = [];

    public List<Action<PostContext>> SecondPassPostActions { get; } = [];

    public List<Action<EndContext>> EndActions { get; } = [];
}
