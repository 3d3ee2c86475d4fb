namespace CommunityRules.History;

/// <summary>How a finding of a later run stands against an earlier run, with SARIF's <c>baselineState</c> names.</summary>
public enum FindingChange
{
    /// <summary>The earlier run did not have it.</summary>
    New,

    /// <summary>The earlier run had it, with the same message and severity.</summary>
    Unchanged,

    /// <summary>The earlier run had it (same fingerprint) with another message or severity.</summary>
    Updated,

    /// <summary>The earlier run had it and the later one does not: fixed, or no longer checked.</summary>
    Absent,
}

/// <summary>One finding in a comparison of two runs.</summary>
/// <param name="Change">How it stands.</param>
/// <param name="Finding">The later run's finding; for <see cref="FindingChange.Absent"/>, the earlier run's.</param>
/// <param name="Before">The earlier run's finding, for <see cref="FindingChange.Updated"/> and <see cref="FindingChange.Unchanged"/>.</param>
public sealed record ComparedFinding(FindingChange Change, RecordedFinding Finding, RecordedFinding? Before);

/// <summary>Compares the findings of two runs by fingerprint.</summary>
public static class RunComparison
{
    /// <summary>
    /// Pairs the findings of two runs by fingerprint (a fingerprint found twice in a run pairs in report order) and
    /// says of each whether it is new, unchanged, updated or absent. Suppressed findings take part like the others.
    /// </summary>
    /// <param name="before">The earlier run's findings.</param>
    /// <param name="after">The later run's findings.</param>
    /// <returns>The later run's findings in their order, then the absent ones in the earlier run's order.</returns>
    public static IReadOnlyList<ComparedFinding> Compare(IReadOnlyList<RecordedFinding> before, IReadOnlyList<RecordedFinding> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var earlier = new Dictionary<string, Queue<int>>(StringComparer.Ordinal);
        for (var i = 0; i < before.Count; i++)
        {
            if (!earlier.TryGetValue(before[i].Fingerprint, out var places))
            {
                places = new Queue<int>();
                earlier.Add(before[i].Fingerprint, places);
            }

            places.Enqueue(i);
        }

        var matched = new bool[before.Count];
        var compared = new List<ComparedFinding>(after.Count);
        foreach (var finding in after)
        {
            if (earlier.TryGetValue(finding.Fingerprint, out var places) && places.TryDequeue(out var place))
            {
                matched[place] = true;
                var old = before[place];
                var same = old.Severity == finding.Severity && string.Equals(old.Message, finding.Message, StringComparison.Ordinal);
                compared.Add(new ComparedFinding(same ? FindingChange.Unchanged : FindingChange.Updated, finding, old));
            }
            else
            {
                compared.Add(new ComparedFinding(FindingChange.New, finding, null));
            }
        }

        for (var i = 0; i < before.Count; i++)
        {
            if (!matched[i])
            {
                compared.Add(new ComparedFinding(FindingChange.Absent, before[i], null));
            }
        }

        return compared;
    }
}
