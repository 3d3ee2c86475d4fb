using CommunityRules.Data.Snapshot;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Rules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CommunityRules.Tests.Engine;

/// <summary>The engine over <c>Rules/engine-order.yaml</c> and the <c>mixed</c> network: order, determinism, progress and custom checks.</summary>
public sealed class RuleEngineTests
{
    [Fact]
    public async Task Two_runs_give_identical_findings_in_identical_order()
    {
        var ruleSet = TestInputs.LoadRules("engine-order.yaml");

        var first = await TestInputs.RunAsync(ruleSet, "mixed");
        var second = await TestInputs.RunAsync(TestInputs.LoadRules("engine-order.yaml"), "mixed");

        static IEnumerable<string> Flatten(AnalysisResult result) =>
            result.Diagnostics.Select(d => $"{d.Rule.Id}|{d.Severity}|{d.Target.LogicalPath}|{d.Fingerprint}|{d.Message}|{string.Join(",", d.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))}");
        Assert.NotEmpty(first.Diagnostics);
        Assert.Equal(Flatten(first), Flatten(second));
        Assert.Equal(first.DataIssues, second.DataIssues);
        Assert.Equal(first.Summary.Read, second.Summary.Read);
    }

    [Fact]
    public async Task Findings_follow_the_order_of_the_rules_after_the_data_issues()
    {
        var result = await TestInputs.RunAsync(TestInputs.LoadRules("engine-order.yaml"), "mixed");

        // Data issues come first, then the rules as written (ORD-Z, ORD-A, ORD-M), each in the source's group order,
        // although ORD-Z reports at the end of the run and the others while the groups are read.
        Assert.Equal(
            [
                ("CR0001", "people.jsonl:2"),
                ("CR0002", "po-3"),
                ("ORD-Z", "g-1"), ("ORD-Z", "g-3"),
                ("ORD-A", "g-1"), ("ORD-A", "g-3"),
                ("ORD-M", "g-1"), ("ORD-M", "g-3"),
            ],
            result.Diagnostics.Select(d => (d.Rule.Id, d.Target.Id)));
        Assert.Equal([Severity.Suggestion, Severity.Suggestion], result.Of("ORD-Z").Select(d => d.Severity));
        Assert.Equal(Severity.Error, result.Of("ORD-M")[0].Severity);
        result.AssertFinding("ORD-M", "g-3", "blocked word 'test'");
        result.AssertFinding("ORD-Z", "g-1", "since it was created on 2025-01-01");
        result.AssertFinding("ORD-Z", "g-3", "364 days", "last active on 2025-03-01");
    }

    [Fact]
    public async Task The_summary_counts_findings_by_severity_and_rule()
    {
        var result = await TestInputs.RunAsync(TestInputs.LoadRules("engine-order.yaml"), "mixed");

        Assert.Equal(3, result.Summary.RulesRun);
        Assert.Equal(2, result.Summary.FindingsBySeverity[Severity.Error]);
        Assert.Equal(4, result.Summary.FindingsBySeverity[Severity.Warning]);
        Assert.Equal(2, result.Summary.FindingsBySeverity[Severity.Suggestion]);
        Assert.Equal(2, result.Summary.CountAtOrAbove(Severity.Error));
        Assert.Equal(6, result.Summary.CountAtOrAbove(Severity.Warning));
        Assert.Equal(8, result.Summary.CountAtOrAbove(Severity.Suggestion));
        Assert.Equal(1, result.Summary.FindingsByRule["CR0001"]);
        Assert.Equal(2, result.Summary.FindingsByRule["ORD-A"]);
        Assert.Equal(1, result.Summary.Rejected);
        Assert.Equal(2, result.Summary.DataIssues);
    }

    [Fact]
    public async Task Progress_is_reported_for_every_phase_in_order_with_the_records_read()
    {
        var log = new ProgressLog();

        var result = await TestInputs.RunAsync(
            TestInputs.LoadRules("engine-order.yaml"), "mixed", new AnalysisOptions { Progress = log, ProgressInterval = 1 });

        var phases = log.Reports.Select(r => r.Phase).Distinct().ToList();
        Assert.Equal(["people", "groups", "memberships", "people and groups", "posts", "comments", "reactions", "end-of-run"], phases);
        long Last(string phase) => log.Reports.Last(r => r.Phase == phase).RecordsRead;
        Assert.Equal(2, Last("people"));
        Assert.Equal(3, Last("groups"));
        Assert.Equal(3, Last("memberships"));
        Assert.Equal(5, Last("people and groups"));
        Assert.Equal(3, Last("posts"));
        Assert.Equal(0, Last("comments"));
        Assert.Equal(0, Last("reactions"));
        Assert.Equal([0L, 1L, 2L, 3L, 3L], log.Reports.Where(r => r.Phase == "posts").Select(r => r.RecordsRead));
        Assert.Equal(result.Summary.Read.Posts, Last("posts"));
    }

