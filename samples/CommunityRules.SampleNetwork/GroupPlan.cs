namespace CommunityRules.SampleNetwork;

/// <summary>Who a group is for; decides its members and how busy it is.</summary>
internal enum GroupKind
{
    /// <summary>Everyone in a country plus the executive team; the main channel for announcements.</summary>
    AllStaff,

    /// <summary>A department in a country, optionally one office.</summary>
    Department,

    /// <summary>Managers of a country and the executive team.</summary>
    Leadership,

    /// <summary>Most people working in one office.</summary>
    Office,

    /// <summary>A hobby or cross-cutting theme with a handful to a few dozen members.</summary>
    Interest,

    /// <summary>A project team.</summary>
    Project,
}

/// <summary>When a group was created relative to the activity window.</summary>
internal enum GroupAge
{
    Established,
    CreatedInWindow,

    /// <summary>Created within the last 30 days before the snapshot.</summary>
    Young,
}

/// <summary>Who appears in <c>createdBy</c>.</summary>
internal enum CreatorKind
{
    /// <summary>An active manager, executive or communications person.</summary>
    Leader,

    /// <summary>An active person with only the employee role.</summary>
    Employee,

    /// <summary>A person who has left the company.</summary>
    Departed,

    /// <summary>An id that is not in <c>people.jsonl</c>.</summary>
    Missing,
}

/// <summary>How the admin role is spread over the members.</summary>
internal enum AdminSetup
{
    /// <summary>Two or three active admins.</summary>
    Healthy,

    /// <summary>Exactly one admin, who is active.</summary>
    Single,

    None,

    /// <summary>Two admins, both of whom have left.</summary>
    AllDeparted,

    /// <summary>One active admin plus one or two admins who have left.</summary>
    OneActive,
}

/// <summary>How posting develops over the activity window.</summary>
internal enum ActivityProfile
{
    Steady,
    Growing,
    Dwindling,

    /// <summary>Active at first, then nothing for the last 100+ days.</summary>
    Stopped,

    /// <summary>No posts or comments at all in the window.</summary>
    Silent,
}

/// <summary>The blueprint of one group; nullable settings are drawn at random for ordinary groups.</summary>
internal sealed record GroupPlan(string Name, string CountryCode, GroupKind Kind, string[] Topics)
{
    /// <summary>Language of the group's texts; defaults to the country's language.</summary>
    public Language? Language { get; init; }

    public string? Department { get; init; }

    public string? Office { get; init; }

    public string Privacy { get; init; } = "open";

    /// <summary>False writes no <c>description</c> field at all.</summary>
    public bool HasDescription { get; init; } = true;

    /// <summary>A fixed description; when null one is written from the group's topic.</summary>
    public string? Description { get; init; }

    /// <summary>Groups sharing a cluster key share a core of members (merge candidates).</summary>
    public string? Cluster { get; init; }

    public bool Archived { get; init; }

    public GroupAge? Age { get; init; }

    public CreatorKind Creator { get; init; } = CreatorKind.Leader;

    public AdminSetup Admins { get; init; } = AdminSetup.Healthy;

    /// <summary>A fixed, tiny member count; when null the kind decides.</summary>
    public int? MemberCount { get; init; }

    public ActivityProfile? Activity { get; init; }

    /// <summary>How texts refer to the group when the name without its prefix reads badly.</summary>
    public string? Subject { get; init; }

    /// <summary>The group's subject as used in texts: <see cref="Subject"/> or the name without its <c>CC-</c> prefix.</summary>
    public string Topic => Subject ?? (Name.Length > 3 && Name[2] == '-' && char.IsAsciiLetter(Name[0]) && char.IsAsciiLetter(Name[1])
        ? Name[3..]
        : Name);
}
