using System.Numerics;
using CommunityRules.Text;

namespace CommunityRules.Checks.BuiltIn.CrossPosting;

/// <summary>
/// A post's text as a MinHash signature: <see cref="Length"/> 16-bit values whose share of equal places between two
/// texts estimates the Jaccard similarity of their word pairs (shingles). No string is allocated per post.
/// </summary>
/// <remarks>
/// <para>
/// Words are folded by the shared policy, case and diacritics (so "PÅMINNELSE" is "paminnelse", "Økonomi" is "okonomi"),
/// never through ICU; anything that is not a letter or digit (spaces, punctuation, emoji) separates words and is
/// otherwise ignored. A link is one
/// word: scheme, <c>www.</c>, query and fragment left out, so <c>https://intra.example/survey?utm_source=hr</c> and
/// <c>http://intra.example/survey?utm_source=it</c> are the same word. The shingles are the pairs of neighbouring
/// words; a text of one word is that word.
/// </para>
/// <para>
/// Each of the 48 places is a fixed random permutation of 32-bit hashes (xor a seed, multiply by an odd constant,
/// xor-shift, twice), computed for all places at once with <see cref="Vector{T}"/>; the seeds are constants, so the
/// signature of a text is the same on every machine and in every run. Only the low 16 bits of each minimum are kept
/// (b-bit MinHash): two unrelated values agree by chance once in 65,536, which the similarity threshold ignores.
/// </para>
/// </remarks>
internal static class TextSignature
{
    /// <summary>The number of MinHash values in a signature.</summary>
    public const int Length = 48;

    /// <summary>The values per LSH band; a band is four 16-bit values, so its key is one 64-bit number.</summary>
    public const int RowsPerBand = 4;

    /// <summary>The number of LSH bands: two texts become candidates when all four values of any band agree.</summary>
    public const int Bands = Length / RowsPerBand;

    /// <summary>
    /// From a character to its folded form by the shared <see cref="TextFolding"/> policy (case and diacritics), 0
    /// when it separates words, or <see cref="TextFolding.Skip"/> for a combining mark, part of the word before it
    /// but not compared ("a" + U+030A is "å", folded "a").
    /// </summary>
    private static readonly char[] Fold = TextFolding.For(FoldOptions.Diacritics | FoldOptions.SkipMarks).WordTable;

    private static readonly Vector<uint>[] Seeds;
    private static readonly Vector<uint>[] FirstMultipliers;
    private static readonly Vector<uint>[] SecondMultipliers;

