namespace CommunityRules.Data;

/// <summary>
/// What a data format can tell. A provider declares what its data holds; a rule whose check needs something that no
/// layered source holds is not run, and the run says so once in a <see cref="DataNote"/> instead of reporting a
/// finding for every group. The run also looks at the data itself: when not one group has an admin, a creator or a
/// description, or there is not one membership, that is taken as the data not telling it, whatever was declared.
/// </summary>
[Flags]
public enum DataCapabilities
{
    /// <summary>Nothing beyond people, groups, posts and comments.</summary>
    None = 0,

    /// <summary>Who is a member of which group.</summary>
    Memberships = 1 << 0,

    /// <summary>Who runs each group: its admins or owners.</summary>
    Admins = 1 << 1,

    /// <summary>Who left the organisation.</summary>
    Departures = 1 << 2,

    /// <summary>Who created each group.</summary>
    GroupCreators = 1 << 3,

    /// <summary>Who reacted to which post or comment.</summary>
    Reactions = 1 << 4,

    /// <summary>When each reaction was made.</summary>
    ReactionTimes = 1 << 5,

    /// <summary>Which posts are questions, as the network typed them.</summary>
    QuestionType = 1 << 6,

    /// <summary>Which comment was accepted as a question's answer.</summary>
    AcceptedAnswers = 1 << 7,

    /// <summary>
    /// What each group is for: its description. Every format can hold descriptions, so providers need not declare it;
    /// the run finds out whether a network's data does.
    /// </summary>
    Descriptions = 1 << 8,

    /// <summary>Everything above.</summary>
    All = Memberships | Admins | Departures | GroupCreators | Reactions | ReactionTimes | QuestionType | AcceptedAnswers | Descriptions,
}
