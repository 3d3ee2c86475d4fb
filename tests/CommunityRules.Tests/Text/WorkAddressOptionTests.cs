using CommunityRules.Data.Snapshot;
using CommunityRules.Engine;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Text;

/// <summary>
/// The promise: on the bundled sample, the e-mail findings about colleagues' work addresses disappear with one
/// <c>options:</c> line in the configuration, on posts (POST001) and comments (POST002) alike, and private ones stay.
/// </summary>
public sealed class WorkAddressOptionTests
{
    private static async Task<IReadOnlyList<Diagnostics.Diagnostic>> EmailFindingsAsync(string configuration)
    {
        var load = TestInputs.CreateLoader().LoadText(configuration, "communityrules.yaml");
        Assert.True(load.Success, string.Join(Environment.NewLine, load.Errors));
        var result = await new RuleEngine(TimeProvider.System).AnalyzeAsync(load.RuleSet!, new SnapshotProvider(Path.Combine(TestPaths.RepoRoot, "samples", "nordic-network")));
        return [.. result.Diagnostics.Where(finding => finding.Rule.Id is "POST001" or "POST002" && finding.Properties["detector"] == "e-mail address")];
    }

    [Fact]
    public async Task One_options_line_removes_the_work_address_findings_on_posts_and_comments()
    {
        var before = await EmailFindingsAsync("extends: [builtin:posting-guidelines]\n");
        var after = await EmailFindingsAsync("extends: [builtin:posting-guidelines]\noptions:\n  POST001: { ignoreEmailDomains: [nordlys.example] }\n");

        Assert.Contains(before, finding => finding.Properties["value"].EndsWith("@nordlys.example", StringComparison.Ordinal) && finding.Rule.Id == "POST001");
        Assert.Contains(before, finding => finding.Properties["value"].EndsWith("@nordlys.example", StringComparison.Ordinal) && finding.Rule.Id == "POST002");
        Assert.DoesNotContain(after, finding => finding.Properties["value"].EndsWith("@nordlys.example", StringComparison.Ordinal));
        Assert.Equal(
            before.Where(finding => !finding.Properties["value"].EndsWith("@nordlys.example", StringComparison.Ordinal)).Select(finding => finding.Fingerprint),
            after.Select(finding => finding.Fingerprint));
        Assert.NotEmpty(after);
    }
}
