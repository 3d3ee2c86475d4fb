namespace CommunityRules.Checks.BuiltIn.CrossPosting;

/// <summary>A crossPosting rule's options, validated and in the units the index works in.</summary>
internal sealed class CrossPostingSettings(CrossPostingOptions options)
{
    public int MinGroups { get; } = options.MinGroups;

    public TimeSpan Window { get; } = TimeSpan.FromHours(options.WithinHours);

    public int MinWords { get; } = options.MinWords;

    public double MinSimilarity { get; } = options.MinSimilarity;

    public bool SameAuthor { get; } = options.SameAuthor;
}
