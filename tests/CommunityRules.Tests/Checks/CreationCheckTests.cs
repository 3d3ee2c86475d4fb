using CommunityRules.Data.Snapshot;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Checks;

/// <summary>
/// The creation check over <c>Rules/creation.yaml</c> and the <c>creation</c> network: one rule per criterion, all
/// criteria together, the unknownCreator and creatorLeft outcomes; and the proposed GOV010 over the sample network.
/// </summary>
public sealed class CreationCheckTests
{
    private static readonly Lazy<Task<AnalysisResult>> Creation = new(() => TestInputs.RunAsync("creation.yaml", "creation"));

    [Fact]
    public async Task Creators_with_an_allowed_role_pass_and_the_others_are_flagged()
    {
        var result = await Creation.Value;

        // g-komm (Åsa, communications) and g-salg (Bjørn, manager) pass: roles are written MANAGER and Communications.
        Assert.Equal(["g-okonomi", "g-jus", "g-island", "g-it", "g-bradspel", "g-ingen"], result.TargetsOf("CRE-ROLE"));
        var lars = result.AssertFinding(
            "CRE-ROLE",
            "g-bradspel",
            "'SE-Brädspel' was created outside the policy: it was created by Lars Åkesson (Försäljning, role employee), and only people with the role MANAGER or Communications may create groups.");
        Assert.Equal(Severity.Warning, lars.Severity);
        Assert.Equal("Lars Åkesson", lars.Properties["creator"]);
        Assert.Equal("Försäljning", lars.Properties["creatorDepartment"]);
        Assert.Equal("p-lars", lars.Properties["creatorId"]);
        result.AssertFinding("CRE-ROLE", "g-ingen", "it was created by Olli Virtanen (no department, no role)");
    }

    [Fact]
    public async Task A_department_allows_its_people_ignoring_case_in_Nordic_letters()
    {
        var result = await Creation.Value;

        // 'ØKONOMI' in the rule, 'Økonomi' in the data.
        Assert.Equal(["g-komm", "g-salg", "g-jus", "g-island", "g-it", "g-bradspel", "g-ingen"], result.TargetsOf("CRE-DEPT"));
        result.AssertFinding("CRE-DEPT", "g-komm", "it was created by Åsa Lindqvist (Communications), and only people in ØKONOMI may create groups");
    }

    [Fact]
    public async Task A_country_allows_its_people_ignoring_case()
    {
        var result = await Creation.Value;

        // Jón (IS), Aino and Olli (FI) pass with 'is' and 'fi'.
        Assert.Equal(["g-komm", "g-salg", "g-okonomi", "g-jus", "g-bradspel"], result.TargetsOf("CRE-COUNTRY"));
        result.AssertFinding("CRE-COUNTRY", "g-okonomi", "Søren Ærbø (Økonomi, DK), and only people in is or fi may create groups");
    }

    [Fact]
    public async Task Named_people_are_allowed_by_id_ignoring_case_and_named_in_the_finding()
    {
        var result = await Creation.Value;

        Assert.Equal(["g-komm", "g-salg", "g-island", "g-it", "g-bradspel", "g-ingen"], result.TargetsOf("CRE-PEOPLE"));
        result.AssertFinding("CRE-PEOPLE", "g-island", "Jón Guðmundsson (Sala), and only Ingrid Østby or Søren Ærbø may create groups");
    }

    [Fact]
    public async Task Members_of_a_listed_group_are_allowed()
    {
        var result = await Creation.Value;

        // Åsa and Aino are members of g-komm (written G-KOMM); Lars is a member of g-salg only.
        Assert.Equal(["g-salg", "g-okonomi", "g-jus", "g-island", "g-bradspel", "g-ingen"], result.TargetsOf("CRE-MEMBER"));
        result.AssertFinding("CRE-MEMBER", "g-bradspel", "only members of 'SE-Kommunikatörer' may create groups");
    }

    [Fact]
    public async Task A_creator_who_meets_any_criterion_is_allowed()
    {
        var result = await Creation.Value;

        var lars = Assert.Single(result.Of("CRE-ANY"));
        Assert.Equal(("g-bradspel", Severity.Error), (lars.Target.Id, lars.Severity));
        Assert.Equal(
            "Lars Åkesson (Försäljning, p-lars) may not create groups: it was created by Lars Åkesson (Försäljning, SE, role employee), and only people with the role manager or communications, people in økonomi, people in IS or FI, Ingrid Østby, or members of 'SE-Kommunikatörer' may create groups.",
            lars.Message);
    }

