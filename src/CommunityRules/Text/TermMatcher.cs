using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CommunityRules.Text;

/// <summary>One distinct term of a compiled matcher: its folded text and every rule that listed it.</summary>
/// <param name="Folded">The term as compared: folded as its folding says.</param>
/// <param name="FoldDiacritics">Whether marks are folded away for this term.</param>
/// <param name="Mode">Whether the term must be a whole word, the whole text, or may sit anywhere.</param>
/// <param name="Owners">What listed the term, in the order added; the matcher never looks at them.</param>
internal sealed record TermEntry(string Folded, bool FoldDiacritics, TermMatch Mode, IReadOnlyList<object> Owners);

/// <summary>Receives the terms a scan finds.</summary>
internal interface ITermSink
{
    void OnTerm(int entry, int start, int length);
}

/// <summary>
/// Finds many terms in one scan of a text. Whole-word terms that start and end with a letter or digit (nearly all of
/// them) are found by hashing each word of the text once and looking its hash up among the terms' first words, behind
/// a bit filter that fits the L1 cache, so the cost is one table read per character and one probe per word whatever
/// the number of terms. Substring terms, and whole-word terms such as "C++" or "#tag", go through an Aho–Corasick
/// automaton. Immutable after construction and safe to share between threads; a scan allocates nothing.
/// </summary>
internal sealed class TermMatcher
{
    private const uint HashSeed = 2166136261;

    private readonly TermEntry[] _entries;
    private readonly WordIndex? _caseWords;
    private readonly WordIndex? _diacriticWords;
    private readonly AhoCorasick? _caseAutomaton;
    private readonly AhoCorasick? _diacriticAutomaton;

    private TermMatcher(TermEntry[] entries)
    {
        _entries = entries;
        var wordCase = new List<int>();
        var wordDiacritics = new List<int>();
        var automatonCase = new List<int>();
        var automatonDiacritics = new List<int>();
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            var folding = TextFolding.For(entry.FoldDiacritics);
            var byWords = entry.Mode == TermMatch.WholeWord
                && folding.WordTable[entry.Folded[0]] != 0
                && folding.WordTable[entry.Folded[^1]] != 0;
            (byWords ? (entry.FoldDiacritics ? wordDiacritics : wordCase) : (entry.FoldDiacritics ? automatonDiacritics : automatonCase)).Add(i);
        }

