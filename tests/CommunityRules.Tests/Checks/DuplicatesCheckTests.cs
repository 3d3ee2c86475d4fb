using CommunityRules.Checks;
using CommunityRules.Checks.BuiltIn;
using CommunityRules.Checks.BuiltIn.Duplicates;
using CommunityRules.Data.Snapshot;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Model;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Checks;

/// <summary>
/// The duplicates check over <c>Rules/duplicates.yaml</c> and the <c>duplicates-nordic</c> network (finance groups in
/// Sweden, Norway and Finland that share a core of members), <c>Rules/duplicates-names.yaml</c> and the
/// <c>duplicates-folding</c> network (one name spelt in several ways), and the proposed GOV015 over the sample network.
/// </summary>
public sealed class DuplicatesCheckTests
{
    private static readonly Lazy<Task<AnalysisResult>> Nordic = new(() => TestInputs.RunAsync("duplicates.yaml", "duplicates-nordic"));
    private static readonly Lazy<Task<AnalysisResult>> Folding = new(() => TestInputs.RunAsync("duplicates-names.yaml", "duplicates-folding"));

    private static string SampleNetwork => Path.Combine(TestPaths.RepoRoot, "samples", "nordic-network");

    [Fact]
    public async Task A_cluster_of_three_countries_is_one_finding_on_the_most_active_group()
    {
        var result = await Nordic.Value;

        // NO-Økonomi has three posts, SE-Ekonomi a post and a comment, FI-Talous one post: NO-Økonomi is kept.
        var finding = Assert.Single(result.Of("DUP"));
        Assert.Equal("g-oko-no", finding.Target.Id);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(
            "'NO-Økonomi' has look-alike groups: 2 other groups look like it, with similar names, topics and members: 'SE-Ekonomi' and 'FI-Talous'. " +
            "Merge 'NO-Økonomi', 'SE-Ekonomi' and 'FI-Talous' into 'NO-Økonomi'.",
            finding.Message);
        Assert.Equal("g-oko-no, g-eko-se, g-tal-fi", finding.Properties["groupIds"]);
        Assert.Equal("'NO-Økonomi', 'SE-Ekonomi' and 'FI-Talous'", finding.Properties["groups"]);
        Assert.Equal("NO-Økonomi", finding.Properties["keep"]);
        Assert.Equal("g-oko-no", finding.Properties["keepId"]);
        Assert.Equal("3", finding.Properties["size"]);

        // Every pair that links the cluster, in source order. Ekonomi ~ Økonomi is one letter apart (0.75); FI-Talous
        // shares no word with them and is found by its topics and members. The members count each person as 1 / the
        // number of groups they are in.
        Assert.Equal(
            "g-eko-se ~ g-oko-no: name 0.75, description 0.00, topics 0.67, members 0.71; " +
            "g-eko-se ~ g-tal-fi: name 0.00, description 0.00, topics 1.00, members 0.43; " +
            "g-oko-no ~ g-tal-fi: name 0.00, description 0.00, topics 0.67, members 0.33",
            finding.Properties["evidence"]);
    }

    [Fact]
    public async Task Groups_that_share_only_a_country_prefix_or_people_are_not_duplicates()
    {
        var result = await Nordic.Value;

        // SE-Kontoret Stockholm holds every member of SE-Ekonomi and SE-Marknad, and all three start with 'SE-': the
        // country code is ignored, so only the members are alike, one signal where two are needed. The HR groups
        // have the same name and topic once the country words are ignored, but no member in common.
        Assert.Equal(["g-oko-no"], result.TargetsOf("DUP"));
        Assert.All(result.Diagnostics, finding => Assert.StartsWith("DUP", finding.Rule.Id, StringComparison.Ordinal));
        Assert.Empty(result.DataIssues);
    }

