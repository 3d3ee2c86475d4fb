using CommunityRules.Text;

namespace CommunityRules.Tests.Text;

public sealed class LetterCountsTests
{
    // Capitals and small letters of several scripts, digits, marks, punctuation, surrogate pairs (𝐀 is a letter
    // outside the BMP: its halves are not letters one by one, as before) and ASCII around the vector boundaries.
    private const string Alphabet = "AZaz@[`{09 .,!?-ÅÄÖåäöÆØæøÉéÜüßẞÀÞþÿ×÷µ¿¡\u00AD ΑΒΓΔαβγδ İıIiŞşĞğ АБВабв 日本語 ǅǈ \u0301\u00A0\t\n😀𝐀ªº";

    [Theory]
    [InlineData("", 0, 0)]
    [InlineData("ÅÄÖ åäö", 6, 3)]
    [InlineData("ALLA MÅSTE BYTA LÖSENORD INNAN FREDAG!", 32, 32)]
    [InlineData("KAΛHMEPA ΣAΣ, ΚΑΛΗΜΕΡΑ ΣΑΣ", 22, 22)]
    [InlineData("İSTANBUL'DA ışık ve İzmir", 21, 11)]
    [InlineData("The Q3 report on KPI, NPS and EBITDA from HR and IT is now on the intranet.", 56, 18)]
    [InlineData("ǅemal ǈubljana", 13, 0)]
    [InlineData("𝐀𝐁𝐂 abc", 3, 0)]
    public void Counts_letters_and_capitals_of_every_script(string text, int letters, int capitals) =>
        Assert.Equal((letters, capitals), LetterCounts.Count(text));

    [Fact]
    public void Counts_every_UTF16_code_unit_as_one_character_at_a_time_does()
    {
        // 40 copies go through the vector path (32 or 16 at a time) and the scalar tail.
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var text = new string((char)c, 40);
            Assert.True(OneAtATime(text) == LetterCounts.Count(text), $"U+{c:X4}");
        }
    }

    [Fact]
    public void Counts_as_one_character_at_a_time_does_at_every_length_and_offset()
    {
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
            Assert.Equal(OneAtATime(text), LetterCounts.Count(text));
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
