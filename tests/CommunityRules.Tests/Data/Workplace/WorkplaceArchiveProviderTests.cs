using System.IO.Compression;
using CommunityRules.Data;
using CommunityRules.Data.Workplace;
using CommunityRules.Model;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Data.Workplace;

/// <summary>The <c>nordlys</c> Workplace archive: how each Graph API field lands in the model, read from a folder and from a zip.</summary>
public sealed class WorkplaceArchiveProviderTests
{
    private static readonly string Nordlys = WorkplaceTestData.Archive("nordlys");

    [Fact]
    public async Task Members_become_people_with_their_profile_and_Nordic_letters_intact()
    {
        var read = await WorkplaceTestData.ReadAsync(Nordlys);

        var asa = read.People.Single(p => p.Id == "100001");
        Assert.Equal("Åsa Lindqvist", asa.Name);
        Assert.Equal("asa.lindqvist@nordlys.example", asa.Email);
        Assert.Equal("Kommunikationschef", asa.Title);
        Assert.Equal("Kommunikation", asa.Department);
        Assert.Equal("Nordlys AB", asa.Company);
        Assert.Equal(PersonKind.Person, asa.Kind);
        Assert.True(asa.Active);
        Assert.Equal("Bjørn Hæhre", read.People.Single(p => p.Id == "100002").Name);

        // A listing with first and last names only, and no 'active' field but a deactivation time.
        Assert.Equal("Päivi Möttönen", read.People.Single(p => p.Id == "100003").Name);
        Assert.Empty(read.Issues.Issues);
    }

    [Fact]
    public async Task Deactivated_accounts_have_left_and_integrations_are_bots()
    {
        var read = await WorkplaceTestData.ReadAsync(Nordlys);

        Assert.Equal(["100003", "100004"], read.People.Where(p => !p.Active).Select(p => p.Id));
        var bot = Assert.Single(read.People, p => p.Kind == PersonKind.Bot);
        Assert.Equal(("900001", "Lunsjbot"), (bot.Id, bot.Name));

        // Members pages are read in page order: members.json, then members-2.json, then the bots.
        Assert.Equal(["100001", "100002", "100003", "100004", "900001"], read.People.Select(p => p.Id));
    }

    [Fact]
    public async Task Groups_map_privacy_owner_archived_and_creation_time()
    {
        var read = await WorkplaceTestData.ReadAsync(Nordlys);

        Assert.Equal(["200001", "200002", "200003"], read.Groups.Select(g => g.Id));
        var sales = read.Groups[0];
        Assert.Equal("SE-Försäljning Stockholm", sales.Name);
        Assert.Equal("Säljteamets grupp: leads, vinster och frågor om prislistan.", sales.Description);
        Assert.Equal(GroupPrivacy.Open, sales.Privacy);
        Assert.Equal("100001", sales.CreatedBy);
        Assert.Null(sales.CreatedAt);
        Assert.False(sales.Archived);

        Assert.Equal(GroupPrivacy.Closed, read.Groups[1].Privacy);
        Assert.Equal(new DateTimeOffset(2023, 5, 2, 8, 0, 0, TimeSpan.Zero), read.Groups[1].CreatedAt);

        // "secret" in any case; no owner means no known creator.
        Assert.Equal(GroupPrivacy.Secret, read.Groups[2].Privacy);
        Assert.True(read.Groups[2].Archived);
        Assert.Null(read.Groups[2].CreatedBy);
    }

    [Fact]
    public async Task Admins_and_members_are_one_membership_each_and_former_members_are_none()
    {
        var read = await WorkplaceTestData.ReadAsync(Nordlys);

        Assert.Equal(
            [
                ("200001", "100001", MembershipRole.Admin),
                ("200001", "100002", MembershipRole.Member),
                ("200001", "100003", MembershipRole.Member),
                ("200002", "100002", MembershipRole.Admin),
                ("200002", "100001", MembershipRole.Member),
                ("200003", "100004", MembershipRole.Member),
            ],
            read.Memberships.Select(m => (m.GroupId, m.PersonId, m.Role)));

        // Dóra left group 200001; Bjørn left and came back, so he is a member and not counted.
        Assert.Contains(read.Issues.Notes, note => note.Message == "Left out 1 former group membership(s) (people who left a group): they are not members.");
    }

    [Fact]
    public async Task Posts_keep_their_Graph_ids_authors_times_and_shared_links()
    {
        var read = await WorkplaceTestData.ReadAsync(Nordlys);

        Assert.Equal(["200001_300001", "200001_300003", "200001_300004", "200001_300005", "200003_300006"], read.Posts.Select(p => p.Id));
        var kickoff = read.Posts[0];
        Assert.Equal("200001", kickoff.GroupId);
        Assert.Equal("100001", kickoff.AuthorId);
        Assert.Equal(new DateTimeOffset(2026, 5, 20, 9, 0, 0, TimeSpan.Zero), kickoff.CreatedAt);
        Assert.Equal(TimeSpan.Zero, kickoff.CreatedAt!.Value.Offset);

        // The shared link is not in the message, so it is added for link checks.
        Assert.Equal("Välkommen till kvartalsstarten! Agendan finns på intranätet.\nhttps://intranet.nordlys.example/q4", kickoff.Text);
        Assert.Equal(PostType.Post, kickoff.Type);
    }

