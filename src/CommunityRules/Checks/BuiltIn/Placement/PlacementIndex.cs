using CommunityRules.Model;

namespace CommunityRules.Checks.BuiltIn.Placement;

/// <summary>
/// The groups' profiles once everything was read, behind an inverted index: from a post's words to the groups that
/// use them, so a post is compared with the groups it shares words with, not with every group.
/// </summary>
/// <remarks>
/// A post's word counts for a group against the post's own group by how much more often the group uses it, each
/// rate taken cautiously: the group's count less its square root, the own group's count plus one plus its square
/// root (counts of a few words are mostly chance). From <see cref="MinLift"/> times as often it counts, in full
/// from <see cref="FullLift"/>. Words both groups use alike — the language they share, the words of every post —
/// count for neither, and the words of a theme count in full for every group on that theme (each city's IT support)
/// instead of being divided among them. A word's weight in the post is (1 + ln count) × idf,
/// idf = ln((groups + 1) / groups using it). Words used in more than a fifth of the groups (and in at least
/// <see cref="MinCommonGroups"/>) are left out altogether: they say nothing about where a post belongs and would make
/// every post touch most groups.
/// </remarks>
internal sealed class PlacementIndex
{
    /// <summary>A word used in fewer groups than this is never too common to look up; its lift decides.</summary>
    public const int MinCommonGroups = 50;

    /// <summary>The share of the groups above which a word is too common to tell groups apart.</summary>
    public const double CommonShare = 0.2;

    /// <summary>A word used up to this many times as often as in the other group counts nothing; from there it counts more, up to <see cref="FullLift"/>.</summary>
    public const double MinLift = 2;

    /// <summary>A word used this many times as often as in the other group counts in full.</summary>
    public const double FullLift = 8;

    private readonly Dictionary<ulong, int> _termIndex = [];
    private readonly float[] _idf;
    private readonly int[] _postingStart;
    private readonly int[] _postingGroup;
    private readonly float[] _postingCount;
    private readonly double[] _postingLow;
    private readonly double[] _postingRate;
    private readonly bool[] _postingDeclared;
    private readonly int[] _declaredCount;
    private readonly WordHashSet _common;

    public PlacementIndex(IReadOnlyList<Group> groups, IReadOnlyList<TermBag> bags)
    {
        Groups = groups;
        Bags = bags;
        var count = groups.Count;

        var groupsUsing = new Dictionary<ulong, (int Groups, double Uses)>();
        double words = 0;
        foreach (var bag in bags)
        {
            foreach (var (term, uses) in bag.Counts)
            {
                var (used, total) = groupsUsing.GetValueOrDefault(term);
                groupsUsing[term] = (used + 1, total + uses);
            }

            words += bag.Words;
        }

        var commonFrom = Math.Max(MinCommonGroups, (int)(CommonShare * count) + 1);
        var terms = new List<(ulong Term, int Groups, double Uses)>();
        var common = new List<ulong>();
        foreach (var (term, (used, uses)) in groupsUsing.OrderBy(pair => pair.Key))
        {
            if (used >= commonFrom)
            {
                common.Add(term);
            }
            else
            {
                _termIndex.Add(term, terms.Count);
                terms.Add((term, used, uses));
            }
        }

        _common = new WordHashSet(common);
        _idf = new float[terms.Count];
        _postingStart = new int[terms.Count + 1];
        for (var t = 0; t < terms.Count; t++)
        {
            _idf[t] = (float)Math.Log((count + 1.0) / terms[t].Groups);
            _postingStart[t + 1] = _postingStart[t] + terms[t].Groups;
        }

        MaxIdf = (float)Math.Log(count + 1.0);
        _postingGroup = new int[_postingStart[^1]];
        _postingCount = new float[_postingStart[^1]];
        _postingLow = new double[_postingStart[^1]];
        _postingRate = new double[_postingStart[^1]];
        _postingDeclared = new bool[_postingStart[^1]];
        var filled = new int[terms.Count];
        for (var g = 0; g < count; g++)
        {
            foreach (var (term, uses) in bags[g].Counts)
            {
                if (_termIndex.TryGetValue(term, out var t))
                {
                    var slot = _postingStart[t] + filled[t]++;
                    _postingGroup[slot] = g;
                    _postingCount[slot] = uses;
                    _postingLow[slot] = CautiousRate(uses, bags[g].Words);
                    _postingRate[slot] = uses / Math.Max(1, bags[g].Words);
                    _postingDeclared[slot] = bags[g].Declared.Contains(term);
                }
            }
        }

        _declaredCount = new int[terms.Count];
        for (var t = 0; t < terms.Count; t++)
        {
            _declaredCount[t] = OrderPostings(_postingStart[t], _postingStart[t + 1]);
        }
    }

    /// <summary>Orders one word's postings: the declaring groups first, then by cautious rate, highest first (ties by group); returns how many declare it.</summary>
    private int OrderPostings(int start, int end)
    {
        var length = end - start;
        if (length <= 1)
        {
            return length == 1 && _postingDeclared[start] ? 1 : 0;
        }

        var order = new int[length];
        for (var i = 0; i < length; i++)
        {
            order[i] = start + i;
        }

        Array.Sort(order, (a, b) =>
            _postingDeclared[a] != _postingDeclared[b] ? (_postingDeclared[a] ? -1 : 1)
            : _postingDeclared[a] ? _postingGroup[a].CompareTo(_postingGroup[b])
            : _postingLow[b].CompareTo(_postingLow[a]) is var byRate and not 0 ? byRate : _postingGroup[a].CompareTo(_postingGroup[b]));

        var groups = new int[length];
        var counts = new float[length];
        var low = new double[length];
        var rates = new double[length];
        var declared = new bool[length];
        var declaredCount = 0;
        for (var i = 0; i < length; i++)
        {
            var from = order[i];
            groups[i] = _postingGroup[from];
            counts[i] = _postingCount[from];
            low[i] = _postingLow[from];
            rates[i] = _postingRate[from];
            declared[i] = _postingDeclared[from];
            declaredCount += declared[i] ? 1 : 0;
        }

        groups.CopyTo(_postingGroup, start);
        counts.CopyTo(_postingCount, start);
        low.CopyTo(_postingLow, start);
        rates.CopyTo(_postingRate, start);
        declared.CopyTo(_postingDeclared, start);
        return declaredCount;
    }

