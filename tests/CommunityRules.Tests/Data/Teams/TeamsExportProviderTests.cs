using System.IO.Compression;
using CommunityRules.Data;
using CommunityRules.Model;

namespace CommunityRules.Tests.Data.Teams;

/// <summary>The Teams provider over the checked-in export TestData/Exports/teams/nordlys.</summary>
public sealed class TeamsExportProviderTests
{
    private const string Team1 = "6f1c0a2e-5b1d-4a6b-9a55-0c1f4a1e0001";
    private const string Team2 = "6f1c0a2e-5b1d-4a6b-9a55-0c1f4a1e0002";
    private const string General1 = "19:general1@thread.tacv2";

    [Fact]
    public async Task Users_are_read_over_their_pages_with_every_field_and_disabled_accounts_as_departed()
    {
        var read = await TeamsRead.ReadAsync(TeamsRead.Fixture);

        Assert.Empty(read.Issues.Issues);
        Assert.Equal(["u-astrid", "u-bjorn", "u-carita", "u-dag", "app-deploy"], read.People.Select(p => p.Id));
        var astrid = read.People[0];
        Assert.Equal(
            new Person { Id = "u-astrid", Name = "Astrid Ødegård", Email = "astrid.odegard@nordlys.example", Title = "Kommunikationschef", Department = "Kommunikation", Company = "Nordlys AS", Office = "Oslo", Country = "NO" },
            astrid with { Roles = [] },
            PersonComparer.Instance);
        Assert.False(read.People.Single(p => p.Id == "u-carita").Active);
        Assert.All(read.People.Where(p => p.Id != "u-carita"), p => Assert.True(p.Active));
    }

    [Fact]
    public async Task An_app_that_posts_is_a_bot_and_keeps_its_messages()
    {
        var read = await TeamsRead.ReadAsync(TeamsRead.Fixture);

        var bot = read.People.Single(p => p.Id == "app-deploy");
        Assert.Equal(PersonKind.Bot, bot.Kind);
        Assert.Equal("Deploy Bot", bot.Name);
        var post = read.Post($"{General1}/1700000400000");
        Assert.Equal("app-deploy", post.AuthorId);
        Assert.Equal("Deployed build 1234 to production.", post.Text);
    }

    [Fact]
    public async Task Teams_are_groups_with_their_visibility_as_privacy()
    {
        var read = await TeamsRead.ReadAsync(TeamsRead.Fixture);

        Assert.Equal(["Försäljning Norden", "HR Oslo", "Styrelsen"], read.Groups.Select(g => g.Name));
        Assert.Equal([GroupPrivacy.Open, GroupPrivacy.Closed, GroupPrivacy.Secret], read.Groups.Select(g => g.Privacy));
        var sales = read.Groups[0];
        Assert.Equal(Team1, sales.Id);
        Assert.Equal("Sälj i Sverige, Norge och Finland: leads, affärer och priser.", sales.Description);
        Assert.Equal(new DateTimeOffset(2024, 1, 10, 8, 30, 0, TimeSpan.Zero), sales.CreatedAt);
        Assert.Null(sales.CreatedBy);
    }

