using CommunityRules.Model;

namespace CommunityRules.Checks;

/// <summary>
/// What a run start action sees: the network of the run, still empty, and registration of actions for this run only.
/// Their state belongs to the run: keep it in variables the actions share, and report from the end action.
/// </summary>
public sealed class RunStartContext
{
    private readonly IRunActionLists _actions;

    internal RunStartContext(NetworkView network, IRunActionLists actions, CancellationToken cancellationToken)
    {
        Network = network;
        _actions = actions;
        CancellationToken = cancellationToken;
    }

    /// <summary>Gets the network of this run; it fills as the run reads people, groups and posts.</summary>
    public NetworkView Network { get; }

    /// <summary>Gets the token that cancels the run.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>
    /// Runs an action for each post written in a group in the rule's scope, as the posts stream by, for a group rule
    /// that gathers what is written in its groups — or, for a post rule, for each post written in any group of the
    /// data (its <c>where:</c> picks the posts it judges, not those it learns from). The action cannot report; the end
    /// action or a second pass does. Posts by bots and system accounts are left out unless the run includes them.
    /// </summary>
    /// <param name="action">The action.</param>
    public void RegisterGroupPostAction(Action<GroupPostContext> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (_actions.Rule.Target is not (Diagnostics.TargetKind.Group or Diagnostics.TargetKind.Post))
        {
            throw new InvalidOperationException($"Check '{_actions.Rule.CheckKind}' registered a group post action for rule {_actions.Rule.Id}, whose target is {_actions.Rule.Target}.");
        }

        _actions.GroupPostActions.Add(action);
    }

    /// <summary>
    /// Runs an action for each post in the rule's scope, as the posts stream by, for a post rule that judges a post by
    /// what comes after it, such as its comments: the action keeps what it needs (no more) in this run's variables,
    /// and the end action reports with <see cref="EndContext.Report(Post, ReadOnlySpan{MessageArgument})"/>. Posts by
    /// bots and system accounts come only when the run includes them, as for the rule's own post actions.
    /// </summary>
    /// <param name="action">The action.</param>
    public void RegisterPostAction(Action<PostContext> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (_actions.Rule.Target != Diagnostics.TargetKind.Post)
        {
            throw new InvalidOperationException($"Check '{_actions.Rule.CheckKind}' registered a run's post action for rule {_actions.Rule.Id}, whose target is {_actions.Rule.Target}.");
        }

        _actions.PostActions.Add(action);
    }

    /// <summary>
    /// Runs an action for each comment, on any post, as the comments stream by (after all posts), for a rule that
    /// judges posts by their comments. The action cannot report; the end action does. Every comment comes, those by
    /// bots and system accounts too: the action decides what counts.
    /// </summary>
    /// <param name="action">The action.</param>
    public void RegisterCommentAction(Action<PostCommentContext> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _actions.CommentActions.Add(action);
    }

    /// <summary>
    /// Runs an action for each post in the rule's scope in a second reading of the posts, after everything was read
    /// and the end actions ran: for a post rule that judges each post against what the whole run gathered, whatever
    /// order the source gives the posts in (the <c>placement</c> check's group profiles). The source's posts are read
    /// again, so it costs a second reading of them; a run registers it only when a rule asks for it.
    /// </summary>
    /// <param name="action">The action.</param>
    public void RegisterSecondPassPostAction(Action<PostContext> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (_actions.Rule.Target != Diagnostics.TargetKind.Post)
        {
            throw new InvalidOperationException($"Check '{_actions.Rule.CheckKind}' registered a second-pass post action for rule {_actions.Rule.Id}, whose target is {_actions.Rule.Target}.");
        }

        _actions.SecondPassPostActions.Add(action);
    }

    /// <summary>Runs an action once in this run, after all records were read and after the rule's own end actions.</summary>
    /// <param name="action">The action.</param>
    public void RegisterEndAction(Action<EndContext> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _actions.EndActions.Add(action);
    }
}

/// <summary>A post in a group that a group rule's scope includes: what a group post action sees.</summary>
public readonly struct GroupPostContext
{
    internal GroupPostContext(Post post, Group group, NetworkView network)
    {
        Post = post;
        Group = group;
        Network = network;
    }

    /// <summary>Gets the post.</summary>
    public Post Post { get; }

    /// <summary>Gets the group the post was written in.</summary>
    public Group Group { get; }

    /// <summary>Gets the network, as read so far.</summary>
    public NetworkView Network { get; }
}

/// <summary>A comment as a run's comment action sees it: the comment, its post's group and the network.</summary>
public readonly struct PostCommentContext
{
    internal PostCommentContext(Comment comment, Group? group, NetworkView network)
    {
        Comment = comment;
        Group = group;
        Network = network;
    }

    /// <summary>Gets the comment.</summary>
    public Comment Comment { get; }

    /// <summary>Gets the group of the post the comment is on, or <see langword="null"/> when the post or its group is not in the data.</summary>
    public Group? Group { get; }

    /// <summary>Gets the network, as read so far.</summary>
    public NetworkView Network { get; }
}
