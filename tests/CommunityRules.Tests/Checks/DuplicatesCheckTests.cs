using CommunityRules.Checks;
using CommunityRules.Checks.BuiltIn;
using CommunityRules.Checks.BuiltIn.Duplicates;
using CommunityRules.Data;
using CommunityRules.Data.Snapshot;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Model;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Checks;

/// <summary>
/// The duplicates check over <c>Rules/duplicates.yaml</c> and the <c>duplicates-nordic</c> network (finance groups in
/// Sweden, Norway and Finland that share a core of members), <c>Rules/duplicates-names.yaml</c> and the
/// <c>duplicates-folding</c> network (one name spelt in several ways), <c>Rules/duplicates-cohesion.yaml</c> over the
/// <c>duplicates-chain</c>, <c>duplicates-missing</c> and <c>duplicates-meta</c> networks (a chain of look-alikes,
/// groups without topics, a Q&amp;A site's meta with tags as groups and no memberships), and the proposed GOV015 over
/// the sample network.
/// </summary>
public sealed class DuplicatesCheckTests
{
    private static readonly Lazy<Task<AnalysisResult>> Nordic = new(() => TestInputs.RunAsync("duplicates.yaml", "duplicates-nordic"));
    private static readonly Lazy<Task<AnalysisResult>> Folding = new(() => TestInputs.RunAsync("duplicates-names.yaml", "duplicates-folding"));
    private static readonly Lazy<Task<AnalysisResult>> Chain = new(() => TestInputs.RunAsync("duplicates-cohesion.yaml", "duplicates-chain"));
    private static readonly Lazy<Task<AnalysisResult>> Missing = new(() => TestInputs.RunAsync("duplicates-cohesion.yaml", "duplicates-missing"));
    private static readonly Lazy<Task<AnalysisResult>> Meta = new(() => TestInputs.RunAsync("duplicates-cohesion.yaml", "duplicates-meta"));

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
            "g-eko-se ~ g-oko-no: name 0.75, description 0.00, topics 0.67, members 0.71, posts n/a; " +
            "g-eko-se ~ g-tal-fi: name 0.00, description 0.00, topics 1.00, members 0.43, posts n/a; " +
            "g-oko-no ~ g-tal-fi: name 0.00, description 0.00, topics 0.67, members 0.33, posts n/a",
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
        Assert.StartsWith("g-hr-se ~ g-hr-no: name 1.00, description 0.00, topics 1.00, members 0.00, posts n/a; ", hr.Properties["evidence"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Archived_groups_are_left_out_unless_includeArchived()
    {
        var result = await Nordic.Value;

        Assert.DoesNotContain("g-eko-arkiv", result.Of("DUP").Single().Properties["groupIds"], StringComparison.Ordinal);
        var archived = Assert.Single(result.Of("DUP-ARCHIVED"));
        Assert.Equal("g-oko-no", archived.Target.Id);
        Assert.Equal("g-oko-no, g-eko-se, g-tal-fi, g-eko-arkiv", archived.Properties["groupIds"]);
        Assert.Contains("g-eko-se ~ g-eko-arkiv: name 0.50, description 0.00, topics 1.00, members 1.00, posts n/a", archived.Properties["evidence"], StringComparison.Ordinal);
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
        Assert.Equal("g-eko-se ~ g-oko-no: name 0.75, description 0.00, topics 0.67, members 0.71, posts n/a", strict.Properties["evidence"]);
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

        // Økonomi and okonomi are one word; Ekonomi is one letter from it (0.75). Ekonomie loses its final e as an
        // English word would ("merge" is "merg"), so it is Ekonomi. Every two of the four look alike: one cluster.
        // Nobody wrote in these groups and they have no members, so the smallest id is kept.
        var economy = result.AssertFinding("DUP-NAMES", "f-ekonomi-se", "3 other groups look like it, with similar names: 'NO-Økonomi', 'no-okonomi' and 'SE-Ekonomie'");
        Assert.Equal("f-ekonomi-se, f-okonomi-no, f-okonomi-lc, f-ekonomie-se", economy.Properties["groupIds"]);
        Assert.Equal(
            "f-okonomi-no ~ f-okonomi-lc: name 1.00, description n/a, topics n/a, members n/a, posts n/a; " +
            "f-okonomi-no ~ f-ekonomi-se: name 0.75, description n/a, topics n/a, members n/a, posts n/a; " +
            "f-okonomi-no ~ f-ekonomie-se: name 0.75, description n/a, topics n/a, members n/a, posts n/a; " +
            "f-okonomi-lc ~ f-ekonomi-se: name 0.75, description n/a, topics n/a, members n/a, posts n/a; " +
            "f-okonomi-lc ~ f-ekonomie-se: name 0.75, description n/a, topics n/a, members n/a, posts n/a; " +
            "f-ekonomi-se ~ f-ekonomie-se: name 1.00, description n/a, topics n/a, members n/a, posts n/a",
            economy.Properties["evidence"]);

        // æ is spelt ae; a name written with combining marks (o + U+0308) is the same as one with ö.
        Assert.Equal("f-baered-ae, f-baered-dk, f-baered-lc", result.Of("DUP-NAMES")[1].Properties["groupIds"]);
        Assert.Equal("f-kund-ascii, f-kund-gbg, f-kund-nfd", result.Of("DUP-NAMES")[2].Properties["groupIds"]);
    }

    [Fact]
    public async Task A_higher_name_threshold_drops_the_typos_but_not_the_accents()
    {
        var result = await Folding.Value;

        // Ekonomi ~ Økonomi (0.75) is dropped; Ekonomie, the same word once its final e is off, is not.
        Assert.Equal(["f-okonomi-lc", "f-ekonomi-se", "f-baered-ae", "f-kund-ascii"], result.TargetsOf("DUP-NAMES-80"));
        Assert.Equal("f-okonomi-lc, f-okonomi-no", result.Of("DUP-NAMES-80")[0].Properties["groupIds"]);
        Assert.Equal("f-ekonomi-se, f-ekonomie-se", result.Of("DUP-NAMES-80")[1].Properties["groupIds"]);
    }

    [Fact]
    public async Task Without_ignored_words_the_country_codes_keep_the_countries_apart()
    {
        var result = await Folding.Value;

        // 'SE-Ekonomi' and 'NO-Økonomi' now differ in a word of two: 0.23. Groups with the same prefix stay together.
        Assert.Equal(["f-okonomi-lc", "f-ekonomi-se", "f-baered-ae", "f-kund-ascii"], result.TargetsOf("DUP-NAMES-ALL-WORDS"));
        Assert.Equal("f-okonomi-lc, f-okonomi-no", result.Of("DUP-NAMES-ALL-WORDS")[0].Properties["groupIds"]);
        Assert.Equal("f-ekonomi-se ~ f-ekonomie-se: name 1.00, description n/a, topics n/a, members n/a, posts n/a", result.Of("DUP-NAMES-ALL-WORDS")[1].Properties["evidence"]);
    }

    [Fact]
    public async Task A_chain_of_look_alikes_is_not_one_cluster()
    {
        var result = await Chain.Value;

        // Each group shares three of four topics and seven of ten people with the next, two topics and four people
        // with the one after (one signal, not two), and one person with the third. One look-alike pair at a time,
        // the chain c1 ~ c2 ~ ... ~ c8 was one cluster of eight; now every two groups of a cluster look alike.
        Assert.Equal(["c1, c2", "c3, c4", "c5, c6", "c7, c8"], result.Of("DUP").Select(finding => finding.Properties["groupIds"]));
        Assert.All(result.Of("DUP"), finding => AssertEveryPairAlike(finding));
        Assert.Equal(["0.49", "0.47", "0.47", "0.49"], result.Of("DUP").Select(finding => finding.Properties["cohesion"]));
        Assert.EndsWith("another group looks like it, with similar topics and members: 'Planning cycle'. Cohesion 0.49.", result.Of("DUP")[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Groups_without_topics_are_compared_on_what_they_have()
    {
        var result = await Missing.Value;

        // Both pairs share the theme and four of five people (0.67 weighted); the Norwegian pair has no topics and no
        // descriptions. With minSignals: 3 it is compared on its names and people, both alike: a cluster, where
        // before the topics it does not have counted against it. NO-Kontoret Oslo and NO-Salg Oslo share the same
        // people but only the city in their names: one signal of the two they have, not a cluster.
        Assert.Equal(["h-se", "b-no"], result.TargetsOf("DUP"));
        Assert.Equal(["h-se", "b-no"], result.TargetsOf("DUP-THREE"));
        Assert.Equal("b-no ~ b-no2: name 1.00, description n/a, topics n/a, members 0.67, posts n/a", result.Of("DUP-THREE")[1].Properties["evidence"]);
    }

    [Fact]
    public async Task Posts_and_the_people_who_write_them_find_look_alikes_in_an_export_without_memberships()
    {
        var result = await Meta.Value;

        // Tags as groups, as a Q&A site's meta is exported: no memberships, descriptions or topics. tag-synonyms and
        // tag-merge share one name word of three (0.33), and so do close-reasons and vote-to-close, but the same
        // people write in them about the same things. The discussion group, where everyone writes about everything,
        // shares too few people with any of them; bug and feature-request share the subject but not the people.
        Assert.Equal(["tag-synonyms", "close-reasons"], result.TargetsOf("DUP"));
        var tags = result.AssertFinding("DUP", "tag-synonyms", "another group looks like it, with similar members and posts: 'tag-merge'");
        Assert.Equal("tag-synonyms, tag-merge", tags.Properties["groupIds"]);
        Assert.StartsWith("tag-synonyms ~ tag-merge: name 0.33, description n/a, topics n/a, members 1.00, posts 0.", tags.Properties["evidence"], StringComparison.Ordinal);
        Assert.Equal("close-reasons, vote-to-close", result.Of("DUP")[1].Properties["groupIds"]);
        Assert.Empty(result.TargetsOf("DUP-THREE"));
    }

    [Theory]
    [InlineData("close-reasons", "closereasons", "1.00")]
    [InlineData("tag_synonyms", "Tag synonyms", "1.00")]
    [InlineData("tag-synonyms", "tagsynonym", "1.00")]
    [InlineData("vote-to-close", "votetoclose", "1.00")]
    [InlineData("Closed questions", "close-question", "1.00")]
    [InlineData("Tagging", "tags", "1.00")]
    [InlineData("merged-tags", "tag merging", "1.00")]
    [InlineData("close-reasons", "open-reasons", "0.33")]
    [InlineData("SE-Ekonomi", "FI-Talous", "0.00")]
    public async Task Names_match_across_plurals_verb_endings_separators_and_compounds(string first, string second, string name)
    {
        var network = InMemoryNetwork.CreateBuilder()
            .Add(new Group { Id = "a", Name = first })
            .Add(new Group { Id = "b", Name = second })
            .Build();
        var ruleSet = TestInputs.CreateLoader().LoadText("""
            rules:
              - { id: NAMES, title: Names, target: group, check: duplicates, options: { requireMembers: false, minName: 0, threshold: 0.001, minSignals: 1 }, message: "{evidence}" }
            """).RuleSet!;

        var result = await new RuleEngine(TimeProvider.System).AnalyzeAsync(ruleSet, network);

        var evidence = result.Of("NAMES") is [var finding] ? finding.Properties["evidence"] : "a ~ b: name 0.00";
        Assert.StartsWith($"a ~ b: name {name},", evidence + ",", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tags", "tag")]
    [InlineData("synonyms", "synonym")]
    [InlineData("categories", "categori")]
    [InlineData("category", "categori")]
    [InlineData("closed", "close")]
    [InlineData("closing", "close")]
    [InlineData("close", "close")]
    [InlineData("merged", "merg")]
    [InlineData("merge", "merg")]
    [InlineData("tagging", "tag")]
    [InlineData("voting", "vote")]
    [InlineData("ekonomi", "ekonomi")]
    [InlineData("bus", "bus")]
    [InlineData("økonomi", "økonomi")]
    public void English_inflections_are_taken_off(string word, string stem) =>
        Assert.Equal(stem, EnglishStemmer.Stem(word));

    [Theory]
    [InlineData("Categories", "categori")]
    [InlineData("category", "categori")]
    [InlineData("happy", "happi")]
    [InlineData("agreed", "agre")]
    [InlineData("hoping", "hope")]
    [InlineData("hopping", "hop")]
    [InlineData("Tagging", "tag")]
    [InlineData("rated", "rate")]
    [InlineData("merged", "merg")]
    [InlineData("caresses", "caress")]
    [InlineData("ÖKONOMI", "okonomi")]
    [InlineData("bus", "bus")]
    public void A_written_word_is_counted_by_the_hash_of_its_stem(string written, string stem)
    {
        // The hash is taken as the letters are folded and carried on past the stemmer's change: the same as hashing
        // the stem itself, whichever of the stemmer's steps changed the word.
        var profile = new WritingProfile(WritingProfile.Skipping([]));
        profile.AddText($"{written}, {written}!");

        var term = Assert.Single(profile.Terms());
        Assert.Equal(WritingProfile.Hash(stem), term.Key);
        Assert.Equal(2, term.Value);
    }

    [Fact]
    public void A_group_s_writing_is_kept_in_bounded_memory()
    {
        var profile = new WritingProfile(WritingProfile.Skipping([]));
        for (var i = 0; i < 2_000; i++)
        {
            profile.AddAuthor($"p{i}");
            profile.AddText($"budget forecast word{ToLetters(i)} word{ToLetters(i)}");
        }

        // 2,000 distinct words written twice each, and the two written every time: the bag keeps 256 words, these two
        // among them; 500 authors are kept of 2,000.
        Assert.Equal(WritingProfile.MaxAuthors, profile.Authors.Count);
        var terms = profile.Terms().ToList();
        Assert.Equal(WritingProfile.MaxTerms, terms.Count);
        Assert.Contains(terms, term => term.Key == WritingProfile.HashOfWord("budget") && term.Value == 2_000);
        Assert.Contains(terms, term => term.Key == WritingProfile.HashOfWord("forecast") && term.Value == 2_000);
        Assert.Equal(8_000, profile.Words);

        static string ToLetters(int i) => string.Concat(i.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(digit => (char)('a' + digit - '0')));
    }

    [Fact]
    public async Task Runs_of_one_rule_set_at_once_keep_their_posts_apart()
    {
        var ruleSet = TestInputs.LoadRules("duplicates-cohesion.yaml");

        // The posts are gathered per run: the meta network's look-alikes are found whatever runs beside it.
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => TestInputs.RunAsync(ruleSet, i % 2 == 0 ? "duplicates-meta" : "duplicates-missing")));

        Assert.All(runs.Where((_, i) => i % 2 == 0), run => Assert.Equal(["tag-synonyms", "close-reasons"], run.TargetsOf("DUP")));
        Assert.All(runs.Where((_, i) => i % 2 == 1), run => Assert.Equal(["h-se", "b-no"], run.TargetsOf("DUP")));
    }

    /// <summary>Every two groups of a cluster are a pair in its evidence: none is there only through the others.</summary>
    private static void AssertEveryPairAlike(Diagnostic finding)
    {
        var ids = finding.Properties["groupIds"].Split(", ");
        var pairs = finding.Properties["evidence"].Split("; ").Select(pair => pair[..pair.IndexOf(':', StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);
        foreach (var (first, i) in ids.Select((id, i) => (id, i)))
        {
            foreach (var second in ids.Skip(i + 1))
            {
                Assert.True(pairs.Contains($"{first} ~ {second}") || pairs.Contains($"{second} ~ {first}"), $"{first} and {second} are in one cluster but do not look alike: {finding.Properties["evidence"]}");
            }
        }
    }

    [Theory]
    [InlineData("Økonomi", "okonomi")]
    [InlineData("se-ekonomi-SE", "se-ekonomi-se")]
    [InlineData("DK-Bæredygtighed", "dk-baeredygtighed")]
    [InlineData("SE-Go\u0308teborg", "se-goteborg")]
    [InlineData("FI-Hyvinvointi Åbo", "fi-hyvinvointi abo")]
    public void Folding_ignores_case_and_accents(string text, string folded) =>
        Assert.Equal(folded, NameText.Fold(text));

    [Fact]
    public void Invalid_options_are_CR1014_at_the_option()
    {
        var path = TestInputs.RulesFile("duplicates-invalid.yaml");

        var result = TestInputs.CreateLoader().Load([path]);

        Assert.False(result.Success);
        Assert.All(result.Errors, error => Assert.Equal("CR1014", error.Code));
        Assert.Equal(
            [(7, 18), (8, 19), (9, 19), (10, 25), (18, 19), (30, 20)],
            result.Errors.Select(error => (error.Location.Line, error.Location.Column)));
        Assert.Contains("'threshold' is 1.5; it must be more than 0 and at most 1", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("'minMembers' is -0.1; it must be from 0 to 1", result.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("'minSignals' is 6; it must be from 1 to 5", result.Errors[2].Message, StringComparison.Ordinal);
        Assert.Contains("'minSharedMembers' is 0; it must be 1 or more", result.Errors[3].Message, StringComparison.Ordinal);
        Assert.Contains("All five weights are 0", result.Errors[4].Message, StringComparison.Ordinal);
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
        // Every two groups of a cluster look alike: FI-Talous (g125) looks like SE-Ekonomi and se-ekonomi-SE but not
        // like NO-Økonomi or se-ekonomi, and NO-Trening og helse (g115) only like SE-Friskvård, so neither is chained
        // into a cluster as they were when one look-alike pair was enough.
        Assert.Equal(["g027", "g077", "g091", "g103"], result.TargetsOf("GOV015"));
        Assert.Equal(
            ["g027, g096", "g077, g028", "g091, g045, g132", "g103, g011, g019, g062"],
            result.Of("GOV015").Select(finding => finding.Properties["groupIds"]));
        var finance = result.AssertFinding("GOV015", "g103", "'NO-Økonomi' has look-alike groups: 3 other groups look like it, with similar names, topics and members: ");
        Assert.EndsWith("Consider merging the 4 groups into 'NO-Økonomi', the most active of them, and archiving the others.", finance.Message, StringComparison.Ordinal);
        Assert.Contains("g011 ~ g103: name 0.75, ", finance.Properties["evidence"], StringComparison.Ordinal);
        Assert.Equal(6, finance.Properties["evidence"].Split("; ").Length);
        Assert.Equal("0.61", finance.Properties["cohesion"]);
        Assert.All(result.Of("GOV015"), finding => AssertEveryPairAlike(finding));
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
