using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CommunityRules.Text;

/// <summary>
/// Counts the letters of a text and the capitals among them, for the <c>shouting</c> check, as
/// <see cref="char.IsLetter(char)"/> and <see cref="char.IsUpper(char)"/> say (Unicode's own categories, the same with
/// or without ICU). Sixteen or eight characters at a time (Vector256 or Vector128; Vector512 on request, see
/// <see cref="Default"/>): ASCII and Latin-1 letters (å, ä, ö, æ, ø, é, ü) by range, so Nordic text stays on the fast path;
/// characters above U+00FF (Greek, Cyrillic, Turkish İ) one by one.
/// </summary>
internal static class LetterCounts
{
    /// <summary>The widest vectors to count with; tests run every path on the same inputs.</summary>
    internal enum Width
    {
        Scalar,
        Vector128,
        Vector256,
        Vector512,
    }

    /// <summary>
    /// Gets the vectors the check counts with: Vector256 where the CPU has it, even with AVX-512. On the Xeon of
    /// benchmarks/README.md the Vector512 path took 72 ns per post against 51 ns (ShoutingBenchmarks, one run): its
    /// comparisons give mask registers that must be widened back into vectors for the lane counters, and the
    /// posts are short (a 32-character block leaves more to the masked last block). It stays here, tested, for
    /// CPUs where 512-bit vectors pay.
    /// </summary>
    internal static Width Default { get; } =
        Vector256.IsHardwareAccelerated ? Width.Vector256
        : Vector128.IsHardwareAccelerated ? Width.Vector128
        : Width.Scalar;

    // Per-lane counters are 16 bits: flushed into the totals at least this often (each block adds at most 1 per lane).
    private const int BlocksPerFlush = 1 << 15;

    public static (int Letters, int Capitals) Count(ReadOnlySpan<char> text) => Count(text, Default);

    /// <summary>Counts with vectors no wider than <paramref name="width"/>; a text shorter than one vector goes to the next narrower.</summary>
    internal static (int Letters, int Capitals) Count(ReadOnlySpan<char> text, Width width)
    {
        if (width >= Width.Vector512 && Vector512.IsHardwareAccelerated && text.Length >= Vector512<ushort>.Count)
        {
            return Count512(text);
        }

        if (width >= Width.Vector256 && Vector256.IsHardwareAccelerated && text.Length >= Vector256<ushort>.Count)
        {
            return Count256(text);
        }

        if (width >= Width.Vector128 && Vector128.IsHardwareAccelerated && text.Length >= Vector128<ushort>.Count)
        {
            return Count128(text);
        }

        return CountOneByOne(text);
    }

    // The three widths run the same steps. Each block gives two lane masks (all ones where true): letters up to U+00FF
    // and capitals among them, subtracted from 16-bit lane counters (minus -1 is plus 1), summed once per text; blocks
    // with characters above U+00FF (rare in the networks seen) count those one by one. The last, partial block is the
    // text's last full vector with the lanes already counted masked off.
    private static (int Letters, int Capitals) Count512(ReadOnlySpan<char> text)
    {
        ref var start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        int letters = 0, capitals = 0, i = 0, blocks = 0;
        var letterLanes = Vector512<ushort>.Zero;
        var capitalLanes = Vector512<ushort>.Zero;
        var last = text.Length - Vector512<ushort>.Count;
        while (true)
        {
            var keep = Vector512<ushort>.AllBitsSet;
            var at = i;
            if (i > last)
            {
                // Lanes before the end of the counted part were counted by the previous block.
                at = last;
                keep = Vector512.GreaterThanOrEqual(Vector512<ushort>.Indices, Vector512.Create((ushort)(i - last)));
            }

            var block = Vector512.LoadUnsafe(ref start, (nuint)at);
            var (letter, capital) = Classify(block);
            letterLanes -= letter & keep;
            capitalLanes -= capital & keep;
            if (Vector512.GreaterThanAny(block & keep, Vector512.Create((ushort)0xFF)))
            {
                CountOthers(text, at, (Vector512.GreaterThan(block, Vector512.Create((ushort)0xFF)) & keep).ExtractMostSignificantBits(), ref letters, ref capitals);
            }

            i = at + Vector512<ushort>.Count;
            if (i >= text.Length || ++blocks == BlocksPerFlush)
            {
                letters += Sum(letterLanes);
                capitals += Sum(capitalLanes);
                if (i >= text.Length)
                {
                    return (letters, capitals);
                }

                (letterLanes, capitalLanes, blocks) = (Vector512<ushort>.Zero, Vector512<ushort>.Zero, 0);
            }
        }

        static int Sum(Vector512<ushort> lanes)
        {
            var (lower, upper) = Vector512.Widen(lanes);
            return (int)Vector512.Sum(lower + upper);
        }
    }