    [Fact]
    public async Task Owners_are_admins_once_and_members_are_members_over_their_pages()
    {
        var read = await TeamsRead.ReadAsync(TeamsRead.Fixture);

        Assert.Equal(
            [
                (Team1, "u-astrid", MembershipRole.Admin), (Team1, "u-bjorn", MembershipRole.Member), (Team1, "u-carita", MembershipRole.Member),
                (Team2, "u-carita", MembershipRole.Admin), (Team2, "u-dag", MembershipRole.Member),
                ("6f1c0a2e-5b1d-4a6b-9a55-0c1f4a1e0003", "u-astrid", MembershipRole.Admin), ("6f1c0a2e-5b1d-4a6b-9a55-0c1f4a1e0003", "u-dag", MembershipRole.Member),
            ],
            read.Memberships.Select(m => (m.GroupId, m.PersonId, m.Role)));
        Assert.Contains(read.Issues.Notes, note => note.Message.StartsWith("Left out 1 owners and members that are neither users nor apps", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_messages_of_every_channel_are_the_teams_posts_with_ids_unique_across_channels()
    {
        var read = await TeamsRead.ReadAsync(TeamsRead.Fixture);

        Assert.Equal(
            [
                ($"{General1}/1700000100000", Team1), ($"{General1}/1700000400000", Team1), ($"{General1}/1700000500000", Team1),
                ("19:priser1@thread.tacv2/1700001000000", Team1), ("19:general2@thread.tacv2/1700000100000", Team2),
            ],
            read.Posts.Select(p => (p.Id, p.GroupId)));
        var kickoff = read.Post($"{General1}/1700000100000");
        Assert.Equal("u-astrid", kickoff.AuthorId);
        Assert.Equal("Kick-off i Malmö", kickoff.Title);
        Assert.Equal(new DateTimeOffset(2026, 9, 20, 9, 0, 0, 123, TimeSpan.Zero), kickoff.CreatedAt);
        Assert.Equal(PostType.Post, kickoff.Type);
    }

    [Fact]
    public async Task Html_bodies_read_as_a_reader_sees_them_with_mentions_emoji_entities_and_link_addresses()
    {
        var read = await TeamsRead.ReadAsync(TeamsRead.Fixture);

        Assert.Equal(
            "Välkommen till kick-off, @Björn Åkerlund!\nAgendan finns på intranätet (https://intranet.nordlys.example/kickoff) & vi börjar kl. 10 👍",
            read.Post($"{General1}/1700000100000").Text);
        Assert.Equal(
            "Nya priser från 1 oktober:\nBas: 100 kr\nPlus: 200 kr\nSe https://intranet.nordlys.example/priser",
            read.Post("19:priser1@thread.tacv2/1700001000000").Text);
        Assert.Equal("Semesterpolicyn är uppdaterad.\nLäs den i handboken.", read.Post("19:general2@thread.tacv2/1700000100000").Text);
    }

    [Fact]
    public async Task A_file_attachments_address_is_added_to_the_text_for_link_checks()
    {
        var read = await TeamsRead.ReadAsync(TeamsRead.Fixture);

        Assert.Equal(
            "Rapporten ligger här\nRapport Q3.docx (https://nordlys.sharepoint.com/sites/salj/Delade%20dokument/Rapport%20Q3.docx)",
            read.Post($"{General1}/1700000500000").Text);
    }

    [Fact]
    public async Task Replies_are_comments_on_their_thread_inline_or_from_reply_files_which_win_over_inline_ones()
    {
        var read = await TeamsRead.ReadAsync(TeamsRead.Fixture);

        Assert.Equal(
            [
                ($"{General1}/1700000200000", $"{General1}/1700000100000"),
                ($"{General1}/1700000600000", $"{General1}/1700000500000"),
                ($"{General1}/1700000700000", $"{General1}/1700000500000"),
                ("19:general2@thread.tacv2/1700000150000", "19:general2@thread.tacv2/1700000100000"),
            ],
            read.Comments.Select(c => (c.Id, c.PostId)));
        var reply = read.Comment($"{General1}/1700000200000");
        Assert.Equal("u-bjorn", reply.AuthorId);
        Assert.Equal("Tack! Ring mig på +46 70 123 45 67.", reply.Text);
        Assert.Null(reply.ParentId);
        Assert.Equal(new DateTimeOffset(2026, 9, 20, 9, 30, 0, TimeSpan.Zero), reply.CreatedAt);
    }

    [Fact]
    public async Task Reactions_are_per_person_with_their_times_on_posts_and_comments()
    {
        var read = await TeamsRead.ReadAsync(TeamsRead.Fixture);

        Assert.Equal(
            [
                ($"{General1}/1700000100000", "u-bjorn", "like", new DateTimeOffset(2026, 9, 20, 9, 10, 0, TimeSpan.Zero)),
                ($"{General1}/1700000100000", "u-carita", "heart", new DateTimeOffset(2026, 9, 20, 9, 12, 0, TimeSpan.Zero)),
                ($"{General1}/1700000200000", "u-astrid", "like", new DateTimeOffset(2026, 9, 20, 9, 40, 0, TimeSpan.Zero)),
                ($"{General1}/1700000700000", "u-dag", "like", new DateTimeOffset(2026, 9, 25, 9, 5, 0, TimeSpan.Zero)),
            ],
            read.Reactions.Select(r => (r.TargetId, r.PersonId, r.Type, r.CreatedAt!.Value)));
    }

    [Fact]
    public async Task System_events_and_deleted_messages_are_left_out_with_one_note_each()
    {
        var read = await TeamsRead.ReadAsync(TeamsRead.Fixture);

        Assert.DoesNotContain(read.Posts, p => p.Id.EndsWith("/1700000000000", StringComparison.Ordinal) || p.Id.EndsWith("/1700000800000", StringComparison.Ordinal));
        Assert.DoesNotContain(read.Comments, c => c.Id.EndsWith("/1700000300000", StringComparison.Ordinal) || c.Id.EndsWith("/1700000900000", StringComparison.Ordinal));
        Assert.Equal(
            [
                "Left out 1 deleted messages: Teams keeps no text of them.",
                "Left out 1 system event messages (members added, channels renamed and the like): they are not conversation.",
                "Left out 1 deleted replies: Teams keeps no text of them.",
                "Left out 1 replies to messages that were left out (deleted, system or unreadable messages).",
                "Left out 1 reactions to messages that were left out (deleted, system or unreadable messages).",
            ],
            read.Issues.Notes.Select(n => n.Message).Where(m => !m.Contains("owners and members", StringComparison.Ordinal)));
        Assert.All(read.Issues.Notes, note => Assert.Equal(TeamsRead.Fixture, note.Source));
    }

    [Fact]
    public async Task A_full_export_tells_memberships_admins_departures_and_reactions_with_times_but_not_creators_or_questions()
    {
        var read = await TeamsRead.ReadAsync(TeamsRead.Fixture);

        Assert.Equal(
            DataCapabilities.Memberships | DataCapabilities.Admins | DataCapabilities.Departures | DataCapabilities.Reactions | DataCapabilities.ReactionTimes,
            read.Capabilities);
    }

    [Fact]
    public async Task A_zip_of_the_folder_reads_the_same_with_or_without_a_wrapping_folder()
    {
        var folder = await TeamsRead.ReadAsync(TeamsRead.Fixture);
        var temp = Directory.CreateTempSubdirectory("communityrules-teams-zip-").FullName;
        try
        {
            var flat = Path.Combine(temp, "flat.zip");
            var wrapped = Path.Combine(temp, "wrapped.zip");
            ZipFile.CreateFromDirectory(TeamsRead.Fixture, flat);
            ZipFile.CreateFromDirectory(TeamsRead.Fixture, wrapped, CompressionLevel.Fastest, includeBaseDirectory: true);

            foreach (var zip in new[] { flat, wrapped })
            {
                var read = await TeamsRead.ReadAsync(zip);
                Assert.Empty(read.Issues.Issues);
                Assert.Equal(folder.People, read.People, PersonComparer.Instance);
                Assert.Equal(folder.Groups, read.Groups);
                Assert.Equal(folder.Memberships, read.Memberships);
                Assert.Equal(folder.Posts, read.Posts);
                Assert.Equal(folder.Comments, read.Comments);
                Assert.Equal(folder.Reactions, read.Reactions);
                Assert.Equal(folder.Capabilities, read.Capabilities);
            }
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    [Fact]
    public async Task Without_users_pages_people_come_from_owners_and_members_and_departures_are_not_told()
    {
        using var export = new TempTeamsExport();
        export.Delete("users.json");
        export.Write($"{TempTeamsExport.ChannelPath}/messages.json", TempTeamsExport.Page(TempTeamsExport.Message("1", "u-2", "<p>Hej</p>")));

        var read = await export.ReadAsync();

        Assert.Equal(["u-1", "u-2"], read.People.Select(p => p.Id));
        Assert.Equal("Åsa Öberg", read.People[0].Name);
        Assert.False(read.Capabilities.HasFlag(DataCapabilities.Departures));
        Assert.True(read.Capabilities.HasFlag(DataCapabilities.Admins));
    }

    [Fact]
    public async Task Users_saved_without_account_enabled_do_not_tell_departures()
    {
        using var export = new TempTeamsExport();
        export.Write("users.json", TempTeamsExport.Page("""{ "id": "u-1", "displayName": "Åsa Öberg" }"""));

        var read = await export.ReadAsync();

        Assert.False(read.Capabilities.HasFlag(DataCapabilities.Departures));
        Assert.True(read.People[0].Active);
    }

    [Fact]
    public async Task A_team_folder_without_owners_turns_admins_off_for_the_run_and_says_which()
    {
        using var export = new TempTeamsExport();
        export.Write("groups.json", TempTeamsExport.Page(
            """{ "id": "team-1", "displayName": "Sälj Malmö", "visibility": "Public" }""",
            """{ "id": "team-2", "displayName": "Ekonomi", "visibility": "Private" }""",
            """{ "id": "team-3", "displayName": "Aldrig sparad", "visibility": "Private" }"""));
        export.Write("teams/team-2/members.json", TempTeamsExport.Page("""{ "id": "u-2" }"""));

        var read = await export.ReadAsync();

        Assert.Equal(DataCapabilities.Memberships | DataCapabilities.Departures | DataCapabilities.Reactions | DataCapabilities.ReactionTimes, read.Capabilities);
        Assert.Contains(read.Issues.Notes, n => n.Message.StartsWith("1 of 2 team folders have no owners.json (teams/team-2)", StringComparison.Ordinal));
        Assert.Contains(read.Issues.Notes, n => n.Message.StartsWith("1 teams in groups.json have no folder under teams/ (Aldrig sparad)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Replies_saved_among_the_messages_as_the_delta_query_gives_them_join_their_threads()
    {
        using var export = new TempTeamsExport();
        export.Write($"{TempTeamsExport.ChannelPath}/messages.json", TempTeamsExport.Page(
            TempTeamsExport.Message("2", "u-2", "<p>Svar</p>", replyToId: "1"),
            TempTeamsExport.Message("1", "u-1", "<p>Fråga</p>")));

        var read = await export.ReadAsync();

        Assert.Empty(read.Issues.Issues);
        Assert.Equal([$"{TempTeamsExport.ChannelId}/1"], read.Posts.Select(p => p.Id));
        var reply = Assert.Single(read.Comments);
        Assert.Equal(($"{TempTeamsExport.ChannelId}/2", $"{TempTeamsExport.ChannelId}/1", "Svar"), (reply.Id, reply.PostId, reply.Text));
    }

    [Fact]
    public void A_source_of_a_folder_that_is_no_teams_export_fails_with_a_clear_message()
    {
        using var export = new TempTeamsExport();
        export.Delete("groups.json");

        var error = Assert.Throws<DataSourceException>(() => new CommunityRules.Data.Teams.TeamsExportSource(export.Folder).Build());

        Assert.Contains("is not a saved Teams export: it has no groups.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddTeamsExport_adds_the_export_as_a_layer()
    {
        var provider = new NetworkSourceBuilder().AddTeamsExport(TeamsRead.Fixture).Build();

        var groups = await provider.ReadGroupsAsync(new IssueList(), CancellationToken.None).ToListAsync();

        Assert.Equal(3, groups.Count);
    }

    // Person has a list (Roles), so records compare it by reference; compare the lists' contents.
    private sealed class PersonComparer : IEqualityComparer<Person>
    {
        public static readonly PersonComparer Instance = new();

        public bool Equals(Person? x, Person? y) =>
            x is not null && y is not null && (x with { Roles = [] }) == (y with { Roles = [] }) && x.Roles.SequenceEqual(y.Roles);

        public int GetHashCode(Person obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
