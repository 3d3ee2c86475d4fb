using System.Text.RegularExpressions;
using CommunityRules.Text.Links;
using CommunityRules.Text.PersonalData;

namespace CommunityRules.Text;

/// <summary>A field of a post or comment that text checks read.</summary>
public enum TextField
{
    /// <summary>A post's title; comments have none.</summary>
    Title,

    /// <summary>The text of a post or comment.</summary>
    Text,
}

/// <summary>
/// What one rule's text check asks the rule set's shared matcher to find, and in which fields. Register it with
/// <see cref="Checks.CheckInitializationContext.RegisterText"/> in <c>Initialize</c>: the text contributions of all
/// rules compile into one matcher per field, so a post is read once whatever the number of rules, and what is found
/// is reported as the rule's findings, with the field and position, in the rule's scope, once per thing found and at
/// most <see cref="Engine.AnalysisOptions.MaxFindingsPerPost"/> per post.
/// </summary>
/// <remarks>The kinds are <see cref="TermContribution"/>, <see cref="PatternContribution"/> and <see cref="DetectorContribution"/>.</remarks>
public abstract class TextContribution
{
    private protected TextContribution(IReadOnlyList<TextField>? fields)
    {
        if (fields is { Count: 0 })
        {
            throw new ArgumentException("The list of fields is empty; name at least one, or pass null to read every field the rule's target has.", nameof(fields));
        }

        Fields = fields?.Distinct().ToArray();
    }

    /// <summary>Gets the fields to read, or <see langword="null"/> for every field the rule's target has (a post's title and text, a comment's text).</summary>
    public IReadOnlyList<TextField>? Fields { get; }

    internal bool Reads(TextField field) => Fields is null || Fields.Contains(field);
}

/// <summary>A term to find, as the rule wrote it, with the word to use instead when there is one.</summary>
/// <param name="Term">The word or phrase; case is ignored and any run of whitespace in the text matches a space in it.</param>
/// <param name="Suggestion">What to write instead, given to the message as <c>{suggestion}</c>; or <see langword="null"/>.</param>
public sealed record TermSpec(string Term, string? Suggestion = null);

/// <summary>
/// Words and phrases to find. A finding's message arguments are <c>term</c> (as listed), <c>match</c> (as written in
/// the text, personal data in it masked), <c>suggestion</c>, <c>reason</c>, <c>field</c> and <c>position</c>
/// (1-based, an emoji counting once). Each term is reported once per field of a post.
/// </summary>
public sealed class TermContribution : TextContribution
{
    /// <summary>Initializes a new instance of the <see cref="TermContribution"/> class.</summary>
    /// <param name="terms">The terms; none may be empty.</param>
    /// <param name="match">How a term must sit in the text to count.</param>
    /// <param name="foldDiacritics">Whether letters match without their marks, so 'hälsa' also finds 'halsa'.</param>
    /// <param name="fields">The fields to read, or <see langword="null"/> for all the target has.</param>
    public TermContribution(IEnumerable<TermSpec> terms, TermMatch match = TermMatch.WholeWord, bool foldDiacritics = false, IReadOnlyList<TextField>? fields = null)
        : base(fields)
    {
        ArgumentNullException.ThrowIfNull(terms);
        Terms = [.. terms];
        if (Terms.Any(spec => spec is null || string.IsNullOrWhiteSpace(spec.Term)))
        {
            throw new ArgumentException("A term is empty.", nameof(terms));
        }

        Match = match;
        FoldDiacritics = foldDiacritics;
    }

    /// <summary>Gets the terms.</summary>
    public IReadOnlyList<TermSpec> Terms { get; }

    /// <summary>Gets how a term must sit in the text to count.</summary>
    public TermMatch Match { get; }

    /// <summary>Gets a value indicating whether letters match without their marks.</summary>
    public bool FoldDiacritics { get; }
}

