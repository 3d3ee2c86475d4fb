using CommunityRules.Data;
using CommunityRules.Data.Snapshot;
using CommunityRules.Engine;
using CommunityRules.Model;
using CommunityRules.Tests.Engine;
using Microsoft.Extensions.Time.Testing;

namespace CommunityRules.Tests.Data;

/// <summary>
/// Sources layered with <see cref="NetworkSourceBuilder"/>: an export without admins (<c>no-memberships</c>) and an HR
/// directory that adds admins, who left and a creator (<c>hr-directory</c>).
/// </summary>
public sealed class LayeringTests
{
    [Fact]
    public async Task A_rule_whose_check_needs_admins_is_not_run_on_an_export_without_them_and_the_run_says_so_once()
    {
        var result = await RunAsync(new SnapshotSource(TestInputs.Network("no-memberships")));

        Assert.Empty(result.Of("BOT-ADM"));
        var note = Assert.Single(result.DataNotes);
        Assert.Equal(["BOT-ADM"], note.SkippedRules);
        Assert.Equal(DataCapabilities.Admins, note.Missing);
        Assert.Equal(TestInputs.Network("no-memberships"), note.Source);
        Assert.StartsWith("The data does not say group admins, so BOT-ADM (admins) was not run. To run it, add a snapshot folder with memberships.jsonl", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Layering_a_source_with_admins_turns_the_check_back_on_and_merges_people_by_id()
    {
        var result = await RunAsync(
            new SnapshotSource(TestInputs.Network("no-memberships")),
            new SnapshotSource(TestInputs.Network("hr-directory")));

        Assert.Empty(result.DataNotes);
        Assert.Equal(["g-2"], result.TargetsOf("BOT-ADM"));
        Assert.Equal("'NO-Økonomi': it has no active admin; at least 2 are needed. Admins who left: Bjørn Haugen.", result.MessageFor("BOT-ADM", "g-2"));

        // The directory's record completes the export's: the name stays, department and departure are added.
        var bjorn = result.Network.FindPerson("p-bjorn")!;
        Assert.Equal(("Bjørn Haugen", "NO", "Økonomi", false), (bjorn.Name, bjorn.Country, bjorn.Department, bjorn.Active));
        Assert.Equal(["p-asa", "p-bjorn", "p-aino"], result.Network.People.Select(person => person.Id));
        Assert.Equal("p-bjorn", result.Network.FindGroup("g-2")!.CreatedBy);
        Assert.Equal("NO-Økonomi", result.Network.FindGroup("g-2")!.Name);
        Assert.Equal(new RecordCounts(3, 2, 3, 2, 0, 0), result.Summary.Read);
        Assert.Equal($"{TestInputs.Network("no-memberships")} + {TestInputs.Network("hr-directory")}", result.Summary.Source);
    }

    [Fact]
    public async Task A_later_layer_that_does_not_know_departures_does_not_bring_people_back()
    {
        var directory = InMemoryNetwork.CreateBuilder()
            .WithCapabilities(DataCapabilities.Memberships)
            .Add(new Person { Id = "p-bjorn", Name = "Bjørn Haugen (Oslo)" })
            .Build();

        var result = await RunAsync(new SnapshotSource(TestInputs.Network("hr-directory")), directory);

        var bjorn = result.Network.FindPerson("p-bjorn")!;
        Assert.Equal(("Bjørn Haugen (Oslo)", false), (bjorn.Name, bjorn.Active));
    }

    [Fact]
    public async Task A_record_repeated_within_one_layer_is_still_a_duplicate_and_the_later_layer_is_merged_into_the_first()
    {
        var export = InMemoryNetwork.CreateBuilder()
            .Add(new Person { Id = "p-1", Name = "Åsa Lindqvist" })
            .Add(new Person { Id = "p-1", Name = "Åsa Lindqvist (again)" })
            .Build();
        var directory = InMemoryNetwork.CreateBuilder()
            .Add(new Person { Id = "p-1", Title = "Säljchef" })
            .Build();

        var result = await RunAsync(export, directory);

        var duplicate = Assert.Single(result.DataIssues);
        Assert.Equal((DataIssueKind.DuplicateId, "p-1"), (duplicate.Kind, duplicate.RecordId));
        var person = Assert.Single(result.Network.People);
        Assert.Equal(("Åsa Lindqvist", "Säljchef"), (person.Name, person.Title));
    }

    [Fact]
    public async Task Posts_of_every_layer_are_read_and_the_capabilities_add_up()
    {
        var provider = new NetworkSourceBuilder()
            .AddSnapshot(TestInputs.Network("no-memberships"))
            .AddSnapshot(TestInputs.Network("bots"))
            .Build();

        var result = await new RuleEngine(new FakeTimeProvider(TestInputs.ClockNow)).AnalyzeAsync(TestInputs.LoadRules("bots.yaml"), provider);

        // Neither layer has reactions; only the second has memberships.
        Assert.Equal(DataCapabilities.All & ~(DataCapabilities.Reactions | DataCapabilities.ReactionTimes), provider.Capabilities);
        // Åsa is in both layers and is merged into one person; posts are appended.
        Assert.Equal((2 + 4, 2 + 2, 2 + 6 - 1), (result.Summary.Read.Posts, result.Summary.Read.Groups, result.Summary.Read.People));
        Assert.Empty(result.DataIssues);
        Assert.Equal("Nordlys med botar", result.Manifest!.Name);
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(9, false)]
    public async Task A_field_not_one_of_ten_groups_has_is_read_as_one_the_export_lacks(int groups, bool saidOnce)
    {
        var builder = InMemoryNetwork.CreateBuilder();
        for (var i = 0; i < groups; i++)
        {
            builder.Add(new Group { Id = $"g-{i}", Name = $"SE-Grupp {i}" });
        }

        var load = TestInputs.CreateLoader().LoadText("extends: [builtin:governance]\n", "config.yaml");
        var result = await new RuleEngine(new FakeTimeProvider(TestInputs.ClockNow)).AnalyzeAsync(load.RuleSet!, builder.Build());

        // No description, admin, member or creator anywhere: with ten groups that is the export, not the groups.
        Assert.Equal(saidOnce ? 0 : groups, result.Of("GOV002").Count);
        Assert.Equal(saidOnce ? 0 : groups, result.Of("GOV003").Count);
        Assert.Equal(saidOnce, result.DataNotes.Any(note => note.Missing == DataCapabilities.Descriptions && note.SkippedRules.Contains("GOV002")));
        Assert.Equal(saidOnce, result.DataNotes.Any(note => note.Missing == DataCapabilities.Admins && note.SkippedRules.Contains("GOV003")));
    }

    [Fact]
    public void Building_with_no_source_says_what_to_add()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new NetworkSourceBuilder().Build());

        Assert.Contains("AddSnapshot", ex.Message, StringComparison.Ordinal);
    }

    private static Task<AnalysisResult> RunAsync(params INetworkSource[] sources) =>
        new RuleEngine(new FakeTimeProvider(TestInputs.ClockNow)).AnalyzeAsync(TestInputs.LoadRules("bots.yaml"), new NetworkSourceBuilder(sources).Build());
}
