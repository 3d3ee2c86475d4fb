namespace CommunityRules.Checks.BuiltIn.Placement;

/// <summary>
/// One group's words in bounded memory: at most <see cref="PruneAt"/> counters (some 30 KB however much is written).
/// When the bag is full only the <see cref="MaxTerms"/> most frequent stay: the words a group keeps coming back to are
/// what it is about, and they rarely lose their place to the stream of words used once.
/// </summary>
internal sealed class TermBag
{
    /// <summary>The words kept after pruning, and compared.</summary>
    public const int MaxTerms = 512;

    /// <summary>The words counted before the bag is pruned to <see cref="MaxTerms"/>.</summary>
    public const int PruneAt = 1024;

    /// <summary>The most words of a group's name, topics and description kept as what the group says it is for.</summary>
    public const int MaxDeclared = 64;

    private readonly Dictionary<ulong, float> _counts = [];
    private readonly HashSet<ulong> _declared = [];

    /// <summary>Gets how many words were counted, pruned or not, with their weights.</summary>
    public double Words { get; private set; }

    /// <summary>Gets the words of the group's name, topics and description: what the group says it is for.</summary>
    public IReadOnlySet<ulong> Declared => _declared;

    /// <summary>Gets the kept words and their counts.</summary>
    public IReadOnlyDictionary<ulong, float> Counts => _counts;

    /// <summary>Counts a word.</summary>
    public void Add(ulong hash, float weight)
    {
        Words += weight;
        ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_counts, hash, out _);
        count += weight;
        if (_counts.Count >= PruneAt)
        {
            Prune();
        }
    }

    /// <summary>Counts the words of a text; with <paramref name="declared"/>, also keeps them as what the group says it is for.</summary>
    public void AddText(string? text, float weight, bool declared = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var state = (Bag: this, Weight: weight, Declared: declared);
        PlacementWords.ForEachWord(text, ref state, static (ref (TermBag Bag, float Weight, bool Declared) s, ulong hash, int start, int length) =>
        {
            s.Bag.Add(hash, s.Weight);
            if (s.Declared && s.Bag._declared.Count < MaxDeclared)
            {
                s.Bag._declared.Add(hash);
            }
        });
    }

    /// <summary>Keeps the <see cref="MaxTerms"/> most frequent words; ties keep the smaller hash, so runs agree.</summary>
    public void Prune()
    {
        if (_counts.Count <= MaxTerms)
        {
            return;
        }

        // Sorted in a pooled array (a bag is pruned again and again while a busy group's posts stream by).
        var terms = System.Buffers.ArrayPool<(ulong Hash, float Count)>.Shared.Rent(_counts.Count);
        var length = 0;
        foreach (var (hash, count) in _counts)
        {
            terms[length++] = (hash, count);
        }

        terms.AsSpan(0, length).Sort(static (a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : a.Hash.CompareTo(b.Hash));
        _counts.Clear();
        foreach (var (hash, count) in terms.AsSpan(0, Math.Min(MaxTerms, length)))
        {
            _counts.Add(hash, count);
        }

        System.Buffers.ArrayPool<(ulong Hash, float Count)>.Shared.Return(terms);
    }
}