    [Fact]
    public async Task A_creator_who_is_not_in_the_people_list_or_not_recorded_is_the_unknownCreator_outcome()
    {
        var result = await Creation.Value;

        Assert.Equal(["g-ghost", "g-none"], result.TargetsOf("CRE-ROLE.unknownCreator"));
        var ghost = result.AssertFinding("CRE-ROLE.unknownCreator", "g-ghost", "'DK-Kundecases' has no known creator: its creator 'p-ghost' is not in the people list. Find out who looks after the group");
        Assert.Equal(Severity.Suggestion, ghost.Severity);
        Assert.Equal("Groups have a known creator", ghost.Rule.Title);
        Assert.Equal("p-ghost", ghost.Properties["creatorId"]);
        var none = result.AssertFinding("CRE-ROLE.unknownCreator", "g-none", "'SE-Utan skapare' has no known creator: no creator is recorded for it.");
        Assert.Equal(string.Empty, none.Properties["creatorId"]);

        // Unknown creators are never the main finding, whatever the criteria.
        Assert.All(["CRE-ROLE", "CRE-DEPT", "CRE-COUNTRY", "CRE-PEOPLE", "CRE-MEMBER", "CRE-ANY"], id =>
        {
            Assert.DoesNotContain("g-ghost", result.TargetsOf(id));
            Assert.DoesNotContain("g-none", result.TargetsOf(id));
        });
    }

    [Fact]
    public async Task A_creator_who_left_is_the_creatorLeft_outcome_even_with_an_allowed_role()
    {
        var result = await Creation.Value;

        // Mette is a manager, so CRE-ROLE would allow her, but she has left.
        var left = result.AssertFinding("CRE-ROLE.creatorLeft", "g-vin", "'DK-Vinklub' needs a new owner: its creator Mette Ørsted (Marketing) has left the organisation.");
        Assert.Equal(Severity.Suggestion, left.Severity);
        Assert.Equal("Groups whose creator has left", left.Rule.Title);
        Assert.Equal("Mette Ørsted", left.Properties["creator"]);
        Assert.Equal(["g-vin"], result.TargetsOf("CRE-DEPT.creatorLeft"));
        Assert.DoesNotContain("g-vin", result.TargetsOf("CRE-DEPT"));
    }

    [Fact]
    public async Task Renamed_outcomes_report_under_their_own_id_words_and_severity()
    {
        var result = await Creation.Value;

        Assert.Empty(result.Of("CRE-ANY.unknownCreator"));
        Assert.Equal(["g-ghost", "g-none"], result.TargetsOf("CRE-UNKNOWN"));
        var ghost = result.AssertFinding("CRE-UNKNOWN", "g-ghost", "Who created 'DK-Kundecases'? its creator 'p-ghost' is not in the people list (creatorId 'p-ghost').");
        Assert.Equal(("Every group has a known creator", Severity.Warning), (ghost.Rule.Title, ghost.Severity));

        // CRE-LEFT is switched off in the rule file with 'severity: none'.
        Assert.Empty(result.Of("CRE-LEFT"));
        Assert.Empty(result.Of("CRE-ANY.creatorLeft"));
    }

    [Fact]
    public async Task Configuration_sets_the_severity_of_an_outcome_and_of_the_main_finding_each_on_its_own()
    {
        var ruleSet = TestInputs.LoadRules("creation-severity.yaml");

        var result = await TestInputs.RunAsync(ruleSet, "creation");

        Assert.Empty(result.Of("CRE-ROLE.unknownCreator"));
        Assert.Equal(["g-vin"], result.TargetsOf("CRE-ROLE.creatorLeft"));
        Assert.Equal(6, result.Of("CRE-ROLE").Count);
        Assert.Empty(result.Of("CRE-DEPT"));
        Assert.Equal(["g-vin"], result.TargetsOf("CRE-DEPT.creatorLeft"));
        Assert.Equal(["g-ghost", "g-none"], result.TargetsOf("CRE-DEPT.unknownCreator"));
        var left = Assert.Single(result.Of("CRE-LEFT"));
        Assert.Equal(("g-vin", Severity.Suggestion), (left.Target.Id, left.Severity));
    }

    [Fact]
    public void Mistakes_in_the_options_are_errors_at_the_option()
    {
        var result = TestInputs.CreateLoader().Load([TestInputs.RulesFile("creation-invalid.yaml")]);

        Assert.False(result.Success);
        Assert.Equal(
            [
                "(6,12) CR1014 'allowed' names nobody who may create groups; list at least one of roles, departments, countries, people or memberOf, such as 'allowed: { roles: [manager, communications] }'.",
                "(14,16) CR1014 'allowed' names nobody who may create groups; list at least one of roles, departments, countries, people or memberOf, such as 'allowed: { roles: [manager, communications] }'.",
                "(23,9) CR1014 'allowed' names nobody who may create groups; list at least one of roles, departments, countries, people or memberOf, such as 'allowed: { roles: [manager, communications] }'.",
                "(33,9) CR1014 'allowed.departments' has an empty entry; remove it or write the value it should hold.",
            ],
            result.Errors.Select(error => $"({error.Location.Line},{error.Location.Column}) {error.Code} {error.Message}"));
    }

