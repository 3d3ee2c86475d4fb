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
    /// <remarks>A finding's message and properties are made when first read, so a caller that only counts or filters the findings does not pay for them.</remarks>
    public IReadOnlyList<Diagnostic> Check(Post post, Group? group = null)
    {
        ArgumentNullException.ThrowIfNull(post);
        return Check<Post, PostItems>(post, group);
    }

    /// <summary>Checks a comment.</summary>
    /// <param name="comment">The comment.</param>
    /// <param name="group">The group of the post the comment belongs to, for scopes; optional.</param>
    /// <returns>The findings, suppressed ones included; an empty list when the comment is clean.</returns>
    /// <remarks>A finding's message and properties are made when first read, so a caller that only counts or filters the findings does not pay for them.</remarks>
    public IReadOnlyList<Diagnostic> Check(Comment comment, Group? group = null)
    {
        ArgumentNullException.ThrowIfNull(comment);
        return Check<Comment, CommentItems>(comment, group);
    }

    // One way for posts and comments: TItems (a struct, so the JIT makes one copy of this method per kind and calls
    // its static members directly) says where the kind's rules are and how it is scanned and checked.
    private IReadOnlyList<Diagnostic> Check<TItem, TItems>(TItem item, Group? group)
        where TItem : class
        where TItems : struct, IItems<TItem>
    {
        var ruleSet = RuleSet;
        var rules = TItems.RulesOf(ruleSet);
        var buffer = RentHits();
        try
        {
            var hits = new TextHits(buffer);
            if (ruleSet.Text is { } text)
            {
                TItems.Scan(text, item, ref hits);
            }

            if (rules.Length == 0 && (hits.Count == 0 || !ruleSet.Text!.MayReport(hits, item, group, NetworkOfToday())))
            {
                return [];
            }

            var kept = RentCollector(ruleSet, NetworkFor(rules, group));
            var collector = kept.Collector;
            TItems.Run(rules, ruleSet.Text, ref hits, item, group, collector);
            var findings = collector.OrderedDiagnostics();
            ReturnCollector(kept);
            return findings;
        }
        finally
        {
            ReturnHits(buffer);
        }
    }

    private interface IItems<TItem>
    {
        static abstract RuleRuntime[] RulesOf(RuleSet ruleSet);

        static abstract void Scan(TextRuleSet text, TItem item, ref TextHits hits);

        static abstract void Run(RuleRuntime[] rules, TextRuleSet? text, ref TextHits hits, TItem item, Group? group, FindingCollector collector);
    }

    private readonly struct PostItems : IItems<Post>
    {
        public static RuleRuntime[] RulesOf(RuleSet ruleSet) => ruleSet.PostRuntimes;

        public static void Scan(TextRuleSet text, Post item, ref TextHits hits) => text.Scan(item, ref hits);

        public static void Run(RuleRuntime[] rules, TextRuleSet? text, ref TextHits hits, Post item, Group? group, FindingCollector collector) =>
            ItemActions.RunPost(rules, text, ref hits, item, group, collector.Network, collector);
    }

    private readonly struct CommentItems : IItems<Comment>
    {
        public static RuleRuntime[] RulesOf(RuleSet ruleSet) => ruleSet.CommentRuntimes;

        public static void Scan(TextRuleSet text, Comment item, ref TextHits hits) => text.Scan(item, ref hits);

        public static void Run(RuleRuntime[] rules, TextRuleSet? text, ref TextHits hits, Comment item, Group? group, FindingCollector collector) =>
            ItemActions.RunComment(rules, text, ref hits, item, group, collector.Network, collector);
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

        return new KeptCollector(ruleSet, new FindingCollector(ruleSet, network, maxDataIssuesKept: 0, reportExpiredExemptions: false) { MaxFindingsPerPost = MaxFindingsPerPost, DeferFormatting = true });
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
