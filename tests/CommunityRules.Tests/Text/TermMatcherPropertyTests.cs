using System.Globalization;
using System.Text;
using CommunityRules.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommunityRules.Tests.Text;

/// <summary>One term of a generated case.</summary>
public sealed record TermSpec(string Term, bool FoldDiacritics, bool WholeWord)
{
    internal TermMatch Mode => WholeWord ? TermMatch.WholeWord : TermMatch.Substring;

    public override string ToString() => $"(\"{MatchCase.Escape(Term)}\", {(FoldDiacritics ? "fold" : "case")}, {Mode})";
}

/// <summary>A generated text and the terms to look for in it.</summary>
public sealed record MatchCase(string Text, IReadOnlyList<TermSpec> Terms)
{
    public override string ToString() => $"text \"{Escape(Text)}\", terms [{string.Join(", ", Terms)}]";

    internal static string Escape(string s)
    {
        var result = new StringBuilder();
        foreach (var c in s)
        {
            _ = c switch
            {
                '\t' => result.Append("\\t"),
                '\n' => result.Append("\\n"),
                '"' => result.Append("\\\""),
                _ when c < ' ' || c == '\u00A0' || char.IsSurrogate(c) || char.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark
                    => result.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => result.Append(c),
            };
        }

        return result.ToString();
    }
}

/// <summary>Generators for Nordic-ish texts from a small alphabet that stresses folding and word boundaries, and for term lists that partly come from the text.</summary>
public static class MatcherArbitraries
{
    private static readonly string[] Letters = ["a", "b", "c", "x", "å", "Å", "ä", "Ä", "ö", "Ö", "ø", "Ø", "æ", "Æ", "é", "e", "A", "E", "ß"];
    private static readonly string[] Spaces = [" ", " ", "\t", "\n", "\u00A0"];
    private static readonly string[] Others = ["-", ".", "+", "#", "0", "7", "(", ","];
    private static readonly string[] Rare = ["\U0001F600", "\u030A", "a\u030A"];

    private static readonly string[] Interesting =
    [
        "c++", "C++", "#tag", "#Tag", "-x", "x-", "a b", "a  b", "å ä", "Å\tÄ", "blå bär", "blåbär", "a.b", "+", "#", "-",
        "ö-ø", " a ", "\ta\n", "a\u030A", "\u030A", "\U0001F600", "a\U0001F600", "\U0001F600a", "æ", "ae", "0", "7a", "e.",
    ];

    private static readonly Gen<string> Unit = Gen.Frequency(
        (8, Gen.Elements(Letters)),
        (3, Gen.Elements(Spaces)),
        (2, Gen.Elements(Others)),
        (1, Gen.Elements(Rare)));

    private static readonly Gen<string> Text = Gen.Choose(0, 60).SelectMany(n => Gen.ArrayOf(Unit, n)).Select(string.Concat);

    private static readonly Func<string, string>[] CaseChanges =
    [
        s => s,
        s => s,
        s => s.ToUpperInvariant(),
        s => s.ToLowerInvariant(),
        s => s.Length == 0 ? s : (char.IsUpper(s[0]) ? char.ToLowerInvariant(s[0]) : char.ToUpperInvariant(s[0])) + s[1..],
    ];

    public static Arbitrary<MatchCase> MatchCase() => Arb.From(
        from text in Text
        from count in Gen.Choose(1, 40)
        from terms in Gen.ArrayOf(TermFor(text), count)
        from copies in Gen.SubListOf(terms)
        from copyCase in Gen.Elements(CaseChanges)
        select new MatchCase(text, [.. terms.Concat(copies.Select(t => t with { Term = copyCase(t.Term) })).Take(50)]),
        Shrink);

    private static Gen<TermSpec> TermFor(string text)
    {
        var random = Gen.Choose(1, 5).SelectMany(n => Gen.ArrayOf(Unit, n)).Select(string.Concat);
        var fromText = text.Length == 0
            ? random
            : from start in Gen.Choose(0, text.Length - 1)
              from length in Gen.Choose(1, 8)
              select text.Substring(start, Math.Min(length, text.Length - start));
        var term =
            from raw in Gen.Frequency((5, fromText), (3, random), (2, Gen.Elements(Interesting)))
            from change in Gen.Elements(CaseChanges)
            select string.IsNullOrWhiteSpace(raw) ? "a" : change(raw);
        return from t in term
               from fold in Gen.Elements(false, true)
               from wholeWord in Gen.Elements(false, true)
               select new TermSpec(t, fold, wholeWord);
    }

