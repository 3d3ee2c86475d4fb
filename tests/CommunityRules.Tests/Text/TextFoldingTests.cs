using System.Text;
using CommunityRules.Text;

namespace CommunityRules.Tests.Text;

/// <summary>
/// The one folding policy: its own tables agree with the runtime's Unicode data wherever that is available, and give
/// the Nordic answers the checks rely on in every globalization mode.
/// </summary>
public sealed class TextFoldingTests
{
    /// <summary>Letters newer than the ICU of many Linux images (Unicode 16): ICU leaves them alone, .NET's own data lowers them.</summary>
    private static readonly Dictionary<char, char> NewerThanSystemIcu = new()
    {
        ['\u1C89'] = '\u1C8A', ['\uA7CB'] = '\u0264', ['\uA7CC'] = '\uA7CD', ['\uA7DA'] = '\uA7DB', ['\uA7DC'] = '\u019B',
    };

    /// <summary>The letters with a stroke, bar or dot that Unicode does not decompose and the policy folds all the same.</summary>
    private static readonly Dictionary<char, char> WholeLetters = new()
    {
        ['ø'] = 'o', ['đ'] = 'd', ['ð'] = 'd', ['ł'] = 'l', ['ħ'] = 'h', ['ŧ'] = 't', ['ı'] = 'i', ['ŀ'] = 'l', ['ĸ'] = 'k', ['ŉ'] = 'n', ['ſ'] = 's',
    };

    [Fact]
    public void The_case_table_is_the_runtimes_simple_lower_case()
    {
        var different = new List<string>();
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            var expected = char.ToLowerInvariant(c);
            if (TextFolding.ToLower(c) != expected && !(NewerThanSystemIcu.TryGetValue(c, out var newer) && TextFolding.ToLower(c) == newer))
            {
                different.Add($"U+{i:X4}: ours U+{(int)TextFolding.ToLower(c):X4}, runtime U+{(int)expected:X4}");
            }
        }

        Assert.Empty(different);
    }

    [Fact]
    public void The_diacritic_table_is_Unicode_decomposition_into_a_letter_and_marks()
    {
        var different = new List<string>();
        var icu = IcuIsLoaded();
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            var ours = TextFolding.FoldChar(c, FoldOptions.Diacritics);
            var lower = TextFolding.ToLower(c);
            char expected;
            if (WholeLetters.TryGetValue(lower, out var whole))
            {
                expected = whole;
            }
            else if (char.IsSurrogate(c) || char.IsWhiteSpace(c))
            {
                continue;
            }
            else if (icu)
            {
                // Twice: İ lowers to itself and decomposes to I, and ǿ decomposes to ø.
                expected = StripWhole(TextFolding.ToLower(Strip(lower)));
            }
            else
            {
                // Without ICU the runtime cannot decompose: the table must still answer, and never with a mark or a
                // character that is not a letter when given a letter.
                expected = char.IsLetter(c) && !char.IsLetter(ours) ? '?' : ours;
            }

            if (ours != expected)
            {
                different.Add($"U+{i:X4} {c}: ours {ours}, expected {expected}");
            }
        }

        Assert.Empty(different);
    }

    [Theory]
    [InlineData((int)FoldOptions.CaseOnly, "ÅÄÖåäöØøÆæÉéÜüŁłĐđÐðİıßÞ", "åäöåäöøøææééüüłłđđððİıßþ")]
    [InlineData((int)FoldOptions.Diacritics, "ÅÄÖåäöØøÆæÉéÜüŁłĐđÐðİıßÞ", "aaoaaoooææeeuullddddiißþ")]
    [InlineData((int)(FoldOptions.Diacritics | FoldOptions.NordicSpelling), "ÅÄÖåäöØøÆæǢ œßÞ", "aeoaeoooeee est")]
    [InlineData((int)(FoldOptions.Diacritics | FoldOptions.SpellOut), "Bæredygtighed Œuvre Straße Þór", "baeredygtighed oeuvre strasse thor")]
    [InlineData((int)(FoldOptions.Diacritics | FoldOptions.SkipMarks), "Go\u0308teborg\tA\u030Angstro\u0308m", "goteborg angstrom")]
    [InlineData((int)FoldOptions.Diacritics, "Go\u0308teborg", "go\u0308teborg")]
    public void Folds_give_the_Nordic_answers_the_checks_rely_on(int options, string text, string folded) =>
        Assert.Equal(folded, TextFolding.Fold(text, (FoldOptions)options));

    [Theory]
    [InlineData("SE-O\u0308vrigt", "se-övrigt")]
    [InlineData("Teståret", "TESTÅRET")]
    [InlineData("İstanbul", "i\u0307stanbul")]
    public void Lower_decomposed_text_is_the_same_however_it_was_typed(string a, string b) =>
        Assert.Equal(TextFolding.LowerDecomposed(a), TextFolding.LowerDecomposed(b));

    [Fact]
    public void Lower_decomposed_is_ICUs_decomposition_of_the_lower_case_where_ICU_is_loaded()
    {
        const string Sample = "RÄKSMÖRGÅS blåbærsyltetøy Ǿ ǖ Ḝ ΐ Ё й Tiếng Việt";
        var ours = TextFolding.LowerDecomposed(Sample);
        Assert.Equal(Decomposed, ours);
        if (IcuIsLoaded())
        {
            Assert.Equal(Sample.ToLowerInvariant().Normalize(NormalizationForm.FormD), ours);
        }
    }

    // The sample above, lower case and decomposed, written out for runs without ICU.
    private const string Decomposed =
        "ra\u0308ksmo\u0308rga\u030As bla\u030Abærsyltetøy ø\u0301 u\u0308\u0304 e\u0327\u0306 \u03B9\u0308\u0301 \u0435\u0308 \u0438\u0306 tie\u0302\u0301ng vie\u0323\u0302t";

    private static char Strip(char c)
    {
        if (c < 0x80 || !char.IsLetter(c))
        {
            return c;
        }

        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        return decomposed.Length > 1 && char.IsLetter(decomposed[0]) && !decomposed.AsSpan(1).ContainsAnyExceptInRange('\u0300', '\u036F')
            ? decomposed[0]
            : c;
    }

    private static char StripWhole(char c)
    {
        var stripped = Strip(c);
        return WholeLetters.GetValueOrDefault(stripped, stripped);
    }

    private static bool IcuIsLoaded() => "é".Normalize(NormalizationForm.FormD).Length == 2;
}
