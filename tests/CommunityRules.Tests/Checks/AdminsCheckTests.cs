using CommunityRules.Data;
using CommunityRules.Data.Snapshot;
using CommunityRules.Engine;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Checks;

/// <summary>The admins check over <c>Rules/admins.yaml</c> and the <c>admins</c> network.</summary>
public sealed class AdminsCheckTests
{
    private static readonly Lazy<Task<AnalysisResult>> Admins = new(() => TestInputs.RunAsync("admins.yaml", "admins"));

    [Fact]
    public async Task Groups_with_too_few_or_too_many_active_admins_are_flagged()
    {
        var result = await Admins.Value;

        // g-ok has Åsa and Søren as admins and Aino as a member: it passes.
        Assert.Equal(["g-left", "g-none", "g-ghost", "g-crowd", "g-all-left"], result.TargetsOf("ADM-ACTIVE"));
        var none = result.AssertFinding("ADM-ACTIVE", "g-none", "no active admin", "at least 2");
        Assert.DoesNotContain("left", none.Message, StringComparison.Ordinal);
        result.AssertFinding("ADM-ACTIVE", "g-crowd", "4 active admins", "at most 3");
    }

    [Fact]
    public async Task Admins_who_left_are_named_in_the_message()
    {
        var result = await Admins.Value;

        var left = result.AssertFinding("ADM-ACTIVE", "g-left", "1 active admin (Åsa Lindqvist)", "at least 2", "Admins who left: Bjørn Haugen");
        result.AssertFinding("ADM-ACTIVE", "g-all-left", "no active admin", "Admins who left: Bjørn Haugen");
        Assert.Equal("Åsa Lindqvist", left.Properties["admins"]);
        Assert.Equal("Bjørn Haugen", left.Properties["formerAdmins"]);
        Assert.Equal("1", left.Properties["adminCount"]);
    }

    [Fact]
    public async Task An_admin_who_is_not_in_the_people_file_does_not_count_and_is_named()
    {
        var result = await Admins.Value;

        var ghost = result.AssertFinding("ADM-ACTIVE", "g-ghost", "1 active admin (Søren Madsen)", "p-ghost (not in the directory)");
        Assert.Equal("p-ghost (not in the directory)", ghost.Properties["formerAdmins"]);
        var issue = Assert.Single(result.DataIssues);
        Assert.Equal(DataIssueKind.UnknownReference, issue.Kind);
        Assert.Contains("person 'p-ghost'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_requireActive_admins_who_left_still_count()
    {
        var result = await Admins.Value;

        // g-left (Åsa and Bjørn, who left) and g-ghost (Søren and an unknown id) have two admins each.
        Assert.Equal(["g-none", "g-all-left"], result.TargetsOf("ADM-ANY"));
        result.AssertFinding("ADM-ANY", "g-none", "'DK-Ærø' has 0: ", "no admin", "at least 2");
        var allLeft = result.AssertFinding("ADM-ANY", "g-all-left", "'NO-Fjellturer' has 1: ", "1 admin (Bjørn Haugen)", "at least 2");
        Assert.DoesNotContain("who left", allLeft.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_person_listed_twice_as_admin_counts_once()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("people.jsonl"), "{\"id\": \"p-asa\", \"name\": \"Åsa Lindqvist\"}\n");
        await File.WriteAllTextAsync(folder.File("groups.jsonl"), "{\"id\": \"g-1\", \"name\": \"SE-Försäljning\"}\n");
        await File.WriteAllTextAsync(
            folder.File("memberships.jsonl"),
            "{\"groupId\": \"g-1\", \"personId\": \"p-asa\", \"role\": \"admin\"}\n{\"groupId\": \"g-1\", \"personId\": \"p-asa\", \"role\": \"admin\"}\n");
        var ruleSet = TestInputs.LoadRules("admins.yaml");

        var result = await new RuleEngine(TimeProvider.System).AnalyzeAsync(ruleSet, new SnapshotProvider(folder.Path));

        result.AssertFinding("ADM-ACTIVE", "g-1", "1 active admin (Åsa Lindqvist)", "at least 2");
    }
}
