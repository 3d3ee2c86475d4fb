namespace CommunityRules.History;

/// <summary>A recorded finding in a digest, and why it is the recipient's.</summary>
/// <param name="Finding">The finding.</param>
/// <param name="Role">Why the recipient is named: <c>admin</c>, <c>author</c> or <c>person</c>; empty in the digest of findings nobody in the network acts on.</param>
internal sealed record DigestFinding(RecordedFinding Finding, string Role);

/// <summary>One recipient's digest of a run: the open findings they act on, and those they are told of.</summary>
/// <param name="PersonId">The person's identifier; <see langword="null"/> for the digest of findings nobody in the network acts on (for the community manager).</param>
/// <param name="Name">The person's name as the run recorded it.</param>
/// <param name="Acts">The open findings the person acts on: most serious first, then by group name, otherwise in the run's order.</param>
/// <param name="ToldOf">The open findings the person is told of (posts by others in groups they run), in the same order.</param>
/// <param name="GroupIds">The groups of the person's findings, each once, in the order of the findings.</param>
internal sealed record Digest(string? PersonId, string Name, IReadOnlyList<DigestFinding> Acts, IReadOnlyList<DigestFinding> ToldOf, IReadOnlyList<string> GroupIds);

/// <summary>The digests of one run: one per responsible person, and one of the findings nobody in the network acts on.</summary>
/// <param name="Run">The run.</param>
/// <param name="People">One digest per person, most findings to act on first, then by name and identifier.</param>
/// <param name="Nobody">The findings nobody in the network acts on (groups without an active admin, network, data and configuration findings); <see langword="null"/> when there are none.</param>
/// <param name="GroupNames">The names of the run's groups by identifier, as the run recorded them.</param>
internal sealed record RunDigestSet(RunInfo Run, IReadOnlyList<Digest> People, Digest? Nobody, IReadOnlyDictionary<string, string> GroupNames)
{
    /// <summary>Gets a group's name as the run recorded it, else its identifier.</summary>
    /// <param name="groupId">The group's identifier.</param>
    /// <returns>The name.</returns>
    public string GroupName(string groupId) => GroupNames.TryGetValue(groupId, out var name) ? name : groupId;
}

/// <summary>
/// Gathers a recorded run's open findings (suppressed ones left out) per responsible person, from the people the store
/// recorded with each finding; nothing is worked out again from the network, which the store does not keep.
/// </summary>
internal static class RunDigests
{
    /// <summary>The name of the digest of findings nobody in the network acts on.</summary>
    public const string NobodyName = "Nobody in the network";

    /// <summary>Makes the digests of a run.</summary>
    /// <param name="run">The run; it must have <see cref="RunInfo.HasResponsiblePeople"/>.</param>
    /// <param name="findings">The run's findings, in the run's order.</param>
    /// <param name="groups">The run's group figures, for the groups' names.</param>
    /// <returns>The digests.</returns>
    /// <exception cref="InvalidOperationException">The run was recorded before the store kept responsible people.</exception>
    public static RunDigestSet Create(RunInfo run, IReadOnlyList<RecordedFinding> findings, IReadOnlyList<GroupFigures> groups)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(groups);
        if (!run.HasResponsiblePeople)
        {
            throw new InvalidOperationException($"Run {run.Id} was recorded without the people responsible for its findings.");
        }

        var groupNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            groupNames.TryAdd(group.GroupId, group.Name is { Length: > 0 } name ? name : group.GroupId);
        }

        var byPerson = new Dictionary<string, (string Name, List<(int Order, DigestFinding Item)> Acts, List<(int Order, DigestFinding Item)> Told)>(StringComparer.Ordinal);
        var nobody = new List<(int Order, DigestFinding Item)>();
        for (var order = 0; order < findings.Count; order++)
        {
            var finding = findings[order];
            if (finding.IsSuppressed)
            {
                continue;
            }

            var acted = false;
            foreach (var person in finding.Responsible ?? [])
            {
                if (!byPerson.TryGetValue(person.Id, out var entry))
                {
                    entry = (person.Name, [], []);
                    byPerson.Add(person.Id, entry);
                }

                // A person named twice on one finding (as author and admin) gets it once, as the first role named.
                var list = person.Primary ? entry.Acts : entry.Told;
                if (list.Count == 0 || list[^1].Order != order)
                {
                    list.Add((order, new DigestFinding(finding, person.Role)));
                }

                acted |= person.Primary;
            }

            if (!acted)
            {
                nobody.Add((order, new DigestFinding(finding, string.Empty)));
            }
        }

        var sets = new RunDigestSet(run, [], null, groupNames);
        var people = byPerson
            .Select(pair => Make(pair.Key, pair.Value.Name, pair.Value.Acts, pair.Value.Told, sets))
            .OrderByDescending(digest => digest.Acts.Count)
            .ThenByDescending(digest => digest.ToldOf.Count)
            .ThenBy(digest => digest.Name, StringComparer.Ordinal)
            .ThenBy(digest => digest.PersonId, StringComparer.Ordinal)
            .ToList();
        return sets with { People = people, Nobody = nobody.Count == 0 ? null : Make(null, NobodyName, nobody, [], sets) };
    }

    private static Digest Make(string? personId, string name, List<(int Order, DigestFinding Item)> acts, List<(int Order, DigestFinding Item)> told, RunDigestSet set)
    {
        var orderedActs = Ordered(acts, set);
        var orderedTold = Ordered(told, set);
        var groupIds = orderedActs.Concat(orderedTold)
            .Select(item => item.Finding.GroupId)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new Digest(personId, name, orderedActs, orderedTold, groupIds);
    }

    private static List<DigestFinding> Ordered(List<(int Order, DigestFinding Item)> items, RunDigestSet set) =>
    [
        .. items
            .OrderByDescending(item => item.Item.Finding.Severity)
            .ThenBy(item => item.Item.Finding.GroupId is { } groupId ? set.GroupName(groupId) : string.Empty, StringComparer.Ordinal)
            .ThenBy(item => item.Order)
            .Select(item => item.Item),
    ];
}
