using CommunityRules.Diagnostics;
using CommunityRules.Model;

namespace CommunityRules.Checks;

/// <summary>What a person action sees, and how it reports.</summary>
public readonly struct PersonContext
{
    private readonly IRunningRule _rule;
    private readonly IFindingReporter _sink;

    internal PersonContext(Person person, NetworkView network, IRunningRule rule, IFindingReporter sink)
    {
        Person = person;
        Network = network;
        _rule = rule;
        _sink = sink;
    }

    /// <summary>Gets the person.</summary>
    public Person Person { get; }

    /// <summary>Gets the network, with people, groups, memberships and the moment of the run.</summary>
    public NetworkView Network { get; }

    /// <summary>Reports a finding about the person.</summary>
    /// <param name="arguments">The values for the message's placeholders.</param>
    public void Report(params ReadOnlySpan<MessageArgument> arguments) => _sink.Report(_rule, null, Person, arguments, inScope: true);

    /// <summary>Reports one of the check's further outcomes about the person.</summary>
    /// <param name="outcome">The outcome, one of the check's <see cref="Check.Outcomes"/>.</param>
    /// <param name="arguments">The values for the outcome's message placeholders.</param>
    public void Report(CheckOutcome outcome, params ReadOnlySpan<MessageArgument> arguments) => _sink.Report(_rule, outcome, Person, arguments, inScope: true);
}

/// <summary>What a group action sees, and how it reports.</summary>
public readonly struct GroupContext
{
    private readonly IRunningRule _rule;
    private readonly IFindingReporter _sink;

    internal GroupContext(Group group, NetworkView network, IRunningRule rule, IFindingReporter sink)
    {
        Group = group;
        Network = network;
        _rule = rule;
        _sink = sink;
    }

    /// <summary>Gets the group.</summary>
    public Group Group { get; }

    /// <summary>Gets the network, with people, groups, memberships and the moment of the run.</summary>
    public NetworkView Network { get; }

    /// <summary>Reports a finding about the group.</summary>
    /// <param name="arguments">The values for the message's placeholders.</param>
    public void Report(params ReadOnlySpan<MessageArgument> arguments) => _sink.Report(_rule, null, Group, arguments, inScope: true);

    /// <summary>Reports one of the check's further outcomes about the group.</summary>
    /// <param name="outcome">The outcome, one of the check's <see cref="Check.Outcomes"/>.</param>
    /// <param name="arguments">The values for the outcome's message placeholders.</param>
    public void Report(CheckOutcome outcome, params ReadOnlySpan<MessageArgument> arguments) => _sink.Report(_rule, outcome, Group, arguments, inScope: true);
}

/// <summary>What a post action sees, and how it reports.</summary>
public readonly struct PostContext
{
    private readonly IRunningRule _rule;
    private readonly IFindingReporter _sink;

    internal PostContext(Post post, NetworkView network, IRunningRule rule, IFindingReporter sink)
    {
        Post = post;
        Network = network;
        _rule = rule;
        _sink = sink;
    }

    /// <summary>Gets the post.</summary>
    public Post Post { get; }

    /// <summary>Gets the network, with people, groups, memberships and the moment of the run.</summary>
    public NetworkView Network { get; }

    /// <summary>Reports a finding about the post.</summary>
    /// <param name="arguments">The values for the message's placeholders.</param>
    public void Report(params ReadOnlySpan<MessageArgument> arguments) => _sink.Report(_rule, null, Post, arguments, inScope: true);

    /// <summary>Reports one of the check's further outcomes about the post.</summary>
    /// <param name="outcome">The outcome, one of the check's <see cref="Check.Outcomes"/>.</param>
    /// <param name="arguments">The values for the outcome's message placeholders.</param>
    public void Report(CheckOutcome outcome, params ReadOnlySpan<MessageArgument> arguments) => _sink.Report(_rule, outcome, Post, arguments, inScope: true);
}

/// <summary>What a comment action sees, and how it reports.</summary>
public readonly struct CommentContext
{
    private readonly IRunningRule _rule;
    private readonly IFindingReporter _sink;

    internal CommentContext(Comment comment, NetworkView network, IRunningRule rule, IFindingReporter sink)
    {
        Comment = comment;
        Network = network;
        _rule = rule;
        _sink = sink;
    }

    /// <summary>Gets the comment.</summary>
    public Comment Comment { get; }

    /// <summary>Gets the network, with people, groups, memberships and the moment of the run.</summary>
    public NetworkView Network { get; }

    /// <summary>Reports a finding about the comment.</summary>
    /// <param name="arguments">The values for the message's placeholders.</param>
    public void Report(params ReadOnlySpan<MessageArgument> arguments) => _sink.Report(_rule, null, Comment, arguments, inScope: true);

    /// <summary>Reports one of the check's further outcomes about the comment.</summary>
    /// <param name="outcome">The outcome, one of the check's <see cref="Check.Outcomes"/>.</param>
    /// <param name="arguments">The values for the outcome's message placeholders.</param>
    public void Report(CheckOutcome outcome, params ReadOnlySpan<MessageArgument> arguments) => _sink.Report(_rule, outcome, Comment, arguments, inScope: true);
}

