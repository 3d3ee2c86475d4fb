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
    public static void RunPost(RuleRuntime[] rules, TextRuleSet? text, ref TextHits hits, Post post, Group? group, NetworkView network, FindingCollector collector)
    {
        Run(rules, static rule => rule.PostActions, static (post, network, rule, sink) => new PostContext(post, network, rule, sink), post, group, network, collector);
        text?.Report(ref hits, post, group, network, collector);
    }

    /// <summary>Runs a comment's rules; <paramref name="hits"/> holds what the text matcher found in it, scanned beforehand.</summary>
    public static void RunComment(RuleRuntime[] rules, TextRuleSet? text, ref TextHits hits, Comment comment, Group? group, NetworkView network, FindingCollector collector)
    {
        Run(rules, static rule => rule.CommentActions, static (comment, network, rule, sink) => new CommentContext(comment, network, rule, sink), comment, group, network, collector);
        text?.Report(ref hits, comment, group, network, collector);
    }

    private static void Run<TItem, TContext>(
        RuleRuntime[] rules,
        Func<RuleRuntime, List<Action<TContext>>> actionsOf,
        Func<TItem, NetworkView, RuleRuntime, IFindingSink, TContext> contextOf,
        TItem item,
        Group? group,
        NetworkView network,
        FindingCollector collector)
        where TItem : class
    {
        collector.CurrentGroup = group;
        foreach (var rule in rules)
        {
            if (collector.IsSwitchedOff(rule))
            {
                continue;
            }

            try
            {
                if (rule.IsInScope(item, network, group))
                {
                    foreach (var action in actionsOf(rule))
                    {
                        action(contextOf(item, network, rule, collector));
                    }
                }
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
