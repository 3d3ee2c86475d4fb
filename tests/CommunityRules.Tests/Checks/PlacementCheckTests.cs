using CommunityRules.Checks.BuiltIn.Placement;
using CommunityRules.Data;
using CommunityRules.Data.Snapshot;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Checks;

/// <summary>
/// The placement check over <c>Rules/placement.yaml</c> and the <c>placement</c> network: IT support groups in Sweden
/// and Norway, a Swedish lunch club, a Danish HR group, a running club, a company-wide group, an archived intranet
/// project and a secret board group, with misplaced posts planted in Swedish, Norwegian and Danish and hard negatives
/// (thanks, a welcome, IT posts that fit both IT groups, a bot's post, posts whose better group is archived or secret).
/// </summary>
public sealed class PlacementCheckTests
{
    private static readonly Lazy<Task<AnalysisResult>> Placement = new(() => TestInputs.RunAsync("placement.yaml", "placement"));

    [Fact]
    public async Task Misplaced_posts_are_reported_with_the_suggested_group_and_both_scores()
    {
        var result = await Placement.Value;

        Assert.Equal(["lu5", "lu9", "ru4", "al1"], result.TargetsOf("PLC"));
        var finding = result.Of("PLC")[0];
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(
            "This post may belong in 'SE-IT Support' rather than 'SE-Lunchklubben Stockholm': its words fit 'SE-IT Support' (0.31) better than its own group (0.00): laptop, skrivaren, VPN.",
            finding.Message);
        Assert.Equal("SE-IT Support", finding.Properties["suggestedGroup"]);
        Assert.Equal("g-it-se", finding.Properties["suggestedGroupId"]);
        Assert.Equal("0.31", finding.Properties["score"]);
        Assert.Equal("0.00", finding.Properties["ownScore"]);
        Assert.Equal("laptop, skrivaren, VPN", finding.Properties["words"]);
    }

    [Fact]
    public async Task Norwegian_and_Danish_posts_meet_their_groups_through_folding_and_stemming()
    {
        var result = await Placement.Value;

        // "laptopen", "skriveren", "passordet" meet the Norwegian group's "laptoper", "skrivere", "passord"; the
        // Danish "lønnen" meets "løn" and "lønsedlen" in the Danish HR group.
        Assert.Equal("g-it-no", result.Of("PLC")[1].Properties["suggestedGroupId"]);
        Assert.Equal("passordet, laptopen, skriveren", result.Of("PLC")[1].Properties["words"]);
        Assert.Equal(
            "This post may belong in 'DK-HR Danmark' rather than 'Löpning / Løping': its words fit 'DK-HR Danmark' (0.34) better than its own group (0.00): lønnen, ferie, barsel.",
            result.MessageFor("PLC", "ru4"));
    }

    [Theory]
    [InlineData("it6")] // "Tack!"
    [InlineData("lu6")] // a welcome: greetings and thanks only
    [InlineData("it5")] // an IT post that fits the Norwegian IT group about as well as its own
    [InlineData("no2")]
    [InlineData("no5")]
    [InlineData("lu7")] // fits only the archived intranet project
    [InlineData("lu8")] // fits only the secret board group
    [InlineData("bo1")] // a bot's post
    public async Task Short_generic_and_well_placed_posts_and_archived_or_secret_groups_get_no_suggestion(string postId)
    {
        var result = await Placement.Value;

        Assert.DoesNotContain(result.Diagnostics, finding => finding.Target.Id == postId);
    }

    [Fact]
    public async Task Ignored_groups_are_neither_judged_nor_suggested()
    {
        var result = await Placement.Value;

        // The lunch club and the company-wide group are ignored: their posts are not judged, so only the running
        // club's Danish HR post is left.
        Assert.Equal(["ru4"], result.TargetsOf("PLC-IGNORE"));
        Assert.DoesNotContain(result.Of("PLC-IGNORE"), finding => finding.Properties["suggestedGroupId"] is "g-lunch-se" or "g-all");
        Assert.Empty(result.DataIssues);
    }

    [Fact]
    public async Task The_findings_do_not_depend_on_the_order_the_posts_are_read_in()
    {
        // The snapshot lists the posts group by group, as most exports do; the profiles are complete before any post
        // is judged, so reading them in reverse gives the same findings.
        using var copy = TempFolder.CopyOf("placement");
        var lines = File.ReadAllLines(copy.File("posts.jsonl"));
        File.WriteAllLines(copy.File("posts.jsonl"), lines.Reverse());
        var ruleSet = TestInputs.LoadRules("placement.yaml");

        var reversed = await new RuleEngine(TimeProvider.System).AnalyzeAsync(ruleSet, new SnapshotProvider(copy.Path));
        var original = await Placement.Value;

        Assert.Equal(
            original.Diagnostics.Select(d => (d.Target.Id, d.Message)).Order(),
            reversed.Diagnostics.Select(d => (d.Target.Id, d.Message)).Order());
    }

