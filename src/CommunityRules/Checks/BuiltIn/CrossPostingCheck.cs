using System.Globalization;
using System.Runtime.CompilerServices;
using CommunityRules.Checks.BuiltIn.CrossPosting;
using CommunityRules.Diagnostics;
using CommunityRules.Model;

namespace CommunityRules.Checks.BuiltIn;

/// <summary>The options of the <c>crossPosting</c> check.</summary>
internal sealed class CrossPostingOptions
{
    /// <summary>Gets or sets the fewest different groups the same text must be posted in to be cross-posting, 2 or more.</summary>
    public int MinGroups { get; set; } = 3;

    /// <summary>Gets or sets the hours, from a cluster's first post, within which the copies must be posted; the same text again a week later in other groups is a new cluster, not part of this one.</summary>
    public double WithinHours { get; set; } = 24;

    /// <summary>Gets or sets the fewest words a post must have to be compared (a link counts as one word): short, generic posts such as "Tack!" or "Thanks, see you tomorrow!" are written in many groups without being copies.</summary>
    public int MinWords { get; set; } = 8;

    /// <summary>Gets or sets how alike two texts must be, from 0.5 to 1: the estimated share of their word pairs in common (Jaccard). Case, accents, emoji, punctuation, whitespace and a link's query (?utm_source=...) never count. At 0.8 a word may differ in a text of 25 words, two in 50; one template filled in with other names, places and days is not a copy.</summary>
    public double MinSimilarity { get; set; } = 0.8;

    /// <summary>Gets or sets a value indicating whether only copies by the same author count; by default a text copied by several people counts too.</summary>
    public bool SameAuthor { get; set; }
}

/// <summary>
/// Finds the same or nearly the same text posted in several groups within a short time: one finding per cluster, on
/// its first post, naming every post and group. Texts are compared as MinHash signatures found by locality-sensitive
/// hashing, never pair by pair and never kept as text, so a million posts stay cheap.
/// </summary>
internal sealed class CrossPostingCheck : Check<CrossPostingOptions>
{
    /// <summary>The most groups a message names; the rest are counted. The properties name them all.</summary>
    internal const int MaxGroupsInMessage = 20;

    /// <summary>The most posts the properties name; the rest are counted.</summary>
    internal const int MaxPostsInProperties = 1000;

    /// <inheritdoc/>
    public override string Kind => "crossPosting";

    /// <inheritdoc/>
    public override string Description => "The same text posted in several groups within a short time, reported once per cluster on its first post.";

    /// <inheritdoc/>
    public override IReadOnlyList<TargetKind> SupportedTargets { get; } = [TargetKind.Post];

    /// <inheritdoc/>
    public override IReadOnlyList<string> MessageArguments { get; } =
        ["reason", "groups", "groupIds", "groupCount", "postIds", "postCount", "authors", "span", "similarity"];

    /// <inheritdoc/>
    protected override void Validate(CrossPostingOptions options, CheckOptionsContext context)
    {
        if (options.MinGroups < 2)
        {
            context.ReportError("minGroups", $"'minGroups' is {options.MinGroups}; it must be 2 or more: one group is not cross-posting.");
        }

        if (!(options.WithinHours > 0 && options.WithinHours <= 24 * 366))
        {
            context.ReportError("withinHours", $"'withinHours' is {Number(options.WithinHours)}; it must be more than 0 and at most 8784 (a year), such as 24.");
        }

        if (options.MinWords < 1)
        {
            context.ReportError("minWords", $"'minWords' is {options.MinWords}; it must be 1 or more, such as 8, so short greetings are not compared.");
        }

        if (!(options.MinSimilarity is >= 0.5 and <= 1))
        {
            context.ReportError("minSimilarity", $"'minSimilarity' is {Number(options.MinSimilarity)}; it must be from 0.5 to 1, such as 0.8: below 0.5 texts are not copies.");
        }
    }

    /// <inheritdoc/>
    /// <remarks>The posts' title and text, compared as signatures.</remarks>
    private protected override Data.RecordFields GetFieldsRead(CrossPostingOptions options) => Data.RecordFields.PostTitle | Data.RecordFields.PostText;