        _caseWords = wordCase.Count > 0 ? new WordIndex(entries, wordCase, TextFolding.For(false)) : null;
        _diacriticWords = wordDiacritics.Count > 0 ? new WordIndex(entries, wordDiacritics, TextFolding.For(true)) : null;
        _caseAutomaton = automatonCase.Count > 0 ? new AhoCorasick(entries, automatonCase, TextFolding.For(false)) : null;
        _diacriticAutomaton = automatonDiacritics.Count > 0 ? new AhoCorasick(entries, automatonDiacritics, TextFolding.For(true)) : null;
    }

    /// <summary>Gets the distinct terms; a scan reports indexes into this list.</summary>
    public IReadOnlyList<TermEntry> Entries => _entries;

    /// <summary>Compiles terms, merging the ones that compare equal so each is found once whoever listed it.</summary>
    /// <param name="terms">Each term with its folding, mode and owner.</param>
    public static TermMatcher Create(IEnumerable<(string Term, bool FoldDiacritics, TermMatch Mode, object Owner)> terms)
    {
        var byKey = new Dictionary<(string, bool, TermMatch), List<object>>();
        var order = new List<(string, bool, TermMatch)>();
        foreach (var (term, foldDiacritics, mode, owner) in terms)
        {
            // Whitespace inside a term is one space, and any run of whitespace in the text matches it.
            var folded = string.Join(' ', TextFolding.For(foldDiacritics).Fold(term.AsSpan().Trim()).Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (folded.Length == 0)
            {
                throw new ArgumentException("A term cannot be empty.", nameof(terms));
            }

            var key = (folded, foldDiacritics, mode);
            if (!byKey.TryGetValue(key, out var owners))
            {
                owners = [];
                byKey.Add(key, owners);
                order.Add(key);
            }

            owners.Add(owner);
        }

        return new TermMatcher([.. order.Select(key => new TermEntry(key.Item1, key.Item2, key.Item3, byKey[key]))]);
    }

    /// <summary>Reports every occurrence of every term, overlapping ones included.</summary>
    public void Scan<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : struct, ITermSink
    {
        if (_caseWords is not null && _diacriticWords is not null)
        {
            ScanWords(text, _caseWords, _diacriticWords, ref sink);
        }
        else if ((_caseWords ?? _diacriticWords) is { } words)
        {
            ScanWords(text, words, ref sink);
        }

        _caseAutomaton?.Scan(text, ref sink);
        _diacriticAutomaton?.Scan(text, ref sink);
    }

    private static void ScanWords<TSink>(ReadOnlySpan<char> text, WordIndex index, ref TSink sink)
        where TSink : struct, ITermSink
    {
        ref var table = ref MemoryMarshalArray(index.Folding.WordTable);
        ref var chars = ref MemoryMarshal.GetReference(text);
        var length = text.Length;
        var i = 0;
        while (i < length)
        {
            var folded = Unsafe.Add(ref table, Unsafe.Add(ref chars, i));
            if (folded == 0)
            {
                i++;
                continue;
            }

            var start = i;
            var hash = HashSeed;
            do
            {
                hash = Step(hash, folded);
                if (++i == length)
                {
                    break;
                }

                folded = Unsafe.Add(ref table, Unsafe.Add(ref chars, i));
            }
            while (folded != 0);

            hash = Finish(hash);
            if (index.MayContain(hash))
            {
                index.Verify(text, start, i - start, hash, ref sink);
            }
        }
    }

    // Case-only and diacritic-folded terms in one rule set: both hashes per word, in one pass.
    private static void ScanWords<TSink>(ReadOnlySpan<char> text, WordIndex caseIndex, WordIndex diacriticIndex, ref TSink sink)
        where TSink : struct, ITermSink
    {
        ref var caseTable = ref MemoryMarshalArray(caseIndex.Folding.WordTable);
        ref var diacriticTable = ref MemoryMarshalArray(diacriticIndex.Folding.WordTable);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (Unsafe.Add(ref caseTable, c) == 0)
            {
                i++;
                continue;
            }

            var start = i;
            uint caseHash = HashSeed, diacriticHash = HashSeed;
            do
            {
                caseHash = Step(caseHash, Unsafe.Add(ref caseTable, c));
                diacriticHash = Step(diacriticHash, Unsafe.Add(ref diacriticTable, c));
                if (++i == text.Length)
                {
                    break;
                }

                c = text[i];
            }
            while (Unsafe.Add(ref caseTable, c) != 0);

            caseHash = Finish(caseHash);
            diacriticHash = Finish(diacriticHash);
            if (caseIndex.MayContain(caseHash))
            {
                caseIndex.Verify(text, start, i - start, caseHash, ref sink);
            }

            if (diacriticIndex.MayContain(diacriticHash))
            {
                diacriticIndex.Verify(text, start, i - start, diacriticHash, ref sink);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref char MemoryMarshalArray(char[] array) => ref MemoryMarshal.GetArrayDataReference(array);

    internal static uint HashWord(ReadOnlySpan<char> foldedWord)
    {
        var hash = HashSeed;
        foreach (var c in foldedWord)
        {
            hash = Step(hash, c);
        }

        return Finish(hash);
    }

    // Two cycles a character on the scan's critical path, where a multiply would take four; the word's hash is mixed once at its end.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Step(uint hash, char folded) => BitOperations.RotateLeft(hash, 7) ^ folded;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Finish(uint hash)
    {
        hash *= 0x9E3779B1;
        return hash ^ (hash >> 16);
    }

    /// <summary>The whole-word terms of one folding, by the hash of their first word.</summary>
    private sealed class WordIndex
    {
        private const int FilterBits = 1 << 16;

        private readonly ulong[] _filter = new ulong[FilterBits / 64];
        private readonly int[] _buckets;
        private readonly uint[] _hashes;
        private readonly int[] _firstWordLengths;
        private readonly int[] _next;
        private readonly string[] _terms;
        private readonly int[] _entryIds;

        public WordIndex(TermEntry[] entries, List<int> ids, TextFolding folding)
        {
            Folding = folding;
            _buckets = new int[(int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, ids.Count * 2))];
            _hashes = new uint[ids.Count];
            _firstWordLengths = new int[ids.Count];
            _next = new int[ids.Count];
            _terms = new string[ids.Count];
            _entryIds = new int[ids.Count];
            for (var k = 0; k < ids.Count; k++)
            {
                var term = entries[ids[k]].Folded;
                var firstWord = 0;
                while (firstWord < term.Length && folding.WordTable[term[firstWord]] != 0)
                {
                    firstWord++;
                }

                var hash = HashWord(term.AsSpan(0, firstWord));
                _hashes[k] = hash;
                _firstWordLengths[k] = firstWord;
                _terms[k] = term;
                _entryIds[k] = ids[k];
                var bit = FilterBit(hash);
                _filter[bit >> 6] |= 1UL << (int)(bit & 63);
                ref var bucket = ref _buckets[hash & (uint)(_buckets.Length - 1)];
                _next[k] = bucket - 1;
                bucket = k + 1;
            }
        }

        public TextFolding Folding { get; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool MayContain(uint hash)
        {
            var bit = FilterBit(hash);
            return (_filter[bit >> 6] & (1UL << (int)(bit & 63))) != 0;
        }

        public void Verify<TSink>(ReadOnlySpan<char> text, int start, int wordLength, uint hash, ref TSink sink)
            where TSink : struct, ITermSink
        {
            var any = Folding.AnyTable;
            var word = Folding.WordTable;
            for (var k = _buckets[hash & (uint)(_buckets.Length - 1)] - 1; k >= 0; k = _next[k])
            {
                if (_hashes[k] != hash || _firstWordLengths[k] != wordLength)
                {
                    continue;
                }

                var term = _terms[k];
                var end = MatchEnd(text, start, term, any);
                if (end < 0 || (end < text.Length && word[text[end]] != 0))
                {
                    continue;
                }

                sink.OnTerm(_entryIds[k], start, end - start);
            }
        }

        // Where the folded term ends in the text from start, with each space of the term taking a whole run of
        // whitespace (a line break, two spaces, a tab and a space); -1 when it does not match.
        private static int MatchEnd(ReadOnlySpan<char> text, int start, string term, char[] any)
        {
            var at = start;
            foreach (var expected in term)
            {
                if (at >= text.Length || any[text[at]] != expected)
                {
                    return -1;
                }

                at++;
                if (expected == ' ')
                {
                    while (at < text.Length && any[text[at]] == ' ')
                    {
                        at++;
                    }
                }
            }

            return at;
        }

        // The upper half of the hash, which the bucket index (lower bits) does not use.
        private static uint FilterBit(uint hash) => hash >> 16;
    }

    /// <summary>Aho–Corasick over folded characters, with transitions as sorted arrays per state.</summary>
    private sealed class AhoCorasick
    {
        private readonly TextFolding _folding;
        private readonly int[] _edgeStart;
        private readonly char[] _edgeChars;
        private readonly int[] _edgeTargets;
        private readonly int[] _fail;
        private readonly int[] _outputStart;
        private readonly int[] _outputs;
        private readonly TermEntry[] _entries;
        private readonly int _ringMask;
        private readonly bool _hasExact;

        public AhoCorasick(TermEntry[] entries, List<int> ids, TextFolding folding)
        {
            _folding = folding;
            _entries = entries;
            _hasExact = ids.Exists(id => entries[id].Mode == TermMatch.Exact);
            _ringMask = (int)BitOperations.RoundUpToPowerOf2((uint)ids.Max(id => entries[id].Folded.Length)) - 1;
            var children = new List<SortedDictionary<char, int>> { new() };
            var terminal = new List<List<int>> { new() };
            foreach (var id in ids)
            {
                var state = 0;
                foreach (var c in entries[id].Folded)
                {
                    if (!children[state].TryGetValue(c, out var next))
                    {
                        next = children.Count;
                        children[state].Add(c, next);
                        children.Add([]);
                        terminal.Add([]);
                    }

                    state = next;
                }

                terminal[state].Add(id);
            }

            var count = children.Count;
            _edgeStart = new int[count + 1];
            var edgeCount = children.Sum(c => c.Count);
            _edgeChars = new char[edgeCount];
            _edgeTargets = new int[edgeCount];
            var at = 0;
            for (var s = 0; s < count; s++)
            {
                _edgeStart[s] = at;
                foreach (var (c, target) in children[s])
                {
                    _edgeChars[at] = c;
                    _edgeTargets[at++] = target;
                }
            }

            _edgeStart[count] = at;

            // Failure links breadth first; each state's outputs include those of its failure chain.
            _fail = new int[count];
            var outputs = new List<int>[count];
            outputs[0] = [];
            var queue = new Queue<int>();
            foreach (var (_, child) in children[0])
            {
                _fail[child] = 0;
                outputs[child] = [.. terminal[child]];
                queue.Enqueue(child);
            }

            while (queue.Count > 0)
            {
                var state = queue.Dequeue();
                foreach (var (c, child) in children[state])
                {
                    var fallback = _fail[state];
                    int next;
                    while ((next = Step(fallback, c)) < 0 && fallback != 0)
                    {
                        fallback = _fail[fallback];
                    }

                    _fail[child] = next >= 0 && next != child ? next : 0;
                    outputs[child] = [.. terminal[child], .. outputs[_fail[child]]];
                    queue.Enqueue(child);
                }
            }

            _outputStart = new int[count + 1];
            var all = new List<int>();
            for (var s = 0; s < count; s++)
            {
                _outputStart[s] = all.Count;
                all.AddRange(outputs[s]);
            }

            _outputStart[count] = all.Count;
            _outputs = [.. all];
        }

        public void Scan<TSink>(ReadOnlySpan<char> text, ref TSink sink)
            where TSink : struct, ITermSink
        {
            // The automaton is fed each run of whitespace as one space; a ring of the fed characters' positions
            // maps a match back to where it starts in the text.
            Span<int> ring = _ringMask < 1024 ? stackalloc int[_ringMask + 1] : new int[_ringMask + 1];
            var any = _folding.AnyTable;
            var word = _folding.WordTable;
            var state = 0;
            var fed = 0;
            var afterSpace = false;

            // An exact term must span the text without the whitespace around it: found once, before the scan.
            int first = 0, last = text.Length - 1;
            if (_hasExact)
            {
                while (first <= last && char.IsWhiteSpace(text[first]))
                {
                    first++;
                }

                while (last >= first && char.IsWhiteSpace(text[last]))
                {
                    last--;
                }
            }

            for (var i = 0; i < text.Length; i++)
            {
                var c = any[text[i]];
                if (c == ' ')
                {
                    if (afterSpace)
                    {
                        continue;
                    }

                    afterSpace = true;
                }
                else
                {
                    afterSpace = false;
                }

                ring[fed++ & _ringMask] = i;
                int next;
                while ((next = Step(state, c)) < 0 && state != 0)
                {
                    state = _fail[state];
                }

                state = next < 0 ? 0 : next;
                for (var o = _outputStart[state]; o < _outputStart[state + 1]; o++)
                {
                    var id = _outputs[o];
                    var start = ring[(fed - _entries[id].Folded.Length) & _ringMask];
                    var mode = _entries[id].Mode;
                    if ((mode == TermMatch.WholeWord
                            && ((start > 0 && word[text[start - 1]] != 0) || (i + 1 < text.Length && word[text[i + 1]] != 0)))
                        || (mode == TermMatch.Exact && (start != first || i != last)))
                    {
                        continue;
                    }

                    sink.OnTerm(id, start, i + 1 - start);
                }
            }
        }

        private int Step(int state, char c)
        {
            var low = _edgeStart[state];
            var high = _edgeStart[state + 1] - 1;
            while (low <= high)
            {
                var mid = (low + high) >>> 1;
                var found = _edgeChars[mid];
                if (found == c)
                {
                    return _edgeTargets[mid];
                }

                if (found < c)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid - 1;
                }
            }

            return -1;
        }
    }
}
