using System.Text;
using CommunityRules.Text;

namespace CommunityRules.Tests.Text;

/// <summary>The compiled matcher on real inputs: Nordic folding, word boundaries, phrases, large term lists and a scan that allocates nothing.</summary>
public sealed class TermMatcherTests
{
    private const TermMatch Word = TermMatch.WholeWord;
    private const TermMatch Sub = TermMatch.Substring;

    // Letters for generated terms: folding å → a, ö → o gives letters the alphabet does not have, so no two terms fold alike.
    private const string TermLetters = "bcdfghjlmnprstvxåæö";

    [Fact]
    public void Nordic_capitals_and_small_letters_are_one_letter()
    {
        var hits = Find("ÅR 2024: ØL, Äpple och år; øl och äPPLE", ("år", false, Word), ("Øl", false, Word), ("ÄPPLE", false, Word));

        Assert.Equal([("ÅR", 0), ("ØL", 9), ("Äpple", 13), ("år", 23), ("øl", 27), ("äPPLE", 34)], hits);
    }

    [Fact]
    public void Whole_words_end_at_punctuation_but_not_at_Nordic_letters()
    {
        var text = "blåbär, blåbärsylt (öl) ölen smörgås æbler bär!";

        var hits = Find(text, ("blåbär", false, Word), ("öl", false, Word), ("bär", false, Word), ("smörgå", false, Word), ("æble", false, Word), ("å", false, Word));

        Assert.Equal([("blåbär", 0), ("öl", 20), ("bär", 43)], hits);
    }

    [Fact]
    public void A_whole_word_term_is_not_found_inside_a_longer_word()
    {
        Assert.Equal([("test", 23)], Find("contest testing attest test.", ("test", false, Word)));
    }

    [Fact]
    public void A_phrase_matches_across_any_run_of_whitespace_but_not_across_punctuation()
    {
        var text = "god\nmorgon, god\u00A0morgon, god\tmorgon, god  morgon, god\r\n morgon, god-morgon, god morgon";

        var hits = Find(text, ("God   Morgon", false, Word));

        Assert.Equal([("god\nmorgon", 0), ("god\u00A0morgon", 12), ("god\tmorgon", 24), ("god  morgon", 36), ("god\r\n morgon", 49), ("god morgon", 75)], hits);
        Assert.Equal(hits, Find(text, ("god morgon", false, TermMatch.Substring)));
    }

    [Fact]
    public void Folding_diacritics_matches_halsa_and_hälsa_both_ways()
    {
        const string text = "Hälsa och halsa";

        Assert.Equal([("Hälsa", 0), ("halsa", 10)], Find(text, ("halsa", true, Word)));
        Assert.Equal([("Hälsa", 0), ("halsa", 10)], Find(text, ("hälsa", true, Word)));
        Assert.Equal([("halsa", 10)], Find(text, ("halsa", false, Word)));
        Assert.Equal([("Hälsa", 0)], Find(text, ("HÄLSA", false, Word)));
    }

    [Fact]
    public void Folding_diacritics_keeps_æ_and_ß_and_folds_ø_to_o()
    {
        const string text = "Ærø, aero, Strasse, Straße, Øl";

        Assert.Equal([("Ærø", 0)], Find(text, ("ærø", true, Word)));
        Assert.Equal([("Ærø", 0)], Find(text, ("æro", true, Word)));
        Assert.Equal([("Straße", 20)], Find(text, ("straße", true, Word)));
        Assert.Equal([("Øl", 28)], Find(text, ("ol", true, Word)));
    }

    [Fact]
    public void Substring_terms_are_found_inside_words_and_overlapping()
    {
        var hits = Find("blåbärsylt contest aaa", ("BÄR", false, Sub), ("test", false, Sub), ("aa", false, Sub));

        Assert.Equal([("bär", 3), ("test", 14), ("aa", 19), ("aa", 20)], hits);
    }

    [Fact]
    public void Terms_that_start_or_end_with_punctuation_are_whole_words_by_the_characters_around_them()
    {
        const string text = "I like c++, C++17 and xc++ (C++) #hashtag #hashtags a#hashtag (#Hashtag) -x";

        Assert.Equal([("c++", 7), ("C++", 28)], Find(text, ("C++", false, Word)));
        Assert.Equal([("#hashtag", 33), ("#Hashtag", 63)], Find(text, ("#hashtag", false, Word)));
        Assert.Equal([("-x", 73)], Find(text, ("-x", false, Word)));
    }

