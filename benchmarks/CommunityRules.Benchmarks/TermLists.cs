using System.Globalization;
using System.Text;

namespace CommunityRules.Benchmarks;

/// <summary>
/// The discouraged-term lists of the posting-guidelines benchmarks (10, 100, 1,000 and 10,000 terms) and the rule
/// files that use them. Deterministic: every process builds the same lists. A few terms are words that the sample
/// generator's phrasebook really writes, so some posts match; the rest are synthesized Nordic-looking words and
/// phrases that (almost) never occur.
/// </summary>
internal static class TermLists
{
    /// <summary>The term counts every text benchmark is run at.</summary>
    public static readonly int[] Counts = [10, 100, 1_000, 10_000];

    /// <summary>
    /// Gets the term counts the benchmarks run at: <see cref="Counts"/>, or those in the environment variable
    /// <c>COMMUNITYRULES_BENCH_TERMS</c> (such as <c>10000</c> or <c>10,10000</c>) for a quicker partial run.
    /// </summary>
    public static IEnumerable<int> BenchmarkCounts =>
        Environment.GetEnvironmentVariable("COMMUNITYRULES_BENCH_TERMS") is { Length: > 0 } value
            ? value.Split(',').Select(count => int.Parse(count, CultureInfo.InvariantCulture))
            : Counts;

    private const int Seed = 2026;

    // Words and phrases the generator's phrasebook (samples/CommunityRules.SampleNetwork/Phrasebook.cs) writes into
    // posts, each only into a small share of them (a poll option, a single announcement or question). Listed
    // roughly from rare to common; a list of n terms takes the first RealTermsFor(n).
    private static readonly string[] _realTerms =
    [
        "kanelbullar", "Wienerbrød", "karjalanpiirakoita", "Skoleboller", "chocolate balls",
        "toiminnanohjausjärjestelmään", "hållbarhetsrapport", "bæredygtighedsrapport", "ERP system",
        "vastuullisuusraporttimme", "bærekraftsrapporten", "omorganisationen", "tidsregistreringen",

        // One sentence in each language's pool of twelve: each of these is in about 2% of posts. Two of the five
        // keep the 10,000-term list at about 6% of posts with a term; all five would make it 14%.
        "lomasuunnittelusta", "holiday planning",
    ];

    private static readonly string[] _onsets =
        ["b", "br", "d", "dr", "f", "fj", "g", "gr", "h", "j", "k", "kl", "kv", "l", "m", "n", "p", "pr", "r", "s", "sk", "skj", "sl", "sn", "st", "str", "sv", "t", "tr", "v", "bl", "fl", "gl", "pl"];

    private static readonly string[] _vowels =
        ["a", "e", "i", "o", "u", "y", "å", "ä", "ö", "æ", "ø", "aa", "ei", "au", "ie", "uo", "yö", "ää", "öö"];

    private static readonly string[] _codas =
        ["", "", "n", "r", "l", "s", "t", "k", "nd", "ng", "rt", "st", "ll", "kk", "tt", "nn", "rk", "mp", "sj"];

    private static readonly string[] _initialVowels = ["å", "ä", "ö", "æ", "ø"];

    // Ordinary English words make some synthesized phrases look like the real thing without being in the corpus.
    private static readonly string[] _englishParts =
        ["quick", "deal", "offer", "crypto", "bonus", "free", "guaranteed", "urgent", "secret", "winner", "cheap", "profit", "click", "limited", "exclusive"];

    /// <summary>How many terms of a list of <paramref name="count"/> are real phrasebook words.</summary>
    /// <param name="count">The size of the list.</param>
    /// <returns>The number of real terms.</returns>
    public static int RealTermsFor(int count) => count switch
    {
        <= 10 => 1,
        <= 100 => 3,
        <= 1_000 => 8,
        _ => _realTerms.Length,
    };