    [Fact]
    public async Task A_repeated_post_is_judged_once_and_its_data_issue_reported_once()
    {
        using var copy = TempFolder.CopyOf("placement");
        var lu5 = File.ReadAllLines(copy.File("posts.jsonl")).Single(line => line.Contains("\"lu5\"", StringComparison.Ordinal));
        File.AppendAllLines(copy.File("posts.jsonl"), [lu5]);

        var result = await new RuleEngine(TimeProvider.System).AnalyzeAsync(TestInputs.LoadRules("placement.yaml"), new SnapshotProvider(copy.Path));

        Assert.Single(result.Of("PLC"), finding => finding.Target.Id == "lu5");
        Assert.Single(result.DataIssues, issue => issue.Kind == DataIssueKind.DuplicateId);
    }

    [Fact]
    public async Task Bots_posts_are_judged_when_the_run_includes_them()
    {
        var result = await TestInputs.RunAsync(TestInputs.LoadRules("placement.yaml"), "placement", new AnalysisOptions { IncludeAutomatedAccounts = true });

        // The payroll bot's Danish notice, posted in the lunch club.
        Assert.Equal("g-hr-dk", Assert.Single(result.Of("PLC"), finding => finding.Target.Id == "bo1").Properties["suggestedGroupId"]);
    }

    [Theory]
    [InlineData("laptop", "laptopen", "laptoper", "laptopar", "laptops", "laptoparna", "laptopene")]
    [InlineData("skrivare", "skrivaren", "skrivarna", "skriver", "skriveren", "skrivere")]
    [InlineData("hjälp", "hjælp", "hjelp")]
    [InlineData("kök", "køkken", "kjøkken", "kjokken")]
    [InlineData("vej", "vei")]
    [InlineData("uppdatering", "uppdateringen", "uppdateringar")]
    [InlineData("Göteborg", "GÖTEBORG", "Go\u0308teborg", "goteborg")]
    public void Spellings_and_inflections_meet(params string[] words)
    {
        var hashes = words.Select(PlacementWords.HashOf).Distinct().ToList();

        Assert.Single(hashes);
        Assert.NotEqual(0UL, hashes[0]);
    }

    [Theory]
    [InlineData("Tack!")]
    [InlineData("takk")]
    [InlineData("Kiitos")]
    [InlineData("Hej")]
    [InlineData("och")]
    [InlineData("it")]
    [InlineData("2026")]
    public void Function_words_greetings_short_words_and_numbers_are_not_words_of_a_profile(string word) =>
        Assert.Equal(0UL, PlacementWords.HashOf(word));

    [Fact]
    public void Folding_needs_no_culture_data_for_the_Nordic_letters()
    {
        // Every Latin-1 and Latin Extended-A letter folds through our own table, never through ICU: the same on any
        // machine, with or without DOTNET_SYSTEM_GLOBALIZATION_INVARIANT.
        Assert.Equal("aaoeeoau", new string([.. "ÅåØÆÄöÀü".Select(PlacementWords.FoldChar)]));
        Assert.Equal('i', PlacementWords.FoldChar('İ'));
        Assert.Equal('\0', PlacementWords.FoldChar('×'));
    }

    [Fact]
    public void Invalid_options_are_CR1014_at_the_option()
    {
        var path = TestInputs.RulesFile("placement-invalid.yaml");

        var result = TestInputs.CreateLoader().Load([path]);

        Assert.False(result.Success);
        Assert.All(result.Errors, error => Assert.Equal("CR1014", error.Code));
        Assert.Equal(
            [(7, 22), (8, 15), (9, 17), (17, 21)],
            result.Errors.Select(error => (error.Location.Line, error.Location.Column)));
        Assert.Contains("'minConfidence' is 0; it must be more than 0 and at most 1", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("'margin' is 1.5; it must be from 0 to less than 1", result.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("'minWords' is 0; it must be 1 or more", result.Errors[2].Message, StringComparison.Ordinal);
        Assert.Contains("'ignoreGroups' has a blank entry", result.Errors[3].Message, StringComparison.Ordinal);
        Assert.All(result.Errors, error => Assert.Equal(path, error.Location.File));
    }
}
