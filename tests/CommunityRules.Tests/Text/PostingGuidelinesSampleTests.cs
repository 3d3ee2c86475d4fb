using CommunityRules.Data.Snapshot;
using CommunityRules.Engine;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Text;

/// <summary>The bundled posting-guidelines pack over the bundled sample: the planted posts of KnownProblems.md, and nothing of the near misses.</summary>
public sealed class PostingGuidelinesSampleTests
{
    private static readonly Lazy<Task<AnalysisResult>> Result = new(() =>
    {
        var load = TestInputs.CreateLoader().LoadText("extends: [builtin:posting-guidelines]\n", "sample.yaml");
        Assert.True(load.Success, string.Join(Environment.NewLine, load.Errors));
        return new RuleEngine(TimeProvider.System).AnalyzeAsync(load.RuleSet!, new SnapshotProvider(Path.Combine(TestPaths.RepoRoot, "samples", "nordic-network")));
    });

    [Theory]
    [InlineData("post009252", "POST001", "Swedish personnummer", "phone number")]
    [InlineData("post007606", "POST001", "Norwegian fødselsnummer", "IBAN", "phone number")]
    [InlineData("post007808", "POST001", "Finnish henkilötunnus", "IBAN", "phone number")]
    [InlineData("c0013885", "POST002", "e-mail address", "phone number")]
    [InlineData("c0007170", "POST002", "payment card number", "e-mail address")]
    [InlineData("c0001899", "POST002", "IBAN", "Swedish personnummer")]
    [InlineData("c0016153", "POST002", "phone number", "e-mail address")]
    public async Task Planted_personal_data_is_found_with_every_value_masked(string record, string rule, params string[] detectors)
    {
        var findings = (await Result.Value).Of(rule).Where(finding => finding.Target.Id == record).ToList();

        Assert.Equal(detectors.Order(StringComparer.Ordinal), findings.Select(finding => finding.Properties["detector"]).Order(StringComparer.Ordinal));
        Assert.All(findings, finding => Assert.Contains('*', finding.Properties["value"]));
    }

    [Theory]
    [InlineData("post001947", "POST003")]
    [InlineData("c0011116", "POST004")]
    [InlineData("c0010462", "POST004")]
    [InlineData("c0013505", "POST004")]
    [InlineData("post009491", "POST005", 4)]
    [InlineData("post002132", "POST005", 4)]
    [InlineData("post010087", "POST005", 3)]
    [InlineData("c0005541", "POST006", 4)]
    [InlineData("c0006098", "POST006", 4)]
    [InlineData("c0011400", "POST006", 2)]
    [InlineData("c0011058", "POST006", 2)]
    [InlineData("post001432", "POST007")]
    [InlineData("post008850", "POST007")]
    [InlineData("c0000670", "POST008")]
    [InlineData("c0015145", "POST008")]
    [InlineData("post007409", "POST009")]
    [InlineData("post004266", "POST010")]
    [InlineData("post009060", "POST010")]
    public async Task Planted_posts_and_comments_are_reported(string record, string rule, int findings = 1)
    {
        Assert.Equal(findings, (await Result.Value).Of(rule).Count(finding => finding.Target.Id == record));
    }

    [Theory]
    [InlineData("post004567")]
    [InlineData("c0000895")]
    [InlineData("c0008111")]
    [InlineData("c0015104")]
    [InlineData("c0006791")]
    [InlineData("post006282")]
    [InlineData("post003560")]
    public async Task Near_misses_are_not_reported(string record)
    {
        Assert.DoesNotContain((await Result.Value).Diagnostics, finding => finding.Target.Id == record);
    }

    [Fact]
    public async Task One_thread_and_all_cores_give_the_same_findings_in_the_same_order()
    {
        var load = TestInputs.CreateLoader().LoadText("extends: [builtin:posting-guidelines, builtin:governance]\n", "sample.yaml");
        var source = Path.Combine(TestPaths.RepoRoot, "samples", "nordic-network");
        var engine = new RuleEngine(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestInputs.ClockNow));

        var single = await engine.AnalyzeAsync(load.RuleSet!, new SnapshotProvider(source), new AnalysisOptions { MaxDegreeOfParallelism = 1 });
        var parallel = await engine.AnalyzeAsync(load.RuleSet!, new SnapshotProvider(source), new AnalysisOptions { MaxDegreeOfParallelism = 4 });

        Assert.True(single.Diagnostics.Count > 300);
        Assert.Equal(single.Diagnostics.Select(d => d.ToString()), parallel.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(single.Diagnostics.Select(d => d.Fingerprint), parallel.Diagnostics.Select(d => d.Fingerprint));
    }
}
