using CommunityRules.Data;
using CommunityRules.Model;

namespace CommunityRules.Starter;

/// <summary>
/// What <c>communityrules init</c> learns from a network in one streamed pass: the people, groups and memberships,
/// each group's last activity (bots' messages are not activity, as in a check), and the languages of a sample of posts
/// and comments. Posts and comments are not kept.
/// </summary>
internal sealed class NetworkProfile
{
    /// <summary>How many texts are sampled for languages: enough for shares in whole percent, cheap on millions of posts.</summary>
    internal const int LanguageSample = 20_000;

    private readonly Dictionary<string, Person> _people = new(StringComparer.Ordinal);

    private NetworkProfile(string? name, string source, DateTimeOffset asOf, DataCapabilities capabilities)
    {
        Name = name;
        Source = source;
        AsOf = asOf;
        Capabilities = capabilities;
    }

    /// <summary>Gets the network's name from its manifest, if it has one.</summary>
    public string? Name { get; }

    /// <summary>Gets where the data came from.</summary>
    public string Source { get; }

    /// <summary>Gets the moment the profile measures activity from, as a check of the same data would.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>Gets what the data can tell.</summary>
    public DataCapabilities Capabilities { get; }

    /// <summary>Gets the people (and bots), in the source's order, the first record of an id winning as in a check.</summary>
    public List<Person> People { get; } = [];

    /// <summary>Gets the groups, in the source's order.</summary>
    public List<Group> Groups { get; } = [];

    /// <summary>Gets each group's distinct members' ids.</summary>
    public Dictionary<string, HashSet<string>> Members { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the ids of groups with at least one admin.</summary>
    public HashSet<string> GroupsWithAdmins { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets each group's last post or comment by a person.</summary>
    public Dictionary<string, DateTimeOffset> LastActivity { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the newest post or comment by a person in the whole network.</summary>
    public DateTimeOffset? NewestActivity { get; private set; }

    /// <summary>Gets the number of posts read.</summary>
    public long Posts { get; private set; }

    /// <summary>Gets the number of comments read.</summary>
    public long Comments { get; private set; }

    /// <summary>Gets the number of records the source could not read.</summary>
    public long DataIssues { get; private set; }

    /// <summary>Gets the languages guessed for the sampled texts.</summary>
    public LanguageGuesser Languages { get; } = new();

    /// <summary>Finds a person by id.</summary>
    public Person? FindPerson(string? id) => id is not null && _people.TryGetValue(id, out var person) ? person : null;

    /// <summary>Reads a network once and keeps what the starter configuration needs.</summary>
    /// <param name="source">The network.</param>
    /// <param name="asOf">The moment to measure from; else the source's, else the clock's.</param>
    /// <param name="time">The clock.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="DataSourceException">The data cannot be read.</exception>
    public static async Task<NetworkProfile> ReadAsync(INetworkProvider source, DateTimeOffset? asOf, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(time);
        var manifest = await source.ReadManifestAsync(cancellationToken).ConfigureAwait(false);
        var profile = new NetworkProfile(manifest?.Name, source.Description, asOf ?? manifest?.AsOf ?? time.GetUtcNow(), source.Capabilities);
        var issues = new IssueCounter(profile);

        await foreach (var person in source.ReadPeopleAsync(issues, cancellationToken).ConfigureAwait(false))
        {
            if (profile._people.TryAdd(person.Id, person))
            {
                profile.People.Add(person);
            }
        }

        var groupIds = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var group in source.ReadGroupsAsync(issues, cancellationToken).ConfigureAwait(false))
        {
            if (groupIds.Add(group.Id))
            {
                profile.Groups.Add(group);
            }
        }

        await foreach (var membership in source.ReadMembershipsAsync(issues, cancellationToken).ConfigureAwait(false))
        {
            if (!profile.Members.TryGetValue(membership.GroupId, out var members))
            {
                members = new HashSet<string>(StringComparer.Ordinal);
                profile.Members.Add(membership.GroupId, members);
            }

            members.Add(membership.PersonId);
            if (membership.Role == MembershipRole.Admin)
            {
                profile.GroupsWithAdmins.Add(membership.GroupId);
            }
        }

        var groupOfPost = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var post in source.ReadPostsAsync(issues, cancellationToken).ConfigureAwait(false))
        {
            if (!groupOfPost.TryAdd(post.Id, post.GroupId))
            {
                continue;
            }

            profile.Posts++;
            if (profile.IsAutomated(post.AuthorId))
            {
                continue;
            }

            profile.AddActivity(post.GroupId, post.CreatedAt);
            profile.Sample(post.Title);
            profile.Sample(post.Text);
        }

        await foreach (var comment in source.ReadCommentsAsync(issues, cancellationToken).ConfigureAwait(false))
        {
            profile.Comments++;
            if (profile.IsAutomated(comment.AuthorId))
            {
                continue;
            }

            if (groupOfPost.TryGetValue(comment.PostId, out var groupId))
            {
                profile.AddActivity(groupId, comment.CreatedAt);
            }

            profile.Sample(comment.Text);
        }

        return profile;
    }

    private bool IsAutomated(string? authorId) => FindPerson(authorId) is { Kind: not PersonKind.Person };

    private void AddActivity(string groupId, DateTimeOffset? at)
    {
        if (at is not { } moment)
        {
            return;
        }

        if (!LastActivity.TryGetValue(groupId, out var last) || moment > last)
        {
            LastActivity[groupId] = moment;
        }

        if (NewestActivity is not { } newest || moment > newest)
        {
            NewestActivity = moment;
        }
    }

    private void Sample(string? text)
    {
        if (!string.IsNullOrWhiteSpace(text) && Languages.Sampled < LanguageSample)
        {
            Languages.Add(text);
        }
    }

    private sealed class IssueCounter(NetworkProfile profile) : IDataIssueReporter
    {
        public void Report(DataIssue issue)
        {
            if (issue.Rejected)
            {
                profile.DataIssues++;
            }
        }

        public void Report(DataNote note)
        {
        }
    }
}
