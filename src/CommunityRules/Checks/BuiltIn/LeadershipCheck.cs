using System.Globalization;
using CommunityRules.Checks.BuiltIn.Leadership;
using CommunityRules.Data;
using CommunityRules.Diagnostics;
using CommunityRules.Model;

namespace CommunityRules.Checks.BuiltIn;

/// <summary>The options of the <c>leadership</c> check. Set at least one of the minimums.</summary>
internal sealed class LeadershipOptions
{
    /// <summary>Gets or sets over how many days before the run's moment posts, comments and reactions count.</summary>
    /// <value>The default value is 90, a quarter.</value>
    public int Days { get; set; } = 90;

    /// <summary>Gets or sets the fewest posts a person in scope should have made in those days, or none for no minimum. A post a delegate wrote on their behalf counts.</summary>
    public int? MinPosts { get; set; }

    /// <summary>Gets or sets the fewest comments a person in scope should have written in those days, or none for no minimum. A comment a delegate wrote on their behalf counts.</summary>
    public int? MinComments { get; set; }

    /// <summary>Gets or sets the fewest reactions a person in scope should have given in those days, or none for no minimum. Needs data that says when reactions were made.</summary>
    public int? MinReactions { get; set; }
}

/// <summary>
/// Finds leaders (the people in the rule's scope, such as <c>roles: executive</c>) who took part less than asked in
/// the last days before the run's moment: fewer posts, comments or reactions than the rule's minimums. A post or
/// comment a delegate wrote on a leader's behalf counts for the leader; people who left are never reported.
/// </summary>
/// <remarks>
/// Person actions run before any post is read, so the check cannot judge a person as they come by. It asks the run
/// to count each person's posts, comments and reactions as they stream by (bots' not at all) and judges at the end
/// of the run, when everything is counted.
/// </remarks>
internal sealed class LeadershipCheck : Check<LeadershipOptions>
{
    /// <inheritdoc/>
    public override string Kind => "leadership";

    /// <inheritdoc/>
    public override string Description => "Leaders who posted, commented or reacted less than asked in the last days; a delegate's posts count for the leader.";

    /// <inheritdoc/>
    public override IReadOnlyList<TargetKind> SupportedTargets { get; } = [TargetKind.Person];

    /// <inheritdoc/>
    public override IReadOnlyList<string> MessageArguments { get; } = ["reason", "posts", "comments", "reactions", "delegated", "days", "level"];

    /// <inheritdoc/>
    /// <remarks>A minimum of reactions needs the reactions and when they were made; posts and comments every source has.</remarks>
    protected override DataCapabilities GetRequiredData(LeadershipOptions options) =>
        options.MinReactions is not null ? DataCapabilities.Reactions | DataCapabilities.ReactionTimes : DataCapabilities.None;

    /// <inheritdoc/>
    protected override void Validate(LeadershipOptions options, CheckOptionsContext context)
    {
        if (options.MinPosts is null && options.MinComments is null && options.MinReactions is null)
        {
            context.ReportError("minPosts", "Nothing to check: set at least one of 'minPosts', 'minComments' and 'minReactions', such as 'minPosts: 1' for a post a quarter.");
        }

        if (options.Days is < 1 or > 3660)
        {
            context.ReportError("days", $"'days' is {Count(options.Days)}; it must be from 1 to 3660.");
        }

        foreach (var (name, value) in new[] { ("minPosts", options.MinPosts), ("minComments", options.MinComments), ("minReactions", options.MinReactions) })
        {
            if (value is { } minimum and < 1)
            {
                context.ReportError(name, $"'{name}' is {Count(minimum)}; it must be 1 or more, or left out for no minimum.");
            }
        }
    }

    /// <inheritdoc/>
    /// <remarks>Each person's activity, which the engine counts from ids and times: no optional field.</remarks>
    private protected override Data.RecordFields GetFieldsRead(LeadershipOptions options) => Data.RecordFields.None;

    /// <inheritdoc/>
    protected override void Initialize(CheckInitializationContext context, LeadershipOptions options)
    {
        context.CountPersonActivity(options.Days);
        context.RegisterEndAction(end =>
        {
            // Counted by the run for this rule's window; a rule the data cannot serve never gets here.
            if (end.Network.PersonActivity is not { } ledger || ledger.WindowIndex(options.Days) is not (>= 0 and var window))
            {
                return;
            }

            ManagementLevels? levels = null;
            var days = options.Days.ToString(CultureInfo.InvariantCulture);
            foreach (var person in end.PeopleInScope)
            {
                end.CancellationToken.ThrowIfCancellationRequested();

                // A leader who left takes part no more; a bot is no leader.
                if (!person.Active || person.Kind != PersonKind.Person)
                {
                    continue;
                }

                var did = ledger.Of(person.Id).InWindow(window);
                var shortOf = ShortOf(did, options);
                if (shortOf.Count == 0)
                {
                    continue;
                }

                levels ??= ManagementLevels.Of(end.Network);
                var level = levels.LevelOf(person.Id);
                end.Report(
                    person,
                    new("reason", $"in the last {days} days {WhatTheyDid(did, options)}, below the {Join(shortOf)} asked for"),
                    new("posts", Count(did.Posts)),
                    new("comments", Count(did.Comments)),
                    new("reactions", Count(did.Reactions)),
                    new("delegated", Count(did.DelegatedPosts + did.DelegatedComments)),
                    new("days", days),
                    new("level", level is { } l ? Count(l) : "unknown"));
            }
        });
    }

    /// <summary>Says what a person did: "they made 1 post (written by a delegate), 0 comments and 4 reactions".</summary>
    private static string WhatTheyDid(ActivityCounts did, LeadershipOptions options)
    {
        var parts = new List<string>
        {
            Things(did.Posts, "post", "posts") + Delegated(did.DelegatedPosts, did.Posts),
            Things(did.Comments, "comment", "comments") + Delegated(did.DelegatedComments, did.Comments),
        };

        // Reactions are named when asked for or given: a source without reactions would otherwise say "0 reactions".
        if (options.MinReactions is not null || did.Reactions > 0)
        {
            parts.Add(Things(did.Reactions, "reaction", "reactions"));
        }

        return $"they made {Join(parts)}";
    }

    private static List<string> ShortOf(ActivityCounts did, LeadershipOptions options)
    {
        var shortOf = new List<string>();
        if (options.MinPosts is { } posts && did.Posts < posts)
        {
            shortOf.Add(Things(posts, "post", "posts"));
        }

        if (options.MinComments is { } comments && did.Comments < comments)
        {
            shortOf.Add(Things(comments, "comment", "comments"));
        }

        if (options.MinReactions is { } reactions && did.Reactions < reactions)
        {
            shortOf.Add(Things(reactions, "reaction", "reactions"));
        }

        return shortOf;
    }

    private static string Delegated(int delegated, int of) =>
        delegated == 0 ? string.Empty : delegated == of ? (of == 1 ? " (written by a delegate)" : " (all written by a delegate)") : $" ({Count(delegated)} written by a delegate)";

    private static string Things(int count, string one, string many) => $"{Count(count)} {(count == 1 ? one : many)}";

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Join(List<string> parts) => parts.Count switch
    {
        1 => parts[0],
        2 => $"{parts[0]} and {parts[1]}",
        _ => $"{string.Join(", ", parts.Take(parts.Count - 1))} and {parts[^1]}",
    };
}
