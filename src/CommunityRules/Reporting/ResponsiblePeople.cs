using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Model;

namespace CommunityRules.Reporting;

/// <summary>Why a person is named as responsible for a finding.</summary>
internal enum ResponsibleRole
{
    /// <summary>An active admin of the group the finding is about, or of the group a post or comment is in.</summary>
    Admin,

    /// <summary>The author of the post or comment the finding is about.</summary>
    Author,

    /// <summary>The person the finding is about.</summary>
    Person,
}

/// <summary>One person responsible for acting on a finding.</summary>
/// <param name="Id">The person's identifier.</param>
/// <param name="Name">The person's display name, or the identifier when the directory has none.</param>
/// <param name="Role">Why the person is named.</param>
/// <param name="Primary">
/// <see langword="true"/> for the people who act on the finding; <see langword="false"/> for those told of it (a group's
/// admins beside the author of a post in their group).
/// </param>
internal sealed record ResponsiblePerson(string Id, string Name, ResponsibleRole Role, bool Primary)
{
    /// <summary>Gets the role as the output formats spell it: <c>admin</c>, <c>author</c>, <c>person</c>.</summary>
    public string RoleName => Role switch
    {
        ResponsibleRole.Admin => "admin",
        ResponsibleRole.Author => "author",
        _ => "person",
    };
}

/// <summary>
/// Who is responsible for acting on each finding of a run, worked out once per report from the network the run saw:
/// <list type="bullet">
/// <item>a group finding: the group's active admins;</item>
/// <item>a post or comment finding: its author, with the group's active admins told of it; when the author left, is a
/// bot or is not in the directory, the admins act on it instead;</item>
/// <item>a person finding: the person;</item>
/// <item>network, configuration and record findings: nobody in the network (the people who run the tool).</item>
/// </list>
/// An active admin is a person (not a bot) still with the organisation whose membership of the group says admin; a
/// person listed twice is named once.
/// </summary>
internal sealed class ResponsiblePeople
{
    private static readonly IReadOnlyList<ResponsiblePerson> Nobody = [];

    private readonly NetworkView _network;
    private readonly Dictionary<string, IReadOnlyList<ResponsiblePerson>> _adminsByGroup = new(StringComparer.Ordinal);
    private readonly Dictionary<Diagnostic, IReadOnlyList<ResponsiblePerson>> _byFinding = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, string> _groupNames = new(StringComparer.Ordinal);

    private bool _frozen;

    private ResponsiblePeople(NetworkView network)
    {
        _network = network;
    }

    /// <summary>Works out who is responsible for findings one by one as a run produces them, for a streaming writer; not thread-safe.</summary>
    /// <param name="network">The run's network; its people, groups and memberships are read before any finding that names them.</param>
    /// <returns>The people responsible, per finding, worked out when asked.</returns>
    public static ResponsiblePeople Live(NetworkView network) => new(network);

    /// <summary>Works out who is responsible for every finding of a run.</summary>
    /// <param name="result">The run.</param>
    /// <returns>The people responsible, per finding.</returns>
    public static ResponsiblePeople Of(AnalysisResult result)
    {
        var people = new ResponsiblePeople(result.Network);
        foreach (var diagnostic in result.Diagnostics)
        {
            people._byFinding[diagnostic] = people.Compute(diagnostic.Target);
            if (GroupIdOf(diagnostic.Target) is { } groupId && !people._groupNames.ContainsKey(groupId))
            {
                people._groupNames.Add(groupId, people.ComputeGroupName(groupId));
            }
        }

        // From here on nothing changes, so writers may share the instance across threads.
        people._frozen = true;
        return people;
    }

    /// <summary>Gets the people responsible for a finding of the run: those who act on it first, then those told of it.</summary>
    /// <param name="diagnostic">A finding of the run.</param>
    /// <returns>The people; empty when nobody in the network is.</returns>
    public IReadOnlyList<ResponsiblePerson> For(Diagnostic diagnostic) =>
        _byFinding.TryGetValue(diagnostic, out var people) ? people : Compute(diagnostic.Target);

