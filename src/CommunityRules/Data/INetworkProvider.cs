using CommunityRules.Model;

namespace CommunityRules.Data;

/// <summary>
/// Streams one network: a snapshot folder, an in-memory network, a Slack export, an API. An
/// <see cref="INetworkSource"/> builds it; several are layered into one by a <see cref="NetworkSourceBuilder"/>.
/// </summary>
/// <remarks>
/// The engine reads people, groups and memberships first and keeps them; it reads posts, comments and reactions once,
/// as streams, and keeps none of them. A provider over a paged API yields each page's items as they arrive and asks
/// for the next page only when the engine pulls, so no more than one page is held at a time. Every method honours its
/// cancellation token. A record that cannot be read is reported to the <see cref="IDataIssueReporter"/> and skipped, never thrown.
/// </remarks>
public interface INetworkProvider
{
    /// <summary>Gets a short description of where the data comes from, such as a folder path, for messages.</summary>
    string Description { get; }

    /// <summary>Gets what the provider's data can tell; checks that need more are not run, and the run says so once.</summary>
    DataCapabilities Capabilities { get; }

    /// <summary>Reads what the source says about the network, or <see langword="null"/> when it says nothing.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The manifest, or <see langword="null"/>.</returns>
    ValueTask<NetworkManifest?> ReadManifestAsync(CancellationToken cancellationToken);

    /// <summary>Streams the people.</summary>
    /// <param name="issues">Receives records that cannot be read.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The people, in the source's order.</returns>
    IAsyncEnumerable<Person> ReadPeopleAsync(IDataIssueReporter issues, CancellationToken cancellationToken);

    /// <summary>Streams the groups.</summary>
    /// <param name="issues">Receives records that cannot be read.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The groups, in the source's order.</returns>
    IAsyncEnumerable<Group> ReadGroupsAsync(IDataIssueReporter issues, CancellationToken cancellationToken);

    /// <summary>Streams the group memberships.</summary>
    /// <param name="issues">Receives records that cannot be read.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The memberships, in the source's order.</returns>
    IAsyncEnumerable<Membership> ReadMembershipsAsync(IDataIssueReporter issues, CancellationToken cancellationToken);

    /// <summary>Streams the posts.</summary>
    /// <param name="issues">Receives records that cannot be read.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The posts, in the source's order.</returns>
    IAsyncEnumerable<Post> ReadPostsAsync(IDataIssueReporter issues, CancellationToken cancellationToken);

    /// <summary>Streams the comments.</summary>
    /// <param name="issues">Receives records that cannot be read.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The comments, in the source's order.</returns>
    IAsyncEnumerable<Comment> ReadCommentsAsync(IDataIssueReporter issues, CancellationToken cancellationToken);

    /// <summary>Streams the reactions.</summary>
    /// <param name="issues">Receives records that cannot be read.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The reactions, in the source's order.</returns>
    IAsyncEnumerable<Reaction> ReadReactionsAsync(IDataIssueReporter issues, CancellationToken cancellationToken);
}
