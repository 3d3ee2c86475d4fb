using System.Globalization;
using CommunityRules.Text;

namespace CommunityRules.Checks.BuiltIn;

/// <summary>
/// Finds phrases in short texts such as group names, ignoring case with ordinal case folding (so Å and å, Ø and ø
/// are the same letter) and treating any letter or digit, Nordic letters included, as part of a word.
/// </summary>
internal sealed class PhraseMatcher(IReadOnlyList<string> phrases, TermMatch match)
{
    private readonly string[] _phrases = [.. phrases.Select(phrase => phrase.Trim().Normalize(System.Text.NormalizationForm.FormC)).Where(phrase => phrase.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>Returns the first phrase found in the text, in the order the phrases were given.</summary>
    public string? FindFirst(string text)
    {
        var normalized = text.Normalize(System.Text.NormalizationForm.FormC);
        foreach (var phrase in _phrases)
        {
            if (IsFound(normalized, phrase))
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
                return string.Equals(text.Trim(), phrase, StringComparison.OrdinalIgnoreCase);
            case TermMatch.Substring:
                return text.Contains(phrase, StringComparison.OrdinalIgnoreCase);
        }

        for (var start = text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase); start >= 0; start = text.IndexOf(phrase, start + 1, StringComparison.OrdinalIgnoreCase))
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
