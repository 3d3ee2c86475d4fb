namespace CommunityRules.Model;

/// <summary>A post in a group.</summary>
public sealed record Post
{
    /// <summary>Gets the post's identifier, unique within the network.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the identifier of the group the post was made in.</summary>
    public required string GroupId { get; init; }

    /// <summary>Gets the identifier of the author: the person the post appears from, who gets the credit for it.</summary>
    public string? AuthorId { get; init; }

    /// <summary>
    /// Gets the identifier of the delegate who wrote the post on the author's behalf, such as an assistant posting
    /// for a leader; <see langword="null"/> when the author wrote it.
    /// </summary>
    public string? DelegateId { get; init; }

    /// <summary>Gets when the post was made.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets the kind of post.</summary>
    public PostType Type { get; init; }

    /// <summary>Gets the post's title, where the network has titles.</summary>
    public string? Title { get; init; }

    /// <summary>Gets the post's text.</summary>
    public string? Text { get; init; }
}

/// <summary>The kind of a post.</summary>
public enum PostType
{
    /// <summary>An ordinary post.</summary>
    Post,

    /// <summary>A question that expects an answer.</summary>
    Question,

    /// <summary>An announcement.</summary>
    Announcement,

    /// <summary>A poll.</summary>
    Poll,
}
