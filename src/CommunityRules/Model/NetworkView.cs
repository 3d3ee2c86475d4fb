namespace CommunityRules.Model;

/// <summary>
/// The indexed network a check sees: people, groups and memberships by identifier, and the activity of each group
/// aggregated from the posts and comments read so far (all of them, in end-of-run actions).
/// </summary>
public sealed class NetworkView
{
    private static readonly IReadOnlyList<Membership> NoMembers = [];

    // People and groups by id hold their position in the lists, which is also the number a membership keeps.
    private readonly Dictionary<string, int> _people = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _groups = new(StringComparer.Ordinal);
    private readonly List<Person> _peopleInOrder = [];
    private readonly List<Group> _groupsInOrder = [];

    // Each group's activity by its position in the list; a post or comment in a group the data lacks is counted
    // under the id it names.
    private GroupActivity?[] _activityOfGroup = [];
    private readonly Dictionary<string, GroupActivity> _activityOfUnknownGroup = new(StringComparer.Ordinal);

    // Memberships are most of a large network's memory: kept as numbers (MembershipTable), not records, and made into
    // Membership records only when a rule asks for them.
    private MembershipTable? _memberships;

    // Values that many people share (titles, departments, offices, roles) are kept once, and a membership keeps its
    // person's and group's own id strings: the people and memberships of a large network are most of a run's memory.
    private readonly Dictionary<string, string> _sharedValues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _sharedRoles = new(StringComparer.Ordinal);

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
    public Person? FindPerson(string? id) => id is not null && PersonIndexOf(id) is var at and >= 0 ? _peopleInOrder[at] : null;

    /// <summary>Finds a group by identifier.</summary>
    /// <param name="id">The identifier, or <see langword="null"/>.</param>
    /// <returns>The group, or <see langword="null"/> when the network has no such group.</returns>
    public Group? FindGroup(string? id) => id is not null && GroupIndexOf(id) is var at and >= 0 ? _groupsInOrder[at] : null;

    /// <summary>Gets a group's memberships, in the source's order.</summary>
    /// <param name="groupId">The group's identifier.</param>
    /// <returns>The memberships; empty when the group has none.</returns>
    public IReadOnlyList<Membership> GetMembers(string groupId) =>
        _memberships?.OfGroup(groupId, GroupIndexOf(groupId)) ?? NoMembers;

    /// <summary>Gets a person's memberships, in the source's order.</summary>
    /// <param name="personId">The person's identifier.</param>
    /// <returns>The memberships; empty when the person is in no group.</returns>
    public IReadOnlyList<Membership> GetMembershipsOf(string personId) =>
        _memberships?.OfPerson(personId, PersonIndexOf(personId)) ?? NoMembers;

    /// <summary>Gets a group's activity: its posts and comments by month and the last time anyone wrote in it.</summary>
    /// <param name="groupId">The group's identifier.</param>
    /// <returns>The activity; empty when nothing was written in the group.</returns>
    public GroupActivity GetActivity(string groupId)
    {
        var at = GroupIndexOf(groupId);
        return (at >= 0 ? (at < _activityOfGroup.Length ? _activityOfGroup[at] : null) : _activityOfUnknownGroup.GetValueOrDefault(groupId)) ?? GroupActivity.Empty;
    }

    /// <summary>
    /// Gets each person's posts, comments and reactions, when a rule of the run asked for them to be counted; complete
    /// in end-of-run actions.
    /// </summary>
    internal PersonActivityLedger? PersonActivity { get; set; }

    internal bool TryAddPerson(Person person)
    {
        if (_people.ContainsKey(person.Id))
        {
            return false;
        }

        person = person with
        {
            Title = Shared(person.Title),
            Department = Shared(person.Department),
            Company = Shared(person.Company),
            Office = Shared(person.Office),
            Country = Shared(person.Country),
            ManagerId = FindPerson(person.ManagerId)?.Id ?? person.ManagerId,
            Roles = SharedRoles(person.Roles),
        };
        _people.Add(person.Id, _peopleInOrder.Count);
        _peopleInOrder.Add(person);
        return true;
    }

    internal bool TryAddGroup(Group group)
    {
        if (!_groups.TryAdd(group.Id, _groupsInOrder.Count))
        {
            return false;
        }

        _groupsInOrder.Add(group);
        return true;
    }

    internal void AddMembership(Membership membership)
    {
        _memberships ??= new MembershipTable(this);
        _memberships.Add(
            membership,
            GroupIndexOf(membership.GroupId),
            PersonIndexOf(membership.PersonId));
    }

    /// <summary>The group at a position of <see cref="Groups"/>, for <see cref="MembershipTable"/>.</summary>
    internal Group GroupAt(int index) => _groupsInOrder[index];

    /// <summary>The person at a position of <see cref="People"/>, for <see cref="MembershipTable"/>.</summary>
    internal Person PersonAt(int index) => _peopleInOrder[index];

    /// <summary>The position of a group in <see cref="Groups"/>, or -1.</summary>
    internal int GroupIndexOf(string id) => _groups.TryGetValue(id, out var at) ? at : -1;

    /// <summary>The position of a person in <see cref="People"/>, or -1.</summary>
    internal int PersonIndexOf(string id) => _people.TryGetValue(id, out var at) ? at : -1;

    internal GroupActivity GetOrAddActivity(string groupId) => GroupIndexOf(groupId) is var at and >= 0 ? GetOrAddActivity(at) : GetOrAddUnknownActivity(groupId);

    /// <summary>The activity of the group at a position of <see cref="Groups"/>, added when nothing was written in it yet.</summary>
    internal GroupActivity GetOrAddActivity(int groupIndex)
    {
        if (groupIndex >= _activityOfGroup.Length)
        {
            Array.Resize(ref _activityOfGroup, _groupsInOrder.Count);
        }

        return _activityOfGroup[groupIndex] ??= new GroupActivity();
    }

    private GroupActivity GetOrAddUnknownActivity(string groupId)
    {
        if (!_activityOfUnknownGroup.TryGetValue(groupId, out var activity))
        {
            activity = new GroupActivity();
            _activityOfUnknownGroup.Add(groupId, activity);
        }

        return activity;
    }

    // Kept once while the values are few; a network whose every title differs gains nothing past this many.
    private const int MaxSharedValues = 1 << 16;

    private string? Shared(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (_sharedValues.TryGetValue(value, out var kept))
        {
            return kept;
        }

        if (_sharedValues.Count < MaxSharedValues)
        {
            _sharedValues.Add(value, value);
        }

        return value;
    }

    private IReadOnlyList<string> SharedRoles(IReadOnlyList<string> roles)
    {
        if (roles.Count == 0)
        {
            return roles;
        }

        // The joined text is only the key: a role that holds the separator could make two lists meet, so they are compared.
        var key = string.Join('\n', roles);
        if (_sharedRoles.TryGetValue(key, out var kept))
        {
            return kept.SequenceEqual(roles, StringComparer.Ordinal) ? kept : roles;
        }

        if (_sharedRoles.Count < MaxSharedValues)
        {
            _sharedRoles.Add(key, roles);
        }

        return roles;
    }
}
