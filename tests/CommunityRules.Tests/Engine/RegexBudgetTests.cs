using CommunityRules.Cli;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using Microsoft.Extensions.Time.Testing;

namespace CommunityRules.Tests.Engine;

/// <summary>
/// A pattern that backtracks without end (<c>^(\w+\s?)+$</c> with a 1 ms limit) over the <c>slow-pattern</c> network:
/// after 10 texts on which it ran out of time its rule is switched off, with one error that says why.
/// </summary>
public sealed class RegexBudgetTests
{
    [Fact]
    public async Task A_rule_whose_pattern_times_out_on_ten_texts_is_switched_off_with_one_error()
    {
        var result = await TestInputs.RunAsync("text-limits.yaml", "slow-pattern");

        // Ten posts time out (po-04 on are built to; on a loaded machine a shorter one may too), each once.
        var timedOut = result.Of("CR0004").Select(finding => finding.Target.Id).ToList();
        Assert.Equal(10, timedOut.Distinct(StringComparer.Ordinal).Count());
        var switchedOff = Assert.Single(result.Of("CR0006"));
        Assert.Equal(Severity.Error, switchedOff.Severity);
        Assert.Equal("configuration", switchedOff.Target.KindName);
        Assert.Equal("rule/LIM-SLOW", switchedOff.Target.Id);
        Assert.EndsWith("text-limits.yaml", switchedOff.Target.File, StringComparison.Ordinal);
        Assert.Equal("10", switchedOff.Properties["timeouts"]);
        Assert.Contains("rule LIM-SLOW (", switchedOff.Message, StringComparison.Ordinal);
        Assert.Contains("was switched off for the rest of the run: the regular expression '^(\\w+\\s?)+$' ran past its time limit of 1 ms on 10 texts, so its findings are incomplete", switchedOff.Message, StringComparison.Ordinal);
        Assert.Equal(1, result.Summary.RulesSwitchedOff);

        // The rule found what it could before, and the other rules ran on every post.
        Assert.All(result.TargetsOf("LIM-SLOW"), id => Assert.DoesNotContain(id, timedOut));
        Assert.Equal(1 + 19, result.Of("LIM-TERMS").Count);
    }

    [Fact]
    public async Task The_number_of_timeouts_is_an_option()
    {
        var result = await TestInputs.RunAsync(TestInputs.LoadRules("text-limits.yaml"), "slow-pattern", new AnalysisOptions { MaxRegexTimeoutsPerRule = 3 });

        Assert.Equal(3, result.Of("CR0004").Count);
        Assert.Equal("3", Assert.Single(result.Of("CR0006")).Properties["timeouts"]);
    }

    [Fact]
    public async Task On_all_cores_the_rule_is_switched_off_once_and_never_reports_after()
    {
        // The texts are scanned on two threads, but the budget is counted in read order: the same ten texts as on one.
        using var folder = TempFolder.CopyOf("slow-pattern");
        var posts = File.ReadAllLines(Path.Combine(folder.Path, "posts.jsonl")).ToList();
        var slow = posts[^1];
        for (var i = 41; i <= 300; i++)
        {
            posts.Add(slow.Replace("po-40", $"po-{i}", StringComparison.Ordinal));
        }

        File.WriteAllLines(Path.Combine(folder.Path, "posts.jsonl"), posts);
        var result = await new RuleEngine(new FakeTimeProvider(TestInputs.ClockNow))
            .AnalyzeAsync(TestInputs.LoadRules("text-limits.yaml"), new CommunityRules.Data.Snapshot.SnapshotProvider(folder.Path), new AnalysisOptions { MaxDegreeOfParallelism = 2 });

        Assert.Single(result.Of("CR0006"));
        Assert.Equal(10, result.Of("CR0004").Count);
        Assert.Equal("10", result.Of("CR0006")[0].Properties["timeouts"]);
        Assert.Equal(1, result.Summary.RulesSwitchedOff);
    }

    [Fact]
    public async Task Strict_turns_a_switched_off_rule_into_exit_2()
    {
        string[] args = ["check", "--rules", TestInputs.RulesFile("text-limits.yaml"), "--data", TestInputs.Network("slow-pattern"), "--fail-on", "never"];
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var strictOutput = new StringWriter();
        using var strictError = new StringWriter();

        var plain = await CommandLine.RunAsync(args, output, error, new FakeTimeProvider(TestInputs.ClockNow), []);
        var strict = await CommandLine.RunAsync([.. args, "--strict"], strictOutput, strictError, new FakeTimeProvider(TestInputs.ClockNow), []);

        Assert.Equal(0, plain);
        Assert.Equal(2, strict);
        Assert.Contains("1 rule(s) were switched off for the rest of the run (CR0006, --strict)", strictError.ToString(), StringComparison.Ordinal);
        Assert.Contains("CR0006", strictOutput.ToString(), StringComparison.Ordinal);
    }
}
