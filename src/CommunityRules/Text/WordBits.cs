using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CommunityRules.Text;

/// <summary>
/// Marks which characters of a stretch of text are word characters (<see cref="TextFolding.IsWordCharacter"/>), one
/// bit per character, 16 or 32 characters per vector compare. Characters below U+0100 other than U+0080–U+00BF are
/// classified by the compares; the rest (other scripts, typographic punctuation, emoji: rare in the posts) by the
/// folding table, one at a time. Words of every folding end at the same characters, so one bitmap serves them all.
/// </summary>
internal static class WordBits
{
    /// <summary>Characters per bitmap a scan builds at a time: 16 words of 64 bits on the stack.</summary>
    public const int Window = 1024;

    /// <summary>Gets a value indicating whether the vector path runs here (AVX2 or better, or the Arm equivalents).</summary>
    public static bool IsAccelerated => Vector256.IsHardwareAccelerated;

    /// <summary>Fills <paramref name="bits"/> (at least <c>(length + 63) / 64</c> words) for <c>text[start..(start + length)]</c>; bits past the length are clear.</summary>
    public static void Fill(ReadOnlySpan<char> text, int start, int length, Span<ulong> bits, char[] wordTable)
    {
        ref var chars = ref Unsafe.Add(ref MemoryMarshal.GetReference(text), start);
        ref var table = ref MemoryMarshal.GetArrayDataReference(wordTable);
        var full = length & ~63;
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i < full; i += 64)
            {
                var low = Classify(Vector512.LoadUnsafe(ref Unsafe.As<char, ushort>(ref chars), (nuint)i), out var rareLow);
                var high = Classify(Vector512.LoadUnsafe(ref Unsafe.As<char, ushort>(ref chars), (nuint)(i + 32)), out var rareHigh);
                bits[i >> 6] = FixRare(ref Unsafe.Add(ref chars, i), ref table, low | (high << 32), rareLow | (rareHigh << 32));
            }
        }
        else
        {
            for (; i < full; i += 64)
            {
                ulong word = 0, rare = 0;
                for (var k = 0; k < 64; k += 16)
                {
                    word |= Classify(Vector256.LoadUnsafe(ref Unsafe.As<char, ushort>(ref chars), (nuint)(i + k)), out var someRare) << k;
                    rare |= someRare << k;
                }

                bits[i >> 6] = FixRare(ref Unsafe.Add(ref chars, i), ref table, word, rare);
            }
        }

        if (i < length)
        {
            // The last, partial word of the bitmap: whole vectors, then one that ends at the text's end, overlapping
            // characters already classified (shifted out), unless the whole stretch is shorter than a vector.
            ulong word = 0;
            var k = 0;
            var rest = length - i;
            if (Vector512.IsHardwareAccelerated && length >= 32)
            {
                for (; k + 32 <= rest; k += 32)
                {
                    word |= Vector512Bits(ref Unsafe.Add(ref chars, i + k), ref table) << k;
                }

                if (k < rest)
                {
                    word |= (Vector512Bits(ref Unsafe.Add(ref chars, length - 32), ref table) >> (32 - (rest - k))) << k;
                    k = rest;
                }
            }
            else if (Vector256.IsHardwareAccelerated && length >= 16)
            {
                for (; k + 16 <= rest; k += 16)
                {
                    word |= Vector256Bits(ref Unsafe.Add(ref chars, i + k), ref table) << k;
                }

                if (k < rest)
                {
                    word |= (Vector256Bits(ref Unsafe.Add(ref chars, length - 16), ref table) >> (16 - (rest - k))) << k;
                    k = rest;
                }
            }

            for (; k < rest; k++)
            {
                word |= (Unsafe.Add(ref table, Unsafe.Add(ref chars, i + k)) != 0 ? 1UL : 0UL) << k;
            }

            bits[i >> 6] = word;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Vector512Bits(ref char chars, ref char table) =>
        FixRare(ref chars, ref table, Classify(Vector512.LoadUnsafe(ref Unsafe.As<char, ushort>(ref chars)), out var rare), rare);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Vector256Bits(ref char chars, ref char table) =>
        FixRare(ref chars, ref table, Classify(Vector256.LoadUnsafe(ref Unsafe.As<char, ushort>(ref chars)), out var rare), rare);

    /// <summary>The index of the first set bit at or after <paramref name="from"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int NextSet(ReadOnlySpan<ulong> bits, int from)
    {
        var index = from >> 6;
        if (index >= bits.Length)
        {
            return -1;
        }

        var word = bits[index] & (ulong.MaxValue << from);
        while (word == 0)
        {
            if (++index == bits.Length)
            {
                return -1;
            }

            word = bits[index];
        }

        return (index << 6) + BitOperations.TrailingZeroCount(word);
    }

    /// <summary>The index of the first clear bit at or after <paramref name="from"/>, or <c>bits.Length * 64</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int NextClear(ReadOnlySpan<ulong> bits, int from)
    {
        var index = from >> 6;
        if (index >= bits.Length)
        {
            return bits.Length << 6;
        }

        var word = ~bits[index] & (ulong.MaxValue << from);
        while (word == 0)
        {
            if (++index == bits.Length)
            {
                return bits.Length << 6;
            }

            word = ~bits[index];
        }

        return (index << 6) + BitOperations.TrailingZeroCount(word);
    }

    // ASCII letters and digits, and the Latin-1 letters U+00C0–U+00FF but × and ÷; rare = U+0080–U+00BF and from U+0100.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Classify(Vector512<ushort> c, out ulong rare)
    {
        var word = Vector512.LessThanOrEqual((c | Vector512.Create((ushort)0x20)) - Vector512.Create((ushort)'a'), Vector512.Create((ushort)25))
            | Vector512.LessThanOrEqual(c - Vector512.Create((ushort)'0'), Vector512.Create((ushort)9))
            | (Vector512.LessThanOrEqual(c - Vector512.Create((ushort)0xC0), Vector512.Create((ushort)0x3F))
                & ~Vector512.Equals(c | Vector512.Create((ushort)0x20), Vector512.Create((ushort)0xF7)));
        rare = (Vector512.GreaterThanOrEqual(c, Vector512.Create((ushort)0x100))
            | Vector512.LessThanOrEqual(c - Vector512.Create((ushort)0x80), Vector512.Create((ushort)0x3F))).ExtractMostSignificantBits();
        return word.ExtractMostSignificantBits();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Classify(Vector256<ushort> c, out ulong rare)
    {
        var word = Vector256.LessThanOrEqual((c | Vector256.Create((ushort)0x20)) - Vector256.Create((ushort)'a'), Vector256.Create((ushort)25))
            | Vector256.LessThanOrEqual(c - Vector256.Create((ushort)'0'), Vector256.Create((ushort)9))
            | (Vector256.LessThanOrEqual(c - Vector256.Create((ushort)0xC0), Vector256.Create((ushort)0x3F))
                & ~Vector256.Equals(c | Vector256.Create((ushort)0x20), Vector256.Create((ushort)0xF7)));
        rare = (Vector256.GreaterThanOrEqual(c, Vector256.Create((ushort)0x100))
            | Vector256.LessThanOrEqual(c - Vector256.Create((ushort)0x80), Vector256.Create((ushort)0x3F))).ExtractMostSignificantBits();
        return word.ExtractMostSignificantBits();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong FixRare(ref char chars, ref char table, ulong word, ulong rare)
    {
        // The compares leave a rare character's bit clear; the table says whether it is a word character.
        while (rare != 0)
        {
            var k = BitOperations.TrailingZeroCount(rare);
            word |= (Unsafe.Add(ref table, Unsafe.Add(ref chars, k)) != 0 ? 1UL : 0UL) << k;
            rare &= rare - 1;
        }

        return word;
    }
}
