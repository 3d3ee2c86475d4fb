using System.Globalization;
using System.Text;

namespace CommunityRules.Text;

/// <summary>What a fold does beyond lower case; each check says which it needs.</summary>
[Flags]
internal enum FoldOptions
{
    /// <summary>Case only: lower case by our own table, whitespace of any kind a plain space.</summary>
    CaseOnly = 0,

    /// <summary>
    /// Letters lose their marks (å, ä, á → a; ö, ø, ó → o; é → e; ü → u; đ, ð → d; ł → l; ı, İ → i); æ, œ, ß and þ
    /// stay, because they stand for two letters.
    /// </summary>
    Diacritics = 1,

    /// <summary>
    /// A combining mark from U+0300 to U+036F (text typed decomposed: "a" + U+0308) folds to <see cref="TextFolding.Skip"/>,
    /// so a reader that skips it sees the letter alone. Without it such a mark is a word character folded as itself.
    /// </summary>
    SkipMarks = 2,

    /// <summary>
    /// With <see cref="Diacritics"/>, in <see cref="TextFolding.Fold(ReadOnlySpan{char}, FoldOptions)"/> only: the letters
    /// that stand for two are written out (æ → ae, œ → oe, ß → ss, þ → th), as names are typed on an English keyboard.
    /// </summary>
    SpellOut = 4,

    /// <summary>
    /// With <see cref="Diacritics"/>: a spelling key of one letter per letter for Swedish, Danish and Norwegian
    /// words: ä, æ and œ become e (hälsa, helse; hjälp, hjælp), ß becomes s and þ becomes t.
    /// </summary>
    NordicSpelling = 8,
}

/// <summary>
/// The one text-folding policy: how every check compares text, by our own tables, never ICU or the culture, so results
/// are the same with <c>DOTNET_SYSTEM_GLOBALIZATION_INVARIANT</c>, any <c>LANG</c> and any time zone. One folded
/// character per UTF-16 character (except <see cref="FoldOptions.SpellOut"/>), so positions in folded text are
/// positions in the post. Case is folded by the simple lower-case mappings of Unicode (Å and å, Ø and ø are one
/// letter; İ stays İ unless diacritics are folded); whitespace of any kind folds to a plain space; diacritics by
/// canonical decomposition into a letter and marks from U+0300 to U+036F, plus the letters with a stroke or a dot
/// that Unicode does not decompose (ø, đ, ł, ħ, ŧ, ð, ı, ŀ, ĸ, ŉ, ſ).
/// </summary>
internal sealed partial class TextFolding
{
    /// <summary>What a combining mark folds to with <see cref="FoldOptions.SkipMarks"/>: part of the word, not compared.</summary>
    public const char Skip = '\uFFFF';

    private static readonly TextFolding?[] Foldings = new TextFolding?[16];

    private static readonly char[] Lower = BuildLowerTable();

    private static readonly Dictionary<char, string> Decomposed = BuildDecomposed();

    private static readonly Dictionary<char, char> BaseLetters = BuildBaseLetters();

    // Indexed by UTF-16 code unit. Word is 0 for characters that are not part of a word.
    private readonly char[] _word = new char[char.MaxValue + 1];
    private readonly char[] _any = new char[char.MaxValue + 1];
    private readonly FoldOptions _options;

