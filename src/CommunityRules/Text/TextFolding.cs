using System.Globalization;
using System.Text;

namespace CommunityRules.Text;

/// <summary>
/// How text is compared when terms are matched: one folded character per UTF-16 character, so positions in the folded
/// text are positions in the post. Case is always folded (invariant lower case, so Å and å, Ø and ø are one letter);
/// whitespace of any kind folds to a plain space (the matcher lets a run of it match one space of a term); with diacritics folded, letters lose their marks (å, ä, á → a;
/// ö, ø, ó → o; é → e; ü → u) while æ and ß stay as they are because they stand for two letters.
/// </summary>
internal sealed class TextFolding
{
    private static readonly Lazy<TextFolding> CaseOnly = new(() => new TextFolding(foldDiacritics: false));
    private static readonly Lazy<TextFolding> CaseAndDiacritics = new(() => new TextFolding(foldDiacritics: true));

    // Indexed by UTF-16 code unit. Word is 0 for characters that are not part of a word.
    private readonly char[] _word = new char[char.MaxValue + 1];
    private readonly char[] _any = new char[char.MaxValue + 1];

    private TextFolding(bool foldDiacritics)
    {
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            var folded = Fold(c, foldDiacritics);
            _any[i] = folded;
            _word[i] = IsWordCharacter(c) ? folded : '\0';
        }
    }

    /// <summary>Gets the folding for a term list.</summary>
    public static TextFolding For(bool foldDiacritics) => foldDiacritics ? CaseAndDiacritics.Value : CaseOnly.Value;

    /// <summary>Gets the table from a character to its folded form, or to 0 when the character is not part of a word.</summary>
    public char[] WordTable => _word;

    /// <summary>Gets the table from any character to its folded form.</summary>
    public char[] AnyTable => _any;

    /// <summary>Letters, digits and combining marks make words; everything else (spaces, punctuation, symbols, emoji) separates them.</summary>
    public static bool IsWordCharacter(char c)
    {
        if (char.IsSurrogate(c))
        {
            return false;
        }

        return char.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            _ => false,
        };
    }

    /// <summary>Folds a term or any text the slow way, for building tables and for reference tests.</summary>
    public string Fold(ReadOnlySpan<char> text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            result.Append(_any[c]);
        }

        return result.ToString();
    }

    private static char Fold(char c, bool foldDiacritics)
    {
        if (char.IsSurrogate(c))
        {
            return c;
        }

        if (char.IsWhiteSpace(c))
        {
            return ' ';
        }

        var lower = char.ToLowerInvariant(c);
        if (!foldDiacritics)
        {
            return lower;
        }

        // Twice, because stripping can uncover more to fold: İ has no one-char lower case but decomposes to I, and ǿ to ø.
        return StripMarks(char.ToLowerInvariant(StripMarks(lower)));
    }

    private static char StripMarks(char c)
    {
        switch (c)
        {
            // Letters whose stroke is not a combining mark in Unicode, so decomposition leaves them alone.
            case 'ø': return 'o';
            case 'đ': return 'd';
            case 'ł': return 'l';
            case 'ħ': return 'h';
        }

        if (c < 0x80 || !char.IsLetter(c))
        {
            return c;
        }

        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        return decomposed.Length > 1 && char.IsLetter(decomposed[0]) && decomposed.AsSpan(1).ContainsAnyExcept(CombiningMarks) is false
            ? decomposed[0]
            : c;
    }

    private static readonly System.Buffers.SearchValues<char> CombiningMarks = System.Buffers.SearchValues.Create(
        string.Concat(Enumerable.Range(0x300, 0x70).Select(code => (char)code)));
}