    /// <summary>Gets the group a finding belongs to: the group itself, or the group of a post or comment.</summary>
    /// <param name="target">The finding's target.</param>
    /// <returns>The group's identifier, or <see langword="null"/> for other targets.</returns>
    public static string? GroupIdOf(DiagnosticTarget target) => target.Kind switch
    {
        TargetKind.Group => target.Id,
        TargetKind.Post or TargetKind.Comment => target.GroupId,
        _ => null,
    };

    /// <summary>
    /// Gathers findings per person who acts on them: each person once, with every finding they are a primary
    /// responsible for, most findings first; findings nobody in the network acts on are left for
    /// <see cref="PersonRollUp.Unassigned"/>.
    /// </summary>
    /// <param name="findings">The findings to gather, in the run's order.</param>
    /// <returns>The roll-up.</returns>
    public PersonRollUp RollUp(IEnumerable<Diagnostic> findings)
    {
        var byPerson = new Dictionary<string, (ResponsiblePerson Person, List<(Diagnostic Finding, ResponsibleRole Role)> Acts, int Told)>(StringComparer.Ordinal);
        var unassigned = new List<Diagnostic>();
        foreach (var finding in findings)
        {
            var acted = false;
            foreach (var person in For(finding))
            {
                if (!byPerson.TryGetValue(person.Id, out var entry))
                {
                    entry = (person, [], 0);
                }

                if (person.Primary)
                {
                    entry.Acts.Add((finding, person.Role));
                    acted = true;
                }
                else
                {
                    entry.Told++;
                }

                byPerson[person.Id] = entry;
            }

            if (!acted)
            {
                unassigned.Add(finding);
            }
        }

        var people = byPerson.Values
            .Where(entry => entry.Acts.Count > 0)
            .Select(entry => new PersonFindings(entry.Person.Id, entry.Person.Name, Ordered(entry.Acts), entry.Told))
            .OrderByDescending(person => person.Findings.Count)
            .ThenByDescending(person => person.Findings.Max(assigned => assigned.Finding.Severity))
            .ThenBy(person => person.Name, StringComparer.Ordinal)
            .ThenBy(person => person.Id, StringComparer.Ordinal)
            .ToList();
        return new PersonRollUp(people, unassigned);
    }

    /// <summary>
    /// Orders one person's findings so each group appears once: findings about the person first, then groups by their
    /// most serious finding and name, and within a group most serious first, otherwise in the run's order.
    /// </summary>
    private List<AssignedFinding> Ordered(List<(Diagnostic Finding, ResponsibleRole Role)> acts)
    {
        var worstByGroup = new Dictionary<string, Severity>(StringComparer.Ordinal);
        foreach (var (finding, _) in acts)
        {
            if (GroupIdOf(finding.Target) is { } groupId)
            {
                worstByGroup[groupId] = worstByGroup.TryGetValue(groupId, out var worst) && worst > finding.Severity ? worst : finding.Severity;
            }
        }

        return [.. acts
            .OrderBy(act => GroupIdOf(act.Finding.Target) is null ? 0 : 1)
            .ThenByDescending(act => GroupIdOf(act.Finding.Target) is { } groupId ? worstByGroup[groupId] : act.Finding.Severity)
            .ThenBy(act => GroupName(GroupIdOf(act.Finding.Target)), StringComparer.Ordinal)
            .ThenBy(act => GroupIdOf(act.Finding.Target), StringComparer.Ordinal)
            .ThenByDescending(act => act.Finding.Severity)
            .Select(act => new AssignedFinding(act.Finding, act.Role))];
    }

    /// <summary>
    /// Gets a group's name as findings quote it (personal data masked, long names cut), else its identifier; empty for
    /// no group.
    /// </summary>
    /// <param name="groupId">The group's identifier, or <see langword="null"/>.</param>
    /// <returns>The name.</returns>
    public string GroupName(string? groupId) =>
        groupId is null ? string.Empty : _groupNames.TryGetValue(groupId, out var name) ? name : ComputeGroupName(groupId);