    private TextFolding(FoldOptions options)
    {
        _options = options;
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            var folded = FoldChar(c, options);
            _any[i] = folded;
            _word[i] = IsWordCharacter(c) ? folded : '\0';
        }
    }

    /// <summary>Gets the folding for a term list: case only, or case and diacritics.</summary>
    public static TextFolding For(bool foldDiacritics) => For(foldDiacritics ? FoldOptions.Diacritics : FoldOptions.CaseOnly);

    /// <summary>Gets the tables for a set of options; built once per process.</summary>
    public static TextFolding For(FoldOptions options)
    {
        var index = (int)options & 15;
        return Volatile.Read(ref Foldings[index]) ?? InterlockedSet(index, new TextFolding(options & ~FoldOptions.SpellOut));

        static TextFolding InterlockedSet(int index, TextFolding folding) =>
            Interlocked.CompareExchange(ref Foldings[index], folding, null) ?? folding;
    }

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

        // Unicode categories come with the runtime, not from ICU.
        return char.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            _ => false,
        };
    }

    /// <summary>The simple lower case of a character by our table: what <see cref="char.ToLowerInvariant"/> gives without ICU.</summary>
    public static char ToLower(char c) => Lower[c];

    /// <summary>A string in lower case by our table (ASCII and unchanged strings are not copied).</summary>
    public static string ToLower(string text)
    {
        var first = 0;
        while (first < text.Length && Lower[text[first]] == text[first])
        {
            first++;
        }

        if (first == text.Length)
        {
            return text;
        }

        return string.Create(text.Length, (text, first), static (span, state) =>
        {
            state.text.AsSpan().CopyTo(span);
            for (var i = state.first; i < span.Length; i++)
            {
                span[i] = Lower[span[i]];
            }
        });
    }

    /// <summary>
    /// A text in lower case with its letters' marks written apart ("Ö" and "O" + U+0308 are both "o" + U+0308), by our
    /// tables: a form in which text typed composed and decomposed compare equal, where ICU's normalization is not
    /// available.
    /// </summary>
    public static string LowerDecomposed(string text)
    {
        var result = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            var lower = Lower[c];
            if (Decomposed.TryGetValue(lower, out var decomposed))
            {
                result.Append(decomposed);
            }
            else
            {
                result.Append(lower);
            }
        }

        return result.ToString();
    }

    /// <summary>Folds one character as <paramref name="options"/> say (<see cref="FoldOptions.SpellOut"/> aside).</summary>
    public static char FoldChar(char c, FoldOptions options)
    {
        if (char.IsSurrogate(c))
        {
            return c;
        }

        if (char.IsWhiteSpace(c))
        {
            return ' ';
        }

        if (c is >= '\u0300' and <= '\u036F' && (options & FoldOptions.SkipMarks) != 0)
        {
            return Skip;
        }

        var lower = Lower[c];
        if ((options & FoldOptions.Diacritics) == 0)
        {
            return lower;
        }

        // Before and after the marks come off: ä is e, and so is ǟ (ä with a macron).
        var nordic = (options & FoldOptions.NordicSpelling) != 0;
        if (nordic && NordicKey(lower) is var key and not '\0')
        {
            return key;
        }

        var letter = BaseLetters.GetValueOrDefault(lower, lower);
        return nordic && NordicKey(letter) is var baseKey and not '\0' ? baseKey : letter;
    }

    /// <summary>Folds a text, the slow way: for terms, names and topics, and for building tables.</summary>
    public static string Fold(ReadOnlySpan<char> text, FoldOptions options)
    {
        var result = new StringBuilder(text.Length);
        var spellOut = (options & (FoldOptions.SpellOut | FoldOptions.Diacritics)) == (FoldOptions.SpellOut | FoldOptions.Diacritics);
        foreach (var c in text)
        {
            var folded = FoldChar(c, options);
            switch (folded)
            {
                case Skip:
                    break;
                case 'æ' when spellOut:
                    result.Append("ae");
                    break;
                case 'œ' when spellOut:
                    result.Append("oe");
                    break;
                case 'ß' when spellOut:
                    result.Append("ss");
                    break;
                case 'þ' when spellOut:
                    result.Append("th");
                    break;
                default:
                    result.Append(folded);
                    break;
            }
        }

        return result.ToString();
    }

    /// <summary>Folds a term or any text with this folding's options, the slow way, for building tables and for reference tests.</summary>
    public string Fold(ReadOnlySpan<char> text) => Fold(text, _options);

    private static char NordicKey(char lower) => lower switch
    {
        'ä' or 'æ' or 'œ' => 'e',
        'ß' => 's',
        'þ' => 't',
        _ => '\0',
    };

    private static char[] BuildLowerTable()
    {
        var table = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            table[i] = (char)i;
        }

        var runs = LowerCaseRuns;
        for (var r = 0; r < runs.Length; r += 4)
        {
            for (var c = runs[r]; c <= runs[r + 1]; c += runs[r + 3])
            {
                table[c] = (char)(c + runs[r + 2]);
            }
        }

        return table;
    }

    private static Dictionary<char, string> BuildDecomposed()
    {
        var decomposed = new Dictionary<char, string>();
        for (var i = 0; i < Decompositions.Length;)
        {
            // A record: the letter, its base letter, then one or more marks.
            var start = i;
            i += 2;
            while (i < Decompositions.Length && Decompositions[i] is >= '\u0300' and <= '\u036F')
            {
                i++;
            }

            decomposed[Decompositions[start]] = string.Concat(Lower[Decompositions[start + 1]].ToString(), Decompositions.AsSpan(start + 2, i - start - 2));
        }

        return decomposed;
    }

    private static Dictionary<char, char> BuildBaseLetters()
    {
        var letters = Decomposed.ToDictionary(entry => entry.Key, entry => entry.Value[0]);

        // Letters with a stroke, a bar or a dot that Unicode keeps whole, and a base letter that is itself one (ǿ is ø + ́).
        ReadOnlySpan<(char Letter, char Base)> whole =
        [
            ('ø', 'o'), ('đ', 'd'), ('ð', 'd'), ('ł', 'l'), ('ħ', 'h'), ('ŧ', 't'), ('ı', 'i'), ('ŀ', 'l'), ('ĸ', 'k'), ('ŉ', 'n'), ('ſ', 's'),
        ];
        foreach (var (letter, baseLetter) in whole)
        {
            letters[letter] = baseLetter;
        }

        foreach (var (letter, baseLetter) in letters.ToArray())
        {
            foreach (var (wholeLetter, wholeBase) in whole)
            {
                if (baseLetter == wholeLetter)
                {
                    letters[letter] = wholeBase;
                }
            }
        }

        return letters;
    }
}
