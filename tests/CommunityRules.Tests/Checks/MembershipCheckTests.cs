using CommunityRules.Data;
using CommunityRules.Data.Snapshot;
using CommunityRules.Engine;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Checks;

/// <summary>
/// The membership check over <c>Rules/membership.yaml</c> and the <c>membership</c> network: sizes with and without
/// people who left, the share of members who left, and the proposed GOV013 over the sample network.
/// </summary>
public sealed class MembershipCheckTests
{
    private static readonly Lazy<Task<AnalysisResult>> Membership = new(() => TestInputs.RunAsync("membership.yaml", "membership"));

    [Fact]
    public async Task Groups_with_too_few_or_too_many_active_members_are_flagged()
    {
        var result = await Membership.Value;

        // g-fika (4 active), g-gamla and g-grense (3 active each, beside people who left) pass.
        Assert.Equal(["g-styr", "g-aero", "g-kaikki", "g-tom"], result.TargetsOf("MEM-SIZE"));
        var styr = result.AssertFinding("MEM-SIZE", "g-styr", "'NO-Styringsgruppe' has the wrong size: it has 1 active member; at least 3 are expected.");
        Assert.Equal("2", styr.Properties["members"]);
        Assert.Equal("1", styr.Properties["activeMembers"]);
        Assert.Equal("50%", styr.Properties["inactiveShare"]);
        result.AssertFinding("MEM-SIZE", "g-kaikki", "it has 6 active members; at most 5 are expected.");
        result.AssertFinding("MEM-SIZE", "g-tom", "it has no active members; at least 3 are expected.");
    }

    [Fact]
    public async Task A_person_listed_twice_counts_once()
    {
        var result = await Membership.Value;

        // g-aero has three membership rows for Søren and Mette (Mette twice).
        var aero = result.AssertFinding("MEM-SIZE", "g-aero", "'DK-Ærø' has the wrong size: it has 2 active members; at least 3 are expected.");
        Assert.Equal("2", aero.Properties["members"]);
    }

    [Fact]
    public async Task Without_countActiveOnly_people_who_left_count_towards_the_size()
    {
        var result = await Membership.Value;

        // g-styr has 2 members (one has left) and meets min 2; g-kaikki has 6 active members but 8 in all.
        Assert.Equal(["g-kaikki", "g-tom"], result.TargetsOf("MEM-ALL"));
        result.AssertFinding("MEM-ALL", "g-kaikki", "'FI-Kaikki' has 8 members: it has 8 members; at most 7 are expected.");
        result.AssertFinding("MEM-ALL", "g-tom", "'DK-Tom' has 0 members: it has no members; at least 2 are expected.");
    }

    [Fact]
    public async Task Groups_where_more_than_the_share_have_left_are_flagged_with_the_percentage_and_the_count()
    {
        var result = await Membership.Value;

        // g-kaikki (2 of 8) and g-grense (1 of 4) are at exactly 25%, which is not above the limit.
        Assert.Equal(["g-styr", "g-gamla"], result.TargetsOf("MEM-LEFT"));
        result.AssertFinding("MEM-LEFT", "g-styr", "'NO-Styringsgruppe' has 2 members, 1 still here (50% gone): 1 of its 2 members (50%) has left the organisation; the limit is 25%.");
        var gamla = result.AssertFinding(
            "MEM-LEFT",
            "g-gamla",
            "'SE-Gamla gänget' has 6 members, 3 still here (50% gone): 3 of its 6 members (50%) have left the organisation (1 of them is not in the people list); the limit is 25%.");
        Assert.Equal(("6", "3", "50%"), (gamla.Properties["members"], gamla.Properties["activeMembers"], gamla.Properties["inactiveShare"]));
        Assert.Contains(result.DataIssues, issue => issue.Kind == DataIssueKind.UnknownReference && issue.Message.Contains("'p-ghost'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Size_and_share_are_reported_together_in_one_finding()
    {
        var ruleSet = TestInputs.CreateLoader().LoadText("""
            rules:
              - id: MEM-BOTH
                title: Three active members, at most a tenth gone
                target: group
                check: membership
                options: { min: 3, maxInactiveShare: 0.1 }
                message: "{reason}"
            """, "membership-both.yaml").RuleSet!;

        var result = await TestInputs.RunAsync(ruleSet, "membership");

        Assert.Equal(["g-styr", "g-aero", "g-kaikki", "g-gamla", "g-grense", "g-tom"], result.TargetsOf("MEM-BOTH"));
        Assert.Equal(
            "it has 1 active member; at least 3 are expected; 1 of its 2 members (50%) has left the organisation; the limit is 10%",
            result.MessageFor("MEM-BOTH", "g-styr"));
        Assert.Equal("2 of its 8 members (25%) have left the organisation; the limit is 10%", result.MessageFor("MEM-BOTH", "g-kaikki"));
    }

    [Fact]
    public void Mistakes_in_the_options_are_errors_at_the_option()
    {
        var result = TestInputs.CreateLoader().Load([TestInputs.RulesFile("membership-invalid.yaml")]);

        Assert.False(result.Success);
        Assert.Equal(
            [
                "(6,12) CR1014 The membership check has nothing to check; set at least one of min, max or maxInactiveShare.",
                "(14,12) CR1014 'min' is 0; it must be 1 or more.",
                "(21,30) CR1014 'max' is 5, below 'min' (10); no group could pass.",
                "(29,25) CR1014 'maxInactiveShare' is 25; write a share from 0 to 1, such as 0.25 for 25 %.",
                "(37,25) CR1014 'maxInactiveShare' is -0.1; write a share from 0 to 1, such as 0.25 for 25 %.",
            ],
            result.Errors.Select(error => $"({error.Location.Line},{error.Location.Column}) {error.Code} {error.Message}"));
    }

    [Fact]
    public async Task The_proposed_GOV013_loads_with_the_governance_pack_and_its_examples_pass()
    {
        var ruleSet = LoadProposal();

        var rule = Assert.Single(ruleSet.Rules, rule => rule.Id == "GOV013");
        Assert.Equal(3, rule.Examples.Count);
        var examples = await new RuleExampleRunner(new RuleEngine(TimeProvider.System)).RunAsync(ruleSet);
        Assert.Empty(examples.Failures);
    }

    [Fact]
    public async Task The_proposed_GOV013_finds_the_planted_small_groups_in_the_sample_network()
    {
        var result = await new RuleEngine(TimeProvider.System).AnalyzeAsync(LoadProposal(), new SnapshotProvider(ProposedRules.SampleNetwork));

        // KnownProblems.md: fewer than 3 members in g016 and g033 (2 each) and g050 (1).
        Assert.Equal(["g016", "g033", "g050"], result.TargetsOf("GOV013"));
        result.AssertFinding("GOV013", "g016", "'SE-Styrgrupp CRM' needs a look at its members: it has 2 active members; at least 3 are expected.");
        result.AssertFinding("GOV013", "g050", "'FI-Kielikahvila' needs a look at its members: it has 1 active member; at least 3 are expected.");
    }

    private static Rules.RuleSet LoadProposal() => ProposedRules.Load("membership-governance.yaml");
}