    /// <summary>Gets the groups compared, in the source's order.</summary>
    public IReadOnlyList<Group> Groups { get; }

    /// <summary>Gets each group's words, by the group's position in <see cref="Groups"/>.</summary>
    public IReadOnlyList<TermBag> Bags { get; }

    /// <summary>Gets the idf of a word no group uses: a post's own unusual words make it fit every group a little less.</summary>
    public float MaxIdf { get; }

    /// <summary>A word's weight in a post.</summary>
    public static double Weight(int count, float idf) => (1 + Math.Log(count)) * idf;

    /// <summary>How much a word counts for a group against another, from 0 to 1: 0 up to <see cref="MinLift"/> times as often, 1 from <see cref="FullLift"/>, on a log scale between.</summary>
    /// <param name="uses">The group's uses of the word.</param>
    /// <param name="groupWords">The group's words.</param>
    /// <param name="otherUses">The other group's uses of the word.</param>
    /// <param name="otherWords">The other group's words.</param>
    public static double Credit(double uses, double groupWords, double otherUses, double otherWords) =>
        Credit(CautiousRate(uses, groupWords), GenerousRate(otherUses, otherWords));

    /// <summary>How much a word counts for a group against another, from the group's cautious rate and the other's generous one.</summary>
    public static double Credit(double cautiousRate, double generousRate)
    {
        var lift = cautiousRate / generousRate;

        // Clearly past FullLift the logarithm would give more than 1, so it is not taken.
        return lift <= MinLift ? 0 : lift > FullLift * (1 + 1e-9) ? 1 : Math.Min(1, Math.Log(lift / MinLift) / LogLiftRange);
    }

    // Math.Log(FullLift / MinLift), the same value, taken once instead of for every posting a post is judged against.
    private static readonly double LogLiftRange = Math.Log(FullLift / MinLift);

    /// <summary>A group's rate of a word taken low: its count less the count's square root; 0 for a word used at most once.</summary>
    public static double CautiousRate(double uses, double groupWords) =>
        uses <= 1 || groupWords <= 0 ? 0 : (uses - Math.Sqrt(uses)) / groupWords;

    /// <summary>A group's rate of a word taken high: its count plus one plus the square root of that.</summary>
    public static double GenerousRate(double uses, double groupWords)
    {
        uses = Math.Max(0, uses) + 1;
        return (uses + Math.Sqrt(uses)) / Math.Max(1, groupWords);
    }

    /// <summary>Gets whether a word is used in too many groups to count.</summary>
    public bool IsCommon(ulong term) => _common.Contains(term);

    /// <summary>Finds a word's idf and its postings: the groups that use it, with what the hot loop needs of each.</summary>
    public bool TryGetPostings(ulong term, out float idf, out Postings postings)
    {
        if (_termIndex.TryGetValue(term, out var index))
        {
            idf = _idf[index];
            var start = _postingStart[index];
            var length = _postingStart[index + 1] - start;
            postings = new Postings(
                _postingGroup.AsSpan(start, length),
                _postingCount.AsSpan(start, length),
                _postingLow.AsSpan(start, length),
                _postingRate.AsSpan(start, length),
                _postingDeclared.AsSpan(start, length),
                _declaredCount[index]);
            return true;
        }

        idf = 0;
        postings = default;
        return false;
    }

    /// <summary>Finds a word's idf and the groups that use it with their uses.</summary>
    /// <param name="term">The word.</param>
    /// <param name="idf">The word's idf.</param>
    /// <param name="groups">The groups that use the word.</param>
    /// <param name="uses">How often each of those groups uses it.</param>
    public bool TryGetTerm(ulong term, out float idf, out ReadOnlySpan<int> groups, out ReadOnlySpan<float> uses)
    {
        if (_termIndex.TryGetValue(term, out var index))
        {
            idf = _idf[index];
            var start = _postingStart[index];
            var length = _postingStart[index + 1] - start;
            groups = _postingGroup.AsSpan(start, length);
            uses = _postingCount.AsSpan(start, length);
            return true;
        }

        idf = 0;
        groups = default;
        uses = default;
        return false;
    }
}

/// <summary>
/// The groups that use a word: each group's position, uses, cautious rate (<see cref="PlacementIndex.CautiousRate"/>),
/// plain rate, and whether its name, topics or description have the word. The groups that declare the word come
/// first (<see cref="DeclaredCount"/> of them), then the others by cautious rate, highest first: a scan stops at the
/// first whose rate is too low to count, as every later one is lower still.
/// </summary>
internal readonly ref struct Postings(ReadOnlySpan<int> groups, ReadOnlySpan<float> uses, ReadOnlySpan<double> cautiousRates, ReadOnlySpan<double> rates, ReadOnlySpan<bool> declared, int declaredCount)
{
    public int DeclaredCount { get; } = declaredCount;

    public ReadOnlySpan<int> Groups { get; } = groups;

    public ReadOnlySpan<float> Uses { get; } = uses;

    public ReadOnlySpan<double> CautiousRates { get; } = cautiousRates;

    public ReadOnlySpan<double> Rates { get; } = rates;

    public ReadOnlySpan<bool> Declared { get; } = declared;
}
