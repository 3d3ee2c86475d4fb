namespace CommunityRules.SampleNetwork;

/// <summary>
/// Settings for <see cref="NetworkGenerator"/>. The defaults produce the committed sample in
/// <c>samples/nordic-network</c>: 1,500 people, 140 groups and about 30,000 posts and comments
/// (40 % posts, 60 % comments) over the two quarters before <see cref="AsOf"/>.
/// </summary>
public sealed class NetworkGeneratorOptions
{
    /// <summary>Seed for <see cref="Random"/>; the same options always give byte-identical files.</summary>
    public int Seed { get; init; } = 2026;

    /// <summary>Number of groups, including the groups with deliberately planted problems.</summary>
    public int Groups { get; init; } = 140;

    /// <summary>Number of people, including the CEO, the executives and the people who have left.</summary>
    public int People { get; init; } = 1500;

    /// <summary>
    /// Number of top-level posts, including the two posts that refer to a deleted group.
    /// Raise it (for example to 1,000,000) for load tests; memory use does not grow with it.
    /// </summary>
    public int Posts { get; init; } = 12_000;

    /// <summary>Average number of comments per post (questions get more, polls fewer).</summary>
    public double CommentsPerPost { get; init; } = 1.5;

    /// <summary>Average number of reactions per post, counting reactions on the post and on its comments.</summary>
    public double ReactionsPerPost { get; init; } = 1.5;

    /// <summary>The moment the snapshot is taken; activity covers the six months before it.</summary>
    public DateTimeOffset AsOf { get; init; } = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
}
