using CommunityRules.Data;
using CommunityRules.Model;
using Microsoft.Extensions.Time.Testing;

namespace CommunityRules.Tests.Engine;

/// <summary>A third-party check that throws (<see cref="FaultyCheck"/>): one finding per failure, the run goes on.</summary>
public sealed class CheckFailureTests
{
    [Fact]
    public async Task A_check_that_throws_on_one_post_is_one_finding_naming_the_rule_the_check_and_the_post()
    {
        var result = await TestInputs.RunAsync("faulty.yaml", "mixed", new FaultyCheck());

        var failures = result.Of("CR0005").Where(finding => finding.Properties["rule"] == "FLT-ONE").ToList();
        var failure = Assert.Single(failures);
        Assert.Equal("post", failure.Target.KindName);
        Assert.Equal("po-1", failure.Target.Id);
        Assert.Equal("faulty", failure.Properties["check"]);
        Assert.Equal("System.FormatException", failure.Properties["exception"]);
        Assert.Contains("failed on group/g-2/post/po-1 with FormatException: post po-1 has no title, so the rule was skipped there", failure.Message, StringComparison.Ordinal);

        // The same rule still ran on the other posts, and the other rules ran.
        Assert.Contains("po-2", result.TargetsOf("FLT-ONE"));
        Assert.NotEmpty(result.Of("FLT-NAME"));
        Assert.Equal(1 + result.Summary.Read.Posts + 1, result.Summary.CheckFailures);
    }

    [Fact]
    public async Task A_failing_end_of_run_action_is_reported_at_the_rule()
    {
        var result = await TestInputs.RunAsync("faulty.yaml", "mixed", new FaultyCheck());

        var failure = Assert.Single(result.Of("CR0005"), finding => finding.Properties["rule"] == "FLT-END");
        Assert.Equal("configuration", failure.Target.KindName);
        Assert.EndsWith("faulty.yaml", failure.Target.File, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException: the end-of-run summary is missing", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_check_that_keeps_failing_is_switched_off_after_ten_failures()
    {
        var builder = InMemoryNetwork.CreateBuilder().Add(new Group { Id = "g-1", Name = "SE-Försäljning" });
        for (var i = 1; i <= 25; i++)
        {
            builder.Add(new Post { Id = $"po-{i}", GroupId = "g-1", Text = "Hej" });
        }

        var result = await new CommunityRules.Engine.RuleEngine(new FakeTimeProvider(TestInputs.ClockNow))
            .AnalyzeAsync(TestInputs.LoadRules("faulty.yaml", new FaultyCheck()), builder.Build());

        var failures = result.Of("CR0005").Where(finding => finding.Properties["rule"] == "FLT-ALL").ToList();
        Assert.Equal(10, failures.Count);
        Assert.Contains("after 10 failures the rule is switched off for the rest of the run", failures[^1].Message, StringComparison.Ordinal);
        Assert.DoesNotContain("switched off", failures[^2].Message, StringComparison.Ordinal);
        Assert.Equal(24, result.Of("FLT-ONE").Count);
    }

    [Fact]
    public async Task The_bot_api_reports_a_failing_check_and_keeps_checking()
    {
        var checker = new PostChecker(TestInputs.LoadRules("faulty.yaml", new FaultyCheck()));

        var findings = checker.Check(new Post { Id = "po-1", GroupId = "g-1", Text = "Hej" });

        Assert.Equal(2, findings.Count(finding => finding.Rule.Id == "CR0005"));
    }
}
