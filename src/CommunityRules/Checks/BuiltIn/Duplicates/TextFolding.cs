using System.Globalization;
using System.Text;

namespace CommunityRules.Checks.BuiltIn.Duplicates;

/// <summary>
/// Folds names, descriptions and topics so that spelling variants compare equal: case folded, diacritics removed
/// ("Göteborg" is "goteborg", "Økonomi" is "okonomi", "Bæredygtighed" is "baeredygtighed"), and split into words at
/// anything that is not a letter or digit ("se-ekonomi-SE" is "se", "ekonomi", "se").
/// </summary>
internal static class TextFolding
{
    /// <summary>
    /// Short function words in English and the Nordic languages. They carry no theme, and names such as "Trening og
    /// helse" and "Drift og logistikk" must not look alike because both have "og". Folded, like everything compared.
    /// </summary>
    public static readonly WordSet StopWords = new(
    [
        // English
        "a", "an", "and", "are", "as", "at", "by", "for", "from", "in", "is", "of", "on", "or", "our", "the", "to", "we", "with", "you", "your",
        // Swedish
        "att", "av", "de", "den", "det", "en", "ett", "for", "fran", "har", "hos", "i", "med", "och", "om", "oss", "pa", "som", "till", "vi", "ar",
        // Norwegian and Danish
        "af", "at", "der", "dere", "er", "et", "fra", "her", "og", "til", "ved",
        // Finnish
        "ja", "sekä", "tai", "on", "ei", "kuin",
    ]);

    /// <summary>The country codes and country names of the Nordic countries, in their own languages and in English.</summary>
    public static readonly IReadOnlyList<string> NordicCountryWords =
    [
        "SE", "NO", "DK", "FI", "IS",
        "Sverige", "Sweden", "Norge", "Noreg", "Norway", "Danmark", "Denmark", "Suomi", "Finland",
    ];

    /// <summary>Folds a text: lower case (invariant), diacritics removed, Nordic letters without a decomposition spelled out.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var character in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            // ø, æ and the like are letters of their own, not a letter with a mark: FormD leaves them alone.
            switch (char.ToLowerInvariant(character))
            {
                case 'ø':
                    builder.Append('o');
                    break;
                case 'æ':
                    builder.Append("ae");
                    break;
                case 'œ':
                    builder.Append("oe");
                    break;
                case 'ß':
                    builder.Append("ss");
                    break;
                case 'ð' or 'đ':
                    builder.Append('d');
                    break;
                case 'ł':
                    builder.Append('l');
                    break;
                case 'þ':
                    builder.Append("th");
                    break;
                case 'ı':
                    builder.Append('i');
                    break;
                case var lower:
                    builder.Append(lower);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Splits a text into folded words: runs of letters and digits.</summary>
    public static IEnumerable<string> Words(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var folded = Fold(text);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var isWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                yield return folded[start..i];
                start = -1;
            }
        }
    }
}

/// <summary>A set of folded words, looked up by ordinal comparison.</summary>
internal sealed class WordSet
{
    private readonly HashSet<string> _words;

    public WordSet(IEnumerable<string> words) =>
        _words = new HashSet<string>(words.Select(TextFolding.Fold).Where(word => word.Length > 0), StringComparer.Ordinal);

    public bool Contains(string foldedWord) => _words.Contains(foldedWord);
}
