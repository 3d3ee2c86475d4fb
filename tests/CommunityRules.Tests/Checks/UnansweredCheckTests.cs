using CommunityRules.Data;
using CommunityRules.Engine;
using CommunityRules.Model;
using CommunityRules.Tests.Engine;
using Microsoft.Extensions.Time.Testing;

namespace CommunityRules.Tests.Checks;

/// <summary>
/// The unanswered check over <c>Rules/unanswered.yaml</c> and the <c>unanswered</c> network (as of 2026-03-10 12:00):
/// questions in Swedish, Norwegian, Danish, Finnish and English, answered, unanswered and not questions at all.
/// </summary>
public sealed class UnansweredCheckTests
{
    private static readonly string[] Unanswered48 =
        ["q-se-old", "q-se-edge", "q-se-late", "q-se-bot-reply", "q-se-reactions", "q-se-comms", "p-no", "p-no-nn", "p-dk", "p-fi", "p-en"];

    [Fact]
    public async Task Questions_nobody_but_the_author_answered_within_the_hours_are_reported_in_read_order()
    {
        var result = await TestInputs.RunAsync("unanswered.yaml", "unanswered");

        // Not reported: questions answered by someone else (q-se-answered*, p-dk-answered, p-fi-answered), an accepted
        // answer by the asker (q-se-accepted-self), a question 27 hours old (q-se-young), a bot's question (q-se-bot),
        // and posts that ask nothing: rhetorical questions, teasers, question marks in links, thanks, an announcement,
        // a heading, a Finnish noun ending in -ko.
        Assert.Equal(Unanswered48, result.TargetsOf("UNA-48"));
    }

    [Fact]
    public async Task The_finding_says_how_long_the_question_waited_and_who_could_answer()
    {
        var result = await TestInputs.RunAsync("unanswered.yaml", "unanswered");

        var finding = result.AssertFinding(
            "UNA-48",
            "q-se-old",
            "'Hur bokar man rum 4?' has waited 5 days for an answer: it has waited 5 days, since 2026-03-05, without an answer from anyone but its author.",
            "Who could answer: Åsa Lindqvist (admin), Erik Ström (3 answered questions here), Lena Berg (1 answered question here).");
        Assert.Equal("123", finding.Properties["waitedHours"]);
        Assert.Equal("2026-03-05T09:00:00Z", finding.Properties["postedAt"]);
        // The admin who left is not suggested; Erik answered three questions (two comments on one count once).
        Assert.Equal("Åsa Lindqvist, Erik Ström, Lena Berg", finding.Properties["suggested"]);
        Assert.Equal("p-asa, p-erik, p-lena", finding.Properties["suggestedIds"]);
        Assert.Equal("g-se", finding.Target.GroupId);
        Assert.Equal("Hur bokar man rum 4?", finding.Target.Name);
    }

    [Fact]
    public async Task A_question_exactly_hours_old_is_reported_and_a_younger_one_is_spared()
    {
        var result = await TestInputs.RunAsync("unanswered.yaml", "unanswered");

        var edge = result.AssertFinding("UNA-48", "q-se-edge", "'Vem ansvarar för passerkorten?' has waited 48 hours");
        Assert.Equal("48", edge.Properties["waitedHours"]);
        Assert.DoesNotContain("q-se-young", result.TargetsOf("UNA-48"));
    }

    [Fact]
    public async Task Replies_after_the_runs_moment_by_bots_or_by_the_asker_and_reactions_are_not_answers()
    {
        var result = await TestInputs.RunAsync("unanswered.yaml", "unanswered");

        result.AssertFinding("UNA-48", "q-se-late", "9 days");
        result.AssertFinding("UNA-48", "q-se-bot-reply", "'Varför fungerar inte skrivaren i receptionen?'");
        result.AssertFinding("UNA-48", "q-se-reactions", "'Finns det laddare att låna någonstans?'");
        result.AssertFinding("UNA-48", "p-no-nn", "'Korleis søkjer eg om permisjon'");
        Assert.DoesNotContain("q-se-accepted-self", result.TargetsOf("UNA-48"));
    }

