using CommunityRules.Model;
using CommunityRules.Text;

namespace CommunityRules.Checks.BuiltIn.Duplicates;

/// <summary>
/// What was written in each group of one run, gathered while the posts stream by and never kept: the people who
/// posted and a bounded bag of the words they used. One instance per run, created by the run start action, so runs of
/// the same rule set never share it.
/// </summary>
internal sealed class GroupWriting(IReadOnlySet<ulong> ignoredWords)
{
    private readonly Dictionary<string, WritingProfile> _groups = new(StringComparer.Ordinal);
    private readonly WordHashSet _skippedWords = WritingProfile.Skipping(ignoredWords);

    /// <summary>Adds a post to its group's profile.</summary>
    public void Add(Post post, Group group, NetworkView network)
    {
        if (!_groups.TryGetValue(group.Id, out var profile))
        {
            profile = new WritingProfile(_skippedWords);
            _groups.Add(group.Id, profile);
        }

        // The person's own id string, not the post's copy: the profile outlives the post.
        if (network.FindPerson(post.AuthorId) is { } author)
        {
            profile.AddAuthor(author.Id);
        }

        profile.AddText(post.Title);
        profile.AddText(post.Text);
    }

    /// <summary>Gets the profile of a group, or <see langword="null"/> when nobody posted in it.</summary>
    public WritingProfile? Of(string groupId) => _groups.GetValueOrDefault(groupId);
}

/// <summary>
/// One group's writing in bounded memory: at most <see cref="MaxAuthors"/> distinct authors and at most
/// <see cref="PruneAt"/> word counters (a few tens of kilobytes, however much is written).
/// </summary>
/// <remarks>
/// Words are folded (case, accents), English inflections taken off, and hashed to 64 bits, so no string is kept or
/// allocated per post. When the bag holds <see cref="PruneAt"/> words, only the <see cref="MaxTerms"/> most frequent
/// stay: the words a group keeps coming back to are what it is about, and a word that is frequent in a group rarely
/// loses its place to the stream of words used once.
/// </remarks>
internal sealed class WritingProfile(WordHashSet skippedWords)
{
    /// <summary>The most distinct authors kept; later ones are not counted (more than enough to tell who a group is for).</summary>
    public const int MaxAuthors = 500;

    /// <summary>The words kept after pruning and compared.</summary>
    public const int MaxTerms = 256;

    /// <summary>The words counted before the bag is pruned to <see cref="MaxTerms"/>.</summary>
    public const int PruneAt = 512;

    /// <summary>Longer runs of letters are links, hashes and the like, not words.</summary>
    private const int MaxWordLength = 32;

    private const int MinWordLength = 3;

    private static readonly char[] Fold = TextFolding.For(FoldOptions.Diacritics).WordTable;

    private readonly HashSet<string> _authors = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, int> _terms = [];

    /// <summary>Gets the distinct authors, at most <see cref="MaxAuthors"/>.</summary>
    public IReadOnlyCollection<string> Authors => _authors;

    /// <summary>Gets the number of words counted, pruned or not.</summary>
    public long Words { get; private set; }

    /// <summary>The words a profile does not count, as its constructor takes them: the function words and the given ignored words, in one set so each word is looked up once.</summary>
    public static WordHashSet Skipping(IEnumerable<ulong> ignoredWords) => new(PostStopWords.Concat(ignoredWords));

    public void AddAuthor(string personId)
    {
        if (_authors.Count < MaxAuthors)
        {
            _authors.Add(personId);
        }
    }

    /// <summary>Counts the words of a text.</summary>
    public void AddText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        Span<char> word = stackalloc char[MaxWordLength + 1];

        // The hash of each of the word's beginnings, taken as its letters are folded: the word's hash is the last,
        // and the stemmed word's is taken on from the beginning the stemmer left alone (see Count).
        Span<ulong> hashes = stackalloc ulong[MaxWordLength + 1];
        hashes[0] = FnvOffset;
        var length = 0;
        var tooLong = false;
        var hasDigit = false;
        for (var i = 0; i <= text.Length; i++)
        {
            var folded = i < text.Length ? Fold[text[i]] : '\0';
            if (folded != '\0')
            {
                if (length < MaxWordLength)
                {
                    word[length] = folded;
                    hashes[length + 1] = (hashes[length] ^ folded) * FnvPrime;
                    length++;
                    hasDigit |= char.IsAsciiDigit(folded);
                }
                else
                {
                    tooLong = true;
                }

                continue;
            }

            if (length >= MinWordLength && !tooLong && !hasDigit)
            {
                Count(word, length, hashes);
            }

            length = 0;
            tooLong = false;
            hasDigit = false;
        }
    }

    /// <summary>Gets the kept words as (hash, count), the most frequent <see cref="MaxTerms"/>.</summary>
    public IEnumerable<KeyValuePair<ulong, int>> Terms()
    {
        if (_terms.Count > MaxTerms)
        {
            Prune();
        }

        return _terms;
    }

    private void Count(Span<char> word, int length, ReadOnlySpan<ulong> hashes)
    {
        if (skippedWords.Contains(hashes[length]))
        {
            return;
        }

        // The stemmer changes a word only from its new last letter on (it cuts an ending, then may add an "e" or turn
        // a final "y" into "i"), so the hash of the letters before that one still holds: Hash(word[..length]).
        length = EnglishStemmer.Stem(word, length);
        var hash = length == 0 ? hashes[0] : (hashes[length - 1] ^ word[length - 1]) * FnvPrime;
        Words++;
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_terms, hash, out _)++;
        if (_terms.Count >= PruneAt)
        {
            Prune();
        }
    }

    /// <summary>Keeps the <see cref="MaxTerms"/> most frequent words; ties keep the smaller hash, so runs agree.</summary>
    private void Prune()
    {
        // Sorted on the stack (at most PruneAt words): pruning happens again and again in a busy group.
        Span<(ulong Hash, int Count)> terms = stackalloc (ulong, int)[_terms.Count];
        var i = 0;
        foreach (var (hash, count) in _terms)
        {
            terms[i++] = (hash, count);
        }

        terms.Sort(static (a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : a.Hash.CompareTo(b.Hash));
        _terms.Clear();
        foreach (var (hash, count) in terms[..Math.Min(MaxTerms, terms.Length)])
        {
            _terms.Add(hash, count);
        }
    }

    /// <summary>The hash of a word as the posts' words are hashed before stemming: folded the same way.</summary>
    internal static ulong HashOfWord(string word) => Hash(TextFolding.For(FoldOptions.Diacritics).Fold(word.Trim()));

    /// <summary>FNV-1a, 64 bits: stable across runs and platforms, unlike <see cref="string.GetHashCode()"/>.</summary>
    internal static ulong Hash(ReadOnlySpan<char> word)
    {
        var hash = FnvOffset;
        foreach (var c in word)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        return hash;
    }

    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>
    /// Function words of posts, in English and the Nordic languages, as hashes: they fill any text and would
    /// take the bag's places from the words that say what a group is about.
    /// </summary>
    private static readonly ulong[] PostStopWords =
    [
        .. """
        the and are for from with you your our this that these those have has had was were will would should could can
        not but all any some more most other than then there their they them what which who whom how why when where
        been being its into out about just also only very much many such each here like get got one two does did doing
        http https www com html

        att av den det ett for fran har hos med och oss som till var vad nar inte kan ska skulle jag han hon men
        der dere fra her ikke til ved har jeg det som paa eller hvis hvor hvad kan vil skal

        sekä tai kuin ovat mutta myos
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(HashOfWord),
    ];
}