    private string ComputeGroupName(string groupId) =>
        _network.FindGroup(groupId)?.Name is { Length: > 0 } name ? Text.EchoedText.Field(name) : groupId;

    private IReadOnlyList<ResponsiblePerson> Compute(DiagnosticTarget target)
    {
        switch (target.Kind)
        {
            case TargetKind.Group:
                return AdminsOf(target.Id, primary: true);
            case TargetKind.Post or TargetKind.Comment:
                var author = _network.FindPerson(target.AuthorId) is { Kind: PersonKind.Person, Active: true } person
                    ? new ResponsiblePerson(person.Id, NameOf(person), ResponsibleRole.Author, Primary: true)
                    : null;
                var admins = target.GroupId is { } groupId ? AdminsOf(groupId, primary: author is null) : Nobody;
                if (author is null)
                {
                    return admins;
                }

                // An author who also runs the group is named once, as the author.
                return [author, .. admins.Where(admin => admin.Id != author.Id)];
            case TargetKind.Person:
                // The finding is about them whether or not they are still here; the person's record gives the name.
                var subject = _network.FindPerson(target.Id);
                return [new ResponsiblePerson(target.Id, subject is null ? target.Name ?? target.Id : NameOf(subject), ResponsibleRole.Person, Primary: true)];
            default:
                return Nobody;
        }
    }

    private IReadOnlyList<ResponsiblePerson> AdminsOf(string groupId, bool primary)
    {
        if (!_adminsByGroup.TryGetValue(groupId, out var admins))
        {
            var found = new List<ResponsiblePerson>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var membership in _network.GetMembers(groupId))
            {
                if (membership.Role == MembershipRole.Admin
                    && _network.FindPerson(membership.PersonId) is { Kind: PersonKind.Person, Active: true } admin
                    && seen.Add(admin.Id))
                {
                    found.Add(new ResponsiblePerson(admin.Id, NameOf(admin), ResponsibleRole.Admin, Primary: true));
                }
            }

            admins = found;
            if (!_frozen)
            {
                _adminsByGroup.Add(groupId, admins);
            }
        }

        return primary ? admins : [.. admins.Select(admin => admin with { Primary = false })];
    }

    private static string NameOf(Person person) => person.Name is { Length: > 0 } name ? name : person.Id;
}

/// <summary>Findings gathered per person who acts on them.</summary>
/// <param name="People">Each person once, most findings first.</param>
/// <param name="Unassigned">The findings nobody in the network acts on: groups without an active admin, network, data and configuration findings.</param>
internal sealed record PersonRollUp(IReadOnlyList<PersonFindings> People, IReadOnlyList<Diagnostic> Unassigned);

/// <summary>One person's findings in a roll-up.</summary>
/// <param name="Id">The person's identifier.</param>
/// <param name="Name">The person's display name.</param>
/// <param name="Findings">The findings the person acts on, most serious first, then by group.</param>
/// <param name="ToldOf">How many more findings the person is told of as an admin (posts and comments by others in their groups).</param>
internal sealed record PersonFindings(string Id, string Name, IReadOnlyList<AssignedFinding> Findings, int ToldOf)
{
    /// <summary>Gets the distinct groups of the person's findings, in the order of <see cref="Findings"/>.</summary>
    public IReadOnlyList<string> GroupIds { get; } = [.. Findings.Select(f => ResponsiblePeople.GroupIdOf(f.Finding.Target)).OfType<string>().Distinct(StringComparer.Ordinal)];
}

/// <summary>A finding in a person's roll-up and why it is theirs.</summary>
/// <param name="Finding">The finding.</param>
/// <param name="Role">Why the person acts on it.</param>
internal sealed record AssignedFinding(Diagnostic Finding, ResponsibleRole Role);
