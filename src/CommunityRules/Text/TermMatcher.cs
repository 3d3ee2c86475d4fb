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
        where TSink : struct, ITermSink => Scan(text, ref sink, WordBits.IsAccelerated);

    /// <summary>As <see cref="Scan{TSink}(ReadOnlySpan{char}, ref TSink)"/>, choosing the word pass: tests run both on the same inputs.</summary>
    internal void Scan<TSink>(ReadOnlySpan<char> text, ref TSink sink, bool vectorized)
        where TSink : struct, ITermSink
    {
        if (_caseWords is not null || _diacriticWords is not null)
        {
            if (vectorized)
            {
                ScanWordsByBits(text, _caseWords, _diacriticWords, ref sink);
            }
            else if (_caseWords is not null && _diacriticWords is not null)
            {
                ScanWords(text, _caseWords, _diacriticWords, ref sink);
            }
            else
            {
                ScanWords(text, (_caseWords ?? _diacriticWords)!, ref sink);
            }
        }

        _caseAutomaton?.Scan(text, ref sink);
        _diacriticAutomaton?.Scan(text, ref sink);
    }

    // The scalar word pass: one table read and one hash step per character.
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
            var hash = new WordHash();
            do
            {
                hash.Add(folded);
                if (++i == length)
                {
                    break;
                }

                folded = Unsafe.Add(ref table, Unsafe.Add(ref chars, i));
            }
            while (folded != 0);

            var finished = hash.Finish(i - start);
            if (index.MayContain(finished))
            {
                index.Verify(text, start, i - start, finished, ref sink);
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
            WordHash caseHash = default, diacriticHash = default;
            do
            {
                caseHash.Add(Unsafe.Add(ref caseTable, c));
                diacriticHash.Add(Unsafe.Add(ref diacriticTable, c));
                if (++i == text.Length)
                {
                    break;
                }

                c = text[i];
            }
            while (Unsafe.Add(ref caseTable, c) != 0);

            Report(text, start, i - start, caseIndex, caseHash.Finish(i - start), diacriticIndex, diacriticHash.Finish(i - start), ref sink);
        }
    }

    // The vector word pass: word boundaries from a bitmap built 16 or 32 characters per compare, and each word hashed
    // four characters per step from 8-byte loads, folded by one OR when the word is ASCII (most words of Nordic text
    // too); a word with any other character is folded by the tables. Same words, same hashes, same order of hits.
    private static void ScanWordsByBits<TSink>(ReadOnlySpan<char> text, WordIndex? caseIndex, WordIndex? diacriticIndex, ref TSink sink)
        where TSink : struct, ITermSink
    {
        Span<ulong> bits = stackalloc ulong[WordBits.Window / 64];
        var wordTable = (caseIndex ?? diacriticIndex)!.Folding.WordTable;
        ref var chars = ref MemoryMarshal.GetReference(text);
        var length = text.Length;
        var windowStart = 0;
        while (windowStart < length)
        {
            var windowLength = Math.Min(WordBits.Window, length - windowStart);
            var window = bits[..((windowLength + 63) >> 6)];
            WordBits.Fill(text, windowStart, windowLength, window, wordTable);
            var next = windowStart + windowLength;
            var at = 0;
            while ((at = WordBits.NextSet(window, at)) >= 0)
            {
                var start = windowStart + at;
                var end = windowStart + WordBits.NextClear(window, at);
                if (end >= next)
                {
                    // A word running past the window is finished by the table, and the next window starts after it.
                    end = next;
                    while (end < length && wordTable[text[end]] != 0)
                    {
                        end++;
                    }

                    next = end;
                }

                var wordLength = end - start;
                var hash = WordHash.OfAscii(ref Unsafe.Add(ref chars, start), wordLength, length - start, out var ascii);
                if (ascii)
                {
                    Report(text, start, wordLength, caseIndex, hash, diacriticIndex, hash, ref sink);
                }
                else
                {
                    var caseHash = caseIndex is null ? 0 : WordHash.OfFolded(text.Slice(start, wordLength), caseIndex.Folding.WordTable);
                    var diacriticHash = diacriticIndex is null ? 0 : WordHash.OfFolded(text.Slice(start, wordLength), diacriticIndex.Folding.WordTable);
                    Report(text, start, wordLength, caseIndex, caseHash, diacriticIndex, diacriticHash, ref sink);
                }

                at = end - windowStart + 1;
                if (at >= windowLength)
                {
                    break;
                }
            }

            windowStart = next;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Report<TSink>(ReadOnlySpan<char> text, int start, int wordLength, WordIndex? caseIndex, ulong caseHash, WordIndex? diacriticIndex, ulong diacriticHash, ref TSink sink)
        where TSink : struct, ITermSink
    {
        if (caseIndex is not null && caseIndex.MayContain(caseHash))
        {
            caseIndex.Verify(text, start, wordLength, caseHash, ref sink);
        }

        if (diacriticIndex is not null && diacriticIndex.MayContain(diacriticHash))
        {
            diacriticIndex.Verify(text, start, wordLength, diacriticHash, ref sink);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref char MemoryMarshalArray(char[] array) => ref MemoryMarshal.GetArrayDataReference(array);

    /// <summary>The hash of a folded word as the scans compute it.</summary>
    internal static ulong HashWord(ReadOnlySpan<char> foldedWord)
    {
        var hash = new WordHash();
        foreach (var c in foldedWord)
        {
            hash.Add(c);
        }

        return hash.Finish(foldedWord.Length);
    }

    /// <summary>
    /// A word's hash over its folded characters taken four at a time as one 64-bit value (the last group padded with
    /// zeros), so a scan can hash an ASCII word from 8-byte loads and a scan of one character at a time gets the same value.
    /// </summary>
    private struct WordHash
    {
        private const ulong Multiplier = 0x9E3779B97F4A7C15;

        // Lower case of ASCII letters; ASCII digits, the only other ASCII word characters, already have this bit.
        private const ulong AsciiLower = 0x0020_0020_0020_0020;
        private const ulong NonAscii = 0xFF80_FF80_FF80_FF80;

        private ulong _hash;
        private ulong _group;
        private int _count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(char folded)
        {
            _group |= (ulong)folded << (16 * _count);
            if (++_count == 4)
            {
                _hash = Mix(_hash, _group);
                _group = 0;
                _count = 0;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly ulong Finish(int length) => Final(_count == 0 ? _hash : Mix(_hash, _group), length);

        /// <summary>The hash of the word at <paramref name="chars"/> if it is all ASCII, folded by OR-ing in the lower-case bit.</summary>
        /// <param name="chars">The word's first character.</param>
        /// <param name="length">The word's length.</param>
        /// <param name="available">Characters readable from <paramref name="chars"/> on (to the end of the text).</param>
        /// <param name="ascii">Whether the word is ASCII; when not, the hash is meaningless.</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong OfAscii(ref char chars, int length, int available, out bool ascii)
        {
            ulong hash = 0, seen = 0;
            var k = 0;
            for (; k + 4 <= length; k += 4)
            {
                var group = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref chars, k)));
                seen |= group;
                hash = Mix(hash, group | AsciiLower);
            }

            if (k < length)
            {
                var rest = length - k;
                ulong group;
                if (k + 4 <= available)
                {
                    group = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref chars, k))) & (ulong.MaxValue >> (64 - (16 * rest)));
                }
                else
                {
                    group = 0;
                    for (var j = 0; j < rest; j++)
                    {
                        group |= (ulong)Unsafe.Add(ref chars, k + j) << (16 * j);
                    }
                }

                seen |= group;
                hash = Mix(hash, (group | AsciiLower) & (ulong.MaxValue >> (64 - (16 * rest))));
            }

            ascii = (seen & NonAscii) == 0;
            return Final(hash, length);
        }

        /// <summary>The hash of a word folded by a table, one character at a time.</summary>
        public static ulong OfFolded(ReadOnlySpan<char> word, char[] table)
        {
            var hash = new WordHash();
            foreach (var c in word)
            {
                hash.Add(table[c]);
            }

            return hash.Finish(word.Length);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong Mix(ulong hash, ulong group) => BitOperations.RotateLeft((hash ^ group) * Multiplier, 29);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong Final(ulong hash, int length)
        {
            hash = (hash ^ (uint)length) * Multiplier;
            return hash ^ (hash >> 31);
        }
    }

    /// <summary>The whole-word terms of one folding, by the hash of their first word.</summary>
    private sealed class WordIndex
    {
        private readonly ulong[] _filter;
        private readonly int _filterMask;
        private readonly int[] _buckets;
        private readonly ulong[] _hashes;
        private readonly int[] _firstWordLengths;
        private readonly int[] _next;
        private readonly string[] _terms;
        private readonly int[] _entryIds;

        public WordIndex(TermEntry[] entries, List<int> ids, TextFolding folding)
        {
            Folding = folding;
            _buckets = new int[(int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, ids.Count * 2))];

            // About 16 bits a term, two of them set per first word: at 10,000 terms 256 kbit (32 KB) with 7 % of the
            // bits set, so about 1 % of the text's words reach the buckets (one bit in 64 kbit let 14 % through).
            _filter = new ulong[Math.Clamp((int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, ids.Count)) / 4, 64, 1 << 12)];
            _filterMask = _filter.Length - 1;
            _hashes = new ulong[ids.Count];
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
                _filter[FilterWord(hash)] |= FilterBits(hash);
                ref var bucket = ref _buckets[(uint)hash & (uint)(_buckets.Length - 1)];
                _next[k] = bucket - 1;
                bucket = k + 1;
            }
        }

        public TextFolding Folding { get; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool MayContain(ulong hash)
        {
            var bits = FilterBits(hash);
            return (Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_filter), FilterWord(hash)) & bits) == bits;
        }

        public void Verify<TSink>(ReadOnlySpan<char> text, int start, int wordLength, ulong hash, ref TSink sink)
            where TSink : struct, ITermSink
        {
            var any = Folding.AnyTable;
            var word = Folding.WordTable;
            for (var k = _buckets[(uint)hash & (uint)(_buckets.Length - 1)] - 1; k >= 0; k = _next[k])
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

        // The upper half of the hash, which the bucket index (lower bits) does not use: a word of the filter and two bits in it.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private int FilterWord(ulong hash) => (int)(hash >> 32) & _filterMask;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong FilterBits(ulong hash) => (1UL << (int)(hash >> 52)) | (1UL << (int)(hash >> 58));
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