    // Fewer terms first, then a shorter text, so a failure comes down to one term and the few characters around it.
    private static IEnumerable<MatchCase> Shrink(MatchCase value)
    {
        if (value.Terms.Count > 1)
        {
            for (var i = 0; i < value.Terms.Count; i++)
            {
                yield return value with { Terms = [.. value.Terms.Where((_, k) => k != i)] };
            }
        }

        if (value.Text.Length > 1)
        {
            yield return value with { Text = value.Text[..(value.Text.Length / 2)] };
            yield return value with { Text = value.Text[(value.Text.Length / 2)..] };
        }

        for (var i = 0; i < value.Text.Length; i++)
        {
            yield return value with { Text = value.Text.Remove(i, 1) };
        }

        for (var i = 0; i < value.Terms.Count; i++)
        {
            var term = value.Terms[i].Term.Trim();
            for (var j = 0; j < term.Length && term.Length > 1; j++)
            {
                var shorter = term.Remove(j, 1);
                if (!string.IsNullOrWhiteSpace(shorter))
                {
                    yield return value with { Terms = [.. value.Terms.Select((t, k) => k == i ? t with { Term = shorter } : t)] };
                }
            }
        }
    }
}

/// <summary>The compiled matcher (word-hash index plus Aho–Corasick) against the plain reference on random texts and term lists.</summary>
public sealed class TermMatcherPropertyTests
{
    [Property(MaxTest = 2000, Arbitrary = [typeof(MatcherArbitraries)])]
    public void Compiled_matcher_finds_exactly_what_the_reference_finds(MatchCase example)
    {
        var matcher = Compile(example.Terms);

        var found = CollectingSink.Scan(matcher, example.Text);

        var expected = ReferenceTermMatcher.Find(example.Text, example.Terms.Select(t => (t.Term, t.FoldDiacritics, t.Mode)));
        Assert.Equal(Sorted(expected), Sorted(found));
    }

    [Property(MaxTest = 1000, Arbitrary = [typeof(MatcherArbitraries)])]
    public void Scanning_part_of_a_text_sees_only_that_part(MatchCase example)
    {
        var matcher = Compile(example.Terms);
        var from = example.Text.Length / 3;
        var length = example.Text.Length / 2;

        var sink = new CollectingSink(matcher);
        matcher.Scan(example.Text.AsSpan(from, length), ref sink);

        var expected = ReferenceTermMatcher.Find(example.Text.Substring(from, length), example.Terms.Select(t => (t.Term, t.FoldDiacritics, t.Mode)));
        Assert.Equal(Sorted(expected), Sorted(sink.Hits));
    }

    [Property(MaxTest = 1000, Arbitrary = [typeof(MatcherArbitraries)])]
    public void Terms_that_compare_equal_become_one_entry_with_every_owner_in_order(MatchCase example)
    {
        var matcher = Compile(example.Terms);

        var expected = example.Terms
            .Select((t, owner) => (Key: (Folded: Fold(t.Term, t.FoldDiacritics), t.FoldDiacritics, t.Mode), Owner: owner))
            .GroupBy(t => t.Key)
            .Select(g => (g.Key, Owners: string.Join(",", g.Select(t => t.Owner))))
            .ToList();
        var actual = matcher.Entries
            .Select(e => ((e.Folded, e.FoldDiacritics, e.Mode), string.Join(",", e.Owners)))
            .ToList();
        Assert.Equal(expected, actual);
    }

    private static TermMatcher Compile(IEnumerable<TermSpec> terms) =>
        TermMatcher.Create(terms.Select((t, owner) => (t.Term, t.FoldDiacritics, t.Mode, (object)owner)));

    private static string Fold(string term, bool foldDiacritics) => string.Join(' ', TextFolding.For(foldDiacritics).Fold(term.Trim()).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static List<TermHit> Sorted(IEnumerable<TermHit> hits) =>
        [.. hits.OrderBy(h => h.Start).ThenBy(h => h.Length).ThenBy(h => h.Folded, StringComparer.Ordinal).ThenBy(h => h.FoldDiacritics).ThenBy(h => h.Mode)];
}