    [Fact]
    public async Task Bots_keep_their_posts_deleted_authors_are_unknown_and_polls_are_polls()
    {
        var read = await WorkplaceTestData.ReadAsync(Nordlys);

        Assert.Equal("900001", read.Posts.Single(p => p.Id == "200001_300003").AuthorId);
        Assert.Null(read.Posts.Single(p => p.Id == "200001_300004").AuthorId);
        Assert.Equal(PostType.Poll, read.Posts.Single(p => p.Id == "200001_300005").Type);
        Assert.Equal(new DateTimeOffset(2026, 5, 21, 12, 0, 0, TimeSpan.Zero), read.Posts.Single(p => p.Id == "200001_300005").CreatedAt);
    }

    [Fact]
    public async Task System_stories_with_their_comments_and_reactions_are_left_out_and_counted()
    {
        var read = await WorkplaceTestData.ReadAsync(Nordlys);

        Assert.DoesNotContain(read.Posts, p => p.Id == "200001_300002");
        Assert.DoesNotContain(read.Comments, c => c.PostId == "200001_300002");
        Assert.DoesNotContain(read.Reactions, r => r.TargetId == "200001_300002");
        Assert.Contains(read.Issues.Notes, note => note.Message == "Left out 1 Workplace system stories (such as 'Anna joined the group'): they are not conversation.");
        Assert.Contains(read.Issues.Notes, note => note.Message == "Left out 1 comment(s) on Workplace system stories: their post is not conversation.");
        Assert.Contains(read.Issues.Notes, note => note.Message == "Left out 1 reaction(s) on Workplace system stories: their post is not conversation.");
    }

    [Fact]
    public async Task Comments_come_inline_or_from_files_and_replies_name_their_parent()
    {
        var read = await WorkplaceTestData.ReadAsync(Nordlys);

        Assert.Equal(
            [
                ("300001_400001", "200001_300001", (string?)null, "100002"),
                ("300001_400002", "200001_300001", "300001_400001", "100001"),
                ("300003_400004", "200001_300003", null, "100002"),
            ],
            read.Comments.Select(c => (c.Id, c.PostId, c.ParentId, c.AuthorId)));
        Assert.Equal("Tack! Ring mig på +46 70 123 45 67 före mötet.", read.Comments[0].Text);
        Assert.Equal(new DateTimeOffset(2026, 5, 20, 9, 30, 0, TimeSpan.Zero), read.Comments[0].CreatedAt);
    }

    [Fact]
    public async Task Reactions_are_per_person_on_posts_and_comments_without_times()
    {
        var read = await WorkplaceTestData.ReadAsync(Nordlys);

        Assert.Equal(
            [
                ("200001_300001", "100002", "like"),
                ("200001_300001", "100003", "love"),
                ("300001_400001", "100001", "like"),
                ("200001_300003", "100001", "haha"),
                ("300003_400004", "100003", "like"),
            ],
            read.Reactions.Select(r => (r.TargetId, r.PersonId, r.Type!)));
        Assert.All(read.Reactions, r => Assert.Null(r.CreatedAt));
    }

    [Fact]
    public async Task Who_saw_a_post_is_left_out_with_a_note()
    {
        var read = await WorkplaceTestData.ReadAsync(Nordlys);

        Assert.Contains(read.Issues.Notes, note => note.Message == "Left out 1 seen.json file(s): who saw a post has no place in the model.");
        Assert.Empty(read.Issues.Issues);
    }

    [Fact]
    public async Task Capabilities_are_what_the_archive_holds()
    {
        var read = await WorkplaceTestData.ReadAsync(Nordlys);

        Assert.Equal(
            DataCapabilities.Memberships | DataCapabilities.Admins | DataCapabilities.Departures | DataCapabilities.GroupCreators | DataCapabilities.Reactions,
            read.Provider.Capabilities);
    }

    [Fact]
    public async Task An_archive_without_admin_or_reaction_files_does_not_claim_them()
    {
        using var folder = new TempFolder();
        WorkplaceTestData.CopyTo("nordlys", folder.Path);
        File.Delete(folder.File("groups/200001/admins.json"));
        File.Delete(folder.File("groups/200002/admins.json"));
        File.Delete(folder.File("groups/200001/posts/200001_300003/reactions.json"));
        File.Delete(folder.File("groups/200001/posts/200001_300003/comments/300003_400004/reactions.json"));

        // The first post of the first feed has its reactions inline, so reactions are still there.
        var withInline = new WorkplaceArchiveSource(folder.Path).Build();
        File.WriteAllText(folder.File("groups/200001/feed.json"), """{ "data": [ { "id": "200001_1", "message": "Hej", "created_time": "2026-05-20T09:00:00+0000" } ] }""");
        var without = new WorkplaceArchiveSource(folder.Path).Build();

        Assert.Equal(DataCapabilities.Memberships | DataCapabilities.Departures | DataCapabilities.GroupCreators | DataCapabilities.Reactions, withInline.Capabilities);
        Assert.Equal(DataCapabilities.Memberships | DataCapabilities.Departures | DataCapabilities.GroupCreators, without.Capabilities);
    }

