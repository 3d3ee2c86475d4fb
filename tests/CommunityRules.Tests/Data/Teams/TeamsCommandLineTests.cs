using CommunityRules.Cli;
using CommunityRules.Tests.Engine;
using Microsoft.Extensions.Time.Testing;

namespace CommunityRules.Tests.Data.Teams;

/// <summary><c>communityrules check --data</c> over a saved Teams export, run in-process.</summary>
public sealed class TeamsCommandLineTests
{
    [Theory]
    [InlineData("")]
    [InlineData("teams:")]
    public async Task Check_reads_a_teams_export_found_by_its_layout_or_named(string prefix)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CommandLine.RunAsync(
            ["check", "--rules", TestInputs.RulesFile("cli.yaml"), "--data", prefix + TeamsRead.Fixture, "--as-of", "2026-10-01", "--fail-on", "never"],
            output,
            error,
            new FakeTimeProvider(TestInputs.ClockNow),
            []);

        Assert.Equal(string.Empty, error.ToString());
        Assert.Equal(0, exitCode);
        Assert.Contains("Read 5 people, 3 groups, 7 memberships, 5 posts, 4 comments and 4 reactions", output.ToString().ReplaceLineEndings(" "), StringComparison.Ordinal);
    }
}
