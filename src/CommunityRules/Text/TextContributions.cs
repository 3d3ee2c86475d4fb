using System.Text.RegularExpressions;
using CommunityRules.Text.Links;
using CommunityRules.Text.PersonalData;

namespace CommunityRules.Text;

/// <summary>A field of a post or comment that text checks read.</summary>
internal enum TextField
{
    /// <summary>A post's title.</summary>
    Title,

    /// <summary>The text of a post or comment.</summary>
    Text,
}

/// <summary>What one rule's text check asks the rule set's shared matcher to find, in which fields.</summary>
internal abstract class TextContribution(IReadOnlyList<TextField> fields)
{
    public IReadOnlyList<TextField> Fields { get; } = fields;
}

/// <summary>A term a rule lists, as the rule file wrote it, with the word to use instead when the rule suggests one.</summary>
internal sealed record TermSpec(string Term, string? Suggestion);

internal sealed class TermContribution(IReadOnlyList<TextField> fields, IReadOnlyList<TermSpec> terms, bool foldDiacritics, TermMode mode)
    : TextContribution(fields)
{
    public IReadOnlyList<TermSpec> Terms { get; } = terms;

    public bool FoldDiacritics { get; } = foldDiacritics;

    public TermMode Mode { get; } = mode;
}

internal sealed class PatternContribution(IReadOnlyList<TextField> fields, IReadOnlyList<SharedRegex> patterns)
    : TextContribution(fields)
{
    public IReadOnlyList<SharedRegex> Patterns { get; } = patterns;
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

internal sealed class LengthContribution(IReadOnlyList<TextField> fields, int? minLength, int? maxLength)
    : TextContribution(fields)
{
    public int? MinLength { get; } = minLength;

    public int? MaxLength { get; } = maxLength;
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