/// <summary>
/// Regular expressions to find. A finding's message arguments are <c>match</c> (personal data in it masked),
/// <c>pattern</c>, one per named group, <c>reason</c>, <c>field</c> and <c>position</c>. A pattern that keeps running
/// out of time switches its rule off for the rest of the run, with one finding that says so.
/// </summary>
public sealed class PatternContribution : TextContribution
{
    /// <summary>Initializes a new instance of the <see cref="PatternContribution"/> class.</summary>
    /// <param name="patterns">The patterns; each must be bounded, by <see cref="RegexOptions.NonBacktracking"/> or a match timeout.</param>
    /// <param name="fields">The fields to read, or <see langword="null"/> for all the target has.</param>
    public PatternContribution(IEnumerable<Regex> patterns, IReadOnlyList<TextField>? fields = null)
        : base(fields)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        Patterns = [.. patterns];
        foreach (var pattern in Patterns)
        {
            ArgumentNullException.ThrowIfNull(pattern, nameof(patterns));
            if (pattern.MatchTimeout == Regex.InfiniteMatchTimeout && (pattern.Options & RegexOptions.NonBacktracking) == 0)
            {
                throw new ArgumentException($"The pattern '{pattern}' is unbounded: give it a match timeout or RegexOptions.NonBacktracking.", nameof(patterns));
            }
        }

        Shared = [.. Patterns.Select(pattern => new SharedRegex(pattern))];
    }

    /// <summary>Gets the patterns.</summary>
    public IReadOnlyList<Regex> Patterns { get; }

    internal IReadOnlyList<SharedRegex> Shared { get; }
}

/// <summary>A detector of one's own, run by the shared matcher on each field it reads; see <see cref="TextDetector"/>.</summary>
public sealed class DetectorContribution : TextContribution
{
    /// <summary>Initializes a new instance of the <see cref="DetectorContribution"/> class.</summary>
    /// <param name="detector">The detector; one instance may serve many rules and threads, so it keeps no state of a scan.</param>
    /// <param name="fields">The fields to read, or <see langword="null"/> for all the target has.</param>
    public DetectorContribution(TextDetector detector, IReadOnlyList<TextField>? fields = null)
        : base(fields)
    {
        ArgumentNullException.ThrowIfNull(detector);
        Detector = detector;
    }

    /// <summary>Gets the detector.</summary>
    public TextDetector Detector { get; }
}

internal sealed class PersonalDataContribution(IReadOnlyList<TextField> fields, PersonalDataKinds kinds, EmailPolicy emails)
    : TextContribution(fields)
{
    public PersonalDataKinds Kinds { get; } = kinds;

    /// <summary>Gets the addresses the rule leaves alone: role mailboxes and the organisation's own domains.</summary>
    public EmailPolicy Emails { get; } = emails;
}

internal sealed class LinkContribution(IReadOnlyList<TextField> fields, DomainList domains, bool allow)
    : TextContribution(fields)
{
    public DomainList Domains { get; } = domains;

    /// <summary>Gets a value indicating whether the list names the only domains allowed (otherwise the domains denied).</summary>
    public bool Allow { get; } = allow;
}

internal sealed class ShoutingContribution(IReadOnlyList<TextField> fields, double maxCapitalShare, int minLetters)
    : TextContribution(fields)
{
    public double MaxCapitalShare { get; } = maxCapitalShare;

    public int MinLetters { get; } = minLetters;
}

/// <summary>
/// A regular expression used from many threads. One <see cref="Regex"/> shared by threads that run it at the same
/// time allocates a new runner on each contended call; a copy per thread allocates nothing once warm.
/// </summary>
/// <remarks>The copies live as long as the rule set; a replaced rule set's copies go with it when it is collected.</remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A rule set is immutable and has no end of life to dispose at; ThreadLocal frees its values when collected.")]
internal sealed class SharedRegex(Regex prototype)
{
    private readonly ThreadLocal<Regex> _perThread = new(() => new Regex(prototype.ToString(), prototype.Options, prototype.MatchTimeout));

    public string Pattern { get; } = prototype.ToString();

    public TimeSpan MatchTimeout { get; } = prototype.MatchTimeout;

    public Regex Current => _perThread.Value!;

    public IReadOnlyList<string> GroupNames { get; } = [.. prototype.GetGroupNames().Where(name => !int.TryParse(name, out _))];
}
