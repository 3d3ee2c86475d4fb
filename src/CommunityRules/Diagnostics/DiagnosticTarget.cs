namespace CommunityRules.Diagnostics;

/// <summary>What a finding is about: a person, group, post, comment, record or piece of configuration.</summary>
/// <param name="Kind">The kind of target.</param>
/// <param name="Id">The target's identifier.</param>
/// <param name="Name">A human-readable name (a group's or person's name, a post's title), if there is one.</param>
/// <param name="GroupId">The group the target belongs to, for posts and comments.</param>
/// <param name="File">The file the target was read from, for records and configuration.</param>
/// <param name="Line">The 1-based line in <paramref name="File"/>, if known.</param>
/// <param name="Column">The 1-based column in <paramref name="File"/>, if known.</param>
public sealed record DiagnosticTarget(
    TargetKind Kind,
    string Id,
    string? Name = null,
    string? GroupId = null,
    string? File = null,
    int? Line = null,
    int? Column = null)
{
    /// <summary>Gets the identifier of the person who wrote the target, for posts and comments; reports name them among the people responsible.</summary>
    /// <value>The default value is <see langword="null"/>: not a post or comment, or its author is not known.</value>
    public string? AuthorId { get; init; }

    /// <summary>Gets a stable, readable path for the target, such as <c>group/g042</c>.</summary>
    public string LogicalPath => Kind switch
    {
        TargetKind.Post or TargetKind.Comment when GroupId is not null => $"group/{GroupId}/{KindName}/{Id}",
        _ => $"{KindName}/{Id}",
    };

    /// <summary>Gets the lower-case name of the kind, as used in rule files and output.</summary>
    public string KindName => Kind switch
    {
        TargetKind.Person => "person",
        TargetKind.Group => "group",
        TargetKind.Post => "post",
        TargetKind.Comment => "comment",
        TargetKind.Network => "network",
        TargetKind.Configuration => "configuration",
        _ => "record",
    };
}
