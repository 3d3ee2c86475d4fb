using CommunityRules.Data;
using CommunityRules.Data.VivaEngage;
using CommunityRules.Model;
using Microsoft.Extensions.DependencyInjection;
using static CommunityRules.Tests.Data.VivaEngage.VivaEngageExport;

namespace CommunityRules.Tests.Data.VivaEngage;

/// <summary>Reading the <c>nordlys</c> Viva Engage export: people, groups, threads, and what is left out by design.</summary>
public sealed class VivaEngageProviderTests
{
    [Fact]
    public async Task People_keep_their_fields_letters_and_quotes_and_those_who_left_are_not_active()
    {
        var read = await ReadAsync(Nordlys);

        Assert.Empty(read.Issues.Issues);
        Assert.Equal(["1001", "1002", "1003", "1004", "1005", "5001"], read.People.Select(p => p.Id));
        var asa = read.People[0];
        Assert.Equal(("Åsa Lindqvist", "asa.lindqvist@nordlys.example", "Kommunikationschef", "Stockholm", "Kommunikation"), (asa.Name, asa.Email, asa.Title, asa.Office, asa.Department));
        Assert.Equal("Jens \"JJ\" Sørensen", read.People[4].Name);
        Assert.Equal([true, true, false, true, true, true], read.People.Select(p => p.Active));
    }

    [Fact]
    public async Task Network_admins_get_a_role_and_nobody_becomes_a_group_admin()
    {
        var read = await ReadAsync(Nordlys);

        Assert.Equal(["network-admin"], read.People.Single(p => p.Id == "1001").Roles);
        Assert.All(read.People.Where(p => p.Id != "1001"), person => Assert.Empty(person.Roles));
        Assert.Equal(DataCapabilities.Departures | DataCapabilities.QuestionType, read.Provider.Capabilities);
    }

