using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using CommunityRules.Text;

namespace CommunityRules.Benchmarks;

/// <summary>
/// The letter count of <c>shouting</c> before Vector512 and lane counters (issue 14, second step): Vector256 or
/// Vector128 blocks with a pop-count of two masks per block and a scalar tail; kept to compare in one run.
/// </summary>
internal static class LetterCountsBefore
{
    public static (int Letters, int Capitals) Count(ReadOnlySpan<char> text)
    {
        int letters = 0, capitals = 0, i = 0;
        ref var start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        if (Vector256.IsHardwareAccelerated && text.Length >= Vector256<ushort>.Count)
        {
            for (; i <= text.Length - Vector256<ushort>.Count; i += Vector256<ushort>.Count)
            {
                var block = Vector256.LoadUnsafe(ref start, (nuint)i);
                // A–Z and À–Þ but ×; a–z, ß–ÿ but ÷, and ª µ º (letters without case or lower case).
                var upper = (Vector256.LessThanOrEqual(block - Vector256.Create((ushort)'A'), Vector256.Create((ushort)('Z' - 'A')))
                    | (Vector256.LessThanOrEqual(block - Vector256.Create((ushort)0xC0), Vector256.Create((ushort)(0xDE - 0xC0))) & ~Vector256.Equals(block, Vector256.Create((ushort)0xD7))))
                    .ExtractMostSignificantBits();
                var lower = (Vector256.LessThanOrEqual(block - Vector256.Create((ushort)'a'), Vector256.Create((ushort)('z' - 'a')))
                    | (Vector256.LessThanOrEqual(block - Vector256.Create((ushort)0xDF), Vector256.Create((ushort)(0xFF - 0xDF))) & ~Vector256.Equals(block, Vector256.Create((ushort)0xF7)))
                    | Vector256.Equals(block, Vector256.Create((ushort)0xAA)) | Vector256.Equals(block, Vector256.Create((ushort)0xB5)) | Vector256.Equals(block, Vector256.Create((ushort)0xBA)))
                    .ExtractMostSignificantBits();
                letters += BitOperations.PopCount(upper | lower);
                capitals += BitOperations.PopCount(upper);
                var other = Vector256.GreaterThan(block, Vector256.Create((ushort)0xFF)).ExtractMostSignificantBits();
                if (other != 0)
                {
                    LetterCounts.CountOthers(text, i, other, ref letters, ref capitals);
                }
            }
        }
        else if (Vector128.IsHardwareAccelerated && text.Length >= Vector128<ushort>.Count)
        {
            for (; i <= text.Length - Vector128<ushort>.Count; i += Vector128<ushort>.Count)
            {
                var block = Vector128.LoadUnsafe(ref start, (nuint)i);
                // A–Z and À–Þ but ×; a–z, ß–ÿ but ÷, and ª µ º (letters without case or lower case).
                var upper = (Vector128.LessThanOrEqual(block - Vector128.Create((ushort)'A'), Vector128.Create((ushort)('Z' - 'A')))
                    | (Vector128.LessThanOrEqual(block - Vector128.Create((ushort)0xC0), Vector128.Create((ushort)(0xDE - 0xC0))) & ~Vector128.Equals(block, Vector128.Create((ushort)0xD7))))
                    .ExtractMostSignificantBits();
                var lower = (Vector128.LessThanOrEqual(block - Vector128.Create((ushort)'a'), Vector128.Create((ushort)('z' - 'a')))
                    | (Vector128.LessThanOrEqual(block - Vector128.Create((ushort)0xDF), Vector128.Create((ushort)(0xFF - 0xDF))) & ~Vector128.Equals(block, Vector128.Create((ushort)0xF7)))
                    | Vector128.Equals(block, Vector128.Create((ushort)0xAA)) | Vector128.Equals(block, Vector128.Create((ushort)0xB5)) | Vector128.Equals(block, Vector128.Create((ushort)0xBA)))
                    .ExtractMostSignificantBits();
                letters += BitOperations.PopCount(upper | lower);
                capitals += BitOperations.PopCount(upper);
                var other = Vector128.GreaterThan(block, Vector128.Create((ushort)0xFF)).ExtractMostSignificantBits();
                if (other != 0)
                {
                    LetterCounts.CountOthers(text, i, other, ref letters, ref capitals);
                }
            }
        }

        var (tailLetters, tailCapitals) = LetterCounts.CountOneByOne(text[i..]);
        return (letters + tailLetters, capitals + tailCapitals);
    }
}
