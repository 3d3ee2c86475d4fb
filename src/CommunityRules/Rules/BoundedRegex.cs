using System.Text.RegularExpressions;

namespace CommunityRules.Rules;

/// <summary>
/// Compiles regular expressions written in rule files so that none can run away: non-backtracking where the pattern
/// allows it (linear time), otherwise backtracking with a match timeout.
/// </summary>
internal static class BoundedRegex
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    private const RegexOptions CommonOptions = RegexOptions.CultureInvariant;

    /// <summary>Compiles a pattern, or returns the reason it is invalid.</summary>
    public static Regex? TryCreate(string pattern, bool ignoreCase, out string? error) => TryCreate(pattern, ignoreCase, null, out error);

    /// <summary>Compiles a pattern; with a timeout given, always with the backtracking engine and that timeout.</summary>
    public static Regex? TryCreate(string pattern, bool ignoreCase, TimeSpan? backtrackingTimeout, out string? error)
    {
        var options = CommonOptions | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        error = null;
        if (backtrackingTimeout is { } timeout)
        {
            try
            {
                return new Regex(pattern, options, timeout);
            }
            catch (ArgumentException ex)
            {
                error = ex is RegexParseException parse ? Describe(parse) : ex.Message;
                return null;
            }
        }

        try
        {
            return new Regex(pattern, options | RegexOptions.NonBacktracking, MatchTimeout);
        }
        catch (NotSupportedException)
        {
            // Backreferences and lookarounds need backtracking; the timeout bounds them instead.
        }
        catch (ArgumentException ex)
        {
            error = ex is RegexParseException parse ? Describe(parse) : ex.Message;
            return null;
        }

        try
        {
            return new Regex(pattern, options, MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            error = ex is RegexParseException parse ? Describe(parse) : ex.Message;
            return null;
        }
    }

    private static string Describe(RegexParseException exception) =>
        $"{exception.Error switch
        {
            RegexParseError.InsufficientClosingParentheses => "a '(' is never closed",
            RegexParseError.InsufficientOpeningParentheses => "a ')' has no matching '('",
            RegexParseError.UnterminatedBracket => "a '[' is never closed",
            RegexParseError.QuantifierAfterNothing => "a quantifier such as '*', '+' or '?' follows nothing",
            RegexParseError.NestedQuantifiersNotParenthesized => "two quantifiers follow each other",
            RegexParseError.UnescapedEndingBackslash => "the pattern ends with a lone '\\'",
            RegexParseError.ReversedCharacterRange => "a range such as [z-a] runs backwards",
            RegexParseError.ReversedQuantifierRange => "a range such as {5,2} runs backwards",
            _ => exception.Error.ToString(),
        }} at offset {exception.Offset}";
}
