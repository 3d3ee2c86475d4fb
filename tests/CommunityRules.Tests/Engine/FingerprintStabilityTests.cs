using System.Text.Json.Nodes;
using CommunityRules.Checks;
using CommunityRules.Data.Snapshot;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Rules;
using Microsoft.Extensions.Time.Testing;

namespace CommunityRules.Tests.Engine;

/// <summary>
/// Fingerprints name the problem, not the run: over the bundled sample network with the bundled packs, changing a
/// record that a finding is not about leaves every other finding's fingerprint as it was, so a baseline carries over.
/// </summary>
public sealed class FingerprintStabilityTests
{
    private static readonly string Sample = Path.Combine(TestPaths.RepoRoot, "samples", "nordic-network");

    [Fact]
    public async Task Renaming_another_group_leaves_every_other_fingerprint_alone()
    {
        using var network = CopyOfSample();
        var before = await RunAsync(network.Path);
        Rewrite(network.File("groups.jsonl"), group => group["id"]!.GetValue<string>() == "g001" ? Set(group, "name", "SE-Alla på Nordlys") : group);

        var after = await RunAsync(network.Path);

        AssertSameFingerprints(before, after, aboutGroup: "g001");
    }

    [Fact]
    public async Task One_more_unrelated_post_leaves_every_other_fingerprint_alone()
    {
        using var network = CopyOfSample();
        var before = await RunAsync(network.Path);
        File.AppendAllText(network.File("posts.jsonl"), "{\"id\":\"post-extra\",\"groupId\":\"g001\",\"authorId\":\"p0681\",\"createdAt\":\"2026-09-20T09:00:00Z\",\"type\":\"post\",\"text\":\"Presentationen från fredagens genomgång ligger nu uppe i dokumentbiblioteket.\"}\n");

        var after = await RunAsync(network.Path);

        AssertSameFingerprints(before, after, aboutGroup: "g001");
    }

    [Fact]
    public async Task Another_as_of_in_the_same_state_changes_no_fingerprint()
    {
        var before = await RunAsync(Sample);
        var after = await RunAsync(Sample, new DateTimeOffset(2026, 10, 8, 0, 0, 0, TimeSpan.Zero));

        // Days since the last post and the months of a trend move; which groups are inactive does not.
        Assert.NotEqual(Messages(before), Messages(after));
        Assert.Equal(Fingerprints(before), Fingerprints(after));
    }

    [Fact]
    public async Task A_duplicate_cluster_keeps_its_fingerprint_when_another_of_its_groups_becomes_the_one_to_keep()
    {
        using var network = CopyOfSample();
        var before = Assert.Single((await RunAsync(network.Path)).Of("GOV015"), d => d.Properties["groupIds"].Contains("g096", StringComparison.Ordinal));
        Assert.Equal("g027", before.Properties["keepId"]);
        File.AppendAllLines(network.File("posts.jsonl"), Enumerable.Range(1, 400).Select(i =>
            $"{{\"id\":\"post-busy-{i}\",\"groupId\":\"g096\",\"authorId\":\"p0681\",\"createdAt\":\"2026-09-{1 + (i % 28):00}T09:00:00Z\",\"type\":\"post\",\"text\":\"Presentationen från fredagens genomgång ligger nu uppe i dokumentbiblioteket.\"}}"));

        var after = Assert.Single((await RunAsync(network.Path)).Of("GOV015"), d => d.Properties["groupIds"].Contains("g096", StringComparison.Ordinal));

        Assert.Equal("g096", after.Properties["keepId"]);
        Assert.Equal("g096", after.Target.Id);
        Assert.Equal(before.Fingerprint, after.Fingerprint);
    }

    [Fact]
    public async Task Another_rules_pattern_does_not_move_a_pattern_findings_fingerprint()
    {
        using var folder = new TempFolder();
        const string Fjord = "rules:\n  - id: PAT-FJORD\n    title: No fjords\n    category: test\n    severity: warning\n    target: post\n    check: patterns\n    options:\n      patterns: [\"fjord\"]\n      fields: [text]\n    message: \"{match}\"\n";
        const string Day = "rules:\n  - id: PAT-DAY\n    title: No days\n    category: test\n    severity: warning\n    target: post\n    check: patterns\n    options:\n      patterns: [\"dag\"]\n      fields: [text]\n    message: \"{match}\"\n";
        File.WriteAllText(folder.File("a-day.yaml"), Day);
        File.WriteAllText(folder.File("b-fjord.yaml"), Fjord);
        var alone = await RunAsync([folder.File("b-fjord.yaml")], TestInputs.Network("mixed"));
        var withAnother = await RunAsync([folder.File("a-day.yaml"), folder.File("b-fjord.yaml")], TestInputs.Network("mixed"));

        Assert.Single(withAnother.Of("PAT-DAY"));
        Assert.Equal(Assert.Single(alone.Of("PAT-FJORD")).Fingerprint, Assert.Single(withAnother.Of("PAT-FJORD")).Fingerprint);
    }

    private static void AssertSameFingerprints(AnalysisResult before, AnalysisResult after, string aboutGroup)
    {
        bool Other(Diagnostic d) => d.Target.Id != aboutGroup && d.Target.GroupId != aboutGroup;
        var expected = Fingerprints(before, Other);
        Assert.True(expected.Count > 250, "The sample should give a few hundred findings to compare.");
        Assert.Equal(expected, Fingerprints(after, Other));
    }

    private static List<string> Fingerprints(AnalysisResult result, Func<Diagnostic, bool>? where = null) =>
        [.. result.Diagnostics.Where(where ?? (_ => true)).Select(d => $"{d.Rule.Id} {d.Target.LogicalPath} {d.Fingerprint}").Order(StringComparer.Ordinal)];

    private static List<string> Messages(AnalysisResult result) => [.. result.Diagnostics.Select(d => d.Message)];

    private static Task<AnalysisResult> RunAsync(string network, DateTimeOffset? asOf = null) =>
        RunAsync(["builtin:governance", "builtin:posting-guidelines"], network, asOf);

    private static Task<AnalysisResult> RunAsync(string[] rules, string network, DateTimeOffset? asOf = null)
    {
        var loaded = new RuleSetLoader(BuiltInChecks.Create()).Load(rules);
        Assert.True(loaded.Success, string.Join(Environment.NewLine, loaded.Errors));
        return new RuleEngine(new FakeTimeProvider(TestInputs.ClockNow)).AnalyzeAsync(loaded.RuleSet!, new SnapshotProvider(network), new AnalysisOptions { AsOf = asOf });
    }

    private static TempFolder CopyOfSample()
    {
        var folder = new TempFolder();
        foreach (var file in Directory.EnumerateFiles(Sample))
        {
            File.Copy(file, folder.File(Path.GetFileName(file)));
        }

        return folder;
    }

    private static void Rewrite(string path, Func<JsonObject, JsonObject> change) =>
        File.WriteAllLines(path, File.ReadAllLines(path).Select(line => change(JsonNode.Parse(line)!.AsObject()).ToJsonString()));

    private static JsonObject Set(JsonObject record, string name, string value)
    {
        record[name] = value;
        return record;
    }
}
