using System.Globalization;
using CommunityRules.Text;

namespace CommunityRules.Checks.BuiltIn;

/// <summary>
/// Finds phrases in short texts such as group names, ignoring case by the shared <see cref="TextFolding"/> tables (so Å
/// and å, Ø and ø are the same letter, and a letter typed with a separate combining mark is the same letter) and
/// treating any letter or digit, Nordic letters included, as part of a word.
/// </summary>
internal sealed class PhraseMatcher(IReadOnlyList<string> phrases, TermMatch match)
{
    // Each phrase as written (trimmed) and as compared: lower case and decomposed by our tables, so "Övrigt" typed
    // composed or as "O" + U+0308 compares equal without ICU's normalization.
    private readonly (string Phrase, string Compared)[] _phrases =
    [
        .. phrases.Select(phrase => phrase.Trim()).Where(phrase => phrase.Length > 0)
            .Select(phrase => (phrase, TextFolding.LowerDecomposed(phrase))).DistinctBy(phrase => phrase.Item2, StringComparer.Ordinal),
    ];

    /// <summary>Returns the first phrase found in the text, in the order the phrases were given.</summary>
    public string? FindFirst(string text)
    {
        var compared = TextFolding.LowerDecomposed(text);
        foreach (var (phrase, comparedPhrase) in _phrases)
        {
            if (IsFound(compared, comparedPhrase))
            {
                return phrase;
            }
        }

        return null;
    }

    private bool IsFound(string text, string phrase)
    {
        switch (match)
        {
            case TermMatch.Exact:
                return string.Equals(text.Trim(), phrase, StringComparison.Ordinal);
            case TermMatch.Substring:
                return text.Contains(phrase, StringComparison.Ordinal);
        }

        for (var start = text.IndexOf(phrase, StringComparison.Ordinal); start >= 0; start = text.IndexOf(phrase, start + 1, StringComparison.Ordinal))
        {
            var end = start + phrase.Length;
            if ((start == 0 || !IsWordCharacter(text, start - 1)) && (end == text.Length || !IsWordCharacter(text, end)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWordCharacter(string text, int index) =>
        char.IsLetterOrDigit(text[index]) || CharUnicodeInfo.GetUnicodeCategory(text[index]) is UnicodeCategory.NonSpacingMark or UnicodeCategory.ConnectorPunctuation;
}
