using System.Text;
using System.Text.Json;
using CommunityRules.Cli;
using Microsoft.Extensions.Time.Testing;

namespace CommunityRules.Tests.Engine;

/// <summary>
/// What <c>communityrules check</c> finds on the bundled sample with the default packs, finding by finding (rule,
/// severity, target, fingerprint, message), against the list committed in TestData/Expected. Work on speed, memory or
/// globalization must leave every finding as it was; a change that means to alter findings updates the file in the same
/// commit (<see cref="ExpectedFindings"/>) so the difference shows in review.
/// </summary>
public sealed class SampleFindingsTests
{
    [Fact]
    public async Task The_bundled_sample_gives_exactly_the_findings_on_record()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandLine.RunAsync(["check", "--format", "json"], output, error, new FakeTimeProvider(TestInputs.ClockNow));
        Assert.True(exitCode == 1, $"check exited with {exitCode}: {error}");

        await ExpectedFindings.AssertMatchesAsync("sample-findings.txt", Listing(output.ToString()));
    }

    /// <summary>One line per finding in the report's order: what makes it the same finding and what it says.</summary>
    private static string Listing(string json)
    {
        using var report = JsonDocument.Parse(json);
        var text = new StringBuilder();
        foreach (var finding in report.RootElement.GetProperty("findings").EnumerateArray())
        {
            var target = finding.GetProperty("target");
            var path = target.GetProperty("kind").GetString() + "/" + (target.TryGetProperty("groupId", out var group) ? group.GetString() + "/" : string.Empty) + target.GetProperty("id").GetString();
            text.Append(finding.GetProperty("ruleId").GetString()).Append('\t')
                .Append(finding.GetProperty("severity").GetString()).Append('\t')
                .Append(path).Append('\t')
                .Append(finding.GetProperty("fingerprint").GetString()).Append('\t')
                .Append(finding.GetProperty("message").GetString()!.Replace("\t", "\\t", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)).Append('\n');
        }

        return text.ToString();
    }
}
