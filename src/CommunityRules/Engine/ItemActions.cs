using CommunityRules.Checks;
using CommunityRules.Model;
using CommunityRules.Text;
using RegexMatchTimeoutException = System.Text.RegularExpressions.RegexMatchTimeoutException;

namespace CommunityRules.Engine;

/// <summary>
/// Runs the rules of one post or comment: the checks' own actions, then the findings of the shared text matcher. The
/// bulk engine (which scans batches of posts on all cores first) and the bot's <see cref="PostChecker"/> both come
/// through here, so a post gets the same findings either way.
/// </summary>
internal static class ItemActions
{
    /// <summary>Runs a post's rules; <paramref name="hits"/> holds what the text matcher found in it, scanned beforehand.</summary>
    public static void RunPost(RuleRuntime[] rules, TextRuleSet? text, ref TextHits hits, Post post, Group? group, NetworkView network, FindingCollector collector, IConcurrentReplay? ranAhead = null)
    {
        Run(rules, PostActionsOf, PostContextOf, post, group, network, collector, ranAhead);
        text?.Report(ref hits, post, group, network, collector);
    }

    /// <summary>Runs a comment's rules; <paramref name="hits"/> holds what the text matcher found in it, scanned beforehand.</summary>
    public static void RunComment(RuleRuntime[] rules, TextRuleSet? text, ref TextHits hits, Comment comment, Group? group, NetworkView network, FindingCollector collector, IConcurrentReplay? ranAhead = null)
    {
        Run(rules, CommentActionsOf, CommentContextOf, comment, group, network, collector, ranAhead);
        text?.Report(ref hits, comment, group, network, collector);
    }

    public static readonly Func<RuleRuntime, List<Action<PostContext>>> PostActionsOf = static rule => rule.PostActions;

    public static readonly Func<Post, NetworkView, RuleRuntime, IFindingSink, PostContext> PostContextOf = static (post, network, rule, sink) => new PostContext(post, network, rule, sink);

    public static readonly Func<RuleRuntime, List<Action<CommentContext>>> CommentActionsOf = static rule => rule.CommentActions;

    public static readonly Func<Comment, NetworkView, RuleRuntime, IFindingSink, CommentContext> CommentContextOf = static (comment, network, rule, sink) => new CommentContext(comment, network, rule, sink);

    /// <summary>Runs a rule's actions on one item: under the check's lock unless the check may run at once (see <see cref="RuleRuntime.ExecutionGate"/>).</summary>
    public static void RunGated<TItem, TContext>(RuleRuntime rule, List<Action<TContext>> actions, Func<TItem, NetworkView, RuleRuntime, IFindingSink, TContext> contextOf, TItem item, Group? group, NetworkView network, IFindingSink sink)
        where TItem : class
    {
        if (rule.ExecutionGate is { } gate)
        {
            lock (gate)
            {
                RunInScope(rule, actions, contextOf, item, group, network, sink);
            }
        }
        else
        {
            RunInScope(rule, actions, contextOf, item, group, network, sink);
        }
    }

    private static void RunInScope<TItem, TContext>(RuleRuntime rule, List<Action<TContext>> actions, Func<TItem, NetworkView, RuleRuntime, IFindingSink, TContext> contextOf, TItem item, Group? group, NetworkView network, IFindingSink sink)
        where TItem : class
    {
        if (rule.IsInScope(item, network, group))
        {
            foreach (var action in actions)
            {
                action(contextOf(item, network, rule, sink));
            }
        }
    }

    private static void Run<TItem, TContext>(
        RuleRuntime[] rules,
        Func<RuleRuntime, List<Action<TContext>>> actionsOf,
        Func<TItem, NetworkView, RuleRuntime, IFindingSink, TContext> contextOf,
        TItem item,
        Group? group,
        NetworkView network,
        FindingCollector collector,
        IConcurrentReplay? ranAhead)
        where TItem : class
    {
        collector.CurrentGroup = group;
        foreach (var rule in rules)
        {
            if (collector.IsSwitchedOff(rule) || (ranAhead is not null && ranAhead.TryReplay(rule, collector)))
            {
                continue;
            }

            try
            {
                RunGated(rule, actionsOf(rule), contextOf, item, group, network, collector);
            }
            catch (RegexMatchTimeoutException ex)
            {
                collector.ReportTimeout(rule, item, ex);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                collector.ReportCheckFailure(rule, item, ex);
            }
        }
    }
}
