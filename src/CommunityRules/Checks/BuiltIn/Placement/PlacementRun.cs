using CommunityRules.Model;

namespace CommunityRules.Checks.BuiltIn.Placement;

/// <summary>A post's better group: the group, its score and the post's own group's score, and the words that fit it best.</summary>
internal sealed record PlacementSuggestion(Group Group, double Score, double OwnScore, IReadOnlyList<string> Words);

/// <summary>
/// One run of a placement rule: the groups' words gathered while the posts stream by (first reading), the profiles
/// frozen into an index when everything was read, and each post judged against them in the second reading. Created by
/// the run start action, so two runs of one rule set never share it. Not thread-safe: the engine calls it in order.
/// </summary>
internal sealed class PlacementRun(PlacementSettings settings)
{
    /// <summary>A group whose profile has fewer words (names and topics count three times) is not compared: too little is known of it.</summary>
    public const double MinProfileWords = 8;

    /// <summary>A post must have at least this many distinct words that count for the group it is sent to: one or two are often a coincidence (a city, a word of a description template).</summary>
    public const int MinSharedWords = 3;

    /// <summary>Names and topics say what a group is for: each of their words counts as this many words of posts.</summary>
    public const float NameWeight = 3;

    private const int MaxEvidenceWords = 3;

    /// <summary>A group's declared word counts against another group that uses it at most this part as often.</summary>
    private const double DeclaredLift = 0.2;

    private readonly Dictionary<string, TermBag> _bags = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, PostTerm> _postTerms = [];
    private readonly List<int> _touched = [];
    private PlacementIndex? _index;
    private Dictionary<string, int>? _groupIndex;
    private double[] _dot = [];
    private int[] _shared = [];

    /// <summary>Counts a post's words in its group's profile; posts in ignored groups teach nothing.</summary>
    public void Learn(Post post, Group group)
    {
        if (settings.IsIgnored(group))
        {
            return;
        }

        if (!_bags.TryGetValue(group.Id, out var bag))
        {
            bag = new TermBag();
            _bags.Add(group.Id, bag);
        }

        bag.AddText(post.Title, 1);
        bag.AddText(post.Text, 1);
    }

    /// <summary>Adds the groups' names, descriptions and topics and freezes the profiles; once, after everything was read.</summary>
    public void Freeze(IEnumerable<Group> groups)
    {
        List<Group> compared = [];
        List<TermBag> bags = [];
        foreach (var group in groups)
        {
            if (settings.IsIgnored(group))
            {
                continue;
            }

            var bag = _bags.GetValueOrDefault(group.Id) ?? new TermBag();
            bag.AddText(group.Name, NameWeight, declared: true);
            foreach (var topic in group.Topics)
            {
                bag.AddText(topic, NameWeight, declared: true);
            }

            bag.AddText(group.Description, 1, declared: true);
            bag.Prune();
            compared.Add(group);
            bags.Add(bag);
        }

        _bags.Clear();
        _index = new PlacementIndex(compared, bags);
        _groupIndex = new Dictionary<string, int>(compared.Count, StringComparer.Ordinal);
        for (var g = 0; g < compared.Count; g++)
        {
            _groupIndex.TryAdd(compared[g].Id, g);
        }

        _dot = new double[compared.Count];
        _shared = new int[compared.Count];
    }

    /// <summary>Judges a post against the frozen profiles: the group it fits clearly better than its own, or <see langword="null"/>.</summary>
    public PlacementSuggestion? Judge(Post post, Group? group)
    {
        if (_index is null || _groupIndex is null || group is null || !_groupIndex.TryGetValue(group.Id, out var own))
        {
            return null;
        }

        _postTerms.Clear();
        var words = Collect(post.Title, field: 0) + Collect(post.Text, field: 1);
        if (words < settings.MinWords || _index.Bags[own].Words - words < MinProfileWords)
        {
            return null;
        }

        try
        {
            return Score(own, post, words);
        }
        finally
        {
            foreach (var g in _touched)
            {
                _dot[g] = 0;
                _shared[g] = 0;
            }

            _touched.Clear();
        }
    }

