namespace CommunityRules.SampleNetwork;

/// <summary>File names of the snapshot format.</summary>
public static class SnapshotFiles
{
    /// <summary>Pretty-printed JSON object: <c>name</c>, <c>source</c>, <c>asOf</c>.</summary>
    public const string Network = "network.json";

    /// <summary>One person per line.</summary>
    public const string People = "people.jsonl";

    /// <summary>One group per line.</summary>
    public const string Groups = "groups.jsonl";

    /// <summary>One group membership per line.</summary>
    public const string Memberships = "memberships.jsonl";

    /// <summary>One top-level post per line.</summary>
    public const string Posts = "posts.jsonl";

    /// <summary>One comment or reply per line.</summary>
    public const string Comments = "comments.jsonl";

    /// <summary>One reaction on a post or comment per line.</summary>
    public const string Reactions = "reactions.jsonl";
}

/// <summary>
/// Generates a deterministic sample of the internal social network of the fictitious Nordic company
/// "Nordlys Group" in the snapshot format, including deliberately planted problems (see KnownProblems.md).
/// </summary>
public static class NetworkGenerator
{
    /// <summary>Smallest supported number of people; the planted problems need enough leavers and managers per country.</summary>
    public const int MinimumPeople = 300;

    /// <summary>Posts written into two group ids past the last group, for the loader to report.</summary>
    private const int DeletedGroupPosts = 2;

    /// <summary>
    /// Writes the snapshot files into <paramref name="folder"/> (created if needed, files overwritten).
    /// Posts, comments and reactions are streamed, so memory use does not grow with <see cref="NetworkGeneratorOptions.Posts"/>.
    /// </summary>
    /// <param name="folder">Target folder.</param>
    /// <param name="options">Sizes, seed and as-of time; the same options always give byte-identical files.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count in <paramref name="options"/> is too small or an average is outside 0–10.</exception>
    public static void WriteSnapshot(string folder, NetworkGeneratorOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);

        var random = new Random(options.Seed);
        var asOf = options.AsOf.UtcDateTime;
        var calendar = new WorkingCalendar(asOf.AddMonths(-6), asOf);
        var people = PeopleBuilder.Build(random, options.People);

        // Numbers just past the directory stand for deleted accounts: a group creator and a comment author.
        var missingCreatorNumber = options.People + 1;
        var missingCommentAuthorNumber = options.People + 2;

        var groupBuilder = new GroupBuilder(random, people, calendar, missingCreatorNumber);
        var groups = groupBuilder.Build(GroupCatalog.Plan(options.Groups));
        groupBuilder.AllocatePosts(groups, options.Posts - DeletedGroupPosts);
        var ids = new SnapshotIds(options.People, options.Groups, options.Posts, (long)options.Posts * ActivityWriter.MaxCommentsPerPost);

        Directory.CreateDirectory(folder);
        StructureWriter.WriteNetwork(Path.Combine(folder, SnapshotFiles.Network), asOf);
        StructureWriter.WritePeople(Path.Combine(folder, SnapshotFiles.People), people, ids);
        StructureWriter.WriteGroups(Path.Combine(folder, SnapshotFiles.Groups), groups, ids);
        StructureWriter.WriteMemberships(Path.Combine(folder, SnapshotFiles.Memberships), groups, ids);

        // Texts for the posting-guidelines pack come from a random of their own, so nothing else in the files changes.
        var planter = new GuidelinePlanter(options.Seed, options.Posts - DeletedGroupPosts);
        using var activity = new ActivityWriter(folder, random, calendar, people, ids, options, planter,
            orphanCommentAfterPost: options.Posts / 2, missingCommentAuthorNumber);
        foreach (var group in groups)
        {
            activity.WriteGroup(group);
        }

        activity.WriteDeletedGroupPosts(Enumerable.Range(options.Groups + 1, DeletedGroupPosts));
    }

    private static void Validate(NetworkGeneratorOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Groups, GroupCatalog.MinimumGroups, nameof(options.Groups));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.People, MinimumPeople, nameof(options.People));
        ArgumentOutOfRangeException.ThrowIfLessThan(
            options.Posts, (options.Groups * GroupBuilder.MinimumPostsPerActiveGroup) + DeletedGroupPosts, nameof(options.Posts));

        // Comment numbers are ints and every post may have up to MaxCommentsPerPost comments.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Posts, int.MaxValue / ActivityWriter.MaxCommentsPerPost, nameof(options.Posts));
        ArgumentOutOfRangeException.ThrowIfNegative(options.CommentsPerPost, nameof(options.CommentsPerPost));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.CommentsPerPost, 10, nameof(options.CommentsPerPost));
        ArgumentOutOfRangeException.ThrowIfNegative(options.ReactionsPerPost, nameof(options.ReactionsPerPost));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.ReactionsPerPost, 10, nameof(options.ReactionsPerPost));
    }
}
