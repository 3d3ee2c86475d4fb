namespace CommunityRules.SampleNetwork;

/// <summary>A person's membership of a group.</summary>
internal sealed record Membership(Person Person, bool IsAdmin, DateTime JoinedAt);

/// <summary>A group as it will be written: its plan made concrete with dates, creator and members.</summary>
internal sealed class Group
{
    public required int Number { get; init; }

    public required GroupPlan Plan { get; init; }

    public required Language Language { get; init; }

    public required string? Description { get; init; }

    public required DateTime CreatedAt { get; init; }

    /// <summary>Number of the creating person; may point past the end of the directory on purpose.</summary>
    public required int CreatorNumber { get; init; }

    /// <summary>Members ordered by person number.</summary>
    public required IReadOnlyList<Membership> Members { get; init; }

    public required ActivityProfile Activity { get; init; }

    /// <summary>No post, comment or reaction happens before this instant.</summary>
    public required DateTime ActivityStart { get; init; }

    /// <summary>No post, comment or reaction happens at or after this instant.</summary>
    public required DateTime ActivityEnd { get; init; }

    /// <summary>Relative share of the posts, before adjusting for the length of the activity window.</summary>
    public required double Weight { get; init; }

    public int PostCount { get; set; }
}
