namespace CommunityRules.Checks.BuiltIn.Duplicates;

/// <summary>
/// The four similarities, each from 0 to 1, computed by merging the sorted id arrays of <see cref="GroupProfiles"/>.
/// </summary>
internal static class Similarity
{
    /// <summary>Words shorter than this match only when equal: "alla" and "alle", "it" and "ik" are different words.</summary>
    public const int MinFuzzyLength = 5;

    /// <summary>Words at least this long may be two edits apart ("produktutvikling", "produktudvikling" are one).</summary>
    private const int TwoEditsLength = 10;

    /// <summary>
    /// How alike two names are: a fuzzy Jaccard of their words. Words are paired greedily, best first; a pair of equal
    /// words counts 1, a pair of long words one edit apart 1 - edits / length ("ekonomi" ~ "okonomi" 0.86), and the sum
    /// m gives m / (|A| + |B| - m). "SE-Ekonomi" and "se-ekonomi-SE" are 1 (country words are ignored), "IT" and
    /// "IT Tuki" 0.5.
    /// </summary>
    public static double Names(int[] a, int[] b, IReadOnlyList<string> texts)
    {
        if (a.Length == 1 && b.Length == 1)
        {
            var single = Words(a[0], b[0], texts);
            return single / (2 - single);
        }

        var pairs = new List<(double Similarity, int A, int B)>();
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = 0; j < b.Length; j++)
            {
                var similarity = Words(a[i], b[j], texts);
                if (similarity > 0)
                {
                    pairs.Add((similarity, i, j));
                }
            }
        }

        if (pairs.Count == 0)
        {
            return 0;
        }

        pairs.Sort((x, y) => y.Similarity != x.Similarity ? y.Similarity.CompareTo(x.Similarity) : x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        var usedA = new bool[a.Length];
        var usedB = new bool[b.Length];
        double matched = 0;
        foreach (var (similarity, i, j) in pairs)
        {
            if (!usedA[i] && !usedB[j])
            {
                usedA[i] = usedB[j] = true;
                matched += similarity;
            }
        }

        return matched / (a.Length + b.Length - matched);
    }

    /// <summary>
    /// How alike two names are: the better of their words compared (<see cref="Names(int[], int[], IReadOnlyList{string})"/>)
    /// and the names compared written as one word each, so compounds and splits match: "closereasons" ~
    /// "close-reasons" 1, "tag_synonyms" ~ "tagsynonyms" 1.
    /// </summary>
    public static double Names(GroupProfiles profiles, int a, int b)
    {
        var words = Names(profiles.NameWords[a], profiles.NameWords[b], profiles.WordTexts);
        if (profiles.JoinedNames[a] < 0 && profiles.JoinedNames[b] < 0)
        {
            return words;
        }

        var wholeA = Whole(profiles, a);
        var wholeB = Whole(profiles, b);
        return wholeA >= 0 && wholeB >= 0 ? Math.Max(words, Words(wholeA, wholeB, profiles.WordTexts)) : words;

        static int Whole(GroupProfiles profiles, int i) =>
            profiles.JoinedNames[i] >= 0 ? profiles.JoinedNames[i] : profiles.NameWords[i] is [var single] ? single : -1;
    }

    /// <summary>Cosine of two TF-IDF vectors scaled to length 1, capped at 1 against rounding.</summary>
    public static double Cosine(int[] termsA, double[] weightsA, int[] termsB, double[] weightsB)
    {
        double dot = 0;
        for (int i = 0, j = 0; i < termsA.Length && j < termsB.Length;)
        {
            if (termsA[i] == termsB[j])
            {
                dot += weightsA[i++] * weightsB[j++];
            }
            else if (termsA[i] < termsB[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return Math.Min(1, dot);
    }

    /// <summary>Jaccard of two sorted sets of ids: shared / all.</summary>
    public static double Jaccard(int[] a, int[] b)
    {
        var (_, shared) = Shared(a, b, weights: null);
        return (double)shared / (a.Length + b.Length - shared);
    }

    /// <summary>The summed weight (1 each without weights) and the number of the people in both sorted member arrays.</summary>
    public static (double Weight, int Count) Shared(int[] a, int[] b, double[]? weights)
    {
        double shared = 0;
        var count = 0;
        for (int i = 0, j = 0; i < a.Length && j < b.Length;)
        {
            if (a[i] == b[j])
            {
                shared += weights?[a[i]] ?? 1;
                count++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return (shared, count);
    }

    /// <summary>How alike two words are: 1 when equal, 1 - edits / length for long words within one edit (two for very long ones), else 0.</summary>
    public static double Words(int a, int b, IReadOnlyList<string> texts)
    {
        if (a == b)
        {
            return 1;
        }

        var x = texts[a];
        var y = texts[b];
        if (Math.Min(x.Length, y.Length) < MinFuzzyLength)
        {
            return 0;
        }

        var longest = Math.Max(x.Length, y.Length);
        var allowed = longest >= TwoEditsLength ? 2 : 1;
        if (Math.Abs(x.Length - y.Length) > allowed)
        {
            return 0;
        }

        var edits = Edits(x, y, allowed);
        return edits <= allowed ? 1 - ((double)edits / longest) : 0;
    }

    /// <summary>The optimal string alignment distance (insertions, deletions, substitutions, adjacent swaps), or more than <paramref name="bound"/> as soon as it must be.</summary>
    private static int Edits(string x, string y, int bound)
    {
        var width = y.Length + 1;
        Span<int> rows = width * 3 <= 512 ? stackalloc int[width * 3] : new int[width * 3];
        var previous2 = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= x.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j < width; j++)
            {
                var cost = x[i - 1] == y[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > bound)
            {
                return bound + 1;
            }

            // Rotate the three rows without copying.
            var spare = previous2;
            previous2 = previous;
            previous = current;
            current = spare;
        }

        return previous[width - 1];
    }
}
