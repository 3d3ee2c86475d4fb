using CommunityRules.Checks;
using CommunityRules.Diagnostics;
using CommunityRules.Model;
using CommunityRules.Rules;

namespace CommunityRules.Engine;

/// <summary>A rule ready to run: its severity in force and the actions its check registered.</summary>
internal sealed class RuleRuntime
{
    public RuleRuntime(Rule rule, int order, Severity severity)
    {
        Rule = rule;
        Order = order;
        Severity = severity;
    }

    public Rule Rule { get; }

    /// <summary>Gets the rule's position in the rule set, which orders the findings.</summary>
    public int Order { get; }

    public Severity Severity { get; }

    public List<Action<PersonContext>> PersonActions { get; } = [];

    public List<Action<GroupContext>> GroupActions { get; } = [];

    public List<Action<PostContext>> PostActions { get; } = [];

    public List<Action<CommentContext>> CommentActions { get; } = [];

    public List<Action<EndContext>> EndActions { get; } = [];

    public void Initialize() => Rule.Check.InitializeRule(new InitializationContext(this), Rule.Options);

    public bool IsInScope(object entity, NetworkView network, Group? group = null) =>
        Rule.Scope.Matches(new FieldSubject(entity, group, network));

    private sealed class InitializationContext(RuleRuntime runtime) : CheckInitializationContext
    {
        public override RuleDescriptor Rule => runtime.Rule.Descriptor;

        public override TargetKind Target => runtime.Rule.Target;

        public override void RegisterPersonAction(Action<PersonContext> action) => Register(runtime.PersonActions, action, TargetKind.Person);

        public override void RegisterGroupAction(Action<GroupContext> action) => Register(runtime.GroupActions, action, TargetKind.Group);

        public override void RegisterPostAction(Action<PostContext> action) => Register(runtime.PostActions, action, TargetKind.Post);

        public override void RegisterCommentAction(Action<CommentContext> action) => Register(runtime.CommentActions, action, TargetKind.Comment);

        public override void RegisterEndAction(Action<EndContext> action)
        {
            ArgumentNullException.ThrowIfNull(action);
            runtime.EndActions.Add(action);
        }

        // An action for another kind than the rule's target would report findings the rule's scope was never checked against.
        private void Register<TContext>(List<Action<TContext>> actions, Action<TContext> action, TargetKind kind)
        {
            ArgumentNullException.ThrowIfNull(action);
            if (kind != runtime.Rule.Target)
            {
                throw new InvalidOperationException($"Check '{runtime.Rule.CheckKind}' registered a {kind} action for rule {runtime.Rule.Id}, whose target is {runtime.Rule.Target}.");
            }

            actions.Add(action);
        }
    }
}
