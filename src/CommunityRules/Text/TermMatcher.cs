using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

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
                if (_caseWords is not null && _diacriticWords is not null)
                {
                    ScanWordsByBits(text, new TwoIndexes(_caseWords, _diacriticWords), _caseWords.Folding.WordTable, ref sink);
                }
                else
                {
                    var words = (_caseWords ?? _diacriticWords)!;
                    ScanWordsByBits(text, new OneIndex(words), words.Folding.WordTable, ref sink);
                }
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

    // The vector word pass: a bitmap of word characters built 16 or 32 characters per compare, words taken from it
    // by their first and last bits (two bit scans a word, no branch per character), and each word hashed from two
    // 8-byte loads, ASCII characters folded by one OR and the others (å, ä, ö: fewer than one a word in Nordic text)
    // by the tables. Same words, same hashes, same order of hits as the scalar pass. TProbe is a struct so that the
    // JIT compiles the one- and two-folding cases apart, each with a single copy of the word's code in its loop.
    private static void ScanWordsByBits<TSink, TProbe>(ReadOnlySpan<char> text, TProbe probe, char[] wordTable, ref TSink sink)
        where TSink : struct, ITermSink
        where TProbe : struct, IWordProbe
    {
        var most = Math.Min(text.Length, WordBits.Window);
        Span<ulong> bits = stackalloc ulong[(most + 63) / 64];

        // Two passes per window, each a small loop the JIT keeps in registers: the words' bounds, then their hashes.
        Span<int> bounds = stackalloc int[(most / 2) + 2];
        var length = text.Length;
        var windowStart = 0;
        while (windowStart < length)
        {
            var windowLength = Math.Min(WordBits.Window, length - windowStart);
            var window = bits[..((windowLength + 63) >> 6)];
            WordBits.Fill(text, windowStart, windowLength, window, wordTable);
            var next = windowStart + windowLength;

            // A word that goes on past the window has no last bit in it: it is finished below.
            var beyond = next < length && wordTable[text[next]] != 0 ? 1UL << ((windowLength - 1) & 63) : 0;
            var words = 0;
            var pending = -1;
            ulong carry = 0;
            for (var index = 0; index < window.Length; index++)
            {
                var word = window[index];
                var following = index + 1 < window.Length ? (window[index + 1] & 1) << 63 : beyond;

                // First and last characters of words. Each last one closes the word still open from an earlier
                // 64-bit word, if any, else the next first one; at most one first one is left open at the end.
                var starts = word & ~((word << 1) | carry);
                var ends = word & ~((word >> 1) | following);
                carry = word >> 63;
                var at = windowStart + (index << 6);
                if (pending >= 0 && ends != 0)
                {
                    bounds[words++] = pending;
                    bounds[words++] = at + BitOperations.TrailingZeroCount(ends) + 1;
                    ends &= ends - 1;
                    pending = -1;
                }

                while (ends != 0)
                {
                    bounds[words++] = at + BitOperations.TrailingZeroCount(starts);
                    bounds[words++] = at + BitOperations.TrailingZeroCount(ends) + 1;
                    starts &= starts - 1;
                    ends &= ends - 1;
                }

                if (starts != 0)
                {
                    pending = at + BitOperations.TrailingZeroCount(starts);
                }
            }

            if (pending >= 0)
            {
                // A word running to the window's end is finished by the table; the next window starts after it.
                next = FinishWord(text, next, wordTable);
                bounds[words++] = pending;
                bounds[words++] = next;
            }

            for (var k = 0; k < words; k += 2)
            {
                probe.Word(text, bounds[k], bounds[k + 1], ref sink);
            }

            windowStart = next;
        }
    }

    private static int FinishWord(ReadOnlySpan<char> text, int end, char[] wordTable)
    {
        while (end < text.Length && wordTable[text[end]] != 0)
        {
            end++;
        }

        return end;
    }

    /// <summary>What the vector pass does with each word: hash it and look it up in one or two indexes.</summary>
    private interface IWordProbe
    {
        void Word<TSink>(ReadOnlySpan<char> text, int start, int end, ref TSink sink)
            where TSink : struct, ITermSink;
    }

    private readonly struct OneIndex(WordIndex index) : IWordProbe
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Word<TSink>(ReadOnlySpan<char> text, int start, int end, ref TSink sink)
            where TSink : struct, ITermSink
        {
            var hash = WordHash.Of(text, start, end - start, index.Folding.WordTable, out _);
            if (index.MayContain(hash))
            {
                index.Verify(text, start, end - start, hash, ref sink);
            }
        }
    }

    private readonly struct TwoIndexes(WordIndex caseIndex, WordIndex diacriticIndex) : IWordProbe
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Word<TSink>(ReadOnlySpan<char> text, int start, int end, ref TSink sink)
            where TSink : struct, ITermSink
        {
            var caseHash = WordHash.Of(text, start, end - start, caseIndex.Folding.WordTable, out var ascii);

            // An ASCII word folds alike both ways.
            var diacriticHash = ascii ? caseHash : WordHash.Of(text, start, end - start, diacriticIndex.Folding.WordTable, out _);
            Report(text, start, end - start, caseIndex, caseHash, diacriticIndex, diacriticHash, ref sink);
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
        private int _groups;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(char folded)
        {
            _group |= (ulong)folded << (16 * _count);
            if (++_count == 4)
            {
                _hash = Mix(_hash, _group);
                _groups++;
                _group = 0;
                _count = 0;
            }
        }

        /// <summary>The hash; at least two groups are mixed in (the second may be all padding), as a scan loads them.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly ulong Finish(int length)
        {
            var hash = _hash;
            var groups = _groups;
            if (_count > 0)
            {
                hash = Mix(hash, _group);
                groups++;
            }

            for (; groups < 2; groups++)
            {
                hash = Mix(hash, 0);
            }

            return Final(hash, length);
        }

        /// <summary>
        /// The hash of the word at <paramref name="start"/>, four characters per step from 8-byte loads: ASCII
        /// characters folded by OR-ing in the lower-case bit, the others (found by a bit trick, not a loop) by the table.
        /// </summary>
        /// <param name="text">The text.</param>
        /// <param name="start">Where the word starts.</param>
        /// <param name="length">The word's length.</param>
        /// <param name="table">The folding's word table.</param>
        /// <param name="ascii">Whether the word is ASCII, so that every folding gives the same hash.</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong Of(ReadOnlySpan<char> text, int start, int length, char[] table, out bool ascii)
        {
            // Most words: up to 8 ASCII characters, not at the very end of the text.
            if (length <= 8 && start + 8 <= text.Length)
            {
                ref var at = ref Unsafe.As<char, byte>(ref Unsafe.Add(ref MemoryMarshal.GetReference(text), start));
                var first = LowChars(Unsafe.ReadUnaligned<ulong>(ref at), Math.Min(length, 4));
                var second = LowChars(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref at, 8)), Math.Max(length - 4, 0));
                if (((first | second) & NonAscii) == 0)
                {
                    ascii = true;
                    return Final(Mix(Mix(0, LowChars(first | AsciiLower, Math.Min(length, 4))), LowChars(second | AsciiLower, Math.Max(length - 4, 0))), length);
                }
            }

            return OfAny(text, start, length, table, out ascii);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static ulong OfAny(ReadOnlySpan<char> text, int start, int length, char[] table, out bool ascii)
        {
            ref var chars = ref Unsafe.Add(ref MemoryMarshal.GetReference(text), start);
            ref var folds = ref MemoryMarshal.GetArrayDataReference(table);
            ulong first, second;
            if (start + 8 <= text.Length)
            {
                first = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref chars));
                second = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref chars, 4)));
            }
            else
            {
                first = Load(text, start);
                second = Load(text, start + 4);
            }

            // The first two groups with the characters past the word cleared, without a branch on the length.
            first = LowChars(first, Math.Min(length, 4));
            second = LowChars(second, Math.Clamp(length - 4, 0, 4));
            var seen = first | second;
            var hash = Mix(Mix(0, Fold(first, Math.Min(length, 4), ref folds)), Fold(second, Math.Clamp(length - 4, 0, 4), ref folds));
            for (var k = 8; k < length; k += 4)
            {
                var count = Math.Min(length - k, 4);
                var group = LowChars(k + 4 <= text.Length - start ? Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref chars, k))) : Load(text, start + k), count);
                seen |= group;
                hash = Mix(hash, Fold(group, count, ref folds));
            }

            ascii = (seen & NonAscii) == 0;
            return Final(hash, length);
        }

        // The first count word characters of a group (zeros past them) folded: the ASCII ones by the lower-case bit, the rest by the table.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong Fold(ulong group, int count, ref char table)
        {
            // Bit 15 of each 16-bit lane set where the character is U+0080 or above; a lane's bits 7-15 shifted to
            // 0-8 and added to 0x7FFF carry into bit 15 exactly when any is set, and never into the next lane.
            var others = (((group & NonAscii) >> 7) + 0x7FFF_7FFF_7FFF_7FFF) & 0x8000_8000_8000_8000;
            var folded = LowChars(group | AsciiLower, count);
            while (others != 0)
            {
                var shift = BitOperations.TrailingZeroCount(others) - 15;
                var c = (char)(group >> shift);
                folded = (folded & ~(0xFFFFUL << shift)) | ((ulong)Unsafe.Add(ref table, c) << shift);
                others &= others - 1;
            }

            return folded;
        }

        // Up to four characters from start, as many as the text has, in the low bits first.
        private static ulong Load(ReadOnlySpan<char> text, int start)
        {
            ulong group = 0;
            for (var j = 0; j < 4 && start + j < text.Length; j++)
            {
                group |= (ulong)text[start + j] << (16 * j);
            }

            return group;
        }

        // The first count (0 to 4) characters of a group.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong LowChars(ulong group, int count) =>
            Bmi2.X64.IsSupported ? Bmi2.X64.ZeroHighBits(group, (ulong)(count * 16)) : count >= 4 ? group : group & ((1UL << (count * 16)) - 1);

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