/// <summary>What an end-of-run action sees, and how it reports: the whole network with its activity aggregates.</summary>
public readonly struct EndContext
{
    private readonly IRunningRule _rule;
    private readonly IFindingReporter _sink;

    internal EndContext(NetworkView network, IRunningRule rule, IFindingReporter sink, CancellationToken cancellationToken)
    {
        Network = network;
        _rule = rule;
        _sink = sink;
        CancellationToken = cancellationToken;
    }

    /// <summary>Gets the network, with activity aggregated over all posts and comments.</summary>
    public NetworkView Network { get; }

    /// <summary>Gets the token that cancels the run; long aggregations should observe it.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Gets the groups in the rule's scope (its <c>where:</c>), in the source's order.</summary>
    public IEnumerable<Group> GroupsInScope
    {
        get
        {
            var rule = _rule;
            var network = Network;
            return network.Groups.Where(group => rule.IsInScope(group, network));
        }
    }

    /// <summary>Gets the people in the rule's scope (its <c>where:</c>), in the source's order.</summary>
    public IEnumerable<Person> PeopleInScope
    {
        get
        {
            var rule = _rule;
            var network = Network;
            return network.People.Where(person => rule.IsInScope(person, network));
        }
    }

    /// <summary>Reports a finding about a group.</summary>
    /// <param name="group">The group.</param>
    /// <param name="arguments">The values for the message's placeholders.</param>
    public void Report(Group group, params ReadOnlySpan<MessageArgument> arguments) => _sink.Report(_rule, null, group, arguments, inScope: false);

    /// <summary>Reports one of the check's further outcomes about a group.</summary>
    /// <param name="outcome">The outcome, one of the check's <see cref="Check.Outcomes"/>.</param>
    /// <param name="group">The group.</param>
    /// <param name="arguments">The values for the outcome's message placeholders.</param>
    public void Report(CheckOutcome outcome, Group group, params ReadOnlySpan<MessageArgument> arguments) => _sink.Report(_rule, outcome, group, arguments, inScope: false);

    /// <summary>Reports a finding about a group whose fingerprint names another, steadier id: the finding's target may move between runs while the problem stays.</summary>
    internal void Report(Group group, string fingerprintId, params ReadOnlySpan<MessageArgument> arguments) => _sink.Report(_rule, null, group, arguments, inScope: false, fingerprintId: fingerprintId);

    /// <summary>Reports a finding about a person.</summary>
    /// <param name="person">The person.</param>
    /// <param name="arguments">The values for the message's placeholders.</param>
    public void Report(Person person, params ReadOnlySpan<MessageArgument> arguments) => _sink.Report(_rule, null, person, arguments, inScope: false);

    /// <summary>
    /// Reports a finding about a post that one of this run's post actions of the rule saw (see
    /// <see cref="RunStartContext.RegisterPostAction"/>): it was in the rule's scope then, so the scope is not checked
    /// again, and the check may have kept a shortened copy of the post (<c>post with { Text = ... }</c>) to stay light
    /// on memory. The finding's group is the post's, by its <see cref="Post.GroupId"/>.
    /// </summary>
    /// <param name="post">The post, as a post action of this run saw it, or a shortened copy of it.</param>
    /// <param name="arguments">The values for the message's placeholders.</param>
    public void Report(Post post, params ReadOnlySpan<MessageArgument> arguments) => _sink.Report(_rule, null, post, arguments, inScope: true);

    /// <summary>Reports one of the check's further outcomes about a post that one of this run's post actions of the rule saw.</summary>
    /// <param name="outcome">The outcome, one of the check's <see cref="Check.Outcomes"/>.</param>
    /// <param name="post">The post, as a post action of this run saw it, or a shortened copy of it.</param>
    /// <param name="arguments">The values for the outcome's message placeholders.</param>
    public void Report(CheckOutcome outcome, Post post, params ReadOnlySpan<MessageArgument> arguments) => _sink.Report(_rule, outcome, post, arguments, inScope: true);

    /// <summary>Reports one of the check's further outcomes about a person.</summary>
    /// <param name="outcome">The outcome, one of the check's <see cref="Check.Outcomes"/>.</param>
    /// <param name="person">The person.</param>
    /// <param name="arguments">The values for the outcome's message placeholders.</param>
    public void Report(CheckOutcome outcome, Person person, params ReadOnlySpan<MessageArgument> arguments) => _sink.Report(_rule, outcome, person, arguments, inScope: false);
}
