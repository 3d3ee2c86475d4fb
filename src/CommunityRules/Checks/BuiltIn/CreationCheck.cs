using CommunityRules.Data;
using CommunityRules.Diagnostics;
using CommunityRules.Model;

namespace CommunityRules.Checks.BuiltIn;

/// <summary>The options of the <c>creation</c> check.</summary>
internal sealed class CreationOptions
{
    /// <summary>Gets or sets who may create groups: a creator who meets any one of the criteria is allowed. Set at least one.</summary>
    public AllowedCreators Allowed { get; set; } = new();
}

/// <summary>Who may create groups, for the <c>creation</c> check: a creator who meets any one of these is allowed. Case is ignored everywhere.</summary>
internal sealed class AllowedCreators
{
    /// <summary>Gets or sets roles whose holders may create groups, such as <c>executive</c>, <c>manager</c> or <c>communications</c>.</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>Gets or sets departments whose people may create groups, such as <c>Communications</c> or <c>HR</c>.</summary>
    public List<string> Departments { get; set; } = [];

    /// <summary>Gets or sets countries or regions whose people may create groups, as written in the people's <c>country</c>, such as <c>SE</c>.</summary>
    public List<string> Countries { get; set; } = [];

    /// <summary>Gets or sets the ids of people who may create groups whatever their role, such as <c>p0042</c>.</summary>
    public List<string> People { get; set; } = [];

    /// <summary>Gets or sets the ids of groups whose members may create groups, such as the communicators' group <c>g111</c>.</summary>
    public List<string> MemberOf { get; set; } = [];
}

/// <summary>
/// Checks who created each group: someone allowed by role, department, country, name or membership of a group. Groups
/// whose creator is not known, or has left, are reported as outcomes of their own.
/// </summary>
internal sealed class CreationCheck : Check<CreationOptions>
{
    /// <summary>The group names no creator, or one who is not in the people list.</summary>
    public static readonly CheckOutcome UnknownCreator = new(
        "unknownCreator",
        "Groups have a known creator",
        "'{group.name}' has no known creator: {reason}. Find out who looks after the group and make sure it has an owner.",
        Severity.Suggestion,
        "A group whose creator is missing from the directory has nobody to ask about it; the export or the directory may also have a gap worth fixing.");

    /// <summary>The group's creator has left the organisation.</summary>
    public static readonly CheckOutcome CreatorLeft = new(
        "creatorLeft",
        "Groups whose creator has left",
        "'{group.name}' needs a new owner: {reason}. Make sure an admin who is still with the organisation looks after the group.",
        Severity.Suggestion,
        "When the person who started a group leaves, the group can lose its direction; check that an active admin has taken it over.");

    private static readonly string[] Criteria = ["roles", "departments", "countries", "people", "memberOf"];

    /// <inheritdoc/>
    public override string Kind => "creation";

    /// <inheritdoc/>
    public override string Description => "Groups are created by people allowed to create them: by role, department, country, name or membership of a group.";

    /// <inheritdoc/>
    public override IReadOnlyList<TargetKind> SupportedTargets { get; } = [TargetKind.Group];

    /// <inheritdoc/>
    public override IReadOnlyList<string> MessageArguments { get; } = ["reason", "creator", "creatorDepartment", "creatorId"];

    /// <inheritdoc/>
    public override IReadOnlyList<CheckOutcome> Outcomes { get; } = [UnknownCreator, CreatorLeft];

    /// <inheritdoc/>
    protected override DataCapabilities GetRequiredData(CreationOptions options) =>
        DataCapabilities.GroupCreators | (options.Allowed.MemberOf.Count > 0 ? DataCapabilities.Memberships : DataCapabilities.None);

    /// <inheritdoc/>
    protected override void Validate(CreationOptions options, CheckOptionsContext context)
    {
        var allowed = options.Allowed;
        List<string>[] lists = [allowed.Roles, allowed.Departments, allowed.Countries, allowed.People, allowed.MemberOf];
        if (lists.All(list => list.Count == 0))
        {
            context.ReportError("allowed", $"'allowed' names nobody who may create groups; list at least one of {string.Join(", ", Criteria[..^1])} or {Criteria[^1]}, such as 'allowed: {{ roles: [manager, communications] }}'.");
            return;
        }

        for (var i = 0; i < lists.Length; i++)
        {
            if (lists[i].Any(string.IsNullOrWhiteSpace))
            {
                context.ReportError("allowed", $"'allowed.{Criteria[i]}' has an empty entry; remove it or write the value it should hold.");
            }
        }
    }

    /// <inheritdoc/>
    /// <remarks>Groups and their creators: no field of a post, comment or reaction.</remarks>
    private protected override Data.RecordFields GetFieldsRead(CreationOptions options) => Data.RecordFields.None;

