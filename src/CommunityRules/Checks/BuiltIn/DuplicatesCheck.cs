using System.Globalization;
using CommunityRules.Checks.BuiltIn.Duplicates;
using CommunityRules.Diagnostics;
using CommunityRules.Model;

namespace CommunityRules.Checks.BuiltIn;

/// <summary>The options of the <c>duplicates</c> check.</summary>
internal sealed class DuplicatesOptions
{
    /// <summary>Gets or sets the score, from 0 to 1, at which two groups look alike: the weighted average of the signals both groups have data for. Groups in different languages score 0 on name and description, so keep it low and let the minimums decide.</summary>
    public double Threshold { get; set; } = 0.25;

    /// <summary>Gets or sets the weight of name similarity in the score: the folded words of the names, without country codes and names, matched with one typo allowed ("Ekonomi" ~ "Økonomi"). 0 switches the signal off.</summary>
    public double NameWeight { get; set; } = 0.25;

    /// <summary>Gets or sets the weight of description similarity in the score: the cosine of the descriptions' words, rare words weighing more (TF-IDF). 0 switches the signal off.</summary>
    public double DescriptionWeight { get; set; } = 0.1;

    /// <summary>Gets or sets the weight of topic overlap in the score: shared topics divided by all topics of the two groups (Jaccard). 0 switches the signal off.</summary>
    public double TopicsWeight { get; set; } = 0.3;

    /// <summary>Gets or sets the weight of member overlap in the score: the share of the smaller group's people (its members and the people who posted in it) who are also in the other group, each person weighing 1 / the number of groups they are in. 0 switches the signal off.</summary>
    public double MembersWeight { get; set; } = 0.35;

    /// <summary>Gets or sets the weight of post similarity in the score: the cosine of the words written in the two groups, rare words weighing more (TF-IDF), English plurals and verb endings ignored. A group with fewer than 30 words written has no data for it. 0 switches the signal off, and the posts are then not read.</summary>
    public double PostsWeight { get; set; } = 0.2;

    /// <summary>Gets or sets the name similarity at which the names count as a signal for minSignals.</summary>
    public double MinName { get; set; } = 0.6;

    /// <summary>Gets or sets the description similarity at which the descriptions count as a signal for minSignals. Descriptions written from one template are alike, so only near copies should count.</summary>
    public double MinDescription { get; set; } = 0.9;

    /// <summary>Gets or sets the topic overlap at which the topics count as a signal for minSignals.</summary>
    public double MinTopics { get; set; } = 0.6;

    /// <summary>Gets or sets the member overlap at which the members count as a signal for minSignals, and which requireMembers asks for.</summary>
    public double MinMembers { get; set; } = 0.15;

    /// <summary>Gets or sets the fewest people two groups must have in common for their members to count as a signal and for requireMembers: two people out of ten are 20 %, but only two people.</summary>
    public int MinSharedMembers { get; set; } = 3;

    /// <summary>Gets or sets the post similarity at which the posts count as a signal for minSignals. They count only for groups that cannot be compared on descriptions or topics (one of them has none): what the same people write is alike in all their groups, so elsewhere the posts only add to the score.</summary>
    public double MinPosts { get; set; } = 0.3;

    /// <summary>Gets or sets how many signals must reach their minimum for two groups to look alike, from 1 to 5; never more than the signals both groups have data for.</summary>
    public int MinSignals { get; set; } = 2;

    /// <summary>Gets or sets a value indicating whether the members must always reach minMembers: groups on the same theme for different people (each country's own IT support group) are not duplicates.</summary>
    public bool RequireMembers { get; set; } = true;

    /// <summary>Gets or sets words left out of names and descriptions before they are compared, case and accents ignored: by default the Nordic country codes and country names (SE, NO, DK, FI, IS, Sverige, Sweden, Norge, Noreg, Norway, Danmark, Denmark, Suomi, Finland). Setting it replaces the list.</summary>
    public IReadOnlyList<string> IgnoreWords { get; set; } = NameText.NordicCountryWords;

    /// <summary>Gets or sets a value indicating whether archived groups are compared too; by default they are left out.</summary>
    public bool IncludeArchived { get; set; }
}

/// <summary>
/// Finds groups that share a theme and many members and could be merged: by name, description, topics, members and
/// what is written in them, joined into clusters in which every two groups look alike, each reported once on the most
/// active group, the one to keep.
/// </summary>
internal sealed class DuplicatesCheck : Check<DuplicatesOptions>
{
    /// <inheritdoc/>
    public override string Kind => "duplicates";

    /// <inheritdoc/>
    public override string Description => "Groups that share a theme and many members and could be merged, reported once per cluster on the group to keep.";

    /// <inheritdoc/>
    public override IReadOnlyList<TargetKind> SupportedTargets { get; } = [TargetKind.Group];

    /// <inheritdoc/>
    public override IReadOnlyList<string> MessageArguments { get; } = ["reason", "groups", "groupIds", "keep", "keepId", "evidence", "size", "cohesion"];

