using CommunityRules.Diagnostics;
using CommunityRules.Model;
using CommunityRules.Rules;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Text;

public sealed class TextChecksTests
{
    private static readonly Lazy<RuleSet> Rules = new(() => TestInputs.LoadRules("text-terms.yaml"));

    private static readonly Group OpenGroup = new() { Id = "g-open", Name = "SE-Alla", Privacy = GroupPrivacy.Open };

    private static readonly Group ClosedGroup = new() { Id = "g-closed", Name = "SE-Styrgrupp", Privacy = GroupPrivacy.Closed };

    private static IReadOnlyList<Diagnostic> Check(string? text, string? title = null, PostType type = PostType.Post, Group? group = null) =>
        new PostChecker(Rules.Value).Check(new Post { Id = "p1", GroupId = (group ?? OpenGroup).Id, Title = title, Text = text, Type = type }, group ?? OpenGroup);

    [Fact]
    public void A_clean_post_has_no_findings()
    {
        Assert.Empty(Check("Välkommen till gruppen! Här delar vi nyheter om försäljningen i Stockholm.", "Hej alla"));
    }

    [Fact]
    public void A_listed_term_is_found_as_a_whole_word_with_its_field_and_position()
    {
        var finding = Assert.Single(Check("Detta är KONFIDENTIELLT, tack."));

        Assert.Equal("TXT-TERMS", finding.Rule.Id);
        Assert.Equal("Avoid 'konfidentiellt' (text, character 10): it contains 'KONFIDENTIELLT' at character 10", finding.Message);
        Assert.Equal("KONFIDENTIELLT", finding.Properties["match"]);
        Assert.Equal("10", finding.Properties["position"]);
    }

    [Theory]
    [InlineData("Ett konfidentielltdokument")]
    [InlineData("okonfidentiellt")]
    [InlineData("internal-only")]
    public void A_term_inside_a_longer_word_or_a_phrase_split_differently_is_not_found(string text)
    {
        Assert.DoesNotContain(Check(text), finding => finding.Rule.Id == "TXT-TERMS");
    }

    [Fact]
    public void Phrases_span_line_breaks_and_terms_with_symbols_are_whole_words()
    {
        var findings = Check("This is internal\nonly. We use C++ and C#.");

        Assert.Equal(["internal only", "C++"], findings.Select(finding => finding.Properties["term"]));
    }

    [Fact]
    public void A_suggestion_names_the_word_to_use_instead()
    {
        var finding = Assert.Single(Check("Lägg till dem på svartlistan? Nej, på SVARTLISTA."));

        Assert.Equal("blockeringslista", finding.Properties["suggestion"]);
        Assert.Contains("write 'blockeringslista' instead", finding.Message, StringComparison.Ordinal);
        Assert.Equal("39", finding.Properties["position"]);
    }

    [Fact]
    public void Titles_are_read_as_their_own_field()
    {
        var finding = Assert.Single(Check("Inget här.", "Blacklist update"));

        Assert.Equal("title", finding.Properties["field"]);
        Assert.Equal("1", finding.Properties["position"]);
    }

    [Fact]
    public void Each_term_is_one_finding_per_field_however_often_it_occurs()
    {
        var findings = Check("blacklist, blacklist och konfidentiellt och blacklist", "blacklist");

        Assert.Equal(
            [("title", "blacklist"), ("text", "blacklist"), ("text", "konfidentiellt")],
            findings.Select(finding => (finding.Properties["field"], finding.Properties["term"])));
        Assert.Equal(3, findings.Select(finding => finding.Fingerprint).Distinct().Count());
    }

    [Theory]
    [InlineData("Tänk på din hälsa", "hälsa")]
    [InlineData("Tank pa din halsa", "halsa")]
    [InlineData("HÄLSA först", "HÄLSA")]
    public void Folding_diacritics_finds_the_word_with_and_without_marks(string text, string expected)
    {
        var finding = Assert.Single(Check(text), finding => finding.Rule.Id == "TXT-FOLD");

        Assert.Equal(expected, finding.Properties["match"]);
    }

