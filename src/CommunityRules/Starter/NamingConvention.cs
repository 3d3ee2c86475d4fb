using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CommunityRules.Starter;

/// <summary>
/// The naming convention a network's group names actually follow: a recurring prefix (country codes or others) and
/// its separator, the case of the topic, or lower-case words joined by one separator as Slack channels are. Candidates
/// are tried from the most specific to the least, and the first that a clear majority of names follow is the
/// convention; when none is, there is no convention, and the pattern is better switched off than reported on every group.
/// </summary>
internal sealed record NamingConvention(string? Pattern, string? Description, int Following, int Total, IReadOnlyList<string> Evidence)
{
    /// <summary>Gets the recurring prefixes in words, such as "131 of 137 groups start with a country code (…) and a hyphen (SE 37, …)", if there are any.</summary>
    public string? PrefixSummary { get; private init; }

    /// <summary>The share of names a convention must cover to count: three in four.</summary>
    public const double ClearMajority = 0.75;

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    // Two-letter codes read as countries or regions in the evidence; any recurring prefix counts, these only read better.
    private static readonly HashSet<string> CountryCodes = new(
        ["SE", "NO", "DK", "FI", "IS", "AX", "FO", "GL", "EE", "LV", "LT", "DE", "NL", "BE", "LU", "FR", "ES", "PT", "IT", "AT", "CH", "PL", "CZ", "SK", "HU", "IE", "UK", "GB", "US", "CA", "MX", "BR", "CN", "JP", "IN", "SG", "AU", "NZ", "ZA"],
        StringComparer.Ordinal);

    private static readonly (char Separator, string Name, string Plural)[] Separators =
    [
        ('-', "a hyphen", "hyphens"),
        ('_', "an underscore", "underscores"),
        (' ', "a space", "spaces"),
        ('.', "a full stop", "full stops"),
        (':', "a colon", "colons"),
        ('|', "a vertical bar", "vertical bars"),
        ('/', "a slash", "slashes"),
    ];

    /// <summary>Finds the convention of a list of group names.</summary>
    /// <param name="names">The names of the groups the naming rule looks at.</param>
    /// <returns>The convention, or one without a pattern when no candidate covers a clear majority.</returns>
    public static NamingConvention Find(IReadOnlyList<string> names)
    {
        var total = names.Count;
        if (total == 0)
        {
            return new NamingConvention(null, null, 0, 0, ["There are no groups to learn a naming convention from."]);
        }

        var candidates = new List<(string Pattern, string Description, string Because)>();
        var prefixes = RecurringPrefixes(names);
        if (prefixes is { } found)
        {
            var alternatives = string.Join('|', found.Spellings.Select(Regex.Escape));
            var separator = Regex.Escape(found.Separator.ToString());
            var what = Describe(found.Spellings, found.Countries);
            var sep = Name(found.Separator);
            var topicChars = TopicCharacters(names, found);
            candidates.Add(($"^({alternatives}){separator}\\p{{Lu}}[\\p{{L}}\\p{{N}}{topicChars}]*$", $"{what}, {sep.Name} and a topic starting with a capital letter", "and the topic after it starts with a capital letter"));
            candidates.Add(($"^({alternatives}){separator}[\\p{{Ll}}\\p{{N}}]+(?:{separator}[\\p{{Ll}}\\p{{N}}]+)*$", $"{what}, {sep.Name} and lower-case words joined by {sep.Plural}", $"and the rest is lower-case words joined by {sep.Plural}"));
            candidates.Add(($"^({alternatives}){separator}.+$", $"{what}, {sep.Name} and a topic", "and a topic"));
        }

        var wordSeparator = MostCommonSeparator(names);
        if (wordSeparator is { } joiner)
        {
            var separator = Regex.Escape(joiner.ToString());
            var plural = Name(joiner).Plural;
            candidates.Add(($"^[\\p{{Ll}}\\p{{N}}]+(?:{separator}[\\p{{Ll}}\\p{{N}}]+)*$", $"lower-case words joined by {plural}", $"are lower-case words joined by {plural}"));
        }
        else
        {
            candidates.Add(("^[\\p{Ll}\\p{N}]+$", "one lower-case word", "are one lower-case word"));
        }

        candidates.Add(("^\\p{Lu}", "a name starting with a capital letter", "start with a capital letter"));

        var best = (Pattern: (string?)null, Description: (string?)null, Because: string.Empty, Following: 0);
        foreach (var (pattern, description, because) in candidates)
        {
            var regex = new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
            var following = names.Count(name => regex.IsMatch(name));
            if (following >= ClearMajority * total)
            {
                return new NamingConvention(pattern, description, following, total, Because(prefixes, because, following, total)) { PrefixSummary = Summary(prefixes, total) };
            }

            if (following > best.Following)
            {
                best = (pattern, description, because, following);
            }
        }

        var closest = best.Description is null
            ? "no name follows any of the conventions looked for"
            : $"the closest, {best.Description}, is followed by {Count(best.Following, total)}";
        return new NamingConvention(null, null, best.Following, total, [
            $"No naming convention covers a clear majority (three in four) of the {Plural(total, "group")}: {closest}.",
            .. PrefixEvidence(prefixes, total),
        ]) { PrefixSummary = Summary(prefixes, total) };
    }

    private static string? Summary(Prefixes? prefixes, int total) => prefixes is { } found
        ? $"{found.Covered.ToString("N0", CultureInfo.InvariantCulture)} of {Plural(total, "group")} start with {Describe(found.Spellings, found.Countries)} and {Name(found.Separator).Name} ({Counts(found)})"
        : null;

