namespace CommunityRules.Model;

/// <summary>A group (community, channel) in the network.</summary>
public sealed record Group
{
    /// <summary>Gets the group's identifier, unique within the network.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the group's name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the group's description.</summary>
    public string? Description { get; init; }

    /// <summary>Gets who can find and read the group, or <see langword="null"/> when the source does not say.</summary>
    public GroupPrivacy? Privacy { get; init; }

    /// <summary>Gets when the group was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets the identifier of the person who created the group.</summary>
    public string? CreatedBy { get; init; }

    /// <summary>Gets a value indicating whether the group is archived.</summary>
    public bool Archived { get; init; }

    /// <summary>Gets the group's topics.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];
}

/// <summary>Who can find and read a group.</summary>
public enum GroupPrivacy
{
    /// <summary>Anyone in the organisation can find, read and join the group.</summary>
    Open,

    /// <summary>Anyone can find the group; only members read it.</summary>
    Closed,

    /// <summary>Only members can find and read the group.</summary>
    Secret,
}
