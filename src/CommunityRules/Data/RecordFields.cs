namespace CommunityRules.Data;

/// <summary>
/// The fields of the streamed records (posts, comments, reactions) that a run may leave unread: a projection, decided
/// when the rule set is compiled from what its checks, scopes and messages read (<see cref="Engine.FieldProjection"/>).
/// Only these are ever left out. Ids, times, types, authors, delegates and flags are always read, for the engine's own
/// work (the group of each post, activity, unknown references); people, groups and memberships are always read whole,
/// since the network view they make goes to every check and report.
/// </summary>
[Flags]
internal enum RecordFields
{
    /// <summary>None of the optional fields.</summary>
    None = 0,

    /// <summary>A post's title.</summary>
    PostTitle = 1 << 0,

    /// <summary>A post's text.</summary>
    PostText = 1 << 1,

    /// <summary>The comment a comment answers.</summary>
    CommentParentId = 1 << 2,

    /// <summary>A comment's text.</summary>
    CommentText = 1 << 3,

    /// <summary>A reaction's type, such as <c>like</c>.</summary>
    ReactionType = 1 << 4,

    /// <summary>Every field: what a provider reads unless told otherwise.</summary>
    All = PostTitle | PostText | CommentParentId | CommentText | ReactionType,
}

/// <summary>
/// A provider that can leave out the fields of posts, comments and reactions a run does not read. The engine asks for
/// such a view of its source once per run; a provider without it gives every field. Internal: a provider of the
/// public API reads every field.
/// </summary>
internal interface IFieldProjectingProvider
{
    /// <summary>
    /// Gets a provider of the same data whose posts, comments and reactions may lack (leave <see langword="null"/>)
    /// the optional fields not in <paramref name="fields"/>; everything else, data issues included, is as before.
    /// </summary>
    /// <param name="fields">The optional fields the run reads.</param>
    /// <returns>The projected provider; this one when <paramref name="fields"/> is <see cref="RecordFields.All"/>.</returns>
    INetworkProvider WithFields(RecordFields fields);
}
