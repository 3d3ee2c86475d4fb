using CommunityRules.Checks.BuiltIn.Leadership;
using CommunityRules.Model;

namespace CommunityRules.Tests.Checks;

/// <summary>Levels in the management chain that <c>managerId</c> draws.</summary>
public sealed class ManagementLevelsTests
{
    private static NetworkView NetworkOf(params Person[] people)
    {
        var network = new NetworkView(null, new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        foreach (var person in people)
        {
            Assert.True(network.TryAddPerson(person));
        }

        return network;
    }

    private static Person P(string id, string? managerId = null, PersonKind kind = PersonKind.Person) => new() { Id = id, ManagerId = managerId, Kind = kind };

    [Fact]
    public void The_top_is_level_1_and_each_report_one_deeper_whatever_the_order()
    {
        var levels = ManagementLevels.Of(NetworkOf(P("dev", "cto"), P("cto", "ceo"), P("ceo"), P("self", "self"), P("cfo", "ceo")));

        Assert.Equal((3, 2, 1, 1, 2), (levels.LevelOf("dev"), levels.LevelOf("cto"), levels.LevelOf("ceo"), levels.LevelOf("self"), levels.LevelOf("cfo")));
        Assert.Equal(3, levels.Deepest);
    }

    [Fact]
    public void A_missing_manager_or_a_circle_leaves_the_chain_below_without_a_level()
    {
        var levels = ManagementLevels.Of(NetworkOf(
            P("ceo"),
            P("far", "board"), P("below-far", "far"),
            P("a", "b"), P("b", "c"), P("c", "a"), P("below-circle", "a"),
            P("bot", null, PersonKind.Bot)));

        Assert.Equal(1, levels.LevelOf("ceo"));
        string[] unknown = ["far", "below-far", "a", "b", "c", "below-circle", "bot", "nobody"];
        Assert.All(unknown, id => Assert.Null(levels.LevelOf(id)));
    }

    [Fact]
    public void Without_any_manager_in_the_data_nobody_has_a_level()
    {
        var levels = ManagementLevels.Of(NetworkOf(P("a"), P("b"), P("c")));

        Assert.Null(levels.LevelOf("a"));
        Assert.Equal(0, levels.Deepest);
    }

    [Fact]
    public void A_chain_of_two_hundred_thousand_is_walked_without_recursion()
    {
        // Listed bottom-up, so the first walk climbs the whole chain at once.
        const int depth = 200_000;
        var people = Enumerable.Range(0, depth).Select(i => P($"p{i}", i == depth - 1 ? null : $"p{i + 1}")).ToArray();

        var levels = ManagementLevels.Of(NetworkOf(people));

        Assert.Equal(depth, levels.LevelOf("p0"));
        Assert.Equal(1, levels.LevelOf($"p{depth - 1}"));
        Assert.Equal(depth, levels.Deepest);
    }
}