    [Fact]
    public async Task The_export_file_gives_the_network_name_and_the_moment_of_the_export()
    {
        var manifest = await new WorkplaceArchiveSource(Nordlys).Build().ReadManifestAsync(CancellationToken.None);

        Assert.Equal("Nordlys Workplace", manifest?.Name);
        Assert.Equal(new DateTimeOffset(2026, 5, 31, 18, 0, 0, TimeSpan.Zero), manifest?.AsOf);
    }

    [Fact]
    public async Task A_zip_of_the_archive_reads_the_same_even_inside_a_top_folder()
    {
        using var folder = new TempFolder();
        var plain = folder.File("plain.zip");
        var wrapped = folder.File("wrapped.zip");
        ZipFile.CreateFromDirectory(Nordlys, plain);
        ZipFile.CreateFromDirectory(Nordlys, wrapped, CompressionLevel.Fastest, includeBaseDirectory: true);

        var expected = await WorkplaceTestData.ReadAsync(Nordlys);
        foreach (var zip in new[] { plain, wrapped })
        {
            Assert.True(WorkplaceArchiveFormat.Instance.Recognizes(zip));
            var read = await WorkplaceTestData.ReadAsync(zip);
            Assert.Equal(expected.People, read.People);
            Assert.Equal(expected.Groups.Select(g => g.Id), read.Groups.Select(g => g.Id));
            Assert.Equal(expected.Memberships, read.Memberships);
            Assert.Equal(expected.Posts, read.Posts);
            Assert.Equal(expected.Comments, read.Comments);
            Assert.Equal(expected.Reactions, read.Reactions);
            Assert.Empty(read.Issues.Issues);
        }
    }

    [Fact]
    public async Task Feed_pages_are_read_in_page_number_order()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("groups.json"), """{ "data": [ { "id": "1", "name": "SE-Sidor" } ] }""");
        Directory.CreateDirectory(folder.File("groups/1"));
        for (var page = 1; page <= 11; page++)
        {
            var name = page == 1 ? "feed.json" : $"feed-{page}.json";
            File.WriteAllText(folder.File("groups/1/" + name), $$"""{ "data": [ { "id": "1_{{page}}", "message": "Sida {{page}}" } ], "paging": { "next": "https://graph.example/next" } }""");
        }

        var read = await WorkplaceTestData.ReadAsync(folder.Path);

        Assert.Equal(Enumerable.Range(1, 11).Select(page => $"1_{page}"), read.Posts.Select(p => p.Id));
    }

    [Fact]
    public async Task Inline_edges_with_further_pages_are_noted_as_incomplete()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("groups.json"), """{ "data": [ { "id": "1", "name": "SE-Sidor" } ] }""");
        Directory.CreateDirectory(folder.File("groups/1"));
        File.WriteAllText(folder.File("groups/1/feed.json"), """
            { "data": [ { "id": "1_1", "message": "Hej",
              "comments": { "data": [ { "id": "c1", "message": "Hej själv" } ], "paging": { "next": "https://graph.example/c" } },
              "reactions": { "data": [ { "id": "p1", "type": "LIKE" } ], "paging": { "next": "https://graph.example/r" } } } ] }
            """);

        var read = await WorkplaceTestData.ReadAsync(folder.Path);

        Assert.Single(read.Comments);
        Assert.Single(read.Reactions);
        Assert.Contains(read.Issues.Notes, note => note.Message.StartsWith("1 post(s) have more comments than the script saved inline", StringComparison.Ordinal));
        Assert.Contains(read.Issues.Notes, note => note.Message.StartsWith("1 post(s) or comment(s) have more reactions than the script saved inline", StringComparison.Ordinal));
    }

    [Fact]
    public void The_builder_extension_adds_the_archive_as_a_layer()
    {
        var builder = new NetworkSourceBuilder().AddWorkplaceArchive(Nordlys);

        var source = Assert.IsType<WorkplaceArchiveSource>(Assert.Single(builder.Sources));
        Assert.Equal(Nordlys, source.Path);
        Assert.Equal($"Workplace archive '{Nordlys}'", source.Description);
    }

    [Fact]
    public void Only_a_folder_with_groups_and_a_group_feed_is_recognised()
    {
        Assert.True(WorkplaceArchiveFormat.Instance.Recognizes(Nordlys));
        Assert.False(WorkplaceArchiveFormat.Instance.Recognizes(TestInputs.Network("clean")));
        Assert.False(WorkplaceArchiveFormat.Instance.Recognizes(Path.Combine(Nordlys, "groups")));
    }
}
