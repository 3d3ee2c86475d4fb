namespace CommunityRules.Model;

/// <summary>A person's membership of a group.</summary>
public sealed record Membership
{
    /// <summary>Gets the group's identifier.</summary>
    public required string GroupId { get; init; }

    /// <summary>Gets the member's identifier.</summary>
    public required string PersonId { get; init; }

    /// <summary>Gets the member's role in the group.</summary>
    public MembershipRole Role { get; init; }

    /// <summary>Gets when the person joined the group.</summary>
    public DateTimeOffset? JoinedAt { get; init; }
}

/// <summary>A member's role in a group.</summary>
public enum MembershipRole
{
    /// <summary>An ordinary member.</summary>
    Member,

    /// <summary>An administrator who runs the group.</summary>
    Admin,
}
