namespace CommunityRules.Model;

/// <summary>A reaction (like, love, ...) to a post or a comment.</summary>
public sealed record Reaction
{
    /// <summary>Gets the identifier of the post or comment reacted to.</summary>
    public required string TargetId { get; init; }

    /// <summary>Gets the identifier of the person who reacted.</summary>
    public required string PersonId { get; init; }

    /// <summary>Gets the kind of reaction, such as <c>like</c>.</summary>
    public string? Type { get; init; }

    /// <summary>Gets when the reaction was made.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
}