    [Fact]
    public async Task Without_requireMembers_one_theme_for_different_people_is_a_cluster_too()
    {
        var result = await Nordic.Value;

        Assert.Equal(["g-oko-no", "g-hr-no"], result.TargetsOf("DUP-THEME"));

        // Nobody wrote in the HR groups; NO-HR Norge has four members to the others' three, so it is kept.
        var hr = result.AssertFinding("DUP-THEME", "g-hr-no", "2 other groups look like it, with similar names and topics: 'SE-HR Sverige' and 'DK-HR Danmark'");
        Assert.Equal("g-hr-no, g-hr-se, g-hr-dk", hr.Properties["groupIds"]);
        Assert.StartsWith("g-hr-se ~ g-hr-no: name 1.00, description 0.00, topics 1.00, members 0.00; ", hr.Properties["evidence"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Archived_groups_are_left_out_unless_includeArchived()
    {
        var result = await Nordic.Value;

        Assert.DoesNotContain("g-eko-arkiv", result.Of("DUP").Single().Properties["groupIds"], StringComparison.Ordinal);
        var archived = Assert.Single(result.Of("DUP-ARCHIVED"));
        Assert.Equal("g-oko-no", archived.Target.Id);
        Assert.Equal("g-oko-no, g-eko-se, g-tal-fi, g-eko-arkiv", archived.Properties["groupIds"]);
        Assert.Contains("g-eko-se ~ g-eko-arkiv: name 0.50, description 0.00, topics 1.00, members 1.00", archived.Properties["evidence"], StringComparison.Ordinal);
        Assert.Equal("4", archived.Properties["size"]);
    }

    [Fact]
    public async Task A_higher_threshold_keeps_only_the_closest_pair()
    {
        var result = await Nordic.Value;

        // At 0.5 FI-Talous, alike only in topics and members, drops out: its pairs score 0.45 and 0.32.
        var strict = Assert.Single(result.Of("DUP-STRICT"));
        Assert.Equal("g-oko-no, g-eko-se", strict.Properties["groupIds"]);
        Assert.Equal("another group looks like it, with similar names, topics and members: 'SE-Ekonomi'", strict.Properties["reason"]);
        Assert.Equal("g-eko-se ~ g-oko-no: name 0.75, description 0.00, topics 0.67, members 0.71", strict.Properties["evidence"]);
    }

    [Fact]
    public async Task MinSharedMembers_counts_people_not_shares()
    {
        var result = await Nordic.Value;

        // FI-Talous has four people in common with each of the others, SE-Ekonomi and NO-Økonomi six.
        var shared = Assert.Single(result.Of("DUP-SHARED"));
        Assert.Equal("g-oko-no, g-eko-se", shared.Properties["groupIds"]);
    }

    [Fact]
    public async Task Names_are_compared_with_case_accents_and_country_words_folded()
    {
        var result = await Folding.Value;

        // Not duplicates: SE-Löpning and SE-Lönelista (only the country code in common), SE-Alla på Nordlys and
        // NO-Alle i Nordlys (alla ~ alle is too short a word for a typo), FI-Talous, and SE-Sverige (no word left).
        Assert.Equal(["f-ekonomi-se", "f-baered-ae", "f-kund-ascii"], result.TargetsOf("DUP-NAMES"));

        // Økonomi and okonomi are one word; Ekonomi is one letter from it (0.75), Ekonomie one letter from Ekonomi.
        // Nobody wrote in these groups and they have no members, so the smallest id is kept.
        var economy = result.AssertFinding("DUP-NAMES", "f-ekonomi-se", "3 other groups look like it, with similar names: 'NO-Økonomi', 'no-okonomi' and 'SE-Ekonomie'");
        Assert.Equal("f-ekonomi-se, f-okonomi-no, f-okonomi-lc, f-ekonomie-se", economy.Properties["groupIds"]);
        Assert.Equal(
            "f-okonomi-no ~ f-okonomi-lc: name 1.00, description n/a, topics n/a, members n/a; " +
            "f-okonomi-no ~ f-ekonomi-se: name 0.75, description n/a, topics n/a, members n/a; " +
            "f-okonomi-lc ~ f-ekonomi-se: name 0.75, description n/a, topics n/a, members n/a; " +
            "f-ekonomi-se ~ f-ekonomie-se: name 0.78, description n/a, topics n/a, members n/a",
            economy.Properties["evidence"]);

        // æ is spelt ae; a name written with combining marks (o + U+0308) is the same as one with ö.
        Assert.Equal("f-baered-ae, f-baered-dk, f-baered-lc", result.Of("DUP-NAMES")[1].Properties["groupIds"]);
        Assert.Equal("f-kund-ascii, f-kund-gbg, f-kund-nfd", result.Of("DUP-NAMES")[2].Properties["groupIds"]);
    }

    [Fact]
    public async Task A_higher_name_threshold_drops_the_typos_but_not_the_accents()
    {
        var result = await Folding.Value;

        Assert.Equal(["f-okonomi-lc", "f-baered-ae", "f-kund-ascii"], result.TargetsOf("DUP-NAMES-80"));
        Assert.Equal("f-okonomi-lc, f-okonomi-no", result.Of("DUP-NAMES-80")[0].Properties["groupIds"]);
    }

    [Fact]
    public async Task Without_ignored_words_the_country_codes_keep_the_countries_apart()
    {
        var result = await Folding.Value;

        // 'SE-Ekonomi' and 'NO-Økonomi' now differ in a word of two: 0.23. Groups with the same prefix stay together.
        Assert.Equal(["f-okonomi-lc", "f-ekonomi-se", "f-baered-ae", "f-kund-ascii"], result.TargetsOf("DUP-NAMES-ALL-WORDS"));
        Assert.Equal("f-okonomi-lc, f-okonomi-no", result.Of("DUP-NAMES-ALL-WORDS")[0].Properties["groupIds"]);
        Assert.Equal("f-ekonomi-se ~ f-ekonomie-se: name 0.88, description n/a, topics n/a, members n/a", result.Of("DUP-NAMES-ALL-WORDS")[1].Properties["evidence"]);
    }

    [Theory]
    [InlineData("Økonomi", "okonomi")]
    [InlineData("se-ekonomi-SE", "se-ekonomi-se")]
    [InlineData("DK-Bæredygtighed", "dk-baeredygtighed")]
    [InlineData("SE-Go\u0308teborg", "se-goteborg")]
    [InlineData("FI-Hyvinvointi Åbo", "fi-hyvinvointi abo")]
    public void Folding_ignores_case_and_accents(string text, string folded) =>
        Assert.Equal(folded, TextFolding.Fold(text));

    [Fact]
    public void Invalid_options_are_CR1014_at_the_option()
    {
        var path = TestInputs.RulesFile("duplicates-invalid.yaml");

        var result = TestInputs.CreateLoader().Load([path]);

        Assert.False(result.Success);
        Assert.All(result.Errors, error => Assert.Equal("CR1014", error.Code));
        Assert.Equal(
            [(7, 18), (8, 19), (9, 19), (10, 25), (18, 19), (29, 20)],
            result.Errors.Select(error => (error.Location.Line, error.Location.Column)));
        Assert.Contains("'threshold' is 1.5; it must be more than 0 and at most 1", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("'minMembers' is -0.1; it must be from 0 to 1", result.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("'minSignals' is 5; it must be from 1 to 4", result.Errors[2].Message, StringComparison.Ordinal);
        Assert.Contains("'minSharedMembers' is 0; it must be 1 or more", result.Errors[3].Message, StringComparison.Ordinal);
        Assert.Contains("All four weights are 0", result.Errors[4].Message, StringComparison.Ordinal);
        Assert.Contains("'ignoreWords' has a blank entry", result.Errors[5].Message, StringComparison.Ordinal);
        Assert.All(result.Errors, error => Assert.Equal(path, error.Location.File));
    }

    [Fact]
    public async Task The_proposed_GOV015_examples_pass()
    {
        var ruleSet = LoadProposal();

        var rule = Assert.Single(ruleSet.Rules);
        Assert.Equal("GOV015", rule.Id);
        Assert.Equal(4, rule.Examples.Count);
        var examples = await new RuleExampleRunner(new RuleEngine(TimeProvider.System)).RunAsync(ruleSet);
        Assert.Empty(examples.Failures);
        Assert.Equal(4, examples.Passed);
    }

    [Fact]
    public async Task The_proposed_GOV015_finds_the_planted_clusters_of_the_sample_network()
    {
        var result = await new RuleEngine(TimeProvider.System).AnalyzeAsync(LoadProposal(), new SnapshotProvider(SampleNetwork));

        // The three planted clusters (samples/CommunityRules.SampleNetwork/KnownProblems.md), each on its most
        // active group, and one more: 'IT' (g096) repeats FI-IT Tuki (g027) with the same topics (it, support) and
        // 91 % of the same members, a sensible merge. Not found: the office and department groups of one city, the
        // sub-group SE-Marknad Malmö in SE-Marknad, 'sales team' and 'Marketing Nordic' (half their topics shared),
        // the four leadership groups (shared topic, but only the executives in common), each country's HR group.
        Assert.Equal(["g027", "g077", "g091", "g103"], result.TargetsOf("GOV015"));
        Assert.Equal(
            ["g027, g096", "g077, g028", "g091, g045, g115, g132", "g103, g011, g019, g062, g125"],
            result.Of("GOV015").Select(finding => finding.Properties["groupIds"]));
        var finance = result.AssertFinding("GOV015", "g103", "'NO-Økonomi' has look-alike groups: 4 other groups look like it, with similar names, topics and members: ");
        Assert.EndsWith("Consider merging the 5 groups into 'NO-Økonomi', the most active of them, and archiving the others.", finance.Message, StringComparison.Ordinal);
        Assert.Contains("g011 ~ g103: name 0.75, ", finance.Properties["evidence"], StringComparison.Ordinal);
        Assert.Contains("g062 ~ g125: name 0.00, description 0.00, topics 1.00, ", finance.Properties["evidence"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ }")]
    [InlineData("{ requireMembers: false }")]
    [InlineData("{ requireMembers: false, membersWeight: 0, minName: 0.5, threshold: 0.3 }")]
    public async Task Blocking_finds_what_comparing_every_pair_finds(string options)
    {
        // Both checks run the same scoring: one over the candidate pairs of the indexes, the other over all 9,316
        // pairs of the 137 groups that are not archived.
        var blocked = new CapturingCheck("blockedDuplicates", allPairs: false);
        var everyPair = new CapturingCheck("allPairDuplicates", allPairs: true);
        var ruleSet = TestInputs.CreateLoader(blocked, everyPair).LoadText($$"""
            rules:
              - { id: BLOCKED, title: Blocked, target: group, check: blockedDuplicates, options: {{options}}, message: "x" }
              - { id: ALL, title: All pairs, target: group, check: allPairDuplicates, options: {{options}}, message: "x" }
            """).RuleSet!;

        await new RuleEngine(TimeProvider.System).AnalyzeAsync(ruleSet, new SnapshotProvider(SampleNetwork));

        Assert.NotEmpty(everyPair.Clusters);
        Assert.Equal(everyPair.Clusters, blocked.Clusters);
    }

    private static Rules.RuleSet LoadProposal()
    {
        var result = TestInputs.CreateLoader().Load([TestInputs.RulesFile("duplicates-governance.yaml")]);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Errors));
        return result.RuleSet!;
    }

    /// <summary>Runs the duplicate finder as the check does and keeps each cluster as text: its group ids and evidence.</summary>
    private sealed class CapturingCheck(string kind, bool allPairs) : Check<DuplicatesOptions>
    {
        public List<string> Clusters { get; } = [];

        public override string Kind => kind;

        public override string Description => "Captures duplicate clusters.";

        public override IReadOnlyList<TargetKind> SupportedTargets { get; } = [TargetKind.Group];

        protected override void Initialize(CheckInitializationContext context, DuplicatesOptions options)
        {
            var settings = new DuplicateSettings(options);
            DuplicateRun.Register(context, settings, allPairs, (end, clusters) =>
            {
                foreach (var cluster in clusters)
                {
                    Clusters.Add(string.Join(",", cluster.Groups.Select(group => group.Id)) + ": " +
                        string.Join("; ", cluster.Pairs.Select(pair => $"{pair.First.Id} ~ {pair.Second.Id}: {pair.Signals}")));
                }
            });
        }
    }
}