    /// <inheritdoc/>
    protected override void Initialize(CheckInitializationContext context, CrossPostingOptions options)
    {
        var settings = new CrossPostingSettings(options);

        // The index belongs to one run. The run start action creates it and the end action reports from it; the post
        // action, which the engine runs only for posts in the rule's scope, finds it by the run's network (one per
        // run), so a rule set run twice at once keeps two apart. A post checked alone (a bot) has no run: nothing to do.
        var runs = new ConditionalWeakTable<NetworkView, CrossPostIndex>();
        context.RegisterRunStartAction(start =>
        {
            var index = new CrossPostIndex(settings);
            runs.AddOrUpdate(start.Network, index);
            start.RegisterEndAction(end =>
            {
                runs.Remove(end.Network);

                // A group is named in every cluster it has a copy in: its name is masked and quoted once per run.
                var quoted = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var cluster in index.FindClusters(end.CancellationToken))
                {
                    end.Report(cluster.Posts[0].ToPost(), Arguments(cluster, end.Network, quoted));
                }
            });
        });
        context.RegisterPostAction(post =>
        {
            if (runs.TryGetValue(post.Network, out var index))
            {
                index.Add(post.Post, post.Network);
            }
        });
    }

    private static MessageArgument[] Arguments(CrossPostCluster cluster, NetworkView network, Dictionary<string, string> quoted)
    {
        string QuotedOnce(string groupId)
        {
            ref var name = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(quoted, groupId, out var exists);
            if (!exists)
            {
                name = Quoted(groupId, network);
            }

            return name!;
        }

        // Each named group with its posts, in the cluster's order: "'Name' (post1, post2)".
        var named = new List<string>(Math.Min(cluster.GroupIds.Count, MaxGroupsInMessage) + 1);
        if (cluster.Posts.Count == cluster.GroupIds.Count)
        {
            // One post in each group (almost every cluster): the groups are in their posts' order.
            for (var g = 0; g < Math.Min(cluster.GroupIds.Count, MaxGroupsInMessage); g++)
            {
                named.Add(string.Concat(QuotedOnce(cluster.GroupIds[g]), " (", cluster.Posts[g].Id, ")"));
            }
        }
        else
        {
            var text = new System.Text.StringBuilder();
            foreach (var groupId in cluster.GroupIds.Take(MaxGroupsInMessage))
            {
                text.Clear().Append(QuotedOnce(groupId)).Append(" (");
                var first = true;
                foreach (var post in cluster.Posts)
                {
                    if (string.Equals(post.GroupId, groupId, StringComparison.Ordinal))
                    {
                        text.Append(first ? string.Empty : ", ").Append(post.Id);
                        first = false;
                    }
                }

                named.Add(text.Append(')').ToString());
            }
        }

        if (cluster.GroupIds.Count > MaxGroupsInMessage)
        {
            named.Add($"{(cluster.GroupIds.Count - MaxGroupsInMessage).ToString(CultureInfo.InvariantCulture)} more groups");
        }

        var span = Span(TimeSpan.FromTicks(cluster.Posts[^1].Ticks - cluster.Posts[0].Ticks));
        var groupCount = cluster.GroupIds.Count.ToString(CultureInfo.InvariantCulture);
        var postCount = cluster.Posts.Count.ToString(CultureInfo.InvariantCulture);
        var reason = $"{(cluster.Posts.Count == cluster.GroupIds.Count ? "the same text" : $"the same text {postCount} times")} in {groupCount} groups within {span}: {List(named)}";
        var postIds = string.Join(", ", cluster.Posts.Take(MaxPostsInProperties).Select(post => post.Id));
        if (cluster.Posts.Count > MaxPostsInProperties)
        {
            postIds += $", and {(cluster.Posts.Count - MaxPostsInProperties).ToString(CultureInfo.InvariantCulture)} more";
        }

        return
        [
            new("reason", reason),
            new("groups", List([.. cluster.GroupIds.Select(QuotedOnce)])),
            new("groupIds", string.Join(", ", cluster.GroupIds)),
            new("groupCount", groupCount),
            new("postIds", postIds),
            new("postCount", postCount),
            new("authors", string.Join(", ", cluster.Posts.Select(post => post.AuthorId).OfType<string>().Distinct(StringComparer.Ordinal))),
            new("span", span),
            new("similarity", cluster.Similarity.ToString("0.00", CultureInfo.InvariantCulture)),
        ];
    }

    /// <summary>"40 minutes", "1 hour", "5 hours", "1 day 2 hours": how long the copies took, to the minute or hour.</summary>
    private static string Span(TimeSpan span)
    {
        if (span < TimeSpan.FromHours(1))
        {
            var minutes = (int)span.TotalMinutes;
            return minutes == 1 ? "1 minute" : $"{minutes.ToString(CultureInfo.InvariantCulture)} minutes";
        }

        var hours = (int)Math.Round(span.TotalHours, MidpointRounding.AwayFromZero);
        return hours == 1 ? "1 hour" : $"{hours.ToString(CultureInfo.InvariantCulture)} hours";
    }

    // A group's name can hold personal data, and a finding quotes it in every report format.
    private static string Quoted(string groupId, NetworkView network) =>
        $"'{(network.FindGroup(groupId)?.Name is { } name ? CommunityRules.Text.EchoedText.Field(name) : groupId)}'";

    /// <summary>"a", "a and b", "a, b and c".</summary>
    private static string List(List<string> items) =>
        items.Count <= 1 ? string.Concat(items) : $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}";

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
