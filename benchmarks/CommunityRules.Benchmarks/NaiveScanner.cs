using System.Text.RegularExpressions;
using CommunityRules.Model;

namespace CommunityRules.Benchmarks;

/// <summary>
/// The naive way to check posting guidelines, the baseline the compiled matcher has to beat: one compiled
/// <c>\bterm\b</c> case-insensitive regex per term and one regex per personal-data detector, each tested against
/// the title and the text of every post with <see cref="Regex.IsMatch(string)"/>.
/// </summary>
internal sealed class NaiveScanner
{
    private readonly Regex[] _rules;
    private readonly int _termCount;

    /// <summary>Initializes a new instance of the <see cref="NaiveScanner"/> class, compiling one regex per term and per detector.</summary>
    /// <param name="terms">The discouraged terms.</param>
    public NaiveScanner(IEnumerable<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        const RegexOptions options = RegexOptions.Compiled | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
        _rules =
        [
            .. terms.Select(term => new Regex(@"\b" + Regex.Escape(term) + @"\b", options)),
            .. PersonalDataPatterns.All.Select(pattern => new Regex(pattern.Pattern, RegexOptions.Compiled | RegexOptions.CultureInvariant)),
        ];
        _termCount = _rules.Length - PersonalDataPatterns.All.Count;
    }

    /// <summary>Gets the number of regexes tested per field.</summary>
    public int RuleCount => _rules.Length;

    /// <summary>Counts the rules that match a post (title or text): every rule is tested, as a loop over rules does.</summary>
    /// <param name="post">The post.</param>
    /// <returns>The number of rules that match.</returns>
    public int Check(Post post)
    {
        ArgumentNullException.ThrowIfNull(post);
        var hits = 0;
        foreach (var rule in _rules)
        {
            if ((post.Title is { } title && rule.IsMatch(title)) || (post.Text is { } text && rule.IsMatch(text)))
            {
                hits++;
            }
        }

        return hits;
    }

    /// <summary>Counts the matching term rules and detector rules of a post separately (for the corpus report).</summary>
    /// <param name="post">The post.</param>
    /// <returns>The number of matching term rules and of matching detectors.</returns>
    public (int Terms, int PersonalData) CheckByKind(Post post)
    {
        ArgumentNullException.ThrowIfNull(post);
        var terms = 0;
        var personalData = 0;
        for (var i = 0; i < _rules.Length; i++)
        {
            if ((post.Title is { } title && _rules[i].IsMatch(title)) || (post.Text is { } text && _rules[i].IsMatch(text)))
            {
                _ = i < _termCount ? terms++ : personalData++;
            }
        }

        return (terms, personalData);
    }
}

/// <summary>
/// Plain regexes for the eight personal-data detectors, without checksum validation: what someone would write
/// for the naive baseline and for the RulesEngine comparison. They are deliberately simple and over-match.
/// </summary>
internal static class PersonalDataPatterns
{
    /// <summary>Gets the detectors, by name.</summary>
    public static IReadOnlyList<(string Name, string Pattern)> All { get; } =
    [
        ("email", @"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b"),

        // International Nordic numbers (+45, +46, +47, +358 or 00…) and domestic ones starting with 0.
        ("phone", @"(?:\+|\b00)(?:45|46|47|358)(?:[ -]?\d){7,10}\b|\b0\d{1,3}(?:[ -]?\d){5,9}\b"),

        // Swedish personnummer: (YY)YYMMDD, - or +, four digits.
        ("personnummer", @"\b(?:\d{2})?\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[-+]?\d{4}\b"),

        // Norwegian fødselsnummer: DDMMYY and five digits.
        ("fodselsnummer", @"\b(?:[0-7]\d)(?:[04][1-9]|[15][0-2])\d{2} ?\d{5}\b"),

        // Danish CPR: DDMMYY-NNNN.
        ("cpr", @"\b(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}-?\d{4}\b"),

        // Finnish henkilötunnus: DDMMYY, century sign, three digits and a check character.
        ("henkilotunnus", @"\b(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}[-+A-FU-Y]\d{3}[0-9A-FHJ-NPR-Y]\b"),

        // IBAN: country code, two check digits, 11 to 30 more letters and digits in groups of four.
        ("iban", @"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b"),

        // Payment cards: 13 to 19 digits, optionally in groups separated by spaces or hyphens.
        ("paymentCard", @"\b(?:\d[ -]?){12,18}\d\b"),
    ];
}
