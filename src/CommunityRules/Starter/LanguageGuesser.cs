using CommunityRules.Text;

namespace CommunityRules.Starter;

/// <summary>
/// A cheap guess at the languages of a network's posts: each text goes to the language (Swedish, Norwegian, Danish,
/// Finnish or English) with the most of its own common words, when at least two are found and no other language has
/// as many. The word lists keep only words that tell the languages apart (Norwegian "hva", Danish "hvad", Swedish
/// "vad"), so a short text in a close language is left unguessed rather than guessed wrong.
/// </summary>
internal sealed class LanguageGuesser
{
    /// <summary>The languages guessed, by ISO 639-1 code, in the order written out.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Known =
    [
        ("sv", "Swedish"),
        ("no", "Norwegian"),
        ("da", "Danish"),
        ("fi", "Finnish"),
        ("en", "English"),
    ];

    private static readonly Dictionary<string, int> LanguageOfWord = BuildWords();

    private readonly int[] _counts = new int[Known.Count];

    /// <summary>Gets how many texts were looked at.</summary>
    public int Sampled { get; private set; }

    /// <summary>Gets how many texts were given a language.</summary>
    public int Guessed => _counts.Sum();

    /// <summary>Gets how many texts were guessed to be in each language, in the order of <see cref="Known"/>.</summary>
    public IReadOnlyList<int> Counts => _counts;

    /// <summary>Guesses one text's language and counts it.</summary>
    /// <param name="text">The text.</param>
    public void Add(string text)
    {
        Sampled++;
        Span<int> hits = stackalloc int[Known.Count];
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetter(text[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                if (i - start <= 8 && LanguageOfWord.TryGetValue(TextFolding.ToLower(text[start..i]), out var language))
                {
                    hits[language]++;
                }

                start = -1;
            }
        }

        var best = -1;
        var tie = false;
        for (var language = 0; language < hits.Length; language++)
        {
            if (best < 0 || hits[language] > hits[best])
            {
                best = language;
                tie = false;
            }
            else if (hits[language] == hits[best])
            {
                tie = true;
            }
        }

        if (best >= 0 && hits[best] >= 2 && !tie)
        {
            _counts[best]++;
        }
    }

    private static Dictionary<string, int> BuildWords()
    {
        string[][] words =
        [
            // Swedish
            ["och", "att", "är", "inte", "jag", "för", "från", "också", "tack", "vad", "hur", "någon", "några", "mycket", "måste", "vill", "finns", "alla", "vår", "våra", "hej", "kommer", "efter", "sig", "oss", "detta"],

            // Norwegian (bokmål)
            ["hva", "noen", "mye", "etter", "nå", "takk", "blir", "kanskje", "uke", "møte", "gjøre", "ut", "dere", "deg", "meg", "seg", "ikkje", "hvorfor", "litt", "riktig", "enn", "hei", "vært", "bli"],

            // Danish
            ["hvad", "nogen", "nogle", "meget", "efter", "tak", "bliver", "måske", "uge", "møde", "gøre", "ud", "jer", "dig", "mig", "sig", "lidt", "rigtig", "af", "hej", "været", "blive", "nu"],

            // Finnish
            ["ja", "ei", "että", "kun", "mutta", "myös", "tai", "jos", "ole", "olla", "voi", "kiitos", "tämä", "mitä", "nyt", "vain", "kanssa", "oli", "ovat", "olen", "meillä", "onko", "hyvä", "uusi", "siitä", "tässä"],

            // English
            ["the", "and", "is", "are", "that", "with", "this", "you", "have", "what", "how", "thanks", "would", "should", "there", "not", "of", "to", "it", "be", "was", "they", "which", "from"],
        ];

        // A word in two lists tells nothing; keep only the words of one language.
        var seen = words.SelectMany(list => list.Distinct(StringComparer.Ordinal)).GroupBy(word => word, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var language = 0; language < words.Length; language++)
        {
            foreach (var word in words[language].Where(word => !seen.Contains(word)))
            {
                result.TryAdd(word, language);
            }
        }

        return result;
    }
}