    [Fact]
    public void Substring_terms_are_found_inside_words_in_comments()
    {
        var checker = new PostChecker(Rules.Value);

        var finding = Assert.Single(checker.Check(new Comment { Id = "c1", PostId = "p1", Text = "What the fucking hell" }));

        Assert.Equal("'fuck' in a comment", finding.Message);
        Assert.Empty(checker.Check(new Comment { Id = "c2", PostId = "p1", Text = "blacklist is a post rule, not a comment rule" }));
    }

    [Fact]
    public void Patterns_show_named_groups_and_respect_the_scope()
    {
        var finding = Assert.Single(Check("Se prj-1234 och PRJ-99."));
        Assert.Equal("Project 1234 is mentioned in an open group (prj-1234)", finding.Message);

        Assert.Empty(Check("Se PRJ-1234.", group: ClosedGroup));
    }

    [Fact]
    public void Length_counts_characters_as_people_see_them_within_the_scope()
    {
        var finding = Assert.Single(Check("Varför? 🤔", type: PostType.Question));
        Assert.Equal("it is 9 characters long; the minimum is 20", finding.Message);

        Assert.Empty(Check("Varför?", type: PostType.Post));
        Assert.Empty(Check("Varför fungerar inte skrivaren på plan 3?", type: PostType.Question));
    }

    [Fact]
    public void Shouting_counts_capitals_among_letters_above_the_minimum()
    {
        var finding = Assert.Single(Check("ALLA MÅSTE KOMMA PÅ MÖTET NU!"));
        Assert.Equal("100 % capitals (limit 60 %)", finding.Message);

        Assert.Empty(Check("FYI: HR OK"));
        Assert.Empty(Check("Möte med HR och IT om VPN och SSO i Q3"));
    }

    [Fact]
    public async Task The_engine_reports_the_same_findings_over_a_network()
    {
        var network = CommunityRules.Data.InMemoryNetwork.CreateBuilder()
            .Add(OpenGroup)
            .Add(new Post { Id = "p1", GroupId = OpenGroup.Id, Text = "Detta är KONFIDENTIELLT, tack." })
            .Add(new Post { Id = "p2", GroupId = OpenGroup.Id, Text = "Ren text." })
            .Add(new Comment { Id = "c1", PostId = "p1", Text = "fucking great" })
            .Build();

        var result = await new CommunityRules.Engine.RuleEngine(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestInputs.ClockNow)).AnalyzeAsync(Rules.Value, network);

        Assert.Equal(
            ["group/g-open/post/p1: warning TXT-TERMS", "group/g-open/comment/c1: warning TXT-SUB"],
            result.Diagnostics.Select(d => $"{d.Target.LogicalPath}: {d.Severity.ToString().ToLowerInvariant()} {d.Rule.Id}"));
    }

    [Fact]
    public void Positions_count_an_emoji_once_and_matches_are_shown_on_one_line()
    {
        var finding = Assert.Single(Check("👍 konfidentiellt"));
        Assert.Equal("3", finding.Properties["position"]);

        var phrase = Assert.Single(Check("Detta är internal\r\n  only."));
        Assert.Equal("internal only", phrase.Properties["match"]);
        Assert.DoesNotContain('\n', phrase.Message);
    }

    [Fact]
    public void A_term_listed_plainly_and_with_a_suggestion_keeps_its_suggestion()
    {
        var result = TestInputs.CreateLoader().LoadText("""
            rules:
              - id: FI-TERMS
                title: Inclusive words
                target: post
                check: terms
                options:
                  terms: [esimies]
                  suggest: [{ term: Esimies, use: esihenkilö }]
                message: "{reason}"
            """, "fi.yaml");

        var finding = Assert.Single(new PostChecker(result.RuleSet!).Check(new Post { Id = "p1", GroupId = "g", Text = "Esimies ja esimiesten kokous" }));

        Assert.Equal("esihenkilö", finding.Properties["suggestion"]);
    }
}
