using System.IO.Enumeration;

namespace CommunityRules.Rules;

/// <summary>A suppression of one rule for matching targets, with a justification and an expiry date.</summary>
/// <param name="RuleId">The rule it suppresses.</param>
/// <param name="Target">A target identifier or name; <c>*</c> and <c>?</c> are wildcards.</param>
/// <param name="Justification">Why the finding is accepted.</param>
/// <param name="Expires">The last day the exemption applies.</param>
/// <param name="Owner">Who is responsible for it, if named.</param>
/// <param name="Location">Where it is written.</param>
public sealed record Exemption(string RuleId, string Target, string Justification, DateOnly Expires, string? Owner, SourceLocation Location)
{
    /// <summary>Gets a value indicating whether the exemption no longer applies on a day.</summary>
    /// <param name="today">The day of the run.</param>
    /// <returns><see langword="true"/> when <paramref name="today"/> is after <see cref="Expires"/>.</returns>
    public bool IsExpiredOn(DateOnly today) => today > Expires;

    /// <summary>
    /// Says whether the exemption's target names a finding's target, by its id or its name, ignoring case:
    /// <c>*</c> stands for any run of characters, <c>?</c> for one, and <c>\</c> makes the next one literal.
    /// </summary>
    internal bool Covers(string id, string? name) => Matches(id) || (name is not null && Matches(name));

    private bool Matches(string text) => FileSystemName.MatchesSimpleExpression(Target, text, ignoreCase: true);
}