    private static (int Letters, int Capitals) Count256(ReadOnlySpan<char> text)
    {
        ref var start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        int letters = 0, capitals = 0, i = 0, blocks = 0;
        var letterLanes = Vector256<ushort>.Zero;
        var capitalLanes = Vector256<ushort>.Zero;
        var last = text.Length - Vector256<ushort>.Count;
        while (true)
        {
            var keep = Vector256<ushort>.AllBitsSet;
            var at = i;
            if (i > last)
            {
                at = last;
                keep = Vector256.GreaterThanOrEqual(Vector256<ushort>.Indices, Vector256.Create((ushort)(i - last)));
            }

            var block = Vector256.LoadUnsafe(ref start, (nuint)at);
            var (letter, capital) = Classify(block);
            letterLanes -= letter & keep;
            capitalLanes -= capital & keep;
            if (Vector256.GreaterThanAny(block & keep, Vector256.Create((ushort)0xFF)))
            {
                CountOthers(text, at, (Vector256.GreaterThan(block, Vector256.Create((ushort)0xFF)) & keep).ExtractMostSignificantBits(), ref letters, ref capitals);
            }

            i = at + Vector256<ushort>.Count;
            if (i >= text.Length || ++blocks == BlocksPerFlush)
            {
                letters += Sum(letterLanes);
                capitals += Sum(capitalLanes);
                if (i >= text.Length)
                {
                    return (letters, capitals);
                }

                (letterLanes, capitalLanes, blocks) = (Vector256<ushort>.Zero, Vector256<ushort>.Zero, 0);
            }
        }

        static int Sum(Vector256<ushort> lanes)
        {
            var (lower, upper) = Vector256.Widen(lanes);
            return (int)Vector256.Sum(lower + upper);
        }
    }

    private static (int Letters, int Capitals) Count128(ReadOnlySpan<char> text)
    {
        ref var start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        int letters = 0, capitals = 0, i = 0, blocks = 0;
        var letterLanes = Vector128<ushort>.Zero;
        var capitalLanes = Vector128<ushort>.Zero;
        var last = text.Length - Vector128<ushort>.Count;
        while (true)
        {
            var keep = Vector128<ushort>.AllBitsSet;
            var at = i;
            if (i > last)
            {
                at = last;
                keep = Vector128.GreaterThanOrEqual(Vector128<ushort>.Indices, Vector128.Create((ushort)(i - last)));
            }

            var block = Vector128.LoadUnsafe(ref start, (nuint)at);
            var (letter, capital) = Classify(block);
            letterLanes -= letter & keep;
            capitalLanes -= capital & keep;
            if (Vector128.GreaterThanAny(block & keep, Vector128.Create((ushort)0xFF)))
            {
                CountOthers(text, at, (Vector128.GreaterThan(block, Vector128.Create((ushort)0xFF)) & keep).ExtractMostSignificantBits(), ref letters, ref capitals);
            }

            i = at + Vector128<ushort>.Count;
            if (i >= text.Length || ++blocks == BlocksPerFlush)
            {
                letters += Sum(letterLanes);
                capitals += Sum(capitalLanes);
                if (i >= text.Length)
                {
                    return (letters, capitals);
                }

                (letterLanes, capitalLanes, blocks) = (Vector128<ushort>.Zero, Vector128<ushort>.Zero, 0);
            }
        }

        static int Sum(Vector128<ushort> lanes)
        {
            var (lower, upper) = Vector128.Widen(lanes);
            return (int)Vector128.Sum(lower + upper);
        }
    }

