using CommunityRules.Data.Snapshot;
using CommunityRules.Engine;
using CommunityRules.Tests.Engine;
using Microsoft.Extensions.Time.Testing;

namespace CommunityRules.Tests.Checks;

/// <summary>The inactivity check over <c>Rules/inactivity.yaml</c> (90 days) and the <c>inactivity</c> network (asOf 2026-03-01).</summary>
public sealed class InactivityCheckTests
{
    private static readonly DateTimeOffset ManifestAsOf = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Groups_without_a_post_or_comment_for_the_window_are_flagged_with_the_last_day()
    {
        var result = await TestInputs.RunAsync("inactivity.yaml", "inactivity");

        // Not flagged: g-comment (a reply on 2026-02-10), g-busy (a post on 2026-02-20), g-young (created 45 days ago),
        // g-archived, and g-edge89 (last post 89 days ago).
        Assert.Equal(["g-quiet", "g-silent", "g-undated", "g-edge"], result.TargetsOf("INA-90"));
        var quiet = result.AssertFinding("INA-90", "g-quiet", "'SE-Tyst' looks inactive: ", "273 days", "last active on 2025-06-01");
        Assert.Equal("2025-06-01", quiet.Properties["lastActivity"]);
        Assert.Equal("273", quiet.Properties["daysInactive"]);
        Assert.Equal("90", quiet.Properties["days"]);
    }

    [Fact]
    public async Task A_group_whose_last_activity_is_exactly_the_window_ago_is_inactive()
    {
        var result = await TestInputs.RunAsync("inactivity.yaml", "inactivity");

        result.AssertFinding("INA-90", "g-edge", "90 days", "last active on 2025-12-01");
        Assert.DoesNotContain("g-edge89", result.TargetsOf("INA-90"));
    }

    [Fact]
    public async Task A_group_nobody_ever_wrote_in_is_flagged_since_its_creation()
    {
        var result = await TestInputs.RunAsync("inactivity.yaml", "inactivity");

        var silent = result.AssertFinding("INA-90", "g-silent", "'NO-Stille' looks inactive: ", "since it was created on 2025-05-01");
        Assert.Equal("never", silent.Properties["lastActivity"]);
        Assert.DoesNotContain("last active", silent.Message, StringComparison.Ordinal);
        var undated = result.AssertFinding("INA-90", "g-undated", "'NO-Udatert' looks inactive: ", "nobody has posted or commented");
        Assert.DoesNotContain("created on", undated.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("last active", undated.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recent_comment_keeps_a_group_with_an_old_post_active()
    {
        var result = await TestInputs.RunAsync("inactivity.yaml", "inactivity");

        Assert.DoesNotContain("g-comment", result.TargetsOf("INA-90"));
        Assert.Equal(2, result.Summary.Read.Comments);
    }

    [Fact]
    public async Task The_moment_in_the_options_wins_over_the_manifest()
    {
        var ruleSet = TestInputs.LoadRules("inactivity.yaml");

        var result = await TestInputs.RunAsync(ruleSet, "inactivity", new AnalysisOptions { AsOf = Later });

        Assert.Equal(Later, result.Summary.AsOf);
        Assert.Equal(ManifestAsOf, result.Manifest?.AsOf);
        Assert.Equal(["g-quiet", "g-comment", "g-busy", "g-young", "g-silent", "g-undated", "g-edge", "g-edge89"], result.TargetsOf("INA-90"));
        result.AssertFinding("INA-90", "g-quiet", "487 days", "last active on 2025-06-01");
        result.AssertFinding("INA-90", "g-comment", "232 days", "last active on 2026-02-10");
        result.AssertFinding("INA-90", "g-young", "since it was created on 2026-01-15");
    }

    [Fact]
    public async Task The_manifest_wins_over_the_clock()
    {
        var ruleSet = TestInputs.LoadRules("inactivity.yaml");

        var result = await TestInputs.RunAsync(ruleSet, "inactivity", time: new FakeTimeProvider(Later));

        Assert.Equal(ManifestAsOf, result.Summary.AsOf);
        Assert.Equal(["g-quiet", "g-silent", "g-undated", "g-edge"], result.TargetsOf("INA-90"));
    }

    [Fact]
    public async Task Without_a_manifest_the_clock_decides()
    {
        using var folder = TempFolder.CopyOf("inactivity");
        File.Delete(folder.File("network.json"));
        var ruleSet = TestInputs.LoadRules("inactivity.yaml");
        var engine = new RuleEngine(new FakeTimeProvider(Later));

        var result = await engine.AnalyzeAsync(ruleSet, new SnapshotProvider(folder.Path));

        Assert.Null(result.Manifest);
        Assert.Equal(Later, result.Summary.AsOf);
        Assert.Equal(["g-quiet", "g-comment", "g-busy", "g-young", "g-silent", "g-undated", "g-edge", "g-edge89"], result.TargetsOf("INA-90"));
    }

    [Fact]
    public async Task Without_a_manifest_an_earlier_clock_flags_less()
    {
        using var folder = TempFolder.CopyOf("inactivity");
        File.Delete(folder.File("network.json"));
        var ruleSet = TestInputs.LoadRules("inactivity.yaml");
        var clock = new FakeTimeProvider(ManifestAsOf);

        var result = await new RuleEngine(clock).AnalyzeAsync(ruleSet, new SnapshotProvider(folder.Path));

        Assert.Equal(ManifestAsOf, result.Summary.AsOf);
        Assert.Equal(["g-quiet", "g-silent", "g-undated", "g-edge"], result.TargetsOf("INA-90"));
    }
}