    /// <summary>
    /// A group's score is the share of the post's word weight that the group uses clearly more than the post's own
    /// group (see <see cref="PlacementIndex"/>); the own group's score is the share it uses clearly more than the
    /// suggested group. The post's own words are first taken out of its own group, or every post would fit there.
    /// </summary>
    private PlacementSuggestion? Score(int own, Post post, int words)
    {
        var index = _index!;
        var ownBag = index.Bags[own];
        var ownWords = ownBag.Words - words;
        double total = 0;
        foreach (var (term, found) in _postTerms)
        {
            if (index.IsCommon(term))
            {
                continue;
            }

            if (!index.TryGetPostings(term, out var idf, out var postings))
            {
                // A word no group uses makes the post fit every group a little less.
                total += PlacementIndex.Weight(found.Count, index.MaxIdf);
                continue;
            }

            var weight = PlacementIndex.Weight(found.Count, idf);
            total += weight;

            // What the hot loop compares each group with: the own group's rates without this post, as Credit takes them.
            var ownUses = ownBag.Counts.GetValueOrDefault(term) - found.Count;
            var ownDeclared = ownBag.Declared.Contains(term);
            var ownRate = Math.Max(0, ownUses) / Math.Max(1, ownWords);
            var ownGenerousRate = PlacementIndex.GenerousRate(ownUses, ownWords);
            var groups = postings.Groups;

            // Past the groups that declare the word, postings come by cautious rate, highest first: below this bound
            // the lift is surely at most MinLift (Credit gives 0), for this group and every later one.
            var noCreditBelow = PlacementIndex.MinLift * ownGenerousRate * (1 - 1e-9);
            for (var i = 0; i < groups.Length; i++)
            {
                if (i >= postings.DeclaredCount && postings.CautiousRates[i] < noCreditBelow)
                {
                    break;
                }

                var g = groups[i];
                if (g == own)
                {
                    continue;
                }

                var credit = postings.Declared[i] && !ownDeclared && postings.Uses[i] > 0 && ownRate <= DeclaredLift * postings.Rates[i]
                    ? 1
                    : PlacementIndex.Credit(postings.CautiousRates[i], ownGenerousRate);
                if (credit <= 0)
                {
                    continue;
                }

                if (_shared[g]++ == 0)
                {
                    _touched.Add(g);
                }

                _dot[g] += weight * credit;
            }
        }

        if (total <= 0)
        {
            return null;
        }

        var best = -1;
        var bestScore = 0.0;
        foreach (var g in _touched)
        {
            if (_shared[g] < MinSharedWords || !IsSuggestible(index.Groups[g]) || index.Bags[g].Words < MinProfileWords)
            {
                continue;
            }

            var score = _dot[g] / total;
            if (score > bestScore || (score == bestScore && g < best))
            {
                best = g;
                bestScore = score;
            }
        }

        if (best < 0 || bestScore < settings.MinConfidence)
        {
            return null;
        }

        var ownScore = OwnScore(own, ownWords, best, total);
        if (bestScore - ownScore < settings.Margin)
        {
            return null;
        }

        return new PlacementSuggestion(index.Groups[best], bestScore, ownScore, Evidence(best, own, ownWords, post));
    }

    /// <summary>The share of the post's word weight that its own group uses clearly more than the suggested one.</summary>
    private double OwnScore(int own, double ownWords, int best, double total)
    {
        var index = _index!;
        var ownBag = index.Bags[own];
        var bestBag = index.Bags[best];
        double score = 0;
        foreach (var (term, found) in _postTerms)
        {
            if (!index.IsCommon(term) && index.TryGetTerm(term, out var idf, out _, out _) && ownBag.Counts.TryGetValue(term, out var uses))
            {
                score += PlacementIndex.Weight(found.Count, idf) * Credit(term, ownBag, uses - found.Count, bestBag, bestBag.Counts.GetValueOrDefault(term), bestBag.Words, ownWords);
            }
        }

        return score / total;
    }

    /// <summary>The post's words that count most for the suggested group, as the post writes them.</summary>
    private List<string> Evidence(int best, int own, double ownWords, Post post)
    {
        var index = _index!;
        var bag = index.Bags[best];
        var ownBag = index.Bags[own];
        return
        [
            .. _postTerms
                .Select(pair => (pair.Value, Weight: !index.IsCommon(pair.Key) && index.TryGetTerm(pair.Key, out var idf, out _, out _) && bag.Counts.TryGetValue(pair.Key, out var uses)
                    ? PlacementIndex.Weight(pair.Value.Count, idf) * Credit(pair.Key, bag, uses, ownBag, ownBag.Counts.GetValueOrDefault(pair.Key) - pair.Value.Count, ownWords)
                    : 0))
                .Where(term => term.Weight > 0)
                .OrderByDescending(term => term.Weight)
                .ThenBy(term => term.Value.Field)
                .ThenBy(term => term.Value.Start)
                .Take(MaxEvidenceWords)
                .Select(term => (term.Value.Field == 0 ? post.Title! : post.Text!).Substring(term.Value.Start, term.Value.Length)),
        ];
    }

    /// <summary>
    /// How much a word counts for a group against another: by what they write (see <see cref="PlacementIndex.Credit(double, double, double, double)"/>),
    /// or in full when the group's name, topics or description have it, the other's do not, and the other uses it at
    /// most a fifth as often: what a group says it is for counts even before much is written in it.
    /// </summary>
    private static double Credit(ulong term, TermBag bag, double uses, TermBag other, double otherUses, double otherWords, double? groupWords = null)
    {
        var words = groupWords ?? bag.Words;
        if (bag.Declared.Contains(term) && !other.Declared.Contains(term) && uses > 0
            && Math.Max(0, otherUses) / Math.Max(1, otherWords) <= DeclaredLift * uses / Math.Max(1, words))
        {
            return 1;
        }

        return PlacementIndex.Credit(uses, words, otherUses, otherWords);
    }

    private static bool IsSuggestible(Group group) => !group.Archived && group.Privacy != GroupPrivacy.Secret;

    private int Collect(string? text, byte field)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var state = (Terms: _postTerms, Field: field, Words: 0);
        PlacementWords.ForEachWord(text, ref state, static (ref (Dictionary<ulong, PostTerm> Terms, byte Field, int Words) s, ulong hash, int start, int length) =>
        {
            s.Words++;
            ref var term = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(s.Terms, hash, out var exists);
            term = exists ? term with { Count = term.Count + 1 } : new PostTerm(1, s.Field, start, length);
        });
        return state.Words;
    }

    /// <summary>How often a word is in the post, and where it first stands (0 the title, 1 the text).</summary>
    private readonly record struct PostTerm(int Count, byte Field, int Start, int Length);
}
