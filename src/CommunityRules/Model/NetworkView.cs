namespace CommunityRules.Model;

/// <summary>
/// The indexed network a check sees: people, groups and memberships by identifier, and the activity of each group
/// aggregated from the posts and comments read so far (all of them, in end-of-run actions).
/// </summary>
public sealed class NetworkView
{
    private static readonly IReadOnlyList<Membership> NoMembers = [];

    private readonly Dictionary<string, Person> _people = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Group> _groups = new(StringComparer.Ordinal);
    private readonly List<Person> _peopleInOrder = [];
    private readonly List<Group> _groupsInOrder = [];
    private readonly Dictionary<string, List<Membership>> _membersByGroup = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Membership>> _membershipsByPerson = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GroupActivity> _activity = new(StringComparer.Ordinal);

    internal NetworkView(NetworkManifest? manifest, DateTimeOffset asOf)
    {
        Manifest = manifest;
        AsOf = asOf;
    }

    /// <summary>Gets what the source said about the network, if anything.</summary>
    public NetworkManifest? Manifest { get; }

    /// <summary>Gets the moment the run checks as of; time-based rules measure from it.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>Gets a value indicating whether rules look at bots and system accounts and their messages too.</summary>
    public bool IncludeAutomatedAccounts { get; init; }

    /// <summary>Gets the people, in the source's order.</summary>
    public IReadOnlyList<Person> People => _peopleInOrder;

    /// <summary>Gets the groups, in the source's order.</summary>
    public IReadOnlyList<Group> Groups => _groupsInOrder;

    /// <summary>Finds a person by identifier.</summary>
    /// <param name="id">The identifier, or <see langword="null"/>.</param>
    /// <returns>The person, or <see langword="null"/> when the network has no such person.</returns>
    public Person? FindPerson(string? id) => id is not null && _people.TryGetValue(id, out var person) ? person : null;

    /// <summary>Finds a group by identifier.</summary>
    /// <param name="id">The identifier, or <see langword="null"/>.</param>
    /// <returns>The group, or <see langword="null"/> when the network has no such group.</returns>
    public Group? FindGroup(string? id) => id is not null && _groups.TryGetValue(id, out var group) ? group : null;

    /// <summary>Gets a group's memberships, in the source's order.</summary>
    /// <param name="groupId">The group's identifier.</param>
    /// <returns>The memberships; empty when the group has none.</returns>
    public IReadOnlyList<Membership> GetMembers(string groupId) =>
        _membersByGroup.TryGetValue(groupId, out var members) ? members : NoMembers;

    /// <summary>Gets a person's memberships, in the source's order.</summary>
    /// <param name="personId">The person's identifier.</param>
    /// <returns>The memberships; empty when the person is in no group.</returns>
    public IReadOnlyList<Membership> GetMembershipsOf(string personId) =>
        _membershipsByPerson.TryGetValue(personId, out var memberships) ? memberships : NoMembers;

    /// <summary>Gets a group's activity: its posts and comments by month and the last time anyone wrote in it.</summary>
    /// <param name="groupId">The group's identifier.</param>
    /// <returns>The activity; empty when nothing was written in the group.</returns>
    public GroupActivity GetActivity(string groupId) =>
        _activity.TryGetValue(groupId, out var activity) ? activity : GroupActivity.Empty;

    /// <summary>
    /// Gets each person's posts, comments and reactions, when a rule of the run asked for them to be counted; complete
    /// in end-of-run actions.
    /// </summary>
    internal PersonActivityLedger? PersonActivity { get; set; }

    internal bool TryAddPerson(Person person)
    {
        if (!_people.TryAdd(person.Id, person))
        {
            return false;
        }

        _peopleInOrder.Add(person);
        return true;
    }

    internal bool TryAddGroup(Group group)
    {
        if (!_groups.TryAdd(group.Id, group))
        {
            return false;
        }

        _groupsInOrder.Add(group);
        return true;
    }

    internal void AddMembership(Membership membership)
    {
        if (!_membersByGroup.TryGetValue(membership.GroupId, out var members))
        {
            members = [];
            _membersByGroup.Add(membership.GroupId, members);
        }

        members.Add(membership);
        if (!_membershipsByPerson.TryGetValue(membership.PersonId, out var memberships))
        {
            memberships = [];
            _membershipsByPerson.Add(membership.PersonId, memberships);
        }

        memberships.Add(membership);
    }

    internal GroupActivity GetOrAddActivity(string groupId)
    {
        if (!_activity.TryGetValue(groupId, out var activity))
        {
            activity = new GroupActivity();
            _activity.Add(groupId, activity);
        }

        return activity;
    }
}