    /// <summary>Builds the list of <paramref name="count"/> distinct terms (distinct case-insensitively).</summary>
    /// <param name="count">The number of terms.</param>
    /// <returns>The terms, real ones spread through the list.</returns>
    public static string[] Create(int count)
    {
        var random = new Random(Seed + count);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var terms = new List<string>(count);
        foreach (var real in _realTerms.Take(RealTermsFor(count)))
        {
            seen.Add(real);
            terms.Add(real);
        }

        while (terms.Count < count)
        {
            var term = Synthesize(random);
            if (seen.Add(term))
            {
                terms.Add(term);
            }
        }

        // Shuffle so the real terms are not all at the front of the list (a matcher must not profit from order).
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(terms));
        return [.. terms];
    }

    /// <summary>
    /// Writes the rule file for <paramref name="count"/> terms (plus its terms file from 1,000 terms up) into a
    /// folder under the benchmark cache, and returns its path. The file is rewritten only when its text changed.
    /// </summary>
    /// <param name="count">The number of terms.</param>
    /// <returns>The path of the YAML rule file.</returns>
    public static string WriteRuleFile(int count) =>
        WriteRuleFile(count, Path.Combine(Path.GetTempPath(), "communityrules-benchmarks", "guidelines-rules"));

    /// <summary>Writes the rule file for <paramref name="count"/> terms into <paramref name="folder"/> (the test of the benchmark corpus's findings uses a folder of its own).</summary>
    /// <param name="count">The number of terms.</param>
    /// <param name="folder">The folder to write into; made if missing.</param>
    /// <returns>The path of the YAML rule file.</returns>
    public static string WriteRuleFile(int count, string folder)
    {
        Directory.CreateDirectory(folder);
        var terms = Create(count);
        var yaml = new StringBuilder();
        yaml.Append(CultureInfo.InvariantCulture, $"""
            # Posting-guidelines benchmark rules: {count:N0} discouraged terms and every personal-data detector.
            # Generated by benchmarks/CommunityRules.Benchmarks/TermLists.cs; do not edit.
            rules:
              - id: BENCH001
                title: Discouraged terms
                category: guidelines
                severity: warning
                target: post
                check: terms
                options:

            """);
        if (count >= 1_000)
        {
            var termsFile = string.Create(CultureInfo.InvariantCulture, $"terms-{count}.txt");
            WriteIfChanged(Path.Combine(folder, termsFile), string.Join('\n', terms) + "\n");
            yaml.Append(CultureInfo.InvariantCulture, $"      termsFile: {termsFile}\n");
        }
        else
        {
            yaml.Append("      terms:\n");
            foreach (var term in terms)
            {
                yaml.Append("        - \"").Append(term).Append("\"\n");
            }
        }

        yaml.Append("""
                message: "Avoid '{term}'"
              - id: BENCH002
                title: No personal data
                category: privacy
                severity: error
                target: post
                check: personalData
                message: "{detector} {value}"

            """);
        var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"guidelines-{count}.yaml"));
        WriteIfChanged(path, yaml.ToString());
        return path;
    }

    private static void WriteIfChanged(string path, string text)
    {
        // Several benchmark processes may start at once; identical content means nothing to do.
        if (File.Exists(path) && string.Equals(File.ReadAllText(path), text, StringComparison.Ordinal))
        {
            return;
        }

        var partial = path + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
        File.WriteAllText(partial, text);
        File.Move(partial, path, overwrite: true);
    }

    private static string Synthesize(Random random)
    {
        var roll = random.NextDouble();
        if (roll < 0.04)
        {
            // A long compound, as Nordic languages build them: three to five words run together, over 20 characters.
            var compound = new StringBuilder();
            var parts = random.Next(3, 6);
            while (compound.Length <= 20 || parts-- > 0)
            {
                compound.Append(Word(random, random.Next(2, 4)));
            }

            return compound.ToString();
        }

        if (roll < 0.14)
        {
            // A two-word phrase.
            var first = random.NextDouble() < 0.3 ? random.GetItems(_englishParts, 1)[0] : Word(random, random.Next(1, 4));
            return first + " " + Word(random, random.Next(1, 4));
        }

        var word = Word(random, random.Next(2, 5));
        return random.NextDouble() < 0.08 ? random.GetItems(_initialVowels, 1)[0] + word : word;
    }

    private static string Word(Random random, int syllables)
    {
        var word = new StringBuilder();
        for (var i = 0; i < syllables; i++)
        {
            word.Append(Pick(random, _onsets)).Append(Pick(random, _vowels)).Append(Pick(random, _codas));
        }

        return word.ToString();
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];
}
