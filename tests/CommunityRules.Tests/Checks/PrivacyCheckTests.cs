using CommunityRules.Data.Snapshot;
using CommunityRules.Engine;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Checks;

/// <summary>
/// The privacy check over <c>Rules/privacy.yaml</c> and the <c>privacy</c> network: allowed privacy values in a
/// rule's scope, a topic for secret groups, unknown privacy; and the proposed GOV014 over the sample network.
/// </summary>
public sealed class PrivacyCheckTests
{
    private static readonly Lazy<Task<AnalysisResult>> Privacy = new(() => TestInputs.RunAsync("privacy.yaml", "privacy"));

    [Fact]
    public async Task Groups_in_the_rules_scope_must_have_an_allowed_privacy()
    {
        var result = await Privacy.Value;

        // Scope: groups created by HR ('HR' and 'hr'). g-hr-no is closed and g-lonn secret; g-tuntematon has no privacy.
        Assert.Equal(["g-hr-se"], result.TargetsOf("PRV-HR"));
        var open = result.AssertFinding("PRV-HR", "g-hr-se", "'SE-HR Sverige' is open: it is open, and only closed or secret groups are allowed here.");
        Assert.Equal("open", open.Properties["privacy"]);
    }

    [Fact]
    public async Task Every_privacy_that_is_not_allowed_is_flagged_and_unknown_privacy_is_left_alone_by_default()
    {
        var result = await Privacy.Value;

        Assert.Equal(["g-hr-no", "g-lonn", "g-ledere", "g-hemlig", "g-tavs", "g-suljettu"], result.TargetsOf("PRV-OPEN"));
        result.AssertFinding("PRV-OPEN", "g-lonn", "'NO-Lønnsoppgjør' is secret: it is secret, and only open groups are allowed here.");
        Assert.DoesNotContain("g-tuntematon", result.TargetsOf("PRV-OPEN"));
    }

    [Fact]
    public async Task Secret_groups_need_one_of_the_topics_ignoring_case()
    {
        var result = await Privacy.Value;

        // g-lonn has 'LØNN' (the rule says 'lønn') and g-ledere 'Ledelse' (the rule says 'ledelse'); closed and open groups need none.
        Assert.Equal(["g-hemlig", "g-tavs"], result.TargetsOf("PRV-TOPIC"));
        var hemlig = result.AssertFinding(
            "PRV-TOPIC",
            "g-hemlig",
            "'SE-Hemligt projekt' is hidden: it is secret, and none of its topics (projekt, vår) says why; a secret group needs one of the topics ledelse, HR or lønn.");
        Assert.Equal("secret", hemlig.Properties["privacy"]);
        result.AssertFinding("PRV-TOPIC", "g-tavs", "'DK-Tavshed' is hidden: it is secret and has no topic; a secret group needs one of the topics ledelse, HR or lønn to say why it is hidden.");
    }

    [Fact]
    public async Task Unknown_privacy_is_flagged_only_with_requireKnown()
    {
        var result = await Privacy.Value;

        var unknown = Assert.Single(result.Of("PRV-KNOWN"));
        Assert.Equal("g-tuntematon", unknown.Target.Id);
        Assert.Equal("'FI-Tuntematon': its privacy is not known; the export does not say who can find and read it.", unknown.Message);
        Assert.Equal("unknown", unknown.Properties["privacy"]);
        Assert.All(["PRV-HR", "PRV-TOPIC", "PRV-OPEN"], id => Assert.DoesNotContain("g-tuntematon", result.TargetsOf(id)));
    }

    [Fact]
    public void Mistakes_in_the_options_are_errors_at_the_option()
    {
        var result = TestInputs.CreateLoader().Load([TestInputs.RulesFile("privacy-invalid.yaml")]);

        Assert.False(result.Success);
        Assert.Equal(
            [
                "(7,12) CR1014 The privacy check has nothing to check; set 'allowed' (such as [closed, secret]), 'requireTopicFor' with 'topics', or 'requireKnown: true'.",
                "(15,24) CR1014 'requireTopicFor' needs 'topics': list the topics that say why a secret group is hidden, such as 'topics: [leadership, hr, legal]'.",
                "(24,15) CR1014 'topics' is only used with 'requireTopicFor'; say which groups need one of these topics, such as 'requireTopicFor: [secret]'.",
                "(33,15) CR1014 'topics' has an empty entry; remove it or write the topic it should hold.",
            ],
            result.Errors.Where(error => error.Code == "CR1014").Select(error => $"({error.Location.Line},{error.Location.Column}) {error.Code} {error.Message}"));

        // A privacy value that does not exist is the schema's to catch, with a suggestion.
        var typo = Assert.Single(result.Errors, error => error.Code != "CR1014");
        Assert.Equal((41, 25, "CR1006"), (typo.Location.Line, typo.Location.Column, typo.Code));
        Assert.Contains("Did you mean 'secret'?", typo.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_proposed_GOV014_loads_with_the_governance_pack_and_its_examples_pass()
    {
        var ruleSet = LoadProposal();

        var rule = Assert.Single(ruleSet.Rules, rule => rule.Id == "GOV014");
        Assert.Equal(4, rule.Examples.Count);
        var examples = await new RuleExampleRunner(new RuleEngine(TimeProvider.System)).RunAsync(ruleSet);
        Assert.Empty(examples.Failures);
    }

    [Fact]
    public async Task The_proposed_GOV014_passes_the_secret_leadership_groups_of_the_sample_network()
    {
        var result = await new RuleEngine(TimeProvider.System).AnalyzeAsync(LoadProposal(), new SnapshotProvider(ProposedRules.SampleNetwork));

        // The sample plants no privacy problem: its four secret groups (g065, g066, g070, g075) carry the topic 'leadership'.
        Assert.Empty(result.Of("GOV014"));
        Assert.Contains(result.Of("GOV001"), finding => finding.Target.Id == "g036");
    }

    [Fact]
    public async Task Over_the_sample_network_a_narrower_topic_list_flags_the_secret_groups()
    {
        var ruleSet = TestInputs.CreateLoader().LoadText("""
            rules:
              - id: PRV-SAMPLE
                title: Secret groups are HR groups
                target: group
                check: privacy
                options: { requireTopicFor: [secret], topics: [HR] }
                message: "{reason}"
            """, "privacy-sample.yaml").RuleSet!;

        var result = await new RuleEngine(TimeProvider.System).AnalyzeAsync(ruleSet, new SnapshotProvider(ProposedRules.SampleNetwork));

        Assert.Equal(["g065", "g066", "g070", "g075"], result.TargetsOf("PRV-SAMPLE"));
        Assert.Equal("it is secret, and none of its topics (leadership) says why; a secret group needs one of the topics HR", result.MessageFor("PRV-SAMPLE", "g070"));
    }

    private static Rules.RuleSet LoadProposal() => ProposedRules.Load("privacy-governance.yaml");
}
