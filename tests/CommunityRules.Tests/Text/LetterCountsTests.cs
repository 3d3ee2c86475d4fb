using CommunityRules.Text;

namespace CommunityRules.Tests.Text;

public sealed class LetterCountsTests
{
    // Capitals and small letters of several scripts, digits, marks, punctuation, surrogate pairs (𝐀 is a letter
    // outside the BMP: its halves are not letters one by one, as before) and ASCII around the vector boundaries.
    private const string Alphabet = "AZaz@[`{09 .,!?-ÅÄÖåäöÆØæøÉéÜüßẞÀÞþÿ×÷µ¿¡\u00AD ΑΒΓΔαβγδ İıIiŞşĞğ АБВабв 日本語 ǅǈ \u0301\u00A0\t\n😀𝐀ªº";

    // Every path on the same inputs: a path the CPU lacks falls back to the next narrower one, as in production.
    public static TheoryData<int> Widths => [.. Enum.GetValues<LetterCounts.Width>().Select(width => (int)width)];

    [Fact]
    public void The_check_counts_with_Vector256_where_the_CPU_has_it()
    {
        var expected = System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated ? LetterCounts.Width.Vector256
            : System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated ? LetterCounts.Width.Vector128
            : LetterCounts.Width.Scalar;
        Assert.Equal(expected, LetterCounts.Default);
    }

    [Theory]
    [InlineData("", 0, 0)]
    [InlineData("ÅÄÖ åäö", 6, 3)]
    [InlineData("ALLA MÅSTE BYTA LÖSENORD INNAN FREDAG!", 32, 32)]
    [InlineData("KAΛHMEPA ΣAΣ, ΚΑΛΗΜΕΡΑ ΣΑΣ", 22, 22)]
    [InlineData("İSTANBUL'DA ışık ve İzmir", 21, 11)]
    [InlineData("The Q3 report on KPI, NPS and EBITDA from HR and IT is now on the intranet.", 56, 18)]
    [InlineData("ǅemal ǈubljana", 13, 0)]
    [InlineData("𝐀𝐁𝐂 abc", 3, 0)]
    public void Counts_letters_and_capitals_of_every_script(string text, int letters, int capitals)
    {
        Assert.Equal((letters, capitals), LetterCounts.Count(text));
        foreach (var width in Enum.GetValues<LetterCounts.Width>())
        {
            Assert.Equal((letters, capitals), LetterCounts.Count(text, width));
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Counts_every_UTF16_code_unit_as_one_character_at_a_time_does(int widthNumber)
    {
        var width = (LetterCounts.Width)widthNumber;
        // 40 copies: one or more whole blocks of every width and a partial last one; 7 copies are shorter than any block.
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var text = new string((char)c, 40);
            Assert.True(OneAtATime(text) == LetterCounts.Count(text, width), $"U+{c:X4}");
            Assert.True(OneAtATime(text.AsSpan(0, 7)) == LetterCounts.Count(text.AsSpan(0, 7), width), $"U+{c:X4}, 7");
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Counts_each_character_once_where_the_last_block_overlaps_the_one_before(int widthNumber)
    {
        var width = (LetterCounts.Width)widthNumber;
        // One capital at each position of texts of every length up to five 512-bit blocks: a position counted twice or
        // missed shows up as a wrong count.
        for (var length = 1; length <= 160; length++)
        {
            for (var at = 0; at < length; at++)
            {
                var chars = new string('x', length).ToCharArray();
                chars[at] = 'Ö';
                Assert.True((length, 1) == LetterCounts.Count(chars, width), $"length {length}, capital at {at}");
                chars[at] = 'Ω';
                Assert.True((length, 1) == LetterCounts.Count(chars, width), $"length {length}, Greek capital at {at}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Counts_texts_longer_than_the_lane_counters_hold(int widthNumber)
    {
        var width = (LetterCounts.Width)widthNumber;
        // 16-bit lane counters are flushed every 32,768 blocks: 70,000 blocks of 32 characters are more than a lane holds.
        var text = new string('A', 32 * 70_000) + "ab";
        Assert.Equal((text.Length, text.Length - 2), LetterCounts.Count(text, width));
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Counts_as_one_character_at_a_time_does_at_every_length_and_offset(int widthNumber)
    {
        var width = (LetterCounts.Width)widthNumber;
        var random = new Random(2026);
        for (var round = 0; round < 20_000; round++)
        {
            var chars = new char[random.Next(0, 100)];
            var ascii = round % 3 == 0;
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = ascii ? (char)random.Next(0x20, 0x7F) : Alphabet[random.Next(Alphabet.Length)];
            }

            var from = chars.Length == 0 ? 0 : random.Next(chars.Length);
            var text = chars.AsSpan(from);
            Assert.Equal(OneAtATime(text), LetterCounts.Count(text, width));
        }
    }

    // The loop the shouting check ran before the vectorised count.
    private static (int Letters, int Capitals) OneAtATime(ReadOnlySpan<char> text)
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
}