    [Fact]
    public async Task The_proposed_GOV010_loads_with_the_governance_pack_and_its_examples_pass()
    {
        var ruleSet = LoadProposal();

        var rule = Assert.Single(ruleSet.Rules, rule => rule.Id == "GOV010");
        Assert.Equal(["GOV010", "GOV011", "GOV012"], rule.Descriptors.Select(descriptor => descriptor.Id));
        Assert.Equal(new Uri("https://github.com/communityrules/communityrules/blob/main/docs/rules/GOV010.md"), rule.Descriptors[2].HelpLink);
        var examples = await new RuleExampleRunner(new RuleEngine(TimeProvider.System)).RunAsync(ruleSet);
        Assert.Empty(examples.Failures);
        Assert.Equal(4, rule.Examples.Count);
    }

    [Fact]
    public async Task The_proposed_GOV010_finds_the_planted_creator_problems_in_the_sample_network()
    {
        var result = await new RuleEngine(TimeProvider.System).AnalyzeAsync(LoadProposal(), new SnapshotProvider(SampleNetwork));

        // KnownProblems.md: ordinary employees g014, g064, g093, g106; creators who left g031, g079; unknown creator g048.
        Assert.Equal(["g014", "g064", "g093", "g106"], result.TargetsOf("GOV010"));
        Assert.Equal(["g031", "g079"], result.TargetsOf("GOV012"));
        Assert.Equal(["g048"], result.TargetsOf("GOV011"));
        result.AssertFinding("GOV010", "g014", "'SE-Brädspel' was started outside the group policy: it was created by", "role employee", "only people with the role executive, manager, communications, workspace-primary-owner or workspace-owner may create groups");
        result.AssertFinding("GOV011", "g048", "'DK-Kundecases' has no known creator: its creator 'p1501' is not in the people list.");
        result.AssertFinding("GOV012", "g079", "'NO-Fotball Bergen' needs a new owner: its creator", "has left the organisation");
    }

    [Fact]
    public async Task The_three_proposals_load_together_with_the_governance_pack_and_find_every_planted_creator_and_size_problem()
    {
        var ruleSet = ProposedRules.Load("creation-governance.yaml", "membership-governance.yaml", "privacy-governance.yaml");
        var ids = ruleSet.Rules.SelectMany(rule => rule.Descriptors).Select(descriptor => descriptor.Id).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(["GOV001", "GOV002", "GOV003", "GOV004", "GOV005", "GOV010", "GOV011", "GOV012", "GOV013", "GOV014"]), ids);

        var examples = await new RuleExampleRunner(new RuleEngine(TimeProvider.System)).RunAsync(ruleSet);
        var analysis = await new RuleEngine(TimeProvider.System).AnalyzeAsync(ruleSet, new SnapshotProvider(SampleNetwork));

        Assert.Empty(examples.Failures);
        Assert.Equal(["g014", "g064", "g093", "g106"], analysis.TargetsOf("GOV010"));
        Assert.Equal(["g048"], analysis.TargetsOf("GOV011"));
        Assert.Equal(["g031", "g079"], analysis.TargetsOf("GOV012"));
        Assert.Equal(["g016", "g033", "g050"], analysis.TargetsOf("GOV013"));
        Assert.Empty(analysis.Of("GOV014"));
    }

    private static string SampleNetwork => ProposedRules.SampleNetwork;

    private static Rules.RuleSet LoadProposal() => ProposedRules.Load("creation-governance.yaml");
}

/// <summary>
/// Loads the bundled pack, <c>rules/governance.yaml</c>, with rules proposed for it in <c>TestData/Rules</c>. Once a
/// proposal's rule ids are in the pack, the proposal file is left out, so the tests then check the pack's own rules.
/// </summary>
internal static class ProposedRules
{
    public static string SampleNetwork => Path.Combine(TestPaths.RepoRoot, "samples", "nordic-network");

    public static Rules.RuleSet Load(params string[] proposalFiles)
    {
        var pack = Path.Combine(TestPaths.RepoRoot, "rules", "governance.yaml");
        var inPack = RuleIds(File.ReadAllText(pack));
        var files = proposalFiles.Select(TestInputs.RulesFile).Where(file => !RuleIds(File.ReadAllText(file)).Overlaps(inPack));
        var result = TestInputs.CreateLoader().Load([pack, .. files]);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Errors));
        return result.RuleSet!;
    }

    private static HashSet<string> RuleIds(string yaml) =>
        [.. System.Text.RegularExpressions.Regex.Matches(yaml, @"^\s*-?\s*id:\s*(GOV\d+)\s*$", System.Text.RegularExpressions.RegexOptions.Multiline).Select(match => match.Groups[1].Value)];
}
