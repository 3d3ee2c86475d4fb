using System.Runtime.CompilerServices;
using CommunityRules.Model;

namespace CommunityRules.Data;

/// <summary>
/// A network held in memory: for tests, examples, bots and small tools. Build one with <see cref="CreateBuilder"/>.
/// It is its own source, so it can be layered over an export.
/// </summary>
public sealed class InMemoryNetwork : INetworkProvider, INetworkSource
{
    private readonly NetworkManifest? _manifest;
    private readonly Person[] _people;
    private readonly Group[] _groups;
    private readonly Membership[] _memberships;
    private readonly Post[] _posts;
    private readonly Comment[] _comments;
    private readonly Reaction[] _reactions;

    private InMemoryNetwork(Builder builder)
    {
        _manifest = builder.Manifest;
        _people = [.. builder.People];
        _groups = [.. builder.Groups];
        _memberships = [.. builder.Memberships];
        _posts = [.. builder.Posts];
        _comments = [.. builder.Comments];
        _reactions = [.. builder.Reactions];
        Capabilities = builder.Capabilities;
    }

    /// <inheritdoc/>
    public string Description => _manifest?.Name ?? "in-memory network";

    /// <inheritdoc/>
    public DataCapabilities Capabilities { get; }

    /// <summary>Starts building an in-memory network.</summary>
    /// <returns>A new builder.</returns>
    public static Builder CreateBuilder() => new();

    /// <inheritdoc/>
    public INetworkProvider Build() => this;

    /// <inheritdoc/>
    public ValueTask<NetworkManifest?> ReadManifestAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_manifest);

    /// <inheritdoc/>
    public IAsyncEnumerable<Person> ReadPeopleAsync(IDataIssueReporter issues, CancellationToken cancellationToken) => Stream(_people, cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<Group> ReadGroupsAsync(IDataIssueReporter issues, CancellationToken cancellationToken) => Stream(_groups, cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<Membership> ReadMembershipsAsync(IDataIssueReporter issues, CancellationToken cancellationToken) => Stream(_memberships, cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<Post> ReadPostsAsync(IDataIssueReporter issues, CancellationToken cancellationToken) => Stream(_posts, cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<Comment> ReadCommentsAsync(IDataIssueReporter issues, CancellationToken cancellationToken) => Stream(_comments, cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<Reaction> ReadReactionsAsync(IDataIssueReporter issues, CancellationToken cancellationToken) => Stream(_reactions, cancellationToken);

    private static async IAsyncEnumerable<T> Stream<T>(T[] items, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>Builds an <see cref="InMemoryNetwork"/>.</summary>
    public sealed class Builder
    {
        internal Builder()
        {
        }

        internal NetworkManifest? Manifest { get; private set; }

        internal DataCapabilities Capabilities { get; private set; } = DataCapabilities.All;

        internal List<Person> People { get; } = [];

        internal List<Group> Groups { get; } = [];

        internal List<Membership> Memberships { get; } = [];

        internal List<Post> Posts { get; } = [];

        internal List<Comment> Comments { get; } = [];

        internal List<Reaction> Reactions { get; } = [];

        /// <summary>Sets the manifest.</summary>
        /// <param name="manifest">The manifest.</param>
        /// <returns>This builder.</returns>
        public Builder WithManifest(NetworkManifest manifest)
        {
            Manifest = manifest;
            return this;
        }

        /// <summary>Says what the network can tell; by default everything.</summary>
        /// <param name="capabilities">What the network's data holds.</param>
        /// <returns>This builder.</returns>
        public Builder WithCapabilities(DataCapabilities capabilities)
        {
            Capabilities = capabilities;
            return this;
        }

        /// <summary>Adds a person.</summary>
        /// <param name="person">The person.</param>
        /// <returns>This builder.</returns>
        public Builder Add(Person person) => Append(People, person);

        /// <summary>Adds a group.</summary>
        /// <param name="group">The group.</param>
        /// <returns>This builder.</returns>
        public Builder Add(Group group) => Append(Groups, group);

        /// <summary>Adds a membership.</summary>
        /// <param name="membership">The membership.</param>
        /// <returns>This builder.</returns>
        public Builder Add(Membership membership) => Append(Memberships, membership);

        /// <summary>Adds a post.</summary>
        /// <param name="post">The post.</param>
        /// <returns>This builder.</returns>
        public Builder Add(Post post) => Append(Posts, post);

        /// <summary>Adds a comment.</summary>
        /// <param name="comment">The comment.</param>
        /// <returns>This builder.</returns>
        public Builder Add(Comment comment) => Append(Comments, comment);

        /// <summary>Adds a reaction.</summary>
        /// <param name="reaction">The reaction.</param>
        /// <returns>This builder.</returns>
        public Builder Add(Reaction reaction) => Append(Reactions, reaction);

        /// <summary>Adds a person to a group.</summary>
        /// <param name="groupId">The group's identifier.</param>
        /// <param name="personId">The person's identifier.</param>
        /// <param name="role">The person's role in the group.</param>
        /// <returns>This builder.</returns>
        public Builder AddMember(string groupId, string personId, MembershipRole role = MembershipRole.Member) =>
            Add(new Membership { GroupId = groupId, PersonId = personId, Role = role });

        /// <summary>Creates the network from what was added.</summary>
        /// <returns>The network.</returns>
        public InMemoryNetwork Build() => new(this);

        private Builder Append<T>(List<T> list, T item)
        {
            ArgumentNullException.ThrowIfNull(item);
            list.Add(item);
            return this;
        }
    }
}
