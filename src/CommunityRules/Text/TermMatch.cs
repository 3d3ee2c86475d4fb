namespace CommunityRules.Text;

/// <summary>How a listed term must sit in the text to count.</summary>
/// <remarks>
/// The one answer to "how does a term match" across the library: the <c>terms</c> and <c>naming</c> checks' <c>match</c>
/// option and the terms a check of one's own adds with <see cref="TermContribution"/>. Case is always ignored.
/// </remarks>
public enum TermMatch
{
    /// <summary>As whole words or phrases: not part of a longer word ("test" is found in "a test run", not in "contest").</summary>
    WholeWord,

    /// <summary>The whole text, apart from whitespace around it, is the term ("test" is found in " Test ", not in "test run").</summary>
    Exact,

    /// <summary>Anywhere, even inside a word.</summary>
    Substring,
}