    [Fact]
    public async Task A_bot_that_is_not_in_Users_csv_is_added_as_a_bot_with_the_name_its_messages_give()
    {
        var read = await ReadAsync(Nordlys);

        var bot = read.People.Single(p => p.Id == "5001");
        Assert.Equal(("Deploy Bot", PersonKind.Bot), (bot.Name, bot.Kind));
        Assert.All(read.People.Where(p => p.Id != "5001"), person => Assert.Equal(PersonKind.Person, person.Kind));
        Assert.Contains(read.Notes, note => note.StartsWith("Added 1 bots or system accounts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Groups_map_private_to_closed_deleted_to_archived_and_read_both_date_forms()
    {
        var read = await ReadAsync(Nordlys);

        Assert.Equal(
            [("2001", GroupPrivacy.Open, false), ("2002", GroupPrivacy.Closed, false), ("2003", GroupPrivacy.Open, true)],
            read.Groups.Take(3).Select(g => (g.Id, g.Privacy!.Value, g.Archived)));
        Assert.Equal("SE-Försäljning Stockholm", read.Groups[0].Name);
        Assert.Equal("HR-nytt for Oslo-kontoret.\nSpørsmål er velkomne.", read.Groups[1].Description);
        Assert.Equal(new DateTimeOffset(2024, 1, 10, 8, 0, 0, TimeSpan.Zero), read.Groups[0].CreatedAt);
        Assert.Equal(new DateTimeOffset(2022, 3, 15, 9, 30, 0, TimeSpan.Zero), read.Groups[2].CreatedAt);
        Assert.All(read.Groups, group => Assert.Null(group.CreatedBy));
    }

    [Fact]
    public async Task A_group_that_only_messages_name_and_the_All_Company_feed_become_groups_with_a_note_each()
    {
        var read = await ReadAsync(Nordlys);

        Assert.Equal(
            [("2004", "DK-Kundecases", (GroupPrivacy?)GroupPrivacy.Closed), ("all-company", "All Company", GroupPrivacy.Open)],
            read.Groups.Skip(3).Select(g => (g.Id, g.Name, g.Privacy)));
        Assert.Equal("all-company", read.Post("3012").GroupId);
        Assert.Contains(read.Notes, note => note.StartsWith("Added 1 groups that messages are in but Groups.csv does not list", StringComparison.Ordinal));
        Assert.Contains(read.Notes, note => note.StartsWith("Messages without a group, the All Company feed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Thread_starters_are_posts_with_their_type_title_and_time()
    {
        var read = await ReadAsync(Nordlys);

        Assert.Equal(["3001", "3004", "3006", "3012", "3013", "3014", "3015"], read.Posts.Select(p => p.Id));
        Assert.Equal(
            [PostType.Announcement, PostType.Question, PostType.Post, PostType.Post, PostType.Post, PostType.Post, PostType.Poll],
            read.Posts.Select(p => p.Type));
        var kickoff = read.Post("3001");
        Assert.Equal(("2001", "1001", "Q4 kick-off"), (kickoff.GroupId, kickoff.AuthorId, kickoff.Title));
        Assert.Equal(new DateTimeOffset(2026, 9, 20, 9, 0, 0, TimeSpan.Zero), kickoff.CreatedAt);
        Assert.Equal(new DateTimeOffset(2026, 9, 25, 8, 15, 0, TimeSpan.Zero), read.Post("3004").CreatedAt);
        Assert.Contains(read.Notes, note => note == "Read 1 posts of a message_type the reader does not know (event) as ordinary posts.");
    }

    [Fact]
    public async Task A_multi_line_body_keeps_its_quotes_commas_and_letters_mentions_show_names_and_attachment_links_are_added()
    {
        var read = await ReadAsync(Nordlys);

        Assert.Equal(
            "Välkommen till Q4-kick-off! @Bjørn Haugen håller i agendan.\nVi ses kl. 10, ta med \"goda\" idéer, och kaffe.\nhttps://intranet.nordlys.example/q4",
            read.Post("3001").Text);
        Assert.Equal("Jag håller med @user 9999 om det.", read.Comment("3003").Text);

        // The link is in the body already, and an uploaded file is not a link.
        Assert.Equal("Den 1. oktober, se https://intranet.nordlys.example/ferie", read.Comment("3005").Text);
    }

    [Fact]
    public async Task A_post_made_by_a_delegate_is_the_leaders_post()
    {
        var read = await ReadAsync(Nordlys);

        // delegate_id is the delegate who typed it; sender_id is the leader it appears from, and gets the credit.
        Assert.Equal(("1001", "1002"), (read.Post("3013").AuthorId, read.Post("3013").DelegateId));

        // Posts the sender typed name no delegate.
        Assert.All(read.Posts.Where(p => p.Id != "3013"), post => Assert.Null(post.DelegateId));
    }

    [Fact]
    public async Task Replies_are_comments_on_their_threads_first_message_and_name_the_reply_they_answer()
    {
        var read = await ReadAsync(Nordlys);

        Assert.Equal(
            [("3002", "3001", null), ("3003", "3001", "3002"), ("3005", "3004", null)],
            read.Comments.Select(c => (c.Id, c.PostId, c.ParentId)));
        Assert.Equal(("1002", new DateTimeOffset(2026, 9, 20, 9, 30, 0, TimeSpan.Zero)), (read.Comment("3002").AuthorId, read.Comment("3002").CreatedAt!.Value));
        Assert.Equal(new DateTimeOffset(2026, 9, 20, 10, 5, 0, TimeSpan.Zero), read.Comment("3003").CreatedAt);
        Assert.All(read.Comments, comment => Assert.False(comment.AcceptedAnswer));
    }

    [Fact]
    public async Task Private_deleted_and_system_messages_and_replies_in_left_out_threads_are_left_out_and_counted_once()
    {
        var read = await ReadAsync(Nordlys);

        var ids = read.Posts.Select(p => p.Id).Concat(read.Comments.Select(c => c.Id)).ToList();
        Assert.DoesNotContain(ids, id => id is "3007" or "3008" or "3009" or "3010" or "3011");
        Assert.Equal(
            [
                "Left out 2 private messages (in_private_conversation is true): they are conversations between people, not community content.",
                "Left out 1 deleted messages (deleted_at is set).",
                "Left out 1 system messages (message_type system): they are not conversation.",
                "Left out 1 replies in threads whose first message was left out (private, deleted, a system message or unreadable).",
            ],
            read.Notes.Where(note => note.StartsWith("Left out", StringComparison.Ordinal)));
        Assert.Empty(read.Issues.Issues);
    }

    [Fact]
    public async Task Replies_can_be_read_without_reading_the_posts_first()
    {
        var provider = new VivaEngageExportSource(Nordlys).Build();

        var comments = await provider.ReadCommentsAsync(new IssueList(), CancellationToken.None).ToListAsync();

        Assert.Equal(["3002", "3003", "3005"], comments.Select(c => c.Id));
    }

    [Fact]
    public async Task The_manifest_names_the_network()
    {
        var manifest = await new VivaEngageExportSource(Nordlys).Build().ReadManifestAsync(CancellationToken.None);

        Assert.Equal("Nordlys", manifest?.Name);
    }

    [Fact]
    public async Task A_zip_with_the_files_in_a_folder_and_lower_case_names_reads_as_the_folder_does()
    {
        using var temp = new Engine.TempFolder();
        var zip = temp.File("export.zip");
        ZipLowerCase(Nordlys, zip, "nordlys-2026-10-01");

        var fromZip = await ReadAsync(zip);
        var fromFolder = await ReadAsync(Nordlys);

        Assert.Equal(fromFolder.People.Select(Describe), fromZip.People.Select(Describe));
        Assert.Equal(fromFolder.Groups.Select(g => (g.Id, g.Name, g.Description, g.Privacy, g.CreatedAt, g.Archived)), fromZip.Groups.Select(g => (g.Id, g.Name, g.Description, g.Privacy, g.CreatedAt, g.Archived)));
        Assert.Equal(fromFolder.Posts, fromZip.Posts);
        Assert.Equal(fromFolder.Comments, fromZip.Comments);
        Assert.Empty(fromZip.Issues.Issues);
    }

    [Fact]
    public async Task Columns_are_found_by_name_in_any_order_and_missing_optional_columns_are_unknown()
    {
        using var folder = new Engine.TempFolder();
        WriteCsv(folder.File("Users.csv"), "name,extra,ID", "Åsa Lindqvist,x,1001");
        WriteCsv(
            folder.File("Messages.csv"),
            "body,created_at,group_id,thread_id,id,sender_id,added_later",
            "\"Hej, världen\",2026-09-20 09:00:00 UTC,2001,3001,3001,1001,x",
            "Svar,2026-09-20 09:05:00 UTC,2001,3001,3002,1002,y");

        var read = await ReadAsync(folder.Path);

        Assert.Equal(("1001", "Åsa Lindqvist", true), (read.People[0].Id, read.People[0].Name, read.People[0].Active));
        Assert.Equal(("3001", "Hej, världen", PostType.Post, (string?)null), (read.Posts[0].Id, read.Posts[0].Text, read.Posts[0].Type, read.Posts[0].Title));
        Assert.Equal(("3002", "3001"), (read.Comments[0].Id, read.Comments[0].PostId));

        // No state or deleted_at says nothing about who left; no message_type says nothing about questions.
        Assert.Equal(DataCapabilities.None, read.Provider.Capabilities);
        Assert.Empty(read.Issues.Issues);
    }

    [Fact]
    public void A_file_without_a_required_column_stops_the_source_naming_the_file_and_the_columns_it_has()
    {
        using var folder = CopyOfNordlys();
        WriteCsv(folder.File("Messages.csv"), "message_id,thread_id,group_id,body", "3001,3001,2001,Hej");

        var error = Assert.Throws<DataSourceException>(() => new VivaEngageExportSource(folder.Path).Build());

        Assert.Contains("Messages.csv' has no id column", error.Message, StringComparison.Ordinal);
        Assert.Contains("it has the columns message_id, thread_id, group_id, body", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_the_exports_files_is_refused()
    {
        using var folder = new Engine.TempFolder();
        File.WriteAllText(folder.File("notes.txt"), "not an export");

        var error = Assert.Throws<DataSourceException>(() => new VivaEngageExportSource(folder.Path).Build());

        Assert.Contains("holds no Messages.csv, Users.csv or Groups.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_extension_method_adds_the_export_to_a_builder_and_to_dependency_injection()
    {
        var built = new NetworkSourceBuilder().AddVivaEngageExport(Nordlys).Build();
        await using var services = new ServiceCollection().AddCommunityRules(rules => rules.AddVivaEngageExport(Nordlys)).BuildServiceProvider();
        var injected = services.GetRequiredService<INetworkProvider>();

        Assert.Equal(6, (await built.ReadPeopleAsync(new IssueList(), CancellationToken.None).ToListAsync()).Count);
        Assert.Equal(7, (await injected.ReadPostsAsync(new IssueList(), CancellationToken.None).ToListAsync()).Count);
        Assert.Equal("Viva Engage export '" + Nordlys + "'", new VivaEngageExportSource(Nordlys).Description);
    }

    private static string Describe(Person person) => $"{person.Id} {person.Name} {person.Email} {person.Kind} {person.Active} {string.Join('+', person.Roles)}";
}
