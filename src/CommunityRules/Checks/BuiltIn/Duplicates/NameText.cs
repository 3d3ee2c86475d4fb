using CommunityRules.Text;

namespace CommunityRules.Checks.BuiltIn.Duplicates;

/// <summary>
/// Folds names, descriptions and topics so that spelling variants compare equal: case folded, diacritics removed
/// ("Göteborg" is "goteborg", "Økonomi" is "okonomi", "Bæredygtighed" is "baeredygtighed"), and split into words at
/// anything that is not a letter, digit or mark ("se-ekonomi-SE" is "se", "ekonomi", "se").
/// </summary>
internal static class NameText
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

    /// <summary>
    /// Folds a text by the shared policy: lower case, diacritics removed, combining marks dropped, and the letters that
    /// stand for two spelled out (æ → ae, œ → oe, ß → ss, þ → th), as names are typed on an English keyboard.
    /// </summary>
    public static string Fold(string text) => TextFolding.Fold(text, FoldOptions.Diacritics | FoldOptions.SkipMarks | FoldOptions.SpellOut);

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
            var isWord = i < folded.Length && TextFolding.IsWordCharacter(folded[i]);
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
        _words = new HashSet<string>(words.Select(NameText.Fold).Where(word => word.Length > 0), StringComparer.Ordinal);

    public bool Contains(string foldedWord) => _words.Contains(foldedWord);
}
