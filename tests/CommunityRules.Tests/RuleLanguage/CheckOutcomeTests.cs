using CommunityRules.Data;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Model;
using CommunityRules.Rules;

namespace CommunityRules.Tests.RuleLanguage;

/// <summary>One check, several rule ids: the inactivity check's help stage and its archive outcome.</summary>
public sealed class CheckOutcomeTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    private static string File(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "Outcomes", name);

    /// <summary>Three groups: quiet for 91 days, silent for 200 days, and busy last week.</summary>
    private static InMemoryNetwork Network() => InMemoryNetwork.CreateBuilder()
        .Add(new Group { Id = "g1", Name = "SE-Friskvård", CreatedAt = AsOf.AddYears(-2) })
        .Add(new Group { Id = "g2", Name = "NO-Kantineutvalget", CreatedAt = AsOf.AddYears(-3) })
        .Add(new Group { Id = "g3", Name = "DK-Salg Aarhus", CreatedAt = AsOf.AddYears(-1) })
        .Add(new Post { Id = "p1", GroupId = "g1", CreatedAt = AsOf.AddDays(-91), Text = "Yoga på fredag?" })
        .Add(new Post { Id = "p2", GroupId = "g2", CreatedAt = AsOf.AddDays(-200), Text = "Ny meny fra mandag." })
        .Add(new Post { Id = "p3", GroupId = "g3", CreatedAt = AsOf.AddDays(-7), Text = "Tillykke med ordren!" })
        .Build();

    private static async Task<AnalysisResult> RunAsync(RuleSet ruleSet) =>
        await new RuleEngine(TimeProvider.System).AnalyzeAsync(ruleSet, Network(), new AnalysisOptions { AsOf = AsOf });

    [Fact]
    public async Task Each_stage_reports_under_its_own_id_and_severity()
    {
        var ruleSet = RuleTestData.LoadClean([File("inactivity-stages.yaml")]);

        var findings = (await RunAsync(ruleSet)).Diagnostics;

        Assert.Collection(
            findings,
            help =>
            {
                Assert.Equal(("ACT001", "g1", Severity.Suggestion), (help.Rule.Id, help.Target.Id, help.Severity));
                Assert.Contains("nobody has posted or commented for 91 days", help.Message, StringComparison.Ordinal);
                Assert.Contains("Activity per month: Apr 0, May 0, Jun 0, Jul 1, Aug 0, Sep 0", help.Message, StringComparison.Ordinal);
            },
            archive =>
            {
                Assert.Equal(("ACT002", "g2", Severity.Warning), (archive.Rule.Id, archive.Target.Id, archive.Severity));
                Assert.Equal("'NO-Kantineutvalget' has gone silent: nobody has posted or commented for 200 days; it was last active on 2026-03-15.", archive.Message);
            });
    }

    [Fact]
    public void An_outcome_without_settings_gets_the_rules_id_and_its_name()
    {
        var rule = Assert.Single(RuleTestData.LoadClean([File("default-outcome-id.yaml")]).Rules);

        Assert.Equal(["ACT010", "ACT010.archive"], rule.Descriptors.Select(d => d.Id));
        Assert.Equal("Silent groups are proposed for archiving", rule.Descriptors[1].Title);
        Assert.Equal(Severity.Warning, rule.Descriptors[1].DefaultSeverity);
    }

    [Fact]
    public async Task Configuration_switches_an_outcome_off_by_its_id_and_keeps_the_main_finding()
    {
        var ruleSet = RuleTestData.LoadClean([File("outcome-off.yaml")]);

        var findings = (await RunAsync(ruleSet)).Diagnostics;

        Assert.Equal(["ACT001:g1"], findings.Select(d => $"{d.Rule.Id}:{d.Target.Id}"));
    }

    [Fact]
    public void An_unknown_outcome_name_is_an_error_with_a_suggestion()
    {
        var result = RuleTestData.CreateLoader().LoadText("""
            rules:
              - id: ACT020
                title: Groups stay active
                target: group
                check: inactivity
                options: { days: 60, archiveAfterDays: 120 }
                message: "{reason}"
                outcomes:
                  archiv: { severity: error }
            """, "outcomes.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal("outcomes.yaml(9,7): error CR1003: 'archiv' is not an outcome of check 'inactivity'. Did you mean 'archive'?", error.ToString());
    }

    [Fact]
    public void An_outcome_id_that_another_rule_uses_is_a_duplicate()
    {
        var result = RuleTestData.CreateLoader().LoadText("""
            rules:
              - id: ACT030
                title: Groups stay active
                target: group
                check: inactivity
                options: { days: 60, archiveAfterDays: 120 }
                message: "{reason}"
                outcomes:
                  archive: { id: GOV777 }
              - id: GOV777
                title: Groups say what they are for
                target: group
                check: description
                message: "{reason}"
            """, "duplicate.yaml");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("duplicate.yaml(10,5): error CR1007: The rule id 'GOV777' is already used", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_archive_stage_must_come_after_the_help_stage()
    {
        var result = RuleTestData.CreateLoader().LoadText("""
            rules:
              - id: ACT040
                title: Groups stay active
                target: group
                check: inactivity
                options:
                  days: 90
                  archiveAfterDays: 30
                message: "{reason}"
            """, "stages.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal("stages.yaml(8,25): error CR1014: 'archiveAfterDays' is 30, not more than 'days' (90); the archive stage must come after the help stage.", error.ToString());
    }

    [Fact]
    public async Task Examples_can_name_the_outcome_they_expect()
    {
        var ruleSet = RuleTestData.LoadTextClean("""
            rules:
              - id: ACT050
                title: Groups stay active
                target: group
                check: inactivity
                options: { days: 60, archiveAfterDays: 120 }
                message: "{reason}"
                examples:
                  - group: { id: g1, name: "SE-Quiet", createdAt: "2024-01-01" }
                    posts: [ { id: x1, groupId: g1, createdAt: "2025-10-01", text: "Hej" } ]
                    asOf: "2026-01-01"
                    outcome: archive
                    expect: fail
                  - group: { id: g1, name: "SE-Silent", createdAt: "2024-01-01" }
                    posts: [ { id: x1, groupId: g1, createdAt: "2025-01-01", text: "Hej" } ]
                    asOf: "2026-01-01"
                    outcome: archive
                    expect: fail
            """, "examples.yaml");

        var result = await new RuleExampleRunner(new RuleEngine(TimeProvider.System)).RunAsync(ruleSet);

        Assert.Equal(1, result.Passed);
        var failure = Assert.Single(result.Failures);
        Assert.Equal(new SourceLocation("examples.yaml", 9, 9), failure.Location);
        Assert.Contains("expected to fail the rule, but it passes", failure.Message, StringComparison.Ordinal);
    }
}