    /// <inheritdoc/>
    protected override void Initialize(CheckInitializationContext context, CreationOptions options)
    {
        var roles = Set(options.Allowed.Roles);
        var departments = Set(options.Allowed.Departments);
        var countries = Set(options.Allowed.Countries);
        var people = Set(options.Allowed.People);
        var memberOf = Set(options.Allowed.MemberOf);

        context.RegisterGroupAction(group =>
        {
            var createdBy = group.Group.CreatedBy?.Trim();
            var creator = group.Network.FindPerson(group.Group.CreatedBy);
            if (creator is null)
            {
                var reason = string.IsNullOrEmpty(createdBy)
                    ? "no creator is recorded for it"
                    : $"its creator '{createdBy}' is not in the people list";
                group.Report(UnknownCreator, Arguments(reason, createdBy ?? string.Empty, string.Empty, createdBy ?? string.Empty));
                return;
            }

            var name = NameOf(creator);
            if (!creator.Active)
            {
                var where = string.IsNullOrWhiteSpace(creator.Department) ? string.Empty : $" ({creator.Department})";
                group.Report(CreatorLeft, Arguments($"its creator {name}{where} has left the organisation", name, creator.Department ?? string.Empty, creator.Id));
                return;
            }

            if (creator.Roles.Any(role => roles.Contains(role.Trim()))
                || (creator.Department is { } dept && departments.Contains(dept.Trim()))
                || (creator.Country is { } country && countries.Contains(country.Trim()))
                || people.Contains(creator.Id)
                || group.Network.GetMembershipsOf(creator.Id).Any(membership => memberOf.Contains(membership.GroupId)))
            {
                return;
            }

            var reasonText = $"it was created by {name} ({Facts(creator, options.Allowed)}), and only {Allowed(options.Allowed, group.Network)} may create groups";
            group.Report(Arguments(reasonText, name, creator.Department ?? string.Empty, creator.Id));
        });
    }

    private static HashSet<string> Set(IEnumerable<string> values) =>
        new(values.Select(value => value.Trim()), StringComparer.OrdinalIgnoreCase);

    private static MessageArgument[] Arguments(string reason, string creator, string department, string id) =>
    [
        new("reason", reason),
        new("creator", creator),
        new("creatorDepartment", department),
        new("creatorId", id),
    ];

    private static string NameOf(Person person) => string.IsNullOrWhiteSpace(person.Name) ? person.Id : person.Name;

    /// <summary>Finds a group by id, ignoring case when there is no exact match.</summary>
    private static Group? FindGroup(NetworkView network, string id) =>
        network.FindGroup(id) ?? network.Groups.FirstOrDefault(group => string.Equals(group.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Finds a person by id, ignoring case when there is no exact match.</summary>
    private static Person? FindPerson(NetworkView network, string id) =>
        network.FindPerson(id) ?? network.People.FirstOrDefault(person => string.Equals(person.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>What the finding says about the creator: their department, and the country and roles when the rule allows by them.</summary>
    private static string Facts(Person creator, AllowedCreators allowed)
    {
        var facts = new List<string> { string.IsNullOrWhiteSpace(creator.Department) ? "no department" : creator.Department };
        if (allowed.Countries.Count > 0)
        {
            facts.Add(string.IsNullOrWhiteSpace(creator.Country) ? "no country" : creator.Country);
        }

        if (allowed.Roles.Count > 0)
        {
            var held = creator.Roles.Where(role => !string.IsNullOrWhiteSpace(role)).ToList();
            facts.Add(held.Count switch
            {
                0 => "no role",
                1 => $"role {held[0]}",
                _ => $"roles {string.Join(", ", held)}",
            });
        }

        return string.Join(", ", facts);
    }

    /// <summary>Who may create groups, in words: "people with the role manager or executive, or members of 'SE-Kommunikatörer'".</summary>
    private static string Allowed(AllowedCreators allowed, NetworkView network)
    {
        var parts = new List<string>();
        if (allowed.Roles.Count > 0)
        {
            parts.Add($"people with the role {Or(allowed.Roles)}");
        }

        if (allowed.Departments.Count > 0)
        {
            parts.Add($"people in {Or(allowed.Departments)}");
        }

        if (allowed.Countries.Count > 0)
        {
            parts.Add($"people in {Or(allowed.Countries)}");
        }

        if (allowed.People.Count > 0)
        {
            var names = allowed.People.Select(id => FindPerson(network, id.Trim()) is { } person ? NameOf(person) : id).ToList();
            parts.Add(names.Count <= 3 ? Or(names) : $"{names.Count} named people");
        }

        if (allowed.MemberOf.Count > 0)
        {
            var groups = allowed.MemberOf.Select(id => FindGroup(network, id.Trim()) is { Name: { Length: > 0 } groupName } ? $"'{groupName}'" : $"'{id}'").ToList();
            parts.Add($"members of {Or(groups)}");
        }

        return Or(parts, ", or ");
    }

    private static string Or(List<string> values, string lastSeparator = " or ") => values.Count switch
    {
        0 => string.Empty,
        1 => values[0],
        _ => string.Join(", ", values.Take(values.Count - 1)) + lastSeparator + values[^1],
    };
}
