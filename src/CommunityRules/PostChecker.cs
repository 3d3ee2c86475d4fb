using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Model;
using CommunityRules.Rules;
using CommunityRules.Text;

namespace CommunityRules;

/// <summary>
/// Checks one new post or comment at a time against the post and comment rules of a rule set, for bots that see
/// posts as they arrive. Thread-safe: the compiled rules are immutable and shared, and a clean post costs no
/// allocation. Built on a <see cref="LiveRuleSet"/>, it picks up a reloaded rule set with the next post.
/// </summary>
/// <remarks>
/// Scopes (<c>where:</c>) see the post or comment and the group passed in; fields of people (such as
/// <c>author.country</c>) are empty, because a bot has no directory at hand. Rules about people, groups and activity
/// over time need a whole network: run <see cref="RuleEngine"/> for those.
/// </remarks>
public sealed class PostChecker
{
    private readonly RuleSet? _fixed;
    private readonly LiveRuleSet? _live;
    private readonly TimeProvider _timeProvider;

    // The empty network a post without a group is checked in, made once a day (exemptions expire by the day).
    private NetworkOfTheDay? _network;

    /// <summary>Initializes a new instance of the <see cref="PostChecker"/> class over a fixed rule set.</summary>
    /// <param name="ruleSet">The rules.</param>
    /// <param name="timeProvider">The clock for exemption expiry; the system clock when left out.</param>
    public PostChecker(RuleSet ruleSet, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        _fixed = ruleSet;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Initializes a new instance of the <see cref="PostChecker"/> class that follows a rule set as it is reloaded.</summary>
    /// <param name="ruleSet">The rules, reloaded when their files change.</param>
    /// <param name="timeProvider">The clock for exemption expiry; the system clock when left out.</param>
    public PostChecker(LiveRuleSet ruleSet, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        _live = ruleSet;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// Gets the most findings one text rule reports on one post or comment; what it finds beyond that is counted
    /// and reported as one more finding that says how many were left out.
    /// </summary>
    /// <value>The default value is 100.</value>
    public int MaxFindingsPerPost
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    } = AnalysisOptions.DefaultMaxFindingsPerPost;

    /// <summary>Gets the rule set the next post is checked against.</summary>
    public RuleSet RuleSet => _fixed ?? _live!.Current;

    /// <summary>Checks a post.</summary>
    /// <param name="post">The post.</param>
    /// <param name="group">The post's group, for scopes such as <c>group.privacy: open</c>; optional.</param>
    /// <returns>The findings, suppressed ones included; an empty list when the post is clean.</returns>
    public IReadOnlyList<Diagnostic> Check(Post post, Group? group = null)
    {
        ArgumentNullException.ThrowIfNull(post);
        var ruleSet = RuleSet;
        var buffer = RentHits();
        try
        {
            var hits = new TextHits(buffer);
            ruleSet.Text?.Scan(post, ref hits);
            if (ruleSet.PostRuntimes.Length == 0 && (hits.Count == 0 || !ruleSet.Text!.MayReport(hits, post, group, NetworkOfToday())))
            {
                return [];
            }

            var kept = RentCollector(ruleSet, NetworkFor(ruleSet.PostRuntimes, group));
            var collector = kept.Collector;
            ItemActions.RunPost(ruleSet.PostRuntimes, ruleSet.Text, ref hits, post, group, collector.Network, collector);
            var findings = collector.OrderedDiagnostics();
            ReturnCollector(kept);
            return findings;
        }
        finally
        {
            ReturnHits(buffer);
        }
    }

    /// <summary>Checks a comment.</summary>
    /// <param name="comment">The comment.</param>
    /// <param name="group">The group of the post the comment belongs to, for scopes; optional.</param>
    /// <returns>The findings, suppressed ones included; an empty list when the comment is clean.</returns>
    public IReadOnlyList<Diagnostic> Check(Comment comment, Group? group = null)
    {
        ArgumentNullException.ThrowIfNull(comment);
        var ruleSet = RuleSet;
        var buffer = RentHits();
        try
        {
            var hits = new TextHits(buffer);
            ruleSet.Text?.Scan(comment, ref hits);
            if (ruleSet.CommentRuntimes.Length == 0 && (hits.Count == 0 || !ruleSet.Text!.MayReport(hits, comment, group, NetworkOfToday())))
            {
                return [];
            }

            var kept = RentCollector(ruleSet, NetworkFor(ruleSet.CommentRuntimes, group));
            var collector = kept.Collector;
            ItemActions.RunComment(ruleSet.CommentRuntimes, ruleSet.Text, ref hits, comment, group, collector.Network, collector);
            var findings = collector.OrderedDiagnostics();
            ReturnCollector(kept);
            return findings;
        }
        finally
        {
            ReturnHits(buffer);
        }
    }

    // One hit buffer per thread, reused: a post with hits but no finding then allocates nothing. A buffer that grew
    // past a few thousand hits (a pasted log) is let go rather than kept for the thread's lifetime.
    [ThreadStatic]
    private static List<TextHit>? t_hits;

    private static List<TextHit> RentHits()
    {
        var buffer = t_hits ?? [];
        t_hits = null;
        return buffer;
    }

    private static void ReturnHits(List<TextHit> buffer)
    {
        if (buffer.Capacity <= 4_096)
        {
            buffer.Clear();
            t_hits = buffer;
        }
    }

    private NetworkView NetworkOfToday()
    {
        var now = _timeProvider.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var shared = Volatile.Read(ref _network);
        if (shared is null || shared.Day != today)
        {
            shared = new NetworkOfTheDay(today, new NetworkView(null, now));
            Volatile.Write(ref _network, shared);
        }

        return shared.View;
    }

    // The network the rules of one post see. Scopes, messages and targets read the group from the post's subject, not
    // the network (MayReport relies on it), so text rules need no network of their own for a group; only the checks'
    // own actions (a custom check's post action) may look the group up, and get a network holding it, kept per thread
    // for the last group passed (a bot sees the same group objects again and again), made anew each day.
    [ThreadStatic]
    private static GroupNetwork? t_groupNetwork;

    private NetworkView NetworkFor(RuleRuntime[] actionRules, Group? group)
    {
        var network = NetworkOfToday();
        if (group is null || actionRules.Length == 0)
        {
            return network;
        }

        var kept = t_groupNetwork;
        if (kept is null || !ReferenceEquals(kept.Group, group) || !ReferenceEquals(kept.Day, network))
        {
            var view = new NetworkView(null, network.AsOf);
            view.TryAddGroup(group);
            t_groupNetwork = kept = new GroupNetwork(group, network, view);
        }

        return kept.View;
    }

    // One collector per thread for the posts that may have findings, reset between them: it is made again only when
    // the rule set, the day's network or the cap changes. Taken while in use; one left behind by an exception is made again.
    [ThreadStatic]
    private static KeptCollector? t_collector;

    private KeptCollector RentCollector(RuleSet ruleSet, NetworkView network)
    {
        var kept = t_collector;
        if (kept is not null && ReferenceEquals(kept.RuleSet, ruleSet) && ReferenceEquals(kept.Collector.Network, network) && kept.Collector.MaxFindingsPerPost == MaxFindingsPerPost)
        {
            t_collector = null;
            return kept;
        }

        return new KeptCollector(ruleSet, new FindingCollector(ruleSet, network, maxDataIssuesKept: 0, reportExpiredExemptions: false) { MaxFindingsPerPost = MaxFindingsPerPost });
    }

    private static void ReturnCollector(KeptCollector kept)
    {
        kept.Collector.Reset();
        t_collector = kept;
    }

    private sealed record NetworkOfTheDay(DateOnly Day, NetworkView View);

    private sealed record GroupNetwork(Group Group, NetworkView Day, NetworkView View);

    private sealed record KeptCollector(RuleSet RuleSet, FindingCollector Collector);
}
