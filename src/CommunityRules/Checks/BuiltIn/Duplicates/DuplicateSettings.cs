namespace CommunityRules.Checks.BuiltIn.Duplicates;

/// <summary>The five signals the check compares two groups on, in the order evidence shows them.</summary>
internal enum DuplicateSignal
{
    Name,
    Description,
    Topics,
    Members,
    Posts,
}

/// <summary>A rule's <see cref="DuplicatesOptions"/>, validated and prepared once when the rule is loaded; immutable, so runs may share it.</summary>
internal sealed class DuplicateSettings
{
    private readonly double[] _weights;
    private readonly double[] _minimums;

    public DuplicateSettings(DuplicatesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _weights = [options.NameWeight, options.DescriptionWeight, options.TopicsWeight, options.MembersWeight, options.PostsWeight];
        _minimums = [options.MinName, options.MinDescription, options.MinTopics, options.MinMembers, options.MinPosts];
        Threshold = options.Threshold;
        MinSignals = options.MinSignals;
        MinSharedMembers = options.MinSharedMembers;
        RequireMembers = options.RequireMembers;
        IncludeArchived = options.IncludeArchived;
        IgnoreWords = new WordSet((options.IgnoreWords ?? []).SelectMany(NameText.Words));
        IgnoredPostWords = (options.IgnoreWords ?? []).Select(WritingProfile.HashOfWord).ToHashSet();
    }

    public double Threshold { get; }

    public int MinSignals { get; }

    public int MinSharedMembers { get; }

    public bool RequireMembers { get; }

    public bool IncludeArchived { get; }

    /// <summary>Gets the folded words left out of names and descriptions: country codes and names by default.</summary>
    public WordSet IgnoreWords { get; }

    /// <summary>Gets the <see cref="IgnoreWords"/> as the posts' word hashes: a country's name in its groups' posts says where, not what about.</summary>
    public IReadOnlySet<ulong> IgnoredPostWords { get; }

    /// <summary>
    /// Gets a value indicating whether only groups that share members can be duplicates (minSharedMembers is at least
    /// 1). Then people are the only key needed to find candidate pairs: a pair that shares nobody cannot pass.
    /// </summary>
    public bool MembersOnlyCandidates => RequireMembers && MinSharedMembers >= 1;

    /// <summary>Gets a value indicating whether the posts are compared, so the run must gather them.</summary>
    public bool ComparesPosts => Weight(DuplicateSignal.Posts) > 0;

    public double Weight(DuplicateSignal signal) => _weights[(int)signal];

    public double Minimum(DuplicateSignal signal) => _minimums[(int)signal];
}