    static TextSignature()
    {
        // SplitMix64 from a fixed seed: the same permutations everywhere, forever. Changing them changes no
        // finding's meaning but may move a borderline pair across the threshold; keep them.
        var state = 0x43524F5353504F53UL; // "CROSSPOS"
        var seeds = new uint[Length];
        var first = new uint[Length];
        var second = new uint[Length];
        for (var i = 0; i < Length; i++)
        {
            seeds[i] = (uint)Next(ref state);
            first[i] = (uint)Next(ref state) | 1;
            second[i] = (uint)Next(ref state) | 1;
        }

        var width = Vector<uint>.Count;
        Seeds = new Vector<uint>[Length / width];
        FirstMultipliers = new Vector<uint>[Length / width];
        SecondMultipliers = new Vector<uint>[Length / width];
        for (var v = 0; v < Seeds.Length; v++)
        {
            Seeds[v] = new Vector<uint>(seeds, v * width);
            FirstMultipliers[v] = new Vector<uint>(first, v * width);
            SecondMultipliers[v] = new Vector<uint>(second, v * width);
        }

        static ulong Next(ref ulong state)
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>Computes the signature of a post's title and text.</summary>
    /// <param name="title">The title, or <see langword="null"/>.</param>
    /// <param name="text">The text, or <see langword="null"/>.</param>
    /// <param name="signature">Receives the <see cref="Length"/> values.</param>
    /// <returns>The number of words read; the signature is meaningful only when it is more than 0.</returns>
    public static int Compute(string? title, string? text, Span<ushort> signature)
    {
        Span<Vector<uint>> minima = stackalloc Vector<uint>[Length / Vector<uint>.Count];
        minima.Fill(new Vector<uint>(uint.MaxValue));
        var shingles = new ShingleState(minima);
        Read(title, ref shingles);
        Read(text, ref shingles);
        if (shingles.Words == 1)
        {
            // One word has no neighbour: the word itself is the text's only shingle.
            shingles.Add(Mix(shingles.Previous));
        }

        var values = System.Runtime.InteropServices.MemoryMarshal.Cast<Vector<uint>, uint>(minima);
        for (var i = 0; i < Length; i++)
        {
            signature[i] = (ushort)values[i];
        }

        return shingles.Words;
    }

    /// <summary>Gets how many of two signatures' values agree, from 0 to <see cref="Length"/>.</summary>
    public static int Agreement(ReadOnlySpan<ushort> a, ReadOnlySpan<ushort> b)
    {
        // Equal lanes are all ones (-1 as a short): subtracting them counts them, a vector at a time.
        var counts = Vector<short>.Zero;
        var i = 0;
        for (; i + Vector<ushort>.Count <= Length; i += Vector<ushort>.Count)
        {
            counts -= Vector.AsVectorInt16(Vector.Equals(new Vector<ushort>(a[i..]), new Vector<ushort>(b[i..])));
        }

        var same = (int)Vector.Sum(counts);
        for (; i < Length; i++)
        {
            same += a[i] == b[i] ? 1 : 0;
        }

        return same;
    }

    /// <summary>Gets the key of one band: its four 16-bit values as one number.</summary>
    public static ulong BandKey(ReadOnlySpan<ushort> signature, int band)
    {
        var at = band * RowsPerBand;
        return signature[at] | ((ulong)signature[at + 1] << 16) | ((ulong)signature[at + 2] << 32) | ((ulong)signature[at + 3] << 48);
    }

    private static void Read(string? text, ref ShingleState shingles)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var i = 0;
        while (i < text.Length)
        {
            if (Fold[text[i]] == '\0')
            {
                i++;
                continue;
            }

            if (LinkLength(text.AsSpan(i)) is var link and > 0)
            {
                shingles.Word(HashLink(text.AsSpan(i, link)));
                i += link;
                continue;
            }

            // FNV-1a over the folded word, as the duplicates check hashes words.
            var hash = 14695981039346656037UL;
            while (i < text.Length && Fold[text[i]] is var folded && folded != '\0')
            {
                if (folded != TextFolding.Skip)
                {
                    hash = (hash ^ folded) * 1099511628211UL;
                }

                i++;
            }

            shingles.Word(hash);
        }
    }

    /// <summary>Gets the length of the link that starts the text (up to the next whitespace), or 0 when none does.</summary>
    private static int LinkLength(ReadOnlySpan<char> text)
    {
        if (!(text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("www.", StringComparison.OrdinalIgnoreCase)))
        {
            return 0;
        }

        var end = 0;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return end;
    }

    /// <summary>Hashes a link without its scheme, <c>www.</c>, query, fragment, trailing slash and the punctuation a sentence puts after it.</summary>
    private static ulong HashLink(ReadOnlySpan<char> link)
    {
        var scheme = link.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            link = link[(scheme + 3)..];
        }

        if (link.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            link = link[4..];
        }

        var query = link.IndexOfAny('?', '#');
        if (query >= 0)
        {
            link = link[..query];
        }

        link = link.TrimEnd(".,;:!)]}>'\"/");
        var hash = 0xCBF29CE484222325UL ^ 0x4C494E4BUL; // apart from words: a link is never equal to a word
        foreach (var c in link)
        {
            hash = (hash ^ (char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c)) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>SplitMix64's finalizer: spreads a word or pair hash over all 64 bits before the 48 permutations.</summary>
    private static ulong Mix(ulong value)
    {
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }

    /// <summary>The words read so far and the running minima of the 48 permutations.</summary>
    private ref struct ShingleState(Span<Vector<uint>> minima)
    {
        private readonly Span<Vector<uint>> _minima = minima;

        public int Words { get; private set; }

        public ulong Previous { get; private set; }

        public void Word(ulong hash)
        {
            if (Words > 0)
            {
                // An ordered pair: "a b" and "b a" are different shingles.
                Add(Mix((Previous * 0x9E3779B97F4A7C15UL) ^ hash));
            }

            Previous = hash;
            Words++;
        }

        public readonly void Add(ulong shingle)
        {
            var value = new Vector<uint>((uint)(shingle ^ (shingle >> 32)));
            for (var v = 0; v < _minima.Length; v++)
            {
                var h = (value ^ Seeds[v]) * FirstMultipliers[v];
                h ^= Vector.ShiftRightLogical(h, 16);
                h *= SecondMultipliers[v];
                h ^= Vector.ShiftRightLogical(h, 13);
                _minima[v] = Vector.Min(_minima[v], h);
            }
        }
    }
}
