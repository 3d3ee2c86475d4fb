namespace CommunityRules.Model;

/// <summary>A comment on a post, or a reply to another comment.</summary>
public sealed record Comment
{
    /// <summary>Gets the comment's identifier, unique within the network.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the identifier of the post the comment belongs to.</summary>
    public required string PostId { get; init; }

    /// <summary>Gets the identifier of the comment this one replies to, if any.</summary>
    public string? ParentId { get; init; }

    /// <summary>Gets the identifier of the author: the person the comment appears from, who gets the credit for it.</summary>
    public string? AuthorId { get; init; }

    /// <summary>
    /// Gets the identifier of the delegate who wrote the comment on the author's behalf; <see langword="null"/> when
    /// the author wrote it.
    /// </summary>
    public string? DelegateId { get; init; }

    /// <summary>Gets when the comment was made.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets the comment's text.</summary>
    public string? Text { get; init; }

    /// <summary>Gets a value indicating whether the comment was marked as the answer to a question.</summary>
    public bool AcceptedAnswer { get; init; }
}
