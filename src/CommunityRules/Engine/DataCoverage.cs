using CommunityRules.Data;

namespace CommunityRules.Engine;

/// <summary>
/// Which rules a source's data cannot serve, and the one note per missing capability that says so: a check that
/// needs admins is not run on an export without admins, rather than reporting every group as having none.
/// </summary>
internal static class DataCoverage
{
    private static readonly (DataCapabilities Capability, string What, string HowToAdd)[] Capabilities =
    [
        (DataCapabilities.Memberships, "group memberships", "a snapshot folder with memberships.jsonl"),
        (DataCapabilities.Admins, "group admins", "a snapshot folder with memberships.jsonl whose admins have role: admin"),
        (DataCapabilities.Departures, "who left the organisation", "a snapshot folder with people.jsonl that marks them active: false"),
        (DataCapabilities.GroupCreators, "who created each group", "a snapshot folder with groups.jsonl that gives createdBy"),
        (DataCapabilities.Reactions, "reactions", "a snapshot folder with reactions.jsonl"),
        (DataCapabilities.ReactionTimes, "when reactions were made", "a snapshot folder with reactions.jsonl that gives createdAt"),
        (DataCapabilities.QuestionType, "which posts are questions", "a snapshot folder with posts.jsonl that gives type: question"),
        (DataCapabilities.AcceptedAnswers, "accepted answers", "a snapshot folder with comments.jsonl that gives acceptedAnswer"),
        (DataCapabilities.Descriptions, "what groups are for (no group has a description)", "a snapshot folder with groups.jsonl that gives description"),
    ];

    /// <summary>
    /// Below this many groups, a field no group has may be chance (a rule's example, a small test network), so the
    /// data is taken at its sources' word.
    /// </summary>
    public const int GroupsToJudgeMissingFields = 10;

    /// <summary>
    /// What the data really tells: what its sources declare (and descriptions, which every format can hold), less what
    /// not one record of a network of at least <see cref="GroupsToJudgeMissingFields"/> groups shows — no membership,
    /// no admin, no creator, no description. An export converted without those fields is not reported group by group.
    /// </summary>
    public static DataCapabilities Known(DataCapabilities declared, Model.NetworkView network)
    {
        var known = declared | DataCapabilities.Descriptions;
        if (network.Groups.Count < GroupsToJudgeMissingFields)
        {
            return known;
        }

        var groups = network.Groups;
        var anyMember = false;
        var anyAdmin = false;
        foreach (var group in groups)
        {
            var members = network.GetMembers(group.Id);
            anyMember |= members.Count > 0;
            foreach (var membership in members)
            {
                if (membership.Role == Model.MembershipRole.Admin)
                {
                    anyAdmin = true;
                    break;
                }
            }

            if (anyAdmin)
            {
                break;
            }
        }

        if (!anyMember)
        {
            known &= ~DataCapabilities.Memberships;
        }

        if (!anyAdmin)
        {
            known &= ~DataCapabilities.Admins;
        }

        if (!groups.Any(group => !string.IsNullOrWhiteSpace(group.CreatedBy)))
        {
            known &= ~DataCapabilities.GroupCreators;
        }

        if (!groups.Any(group => !string.IsNullOrWhiteSpace(group.Description)))
        {
            known &= ~DataCapabilities.Descriptions;
        }

        return known;
    }

    /// <summary>Finds the active rules whose checks need what the source cannot tell.</summary>
    public static HashSet<RuleRuntime> Unservable(IEnumerable<RuleRuntime> rules, DataCapabilities known) =>
        [.. rules.Where(rule => rule.IsActive && Missing(rule, known) != DataCapabilities.None)];

    /// <summary>Writes one note per missing capability, naming every rule it stops.</summary>
    public static IEnumerable<DataNote> Notes(IReadOnlyCollection<RuleRuntime> unservable, DataCapabilities known, string source)
    {
        foreach (var (capability, what, howToAdd) in Capabilities)
        {
            var stopped = unservable.Where(rule => Missing(rule, known).HasFlag(capability)).OrderBy(rule => rule.Order).ToList();
            if (stopped.Count == 0)
            {
                continue;
            }

            // A rule with several targets runs as several runtimes; name it once.
            var named = stopped.Select(Describe).Distinct(StringComparer.Ordinal).ToList();
            var rules = string.Join(", ", named);
            var verb = named.Count == 1 ? "was" : "were";
            yield return new DataNote($"The data does not say {what}, so {rules} {verb} not run. To run {(named.Count == 1 ? "it" : "them")}, add {howToAdd} with a second --data (see docs/providers.md).")
            {
                Source = source,
                SkippedRules = [.. stopped.Select(rule => rule.Descriptor.Id).Distinct(StringComparer.Ordinal)],
                Missing = capability,
            };
        }
    }

    /// <summary>What a rule needs that the source cannot tell, in words: "group admins".</summary>
    public static IReadOnlyList<string> MissingFor(Rules.Rule rule, DataCapabilities known)
    {
        var missing = rule.Check.RequiredDataFor(rule.Options) & ~known;
        return [.. Capabilities.Where(entry => missing.HasFlag(entry.Capability)).Select(entry => entry.What)];
    }

    // A rule's outcomes have ids of their own (GOV011 and GOV012 of GOV010): name them, so nobody looks for their findings.
    private static string Describe(RuleRuntime rule) => rule.Rule.Outcomes.Count == 0
        ? $"{rule.Descriptor.Id} ({rule.Rule.CheckKind})"
        : $"{rule.Descriptor.Id} ({rule.Rule.CheckKind}, with {string.Join(" and ", rule.Rule.Outcomes.Select(outcome => outcome.Descriptor.Id))})";

    private static DataCapabilities Missing(RuleRuntime rule, DataCapabilities known) =>
        rule.Rule.Check.RequiredDataFor(rule.Rule.Options) & ~known;
}