    /// <summary>"87 of 140 groups (62 %)".</summary>
    internal static string Count(int part, int total) =>
        $"{part.ToString("N0", CultureInfo.InvariantCulture)} of {Plural(total, "group")} ({Percent(part, total)})";

    internal static string Percent(long part, long total) =>
        total == 0 ? "0 %" : ((double)part / total).ToString("0 %", CultureInfo.InvariantCulture);

    internal static string Plural(long count, string noun) =>
        $"{count.ToString("N0", CultureInfo.InvariantCulture)} {noun}{(count == 1 ? string.Empty : "s")}";

    private static IReadOnlyList<string> Because(Prefixes? prefixes, string because, int following, int total)
    {
        if (prefixes is { } found && because.StartsWith("and", StringComparison.Ordinal))
        {
            return [
                $"{Summary(found, total)};",
                $"{Count(following, total)} follow it {because}.",
            ];
        }

        return [$"{Count(following, total)} {because}.", .. PrefixEvidence(prefixes, total)];
    }

    private static IEnumerable<string> PrefixEvidence(Prefixes? prefixes, int total) => prefixes is { } found
        ? [$"{found.Covered.ToString("N0", CultureInfo.InvariantCulture)} of {Plural(total, "group")} start with a recurring prefix ({Counts(found)})."]
        : [];

    private static string Counts(Prefixes found) =>
        string.Join(", ", found.Spellings
            .OrderByDescending(spelling => found.CountOf[spelling])
            .ThenBy(spelling => spelling, StringComparer.Ordinal)
            .Select(spelling => $"{spelling} {found.CountOf[spelling].ToString("N0", CultureInfo.InvariantCulture)}"));

    private static string Describe(IReadOnlyList<string> spellings, bool countries)
    {
        var list = spellings.Count == 1 ? spellings[0] : string.Join(", ", spellings.Take(spellings.Count - 1)) + " or " + spellings[^1];
        return countries ? $"a country code ({list})" : $"a prefix ({list})";
    }

    private static (string Name, string Plural) Name(char separator)
    {
        foreach (var (candidate, name, plural) in Separators)
        {
            if (candidate == separator)
            {
                return (name, plural);
            }
        }

        return ($"'{separator}'", $"'{separator}'");
    }

    /// <summary>The first separator of a name after its leading run of letters and digits, if it is one we know.</summary>
    private static (string Prefix, char Separator)? Split(string name)
    {
        var end = 0;
        while (end < name.Length && char.IsLetterOrDigit(name[end]))
        {
            end++;
        }

        if (end == 0 || end >= name.Length - 1 || Array.FindIndex(Separators, s => s.Separator == name[end]) < 0)
        {
            return null;
        }

        return (name[..end], name[end]);
    }

    /// <summary>
    /// Prefixes used by several groups, case ignored, each in its most common spelling: "se-ekonomi" beside thirty
    /// "SE-…" names is a misspelt SE, not a convention of its own.
    /// </summary>
    private static Prefixes? RecurringPrefixes(IReadOnlyList<string> names)
    {
        var split = names.Select(Split).Where(s => s is not null).Select(s => s!.Value).ToList();
        if (split.Count == 0)
        {
            return null;
        }

        var separator = split.GroupBy(s => s.Separator).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        var minimum = Math.Max(2, (int)Math.Ceiling(0.03 * names.Count));
        var families = split.Where(s => s.Separator == separator)
            .GroupBy(s => s.Prefix.ToUpperInvariant(), StringComparer.Ordinal)
            .Where(family => family.Count() >= minimum)
            .Select(family => family.GroupBy(s => s.Prefix, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First())
            .ToList();

        // One word that starts two names ("sales-team", "sales-leads") is a shared topic, not a convention.
        if (families.Count == 0 || (families.Count == 1 && families[0].Count() < 3))
        {
            return null;
        }

        var spellings = families.Select(f => f.Key).Order(StringComparer.Ordinal).ToList();
        var countOf = families.ToDictionary(f => f.Key, f => f.Count(), StringComparer.Ordinal);
        var countries = spellings.All(s => CountryCodes.Contains(s.ToUpperInvariant()));
        return new Prefixes(spellings, separator, countOf, countOf.Values.Sum(), countries);
    }

    /// <summary>The punctuation the topics of the names with a prefix use, so "Q&amp;A" or "Sales/Ops" follow the convention.</summary>
    private static string TopicCharacters(IReadOnlyList<string> names, Prefixes prefixes)
    {
        var characters = new SortedSet<char>();
        foreach (var name in names)
        {
            if (Split(name) is { } split && split.Separator == prefixes.Separator && prefixes.CountOf.ContainsKey(split.Prefix))
            {
                foreach (var c in name.AsSpan(split.Prefix.Length + 1))
                {
                    if (!char.IsLetterOrDigit(c) && !char.IsControl(c))
                    {
                        characters.Add(c);
                    }
                }
            }
        }

        var result = new StringBuilder();
        foreach (var c in characters)
        {
            // Escape what a character class gives meaning to; write a space as a space so the pattern stays readable.
            result.Append(c is '\\' or ']' or '[' or '^' or '-' ? "\\" + c : c.ToString());
        }

        return result.ToString();
    }

    private static char? MostCommonSeparator(IReadOnlyList<string> names)
    {
        var counts = new Dictionary<char, int>();
        foreach (var name in names)
        {
            foreach (var (separator, _, _) in Separators)
            {
                if (name.Contains(separator, StringComparison.Ordinal))
                {
                    counts[separator] = counts.GetValueOrDefault(separator) + 1;
                }
            }
        }

        return counts.Count == 0 ? null : counts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key).First().Key;
    }

    private sealed record Prefixes(IReadOnlyList<string> Spellings, char Separator, IReadOnlyDictionary<string, int> CountOf, int Covered, bool Countries);
}
