using CommunityRules.Data;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Model;
using CommunityRules.Rules;

namespace CommunityRules.Tests.RuleLanguage;

/// <summary>
/// Severity settings in real configuration files (<c>TestData/Config</c>) over <c>rules.yaml</c>: CFG001 naming (warning),
/// CFG002 and CFG003 structure (warning, error), CFG004 activity (enabled: false), CFG005 structure (severity: none).
/// </summary>
public sealed class SeverityConfigurationTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Without_settings_each_rule_has_the_severity_it_is_written_with()
    {
        var severities = Load("rules.yaml");

        Assert.Equal(Severity.Warning, severities["CFG001"]);
        Assert.Equal(Severity.Warning, severities["CFG002"]);
        Assert.Equal(Severity.Error, severities["CFG003"]);
        Assert.Equal(Severity.None, severities["CFG004"]);
        Assert.Equal(Severity.None, severities["CFG005"]);
    }

    [Fact]
    public void An_id_setting_beats_a_category_setting_which_beats_the_default()
    {
        var severities = Load("precedence.yaml");

        Assert.Equal(Severity.Error, severities["CFG001"]);
        Assert.Equal(Severity.Suggestion, severities["CFG002"]);
        Assert.Equal(Severity.Silent, severities["CFG003"]);
    }

    [Fact]
    public void Category_and_default_settings_do_not_switch_on_a_rule_that_is_off_by_default()
    {
        var severities = Load("category-and-default-do-not-enable.yaml");

        Assert.Equal(Severity.Error, severities["CFG001"]);
        Assert.Equal(Severity.Warning, severities["CFG003"]);
        Assert.Equal(Severity.None, severities["CFG004"]);
        Assert.Equal(Severity.None, severities["CFG005"]);
    }

    [Fact]
    public void An_id_setting_switches_on_a_rule_that_is_off_by_default()
    {
        var severities = Load("id-enables.yaml");

        Assert.Equal(Severity.Warning, severities["CFG004"]);
        Assert.Equal(Severity.Suggestion, severities["CFG005"]);
        Assert.Equal(Severity.Warning, severities["CFG001"]);
        Assert.Equal(Severity.Error, severities["CFG003"]);
    }

    [Fact]
    public void Without_a_profile_the_base_settings_apply()
    {
        var severities = Load("profiles.yaml");

        Assert.Equal(Severity.Suggestion, severities["CFG001"]);
        Assert.Equal(Severity.Suggestion, severities["CFG002"]);
        Assert.Equal(Severity.Warning, severities["CFG003"]);
        Assert.Equal(Severity.None, severities["CFG004"]);
    }

    [Fact]
    public void A_profile_overrides_the_base_settings_and_falls_back_to_them()
    {
        var ruleSet = RuleTestData.LoadClean([RuleTestData.ConfigFile("profiles.yaml")], profile: "crisis");
        var severities = RuleTestData.Severities(ruleSet);

        Assert.Equal("crisis", ruleSet.Profile);
        Assert.Equal(Severity.Error, severities["CFG001"]);
        Assert.Equal(Severity.Error, severities["CFG002"]);
        Assert.Equal(Severity.Warning, severities["CFG003"]);
        Assert.Equal(Severity.Warning, severities["CFG004"]);
        Assert.Equal(Severity.None, severities["CFG005"]);
    }

    [Fact]
    public void A_profile_default_does_not_switch_on_a_rule_that_is_off_by_default()
    {
        var ruleSet = RuleTestData.LoadClean([RuleTestData.ConfigFile("profiles.yaml")], profile: "holiday");
        var severities = RuleTestData.Severities(ruleSet);

        Assert.Equal(Severity.Silent, severities["CFG001"]);
        Assert.Equal(Severity.Silent, severities["CFG002"]);
        Assert.Equal(Severity.None, severities["CFG004"]);
        Assert.Equal(Severity.None, severities["CFG005"]);
    }

    [Fact]
    public void An_unknown_profile_is_an_error_with_a_suggestion()
    {
        var result = RuleTestData.CreateLoader().Load([RuleTestData.ConfigFile("profiles.yaml")], new RuleSetLoadOptions { Profile = "crises" });

        var error = Assert.Single(result.Errors);
        Assert.Equal("CR1018", error.Code);
        Assert.Equal("There is no profile 'crises'. Did you mean 'crisis'?", error.Message);
        Assert.Null(result.RuleSet);
    }

    [Fact]
    public void A_profile_when_no_file_defines_any_is_an_error_that_says_so()
    {
        var result = RuleTestData.CreateLoader().Load([RuleTestData.ConfigFile("rules.yaml")], new RuleSetLoadOptions { Profile = "crisis" });

        var error = Assert.Single(result.Errors);
        Assert.Equal("CR1018", error.Code);
        Assert.Equal("There is no profile 'crisis'. No loaded file defines any profile.", error.Message);
    }

    [Fact]
    public void Built_in_rules_can_be_tuned_like_any_rule()
    {
        var ruleSet = RuleTestData.LoadTextClean("extends: [builtin:governance]\nseverity:\n  CR0100: error\n  category:data: none\n");

        Assert.Equal(Severity.Error, ruleSet.BuiltinSeverities["CR0100"]);
        Assert.Equal(Severity.None, ruleSet.BuiltinSeverities["CR0001"]);
        Assert.Equal(Severity.None, ruleSet.BuiltinSeverities["CR0002"]);
    }

    [Fact]
    public async Task None_switches_a_rule_off_so_it_reports_nothing()
    {
        var before = await RunAsync("rules.yaml");
        var after = await RunAsync("switch-off.yaml");

        Assert.Equal(["CFG001", "CFG002", "CFG003"], before.Diagnostics.Select(d => d.Rule.Id));
        Assert.Equal(3, before.Summary.RulesRun);
        Assert.Equal(["CFG001", "CFG003"], after.Diagnostics.Select(d => d.Rule.Id));
        Assert.Equal(2, after.Summary.RulesRun);
        Assert.False(after.Summary.FindingsByRule.ContainsKey("CFG002"));
    }

    [Fact]
    public async Task A_rule_switched_on_by_id_reports_at_the_configured_severity()
    {
        var result = await RunAsync("id-enables.yaml");

        var inactive = Assert.Single(result.Diagnostics, d => d.Rule.Id == "CFG004");
        Assert.Equal(Severity.Warning, inactive.Severity);
        Assert.Equal("g1", inactive.Target.Id);
        Assert.Equal("'sales' looks inactive: nobody has posted or commented since it was created on 2025-01-10.", inactive.Message);
        var shortDescription = Assert.Single(result.Diagnostics, d => d.Rule.Id == "CFG005");
        Assert.Equal(Severity.Suggestion, shortDescription.Severity);
    }

    [Fact]
    public async Task Findings_carry_the_severity_in_force_not_the_written_one()
    {
        var result = await RunAsync("precedence.yaml");

        Assert.Equal(
            [("CFG001", Severity.Error), ("CFG002", Severity.Suggestion), ("CFG003", Severity.Silent)],
            result.Diagnostics.Select(d => (d.Rule.Id, d.Severity)));
        Assert.Equal(1, result.Summary.FindingsBySeverity[Severity.Error]);
        Assert.Equal(1, result.Summary.FindingsBySeverity[Severity.Suggestion]);
        Assert.Equal(1, result.Summary.FindingsBySeverity[Severity.Silent]);
        Assert.Equal(2, result.Summary.CountAtOrAbove(Severity.Suggestion));
    }

    private static Dictionary<string, Severity> Load(string file) =>
        RuleTestData.Severities(RuleTestData.LoadClean([RuleTestData.ConfigFile(file)]));

    /// <summary>One badly kept group that every CFG rule finds fault with: odd name, no description, one admin, no posts.</summary>
    private static Task<AnalysisResult> RunAsync(string file)
    {
        var ruleSet = RuleTestData.LoadClean([RuleTestData.ConfigFile(file)]);
        var network = InMemoryNetwork.CreateBuilder()
            .Add(new Person { Id = "p1", Name = "Åsa Lindqvist" })
            .Add(new Group { Id = "g1", Name = "sales", CreatedAt = new DateTimeOffset(2025, 1, 10, 0, 0, 0, TimeSpan.Zero) })
            .AddMember("g1", "p1", MembershipRole.Admin)
            .Build();
        return new RuleEngine(TimeProvider.System).AnalyzeAsync(ruleSet, network, new AnalysisOptions { AsOf = AsOf });
    }
}