    [Fact]
    public async Task Progress_between_reads_follows_the_interval()
    {
        var log = new ProgressLog();

        await TestInputs.RunAsync(TestInputs.LoadRules("engine-order.yaml"), "mixed", new AnalysisOptions { Progress = log, ProgressInterval = 2 });

        Assert.Equal([0L, 2L, 3L], log.Reports.Where(r => r.Phase == "posts").Select(r => r.RecordsRead));
    }

    [Fact]
    public async Task A_custom_check_registered_through_DI_is_named_in_YAML_like_a_built_in()
    {
        const string Yaml = """
            rules:
              - id: CUSTOM-CTRY
                title: People work in the Nordics we cover
                target: person
                where:
                  not: { country: FI }
                check: personCountry
                options:
                  allowed: [DK, NO]
                message: "{person.name} ({person.id}): {reason}"
              - id: BUILTIN-DESC
                title: Groups say what they are for
                target: group
                check: description
                message: "{reason}"
            """;
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(TestInputs.ClockNow))
            .AddCommunityRules(rules => rules.AddCheck<PersonCountryCheck>());
        await using var provider = services.BuildServiceProvider();

        var loaded = provider.GetRequiredService<RuleSetLoader>().LoadText(Yaml, "custom.yaml");
        Assert.True(loaded.Success, string.Join(Environment.NewLine, loaded.Errors));
        var result = await provider.GetRequiredService<RuleEngine>().AnalyzeAsync(loaded.RuleSet!, new SnapshotProvider(TestInputs.Network("scopes")));

        Assert.Equal("personCountry", loaded.RuleSet!.Rules[0].CheckKind);
        Assert.Equal(["p-asa", "p-soren"], result.TargetsOf("CUSTOM-CTRY"));
        Assert.Equal("Åsa Lindqvist (p-asa): SE is not one of DK, NO", result.MessageFor("CUSTOM-CTRY", "p-asa"));
        Assert.Equal("Søren Kierkegaard (p-soren): no country is set", result.MessageFor("CUSTOM-CTRY", "p-soren"));
        Assert.Equal(TargetKind.Person, result.Of("CUSTOM-CTRY")[0].Target.Kind);
        Assert.Equal(6, result.TargetsOf("BUILTIN-DESC").Count);
    }

    [Fact]
    public void A_custom_checks_own_validation_reports_errors_at_the_option()
    {
        const string Yaml = """
            rules:
              - id: CUSTOM-CTRY
                title: People work somewhere
                target: person
                check: personCountry
                options:
                  allowed: []
                message: "{reason}"
            """;

        var loaded = TestInputs.CreateLoader(new PersonCountryCheck()).LoadText(Yaml, "custom.yaml");

        var error = Assert.Single(loaded.Errors);
        Assert.Equal("CR1014", error.Code);
        Assert.Equal(new SourceLocation("custom.yaml", 7, 16), error.Location);
        Assert.Equal("Name at least one allowed country.", error.Message);
    }

    [Fact]
    public void A_check_that_registers_an_action_for_another_target_than_its_rule_throws()
    {
        const string Yaml = """
            rules:
              - id: WRONG
                title: A group rule whose check watches people
                target: group
                check: wrongTarget
                message: "{reason}"
            """;
        var loader = TestInputs.CreateLoader(new WrongTargetCheck());

        var ex = Assert.Throws<InvalidOperationException>(() => loader.LoadText(Yaml, "wrong.yaml"));

        Assert.Equal("Check 'wrongTarget' registered a Person action for rule WRONG, whose target is Group.", ex.Message);
    }

    [Fact]
    public async Task A_rule_switched_off_by_configuration_does_not_run()
    {
        const string Yaml = """
            extends: [engine-order.yaml]
            severity:
              ORD-A: none
              category:general: warning
            """;
        using var folder = new TempFolder();
        File.Copy(TestInputs.RulesFile("engine-order.yaml"), folder.File("engine-order.yaml"));
        File.WriteAllText(folder.File("config.yaml"), Yaml);
        var loaded = TestInputs.CreateLoader().Load([folder.File("config.yaml")]);
        Assert.True(loaded.Success, string.Join(Environment.NewLine, loaded.Errors));

        var result = await TestInputs.RunAsync(loaded.RuleSet!, "mixed");

        Assert.Empty(result.Of("ORD-A"));
        Assert.Equal(2, result.Summary.RulesRun);
        Assert.Equal(Severity.None, loaded.RuleSet!.GetSeverity(loaded.RuleSet.Rules.Single(r => r.Id == "ORD-A")));
        Assert.All(result.Of("ORD-Z"), d => Assert.Equal(Severity.Warning, d.Severity));
        Assert.All(result.Of("ORD-M"), d => Assert.Equal(Severity.Warning, d.Severity));
    }
}
