namespace CommunityRules.Rules;

/// <summary>Finds the known name closest to a misspelt one, for "did you mean ...?".</summary>
internal static class Suggestions
{
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(input.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        // Allow about one edit in three characters; further away the guess misleads more than it helps.
        return best is not null && bestDistance <= Math.Max(2, input.Length / 3) ? best : null;
    }

    public static string DidYouMean(string input, IEnumerable<string> candidates)
    {
        var list = candidates.ToList();
        var closest = Closest(input, list);
        if (closest is not null)
        {
            return $" Did you mean '{closest}'?";
        }

        return list.Count is > 0 and <= 12 ? $" Expected one of: {string.Join(", ", list)}." : string.Empty;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
