using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Rules;

namespace CommunityRules.Tests.RuleLanguage;

/// <summary>The examples written beside rules run as small networks and must pass or fail as written.</summary>
public sealed class RuleExampleRunnerTests
{
    // Line 10: expected to fail, passes. Line 12: fails, but not with the expected text. Line 15: expected to pass, fails.
    // Line 17: fails with the expected text. Line 20: passes as expected.
    private const string Examples = """
        rules:
          - id: EX001
            title: Groups say what they are for
            target: group
            check: description
            options:
              minLength: 20
            message: "'{group.name}' needs a description: {reason}."
            examples:
              - group: { name: "SE-Sales", description: "News and questions for the sales team." }
                expect: fail
              - group: { name: "SE-Sales" }
                expect: fail
                message: too short
              - group: { name: "SE-Sales", description: "Sales." }
                expect: pass
              - group: { name: "SE-Sales", description: "Sales." }
                expect: fail
                message: 6 characters long
              - group: { name: "SE-Sales", description: "News and questions for the sales team." }
                expect: pass
        """;

    [Fact]
    public async Task The_governance_examples_all_pass()
    {
        var ruleSet = RuleTestData.LoadClean(["builtin:governance"]);

        var result = await CreateRunner().RunAsync(ruleSet);

        Assert.True(result.Failures.Count == 0, "Governance examples failed:\n" + string.Join('\n', result.Failures));
        Assert.Equal(ruleSet.Rules.Sum(rule => rule.Examples.Count), result.Passed);
        Assert.Equal(30, result.Total);
    }

    [Fact]
    public async Task The_governance_examples_pass_when_loaded_from_the_checked_in_file()
    {
        var ruleSet = RuleTestData.LoadClean([RuleTestData.GovernanceFile]);

        var result = await CreateRunner().RunAsync(ruleSet);

        Assert.Empty(result.Failures);
        Assert.Equal(30, result.Passed);
    }

    [Theory]
    [MemberData(nameof(SchemaTests.BundledPacks), MemberType = typeof(SchemaTests))]
    public async Task Every_bundled_rule_is_proved_by_its_examples_that_pass_and_fail(string pack)
    {
        var ruleSet = RuleTestData.LoadClean([Path.Combine(TestPaths.RepoRoot, "rules", pack)]);

        var result = await CreateRunner().RunAsync(ruleSet);

        Assert.True(result.Failures.Count == 0, $"rules/{pack} examples failed:\n" + string.Join('\n', result.Failures));
        Assert.All(ruleSet.Rules, rule => Assert.True(
            rule.Examples.Any(example => example.ExpectFailure) && rule.Examples.Any(example => !example.ExpectFailure),
            $"{rule.Id} needs an example that fails and one that passes"));
    }

    [Fact]
    public async Task An_example_expected_to_fail_that_passes_is_CR2001_at_the_example()
    {
        var result = await RunAsync(Examples);

        var error = Assert.Single(result.Failures, f => f.Location.Line == 10);
        Assert.Equal("CR2001", error.Code);
        Assert.Equal(new SourceLocation("examples.yaml", 10, 9), error.Location);
        Assert.Equal("The example of EX001 is expected to fail the rule, but it passes.", error.Message);
        Assert.Equal("examples.yaml(10,9): error CR2001: The example of EX001 is expected to fail the rule, but it passes.", error.ToString());
    }

    [Fact]
    public async Task An_example_that_fails_with_another_message_is_reported_with_the_actual_message()
    {
        var result = await RunAsync(Examples);

        var error = Assert.Single(result.Failures, f => f.Location.Line == 12);
        Assert.Equal("CR2001", error.Code);
        Assert.Equal(9, error.Location.Column);
        Assert.Equal(
            "The example of EX001 fails as expected, but its message does not contain 'too short': 'SE-Sales' needs a description: it has no description.",
            error.Message);
    }

    [Fact]
    public async Task An_example_expected_to_pass_that_fails_is_reported_with_the_finding()
    {
        var result = await RunAsync(Examples);

        var error = Assert.Single(result.Failures, f => f.Location.Line == 15);
        Assert.Equal("CR2001", error.Code);
        Assert.Equal(
            "The example of EX001 is expected to pass the rule, but it fails: 'SE-Sales' needs a description: its description is 6 characters long; at least 20 are expected.",
            error.Message);
    }

    [Fact]
    public async Task Only_the_examples_that_misbehave_are_reported_in_line_order()
    {
        var result = await RunAsync(Examples);

        Assert.Equal([10, 12, 15], result.Failures.Select(f => f.Location.Line));
        Assert.Equal(2, result.Passed);
        Assert.Equal(5, result.Total);
    }

    [Fact]
    public async Task Examples_run_even_when_configuration_switches_the_rule_off()
    {
        var ruleSet = RuleTestData.LoadTextClean(Examples + "\nseverity:\n  EX001: none\n", "examples.yaml");

        var result = await CreateRunner().RunAsync(ruleSet);

        Assert.Equal(Severity.None, ruleSet.GetSeverity(ruleSet.Rules[0]));
        Assert.Equal([10, 12, 15], result.Failures.Select(f => f.Location.Line));
    }

    [Fact]
    public async Task A_rule_without_examples_runs_nothing()
    {
        var ruleSet = RuleTestData.LoadClean([RuleTestData.ConfigFile("rules.yaml")]);

        var result = await CreateRunner().RunAsync(ruleSet);

        Assert.Equal(0, result.Total);
        Assert.Empty(result.Failures);
    }

    private static RuleExampleRunner CreateRunner() => new(new RuleEngine(TimeProvider.System));

    private static Task<ExampleRunResult> RunAsync(string yaml) =>
        CreateRunner().RunAsync(RuleTestData.LoadTextClean(yaml, "examples.yaml"));
}