    [Fact]
    public void An_emoji_or_a_combining_mark_next_to_a_word()
    {
        // An emoji separates words; a combining ring belongs to the word before it.
        const string text = "öl\U0001F600 a\u030A ok";

        Assert.Equal([("öl", 0)], Find(text, ("öl", false, Word)));
        Assert.Empty(Find(text, ("a", false, Word)));
        Assert.Equal([("a\u030A", 5)], Find(text, ("a\u030A", false, Word)));
    }

    [Fact]
    public void An_empty_text_has_no_terms()
    {
        Assert.Empty(Find(string.Empty, ("öl", false, Word), ("öl", true, Word), ("#öl", false, Word), ("öl", false, Sub)));
    }

    [Fact]
    public void Terms_are_found_at_the_very_start_and_the_very_end()
    {
        const string text = "Åsa skrev till Øystein";

        var hits = Find(text, ("åsa", false, Word), ("øystein", false, Word), ("ÅS", false, Sub), ("ein", true, Sub), ("#x", false, Word));

        Assert.Equal([("Ås", 0), ("Åsa", 0), ("Øystein", 15), ("ein", 19)], hits);
    }

    [Fact]
    public void Terms_listed_twice_become_one_entry_with_both_owners()
    {
        var matcher = TermMatcher.Create(
        [
            ("Öl", false, Word, "rule a"),
            (" öl\t", false, Word, "rule b"),
            ("ÖL", false, Word, "rule c"),
            ("öl", true, Word, "rule d"),
            ("öl", false, Sub, "rule e"),
        ]);

        Assert.Equal(3, matcher.Entries.Count);
        Assert.Equal(("öl", false, Word), (matcher.Entries[0].Folded, matcher.Entries[0].FoldDiacritics, matcher.Entries[0].Mode));
        Assert.Equal(["rule a", "rule b", "rule c"], matcher.Entries[0].Owners);
        Assert.Equal(("ol", true, Word), (matcher.Entries[1].Folded, matcher.Entries[1].FoldDiacritics, matcher.Entries[1].Mode));
        Assert.Equal(["rule d"], matcher.Entries[1].Owners);
        Assert.Equal(("öl", false, Sub), (matcher.Entries[2].Folded, matcher.Entries[2].FoldDiacritics, matcher.Entries[2].Mode));
        Assert.Equal(["rule e"], matcher.Entries[2].Owners);
    }

    [Fact]
    public void A_term_of_only_whitespace_is_refused()
    {
        Assert.Throws<ArgumentException>(() => TermMatcher.Create([(" \u00A0\t", false, Word, "rule")]));
    }

    [Theory]
    [InlineData(10_000)]
    [InlineData(100_000)]
    public void Many_generated_terms_compile_and_only_the_planted_ones_are_found(int count)
    {
        var terms = GeneratedTerms(count);
        var matcher = TermMatcher.Create(terms.Select((t, i) => (t.Term, t.FoldDiacritics, t.Mode, (object)i)));
        Assert.Equal(count, matcher.Entries.Count);

        // A word by case, a word by diacritics written without them, a phrase across a line break, a #tag, a substring in a word.
        var word = terms[count - 8];
        var folded = terms[count - 7];
        var phrase = terms[count - 10];
        var tag = terms[count - 100];
        var inside = terms[count - 50];
        Assert.Equal((false, Word), (word.FoldDiacritics, word.Mode));
        Assert.Equal((true, Word), (folded.FoldDiacritics, folded.Mode));
        Assert.Contains(" ", phrase.Term, StringComparison.Ordinal);
        Assert.StartsWith("#", tag.Term, StringComparison.Ordinal);
        Assert.Equal(Sub, inside.Mode);
        var plantedFolded = folded.Term.Replace('å', 'a').Replace('ö', 'o').ToUpperInvariant();
        var text = new StringBuilder("zz 12, ");
        var expected = new List<(string, int)>();
        Plant(word.Term.ToUpperInvariant(), " zz. (");
        Plant(plantedFolded, ") zz\n");
        Plant(phrase.Term.Replace(' ', '\n'), ", zz ");
        Plant(tag.Term, " zz");
        text.Append("zz");
        Plant(inside.Term, "zz 99");

        Assert.Equal(expected, Find(matcher, text.ToString()));

        void Plant(string term, string after)
        {
            expected.Add((term, text.Length));
            text.Append(term).Append(after);
        }
    }

