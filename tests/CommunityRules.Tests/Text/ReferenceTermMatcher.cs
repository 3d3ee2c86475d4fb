using CommunityRules.Text;

namespace CommunityRules.Tests.Text;

/// <summary>One occurrence of a term, as both the compiled matcher and the reference report it.</summary>
internal readonly record struct TermHit(string Folded, bool FoldDiacritics, TermMatch Mode, int Start, int Length);

/// <summary>
/// The matcher's semantics written as plainly as possible: for every term, at every position, compare the folded
/// characters one by one and then check the characters on either side for whole-word terms.
/// </summary>
internal static class ReferenceTermMatcher
{
    public static HashSet<TermHit> Find(string text, IEnumerable<(string Term, bool FoldDiacritics, TermMatch Mode)> terms)
    {
        var hits = new HashSet<TermHit>();
        foreach (var (term, foldDiacritics, mode) in terms)
        {
            var any = TextFolding.For(foldDiacritics).AnyTable;
            // Whitespace inside a term is one space; in the text, a whole run of whitespace matches it.
            var folded = string.Join(' ', new string([.. term.Trim().Select(c => any[c])]).Split(' ', StringSplitOptions.RemoveEmptyEntries));
            for (var start = 0; start < text.Length; start++)
            {
                var end = start;
                var matched = true;
                foreach (var expected in folded)
                {
                    if (end >= text.Length || any[text[end]] != expected)
                    {
                        matched = false;
                        break;
                    }

                    end++;
                    while (expected == ' ' && end < text.Length && any[text[end]] == ' ')
                    {
                        end++;
                    }
                }

                if (!matched)
                {
                    continue;
                }

                if (mode == TermMatch.WholeWord
                    && ((start > 0 && TextFolding.IsWordCharacter(text[start - 1]))
                        || (end < text.Length && TextFolding.IsWordCharacter(text[end]))))
                {
                    continue;
                }

                hits.Add(new TermHit(folded, foldDiacritics, mode, start, end - start));
            }
        }

        return hits;
    }
}

/// <summary>Collects what a compiled matcher reports, as hits that name the term rather than its entry index.</summary>
internal struct CollectingSink(TermMatcher matcher) : ITermSink
{
    public List<TermHit> Hits { get; } = [];

    public readonly void OnTerm(int entry, int start, int length)
    {
        var term = matcher.Entries[entry];
        Hits.Add(new TermHit(term.Folded, term.FoldDiacritics, term.Mode, start, length));
    }

    public static List<TermHit> Scan(TermMatcher matcher, string text)
    {
        var sink = new CollectingSink(matcher);
        matcher.Scan(text, ref sink);
        return sink.Hits;
    }
}