    /// <inheritdoc/>
    protected override void Validate(DuplicatesOptions options, CheckOptionsContext context)
    {
        if (!(options.Threshold > 0 && options.Threshold <= 1))
        {
            context.ReportError("threshold", $"'threshold' is {Number(options.Threshold)}; it must be more than 0 and at most 1.");
        }

        (string Name, double Value)[] weights =
        [
            ("nameWeight", options.NameWeight), ("descriptionWeight", options.DescriptionWeight),
            ("topicsWeight", options.TopicsWeight), ("membersWeight", options.MembersWeight), ("postsWeight", options.PostsWeight),
        ];
        foreach (var (name, value) in weights)
        {
            if (!(value is >= 0 and <= 1))
            {
                context.ReportError(name, $"'{name}' is {Number(value)}; it must be from 0 to 1.");
            }
        }

        if (weights.All(weight => weight.Value == 0))
        {
            context.ReportError("nameWeight", "All five weights are 0, so no signal is compared; give at least one of nameWeight, descriptionWeight, topicsWeight, membersWeight and postsWeight a weight.");
        }

        foreach (var (name, value) in new[] { ("minName", options.MinName), ("minDescription", options.MinDescription), ("minTopics", options.MinTopics), ("minMembers", options.MinMembers), ("minPosts", options.MinPosts) })
        {
            if (!(value is >= 0 and <= 1))
            {
                context.ReportError(name, $"'{name}' is {Number(value)}; it must be from 0 to 1.");
            }
        }

        if (options.MinSignals is < 1 or > 5)
        {
            context.ReportError("minSignals", $"'minSignals' is {options.MinSignals}; it must be from 1 to 5 (name, description, topics, members, posts).");
        }

        if (options.MinSharedMembers < 1)
        {
            context.ReportError("minSharedMembers", $"'minSharedMembers' is {options.MinSharedMembers}; it must be 1 or more.");
        }

        if (options.IgnoreWords is null)
        {
            context.ReportError("ignoreWords", "'ignoreWords' has no value; write a list of words such as [SE, NO, DK, FI], or [] to compare every word.");
        }
        else if (options.IgnoreWords.Any(string.IsNullOrWhiteSpace))
        {
            context.ReportError("ignoreWords", "'ignoreWords' has a blank entry; remove it or write the word.");
        }
    }

    /// <inheritdoc/>
    /// <remarks>The posts' title and text when their words are compared (postsWeight above 0); else no field of a post, comment or reaction.</remarks>
    private protected override Data.RecordFields GetFieldsRead(DuplicatesOptions options) =>
        new DuplicateSettings(options).ComparesPosts ? Data.RecordFields.PostTitle | Data.RecordFields.PostText : Data.RecordFields.None;

    /// <inheritdoc/>
    protected override void Initialize(CheckInitializationContext context, DuplicatesOptions options)
    {
        var settings = new DuplicateSettings(options);
        DuplicateRun.Register(context, settings, allPairs: false, (end, clusters) =>
        {
            foreach (var cluster in clusters)
            {
                // The group to keep is the most active one and can change with one more post; the cluster is the same
                // problem as long as its first group (by id) is the same, so the fingerprint names that group.
                end.Report(cluster.Keep, cluster.Groups.Select(group => group.Id).Min(StringComparer.Ordinal)!, Arguments(cluster, settings));
            }
        });
    }

    private static MessageArgument[] Arguments(DuplicateCluster cluster, DuplicateSettings settings)
    {
        var others = cluster.Groups.Skip(1).Select(Quoted).ToList();
        var alike = PairSignals.Signals
            .Where(signal => cluster.Pairs.Any(pair => pair.Signals.Reaches(signal, settings)))
            .Select(signal => signal switch
            {
                DuplicateSignal.Name => "names",
                DuplicateSignal.Description => "descriptions",
                DuplicateSignal.Topics => "topics",
                DuplicateSignal.Members => "members",
                _ => "posts",
            })
            .ToList();
        var similar = alike.Count > 0 ? $", with similar {List(alike)}" : string.Empty;
        var reason = others.Count == 1
            ? $"another group looks like it{similar}: {others[0]}"
            : $"{others.Count.ToString(CultureInfo.InvariantCulture)} other groups look like it{similar}: {List(others)}";

        // The strongest pairs explain the cluster; shown in source order so the evidence reads the same every run.
        var shown = cluster.Pairs.Count <= DuplicateFinder.MaxEvidencePairs
            ? cluster.Pairs
            : [.. cluster.Pairs.Select((pair, index) => (pair, index)).OrderByDescending(p => p.pair.Score).ThenBy(p => p.index).Take(DuplicateFinder.MaxEvidencePairs).OrderBy(p => p.index).Select(p => p.pair)];
        var evidence = string.Join("; ", shown.Select(pair => $"{pair.First.Id} ~ {pair.Second.Id}: {pair.Signals}"));
        if (shown.Count < cluster.Pairs.Count)
        {
            evidence += $"; and {(cluster.Pairs.Count - shown.Count).ToString(CultureInfo.InvariantCulture)} more pairs";
        }

        return
        [
            new("reason", reason),
            new("groups", List([.. cluster.Groups.Select(Quoted)])),
            new("groupIds", string.Join(", ", cluster.Groups.Select(group => group.Id))),
            new("keep", cluster.Keep.Name is { } name ? CommunityRules.Text.EchoedText.Field(name) : cluster.Keep.Id),
            new("keepId", cluster.Keep.Id),
            new("evidence", evidence),
            new("size", cluster.Groups.Count.ToString(CultureInfo.InvariantCulture)),
            new("cohesion", cluster.Cohesion.ToString("0.00", CultureInfo.InvariantCulture)),
        ];
    }

    // A group's name can hold personal data, and a finding quotes it in every report format.
    private static string Quoted(Group group) => $"'{(group.Name is { } name ? CommunityRules.Text.EchoedText.Field(name) : group.Id)}'";

    /// <summary>"a", "a and b", "a, b and c".</summary>
    private static string List(List<string> items) =>
        items.Count <= 1 ? string.Concat(items) : $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}";

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