    [Fact]
    public async Task Questions_are_detected_in_each_language_and_groups_without_helpers_get_advice()
    {
        var result = await TestInputs.RunAsync("unanswered.yaml", "unanswered");

        result.AssertFinding("UNA-48", "p-no", "'Vet noen hvor nøklene til lageret er'", "Nobody has answered a question in the group yet");
        result.AssertFinding("UNA-48", "p-dk", "'Er der nogen der ved hvor printeren står.'", "Who could answer: Kari Nordmann (1 answered question here).");
        result.AssertFinding("UNA-48", "p-fi", "'Tietääkö joku miten uusi tulostin otetaan käyttöön'", "Who could answer: Matti Virtanen (admin), Erik Ström (1 answered question here).");
        result.AssertFinding("UNA-48", "p-en", "'Does anyone know when the Q1 numbers are out?' has waited 9 days");
    }

    [Fact]
    public async Task Authors_of_an_ignored_role_or_kind_ask_nothing()
    {
        var result = await TestInputs.RunAsync("unanswered.yaml", "unanswered");

        Assert.Equal(Unanswered48.Where(id => id != "q-se-comms"), result.TargetsOf("UNA-IGNORE"));
    }

    [Fact]
    public async Task Without_detection_only_posts_typed_as_questions_count()
    {
        var result = await TestInputs.RunAsync("unanswered.yaml", "unanswered");

        // hours: 96 leaves out q-se-edge; the other typed questions were answered, or asked by a bot.
        Assert.Equal(["q-se-old", "q-se-late"], result.TargetsOf("UNA-TYPED"));
    }

    [Fact]
    public async Task A_bots_question_is_not_reported_even_when_the_run_includes_bots()
    {
        var ruleSet = TestInputs.LoadRules("unanswered.yaml");

        var result = await TestInputs.RunAsync(ruleSet, "unanswered", new AnalysisOptions { IncludeAutomatedAccounts = true });

        Assert.Equal(Unanswered48, result.TargetsOf("UNA-48"));
    }

    [Fact]
    public async Task The_moment_of_the_run_decides_what_has_waited_and_what_was_answered()
    {
        var ruleSet = TestInputs.LoadRules("unanswered.yaml");

        var result = await TestInputs.RunAsync(ruleSet, "unanswered", new AnalysisOptions { AsOf = new DateTimeOffset(2026, 3, 12, 12, 0, 0, TimeSpan.Zero) });

        // Erik's reply of 2026-03-11 now exists; the question of 2026-03-09 is now 75 hours old.
        Assert.DoesNotContain("q-se-late", result.TargetsOf("UNA-48"));
        result.AssertFinding("UNA-48", "q-se-young", "has waited 3 days");
    }

    [Fact]
    public async Task Without_a_moment_from_the_options_or_the_source_the_clock_decides()
    {
        var ruleSet = TestInputs.LoadRules("unanswered.yaml");
        var now = new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
        var source = InMemoryNetwork.CreateBuilder()
            .Add(new Group { Id = "g", Name = "SE-IT" })
            .Add(new Post { Id = "p-48", GroupId = "g", Type = PostType.Question, CreatedAt = now.AddHours(-48), Text = "Hur loggar man in?" })
            .Add(new Post { Id = "p-47", GroupId = "g", Type = PostType.Question, CreatedAt = now.AddHours(-47), Text = "Var finns skrivaren?" })
            .Build();

        var result = await new RuleEngine(new FakeTimeProvider(now)).AnalyzeAsync(ruleSet, source);

        Assert.Equal(["p-48"], result.TargetsOf("UNA-48"));
    }

    [Fact]
    public async Task Without_detection_a_source_that_cannot_type_questions_gets_a_data_note_not_findings()
    {
        var ruleSet = TestInputs.LoadRules("unanswered.yaml");
        var source = InMemoryNetwork.CreateBuilder()
            .Add(new Group { Id = "g", Name = "SE-IT" })
            .Add(new Post { Id = "p", GroupId = "g", Type = PostType.Question, CreatedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), Text = "Hur?" })
            .WithCapabilities(DataCapabilities.All & ~DataCapabilities.QuestionType)
            .Build();

        var result = await new RuleEngine(TimeProvider.System).AnalyzeAsync(ruleSet, source, new AnalysisOptions { AsOf = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero) });

        Assert.Empty(result.TargetsOf("UNA-TYPED"));
        Assert.Contains(result.DataNotes, note => note.Message.Contains("UNA-TYPED", StringComparison.Ordinal));
        Assert.Equal(["p"], result.TargetsOf("UNA-48"));
    }
}