    // Letters up to U+00FF: with the case bit (0x20) set, a–z, or à–ÿ but ÷ (so À–Þ and ß–ÿ but × and ÷), and the
    // caseless or lower-case ª µ º. Capitals are those letters without the case bit, but ß (U+00DF) is lower case.
    // Characters above U+00FF never fall in these ranges (their folded value stays above U+00FF).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector512<ushort> Letters, Vector512<ushort> Capitals) Classify(Vector512<ushort> block)
    {
        var folded = block | Vector512.Create((ushort)0x20);
        var letters = Vector512.LessThanOrEqual(folded - Vector512.Create((ushort)'a'), Vector512.Create((ushort)('z' - 'a')))
            | (Vector512.LessThanOrEqual(folded - Vector512.Create((ushort)0xE0), Vector512.Create((ushort)0x1F)) & ~Vector512.Equals(folded, Vector512.Create((ushort)0xF7)))
            | Vector512.Equals(block, Vector512.Create((ushort)0xAA)) | Vector512.Equals(block, Vector512.Create((ushort)0xB5)) | Vector512.Equals(block, Vector512.Create((ushort)0xBA));
        var capitals = Vector512.AndNot(letters, Vector512.Equals(block, folded) | Vector512.Equals(block, Vector512.Create((ushort)0xDF)));
        return (letters, capitals);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<ushort> Letters, Vector256<ushort> Capitals) Classify(Vector256<ushort> block)
    {
        var folded = block | Vector256.Create((ushort)0x20);
        var letters = Vector256.LessThanOrEqual(folded - Vector256.Create((ushort)'a'), Vector256.Create((ushort)('z' - 'a')))
            | (Vector256.LessThanOrEqual(folded - Vector256.Create((ushort)0xE0), Vector256.Create((ushort)0x1F)) & ~Vector256.Equals(folded, Vector256.Create((ushort)0xF7)))
            | Vector256.Equals(block, Vector256.Create((ushort)0xAA)) | Vector256.Equals(block, Vector256.Create((ushort)0xB5)) | Vector256.Equals(block, Vector256.Create((ushort)0xBA));
        var capitals = Vector256.AndNot(letters, Vector256.Equals(block, folded) | Vector256.Equals(block, Vector256.Create((ushort)0xDF)));
        return (letters, capitals);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector128<ushort> Letters, Vector128<ushort> Capitals) Classify(Vector128<ushort> block)
    {
        var folded = block | Vector128.Create((ushort)0x20);
        var letters = Vector128.LessThanOrEqual(folded - Vector128.Create((ushort)'a'), Vector128.Create((ushort)('z' - 'a')))
            | (Vector128.LessThanOrEqual(folded - Vector128.Create((ushort)0xE0), Vector128.Create((ushort)0x1F)) & ~Vector128.Equals(folded, Vector128.Create((ushort)0xF7)))
            | Vector128.Equals(block, Vector128.Create((ushort)0xAA)) | Vector128.Equals(block, Vector128.Create((ushort)0xB5)) | Vector128.Equals(block, Vector128.Create((ushort)0xBA));
        var capitals = Vector128.AndNot(letters, Vector128.Equals(block, folded) | Vector128.Equals(block, Vector128.Create((ushort)0xDF)));
        return (letters, capitals);
    }

    /// <summary>The same count one character at a time: texts shorter than a vector, and the benchmarks' baseline.</summary>
    internal static (int Letters, int Capitals) CountOneByOne(ReadOnlySpan<char> text)
    {
        int letters = 0, capitals = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiLetter(c))
            {
                letters++;
                capitals += char.IsAsciiLetterUpper(c) ? 1 : 0;
            }
            else if (c > 0x7F && char.IsLetter(c))
            {
                letters++;
                capitals += char.IsUpper(c) ? 1 : 0;
            }
        }

        return (letters, capitals);
    }

    /// <summary>The characters above Latin-1 of one block, one bit each in <paramref name="mask"/> from <paramref name="offset"/>.</summary>
    internal static void CountOthers(ReadOnlySpan<char> text, int offset, ulong mask, ref int letters, ref int capitals)
    {
        do
        {
            var c = text[offset + BitOperations.TrailingZeroCount(mask)];
            if (char.IsLetter(c))
            {
                letters++;
                capitals += char.IsUpper(c) ? 1 : 0;
            }

            mask &= mask - 1;
        }
        while (mask != 0);
    }
}
