using System.Globalization;
using CommunityRules.Text;

namespace CommunityRules.Tests.Text;

public sealed class CharacterCountTests
{
    [Fact]
    public void Counts_as_people_see_characters_wherever_a_combining_mark_or_emoji_falls()
    {
        // Texts of every length around the 16- and 32-character blocks, with one combining accent, emoji or character
        // at or above U+0300 at each position: a block that misses it would count UTF-16 units instead.
        string[] specials = ["e\u0301", "😀", "\u0300", "Ω", "日", "👍🏽"];
        for (var length = 0; length <= 100; length++)
        {
            var plain = new string('a', length);
            Assert.Equal(length, FieldMatcher.CountCharacters(plain));
            foreach (var special in specials)
            {
                for (var at = 0; at <= length; at++)
                {
                    var text = plain.Insert(at, special);
                    Assert.True(TextElements(text) == FieldMatcher.CountCharacters(text), $"'{special}' at {at} of {length}");
                }
            }
        }
    }

    [Fact]
    public void Latin_1_and_Nordic_letters_are_one_character_each()
    {
        const string text = "Åsa, Øystein och Märta: ÿ þ ß © ½ ×÷ ʼ ˿";
        Assert.Equal(text.Length, FieldMatcher.CountCharacters(text));
    }

    private static int TextElements(string text) => new StringInfo(text).LengthInTextElements;
}
