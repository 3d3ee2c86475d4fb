using CommunityRules.Text;

namespace CommunityRules.Tests.Text;

/// <summary>The vector word pass (bitmap of word characters, ASCII words hashed from 8-byte loads) against the scalar one.</summary>
public sealed class TermMatcherVectorTests
{
    // Letters of several scripts in both cases, digits, marks, Latin-1 symbols the compares must leave to the table
    // (ª µ º ² ¹ ¼ are word characters, « × ÷ ¿ are not), spaces of every kind, surrogate pairs and emoji.
    private const string Alphabet = "abcxyzABCXYZ0179 .,-+#'ÅÄÖåäöÆØæøÉéÜüßẞÀÞþÿ×÷µ¿¡ª²¹¼«»\u00AD\u00A0\t\n ΑΒαβ İıIi АБаб 日本 ǅ \u0301\u030A”–😀𝐀";

    private static readonly string[] Words = ["kanelbullar", "Wienerbrød", "blåbär", "möte", "KPI", "Q3", "a", "ab", "abc", "abcd", "abcde", "abcdefgh", "abcdefghi", "toiminnanohjausjärjestelmään", "2026", "x7", "æøå", "ÆØÅ"];

    [Fact]
    public void Every_UTF16_code_unit_is_a_word_character_in_the_bitmap_as_in_the_tables()
    {
        var table = TextFolding.For(false).WordTable;
        Assert.Equal(TextFolding.For(true).WordTable.Select(c => c != 0), table.Select(c => c != 0));

        // 200 copies: three full 64-bit words of the bitmap through the vector compares, then the partial one by the table.
        Span<ulong> bits = stackalloc ulong[4];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var text = new string((char)c, 200);
            bits.Clear();
            WordBits.Fill(text, 0, text.Length, bits, table);
            var expected = table[c] != 0;
            Assert.True(WordBits.NextSet(bits, 0) == (expected ? 0 : -1), $"U+{c:X4}");
            Assert.True(WordBits.NextClear(bits, 0) == (expected ? 200 : 0), $"U+{c:X4}");
        }
    }

    [Fact]
    public void ASCII_word_characters_fold_to_themselves_with_the_lower_case_bit_as_the_vector_hash_assumes()
    {
        foreach (var fold in new[] { false, true })
        {
            var table = TextFolding.For(fold).WordTable;
            for (var c = 0; c < 0x80; c++)
            {
                Assert.Equal(table[c] == 0 ? 0 : c | 0x20, (int)table[c]);
            }
        }
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void The_vector_and_scalar_passes_find_the_same_hits_at_every_length_and_offset(bool caseTerms, bool diacriticTerms)
    {
        var random = new Random(2026);
        for (var round = 0; round < 3_000; round++)
        {
            var text = RandomText(random, random.Next(0, round % 50 == 0 ? 9_000 : 300));
            var terms = new List<(string, bool, TermMatch, object)>();
            for (var t = 0; t < 30; t++)
            {
                var term = random.Next(3) switch
                {
                    0 => Words[random.Next(Words.Length)],
                    1 when text.Length > 0 => Piece(text, random.Next(text.Length), 1 + random.Next(12)),
                    _ => RandomText(random, 1 + random.Next(10)),
                };
                var fold = caseTerms && diacriticTerms ? random.Next(2) == 0 : diacriticTerms;
                if ((caseTerms || diacriticTerms) && !string.IsNullOrWhiteSpace(term))
                {
                    terms.Add((term, fold, TermMatch.WholeWord, t));
                }
            }

            if (terms.Count == 0)
            {
                terms.Add(("a b", false, TermMatch.WholeWord, 0));
            }

            var matcher = TermMatcher.Create(terms);
            var from = text.Length == 0 ? 0 : random.Next(text.Length);
            var span = text.AsSpan(from, random.Next(text.Length - from + 1));
            var scalar = new CollectingSink(matcher);
            matcher.Scan(span, ref scalar, vectorized: false);
            var vector = new CollectingSink(matcher);
            matcher.Scan(span, ref vector, vectorized: true);
            Assert.Equal(scalar.Hits, vector.Hits);
        }
    }

    [Fact]
    public void A_word_across_the_end_of_a_bitmap_window_is_found_once_and_whole()
    {
        foreach (var offset in new[] { -20, -11, -5, -1, 0, 1, 5 })
        {
            var text = new string(' ', WordBits.Window + offset) + "toiminnanohjausjärjestelmään Kanelbullar " + new string('x', WordBits.Window) + " kanelbullar";
            var matcher = TermMatcher.Create([("toiminnanohjausjärjestelmään", false, TermMatch.WholeWord, 0), ("kanelbullar", true, TermMatch.WholeWord, 1), (new string('x', WordBits.Window), false, TermMatch.WholeWord, 2)]);
            var scalar = new CollectingSink(matcher);
            matcher.Scan(text, ref scalar, vectorized: false);
            var vector = new CollectingSink(matcher);
            matcher.Scan(text, ref vector, vectorized: true);
            Assert.Equal(4, scalar.Hits.Count);
            Assert.Equal(scalar.Hits, vector.Hits);
        }
    }

    private static string Piece(string text, int start, int length) => text.Substring(start, Math.Min(length, text.Length - start));

    private static string RandomText(Random random, int length)
    {
        var chars = new System.Text.StringBuilder(length + 30);
        while (chars.Length < length)
        {
            switch (random.Next(4))
            {
                case 0:
                    chars.Append(Words[random.Next(Words.Length)]);
                    break;
                case 1:
                    chars.Append(' ');
                    break;
                case 2:
                    chars.Append((char)random.Next(0x20, 0x7F));
                    break;
                default:
                    chars.Append(Alphabet[random.Next(Alphabet.Length)]);
                    break;
            }
        }

        return chars.ToString(0, length);
    }
}
