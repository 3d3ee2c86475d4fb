using CommunityRules.Checks;
using CommunityRules.Model;
using CommunityRules.Text;
using RegexMatchTimeoutException = System.Text.RegularExpressions.RegexMatchTimeoutException;

namespace CommunityRules.Engine;

/// <summary>
/// Runs the rules of one post or comment: the checks' own actions, then the shared text matcher. The bulk engine and
/// the bot's <see cref="PostChecker"/> both come through here, so a post gets the same findings either way.
/// </summary>
internal static class ItemActions
{
    public static void RunPost(RuleRuntime[] rules, TextRuleSet? text, List<TextHit>? buffer, Post post, Group? group, NetworkView network, FindingCollector collector)
    {
        collector.CurrentGroup = group;
        foreach (var rule in rules)
        {
            try
            {
                if (rule.IsInScope(post, network, group))
                {
                    foreach (var action in rule.PostActions)
                    {
                        action(new PostContext(post, network, rule, collector));
                    }
                }
            }
            catch (RegexMatchTimeoutException ex)
            {
                collector.ReportTimeout(rule, post, ex);
            }
        }

        if (text is { HasPostRules: true })
        {
            var hits = new TextHits(buffer);
            text.Scan(post, ref hits);
            text.Report(ref hits, post, group, network, collector);
        }
    }

    public static void RunComment(RuleRuntime[] rules, TextRuleSet? text, List<TextHit>? buffer, Comment comment, Group? group, NetworkView network, FindingCollector collector)
    {
        collector.CurrentGroup = group;
        foreach (var rule in rules)
        {
            try
            {
                if (rule.IsInScope(comment, network, group))
                {
                    foreach (var action in rule.CommentActions)
                    {
                        action(new CommentContext(comment, network, rule, collector));
                    }
                }
            }
            catch (RegexMatchTimeoutException ex)
            {
                collector.ReportTimeout(rule, comment, ex);
            }
        }

        if (text is { HasCommentRules: true })
        {
            var hits = new TextHits(buffer);
            text.Scan(comment, ref hits);
            text.Report(ref hits, comment, group, network, collector);
        }
    }
}