    [Fact]
    public void A_scan_allocates_nothing_with_or_without_matches()
    {
        var terms = GeneratedTerms(10_000);
        var matcher = TermMatcher.Create(terms.Select((t, i) => (t.Term, t.FoldDiacritics, t.Mode, (object)i)));
        var withMatches = new StringBuilder();
        var withoutMatches = new StringBuilder();
        for (var i = 0; withMatches.Length < 10_000; i++)
        {
            withMatches.Append(terms[(i * 37) % terms.Count].Term).Append(i % 2 == 0 ? " zz, " : "\n");
            withoutMatches.Append("ingen träff här zz 12, ");
        }

        var matching = withMatches.ToString();
        var plain = withoutMatches.ToString()[..10_000];
        var sink = default(CountingSink);
        matcher.Scan(matching, ref sink);
        matcher.Scan(plain, ref sink);
        var warmUpCount = sink.Count;

        sink = default;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++)
        {
            matcher.Scan(matching, ref sink);
            matcher.Scan(plain, ref sink);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(warmUpCount > 1000, $"only {warmUpCount} matches in the matching text");
        Assert.Equal(10 * warmUpCount, sink.Count);
    }

    [Fact]
    public void An_exact_term_is_found_only_as_the_whole_text_apart_from_whitespace_around_it()
    {
        Assert.Equal([("Test", 1)], Find(" Test\n", ("test", false, TermMatch.Exact)));
        Assert.Equal([("Hej  alla", 0)], Find("Hej  alla", ("hej alla", false, TermMatch.Exact)));
        Assert.Empty(Find("test run", ("test", false, TermMatch.Exact)));
        Assert.Empty(Find("a test", ("test", false, TermMatch.Exact)));

        // The same term listed as a whole word is its own entry and is still found inside the text.
        Assert.Equal([("test", 2)], Find("a test", ("test", false, TermMatch.Exact), ("test", false, TermMatch.WholeWord)));
    }

    private static List<(string Term, bool FoldDiacritics, TermMatch Mode)> GeneratedTerms(int count)
    {
        // Every term is a distinct code in TermLetters: words, some folding diacritics, two-word phrases, #tags and substrings.
        var terms = new List<(string, bool, TermMatch)>(count);
        for (var i = 0; i < count; i++)
        {
            var code = Code(i);
            terms.Add((i % 100) switch
            {
                0 => ("#k" + code, false, Word),
                50 => ("q" + code + "q", i % 200 == 50, Sub),
                _ when i % 10 == 0 => ("k" + code + " w" + code, false, Word),
                _ => ("k" + code, i % 3 == 0, Word),
            });
        }

        return terms;
    }

    private static string Code(int i)
    {
        var code = new char[4];
        for (var k = 3; k >= 0; k--)
        {
            code[k] = TermLetters[i % TermLetters.Length];
            i /= TermLetters.Length;
        }

        return new string(code);
    }

    private static List<(string Match, int Start)> Find(string text, params (string Term, bool FoldDiacritics, TermMatch Mode)[] terms) =>
        Find(TermMatcher.Create(terms.Select(t => (t.Term, t.FoldDiacritics, t.Mode, (object)t.Term))), text);

    private static List<(string Match, int Start)> Find(TermMatcher matcher, string text)
    {
        var hits = CollectingSink.Scan(matcher, text);
        Assert.Equal(hits.Count, hits.Distinct().Count());
        return [.. hits.OrderBy(h => h.Start).ThenBy(h => h.Length).Select(h => (text.Substring(h.Start, h.Length), h.Start))];
    }

    private struct CountingSink : ITermSink
    {
        public int Count;

        public void OnTerm(int entry, int start, int length) => Count++;
    }
}
