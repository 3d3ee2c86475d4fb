using System.IO.Compression;
using CommunityRules.Data;
using CommunityRules.Data.Slack;
using CommunityRules.Model;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Data.Slack;

/// <summary>
/// The <c>nordlys</c> Slack export: threads across day files, a broadcast reply, a deleted thread starter, bots with
/// and without a user, a private channel, direct messages left out, a deleted user, join events, reactions, markup with
/// links and mentions, Nordic channel names, and broken records that are reported where they are.
/// </summary>
public sealed class SlackExportProviderTests
{
    private const string Thread = "C01ALLM/1788253200.000100";
    private const string Tombstone = "C01ALLM/1788336000.000000";

    public static string Nordlys => Path.Combine(TestInputs.DataRoot, "Exports", "slack", "nordlys");

    [Fact]
    public async Task People_come_from_users_json_with_bots_system_accounts_and_people_who_left()
    {
        var (people, issues) = await Read(Nordlys, (p, i) => p.ReadPeopleAsync(i, default));

        Assert.Empty(issues.Issues);
        var anna = people.Single(p => p.Id == "U01ANNA");
        Assert.Equal(("Anna Berg", "anna.berg@nordlys.example", "Head of Communications", PersonKind.Person, true), (anna.Name, anna.Email, anna.Title, anna.Kind, anna.Active));
        Assert.Equal(["workspace-admin", "workspace-owner", "workspace-primary-owner"], anna.Roles);
        Assert.False(people.Single(p => p.Id == "U04DORA").Active);
        Assert.Equal("Åsa Öberg", people.Single(p => p.Id == "U06ASA").Name);
        Assert.Equal("Bjørn Haugen", people.Single(p => p.Id == "U02BJORN").Name);
        Assert.Equal(PersonKind.Bot, people.Single(p => p.Id == "UBOTDEPLOY").Kind);
        Assert.Equal(PersonKind.Bot, people.Single(p => p.Id == "U07APP").Kind);
        Assert.Equal(PersonKind.System, people.Single(p => p.Id == "USLACKBOT").Kind);
        Assert.Empty(people.Single(p => p.Id == "U02BJORN").Roles);

        // B0JIRA posts without a user and is in no profile: it becomes a bot of its own. B0DEPLOY is UBOTDEPLOY's.
        var jira = Assert.Single(people, p => p.Id == "B0JIRA");
        Assert.Equal(("Jira", PersonKind.Bot), (jira.Name, jira.Kind));
        Assert.DoesNotContain(people, p => p.Id == "B0DEPLOY");
    }

    [Fact]
    public async Task Public_channels_are_open_private_ones_closed_and_direct_messages_are_left_out_with_a_note()
    {
        var (groups, issues) = await Read(Nordlys, (p, i) => p.ReadGroupsAsync(i, default));

        Assert.Equal(["C01ALLM", "C02SALJ", "C03GAML", "G01HRLE"], groups.Select(g => g.Id));
        var general = groups[0];
        Assert.Equal("allmänt", general.Name);
        Assert.Equal("Allt som rör alla på kontoret & i fält.", general.Description);
        Assert.Equal(GroupPrivacy.Open, general.Privacy);
        Assert.Equal(new DateTimeOffset(2024, 1, 10, 0, 0, 0, TimeSpan.Zero), general.CreatedAt);
        Assert.Equal("U01ANNA", general.CreatedBy);
        Assert.False(general.Archived);

        // No purpose: the topic describes the channel, with its channel link as a reader sees it.
        Assert.Equal("försäljning-göteborg", groups[1].Name);
        Assert.Equal("Leads och affärer i #allmänt", groups[1].Description);
        Assert.True(groups[2].Archived);
        Assert.Equal(GroupPrivacy.Closed, groups[3].Privacy);

        Assert.Empty(issues.Issues);
        Assert.Equal(
            [
                "Left out 3 direct-message conversations (3 day files): direct messages are private, not community conversation.",
                "Left out 1 day file in 1 folder that no channel in channels.json or groups.json names: 'okänd-kanal'. If they are channels, the channel lists of the export are incomplete; export again.",
            ],
            issues.Notes.Select(n => n.Message));
    }

    [Fact]
    public async Task Private_channels_can_be_read_as_secret()
    {
        var provider = new SlackExportSource(Nordlys, new SlackExportOptions { PrivateChannelPrivacy = GroupPrivacy.Secret }).Build();

        var groups = await provider.ReadGroupsAsync(new IssueList(), default).ToListAsync();

        Assert.Equal(GroupPrivacy.Secret, groups.Single(g => g.Id == "G01HRLE").Privacy);
        Assert.Equal(GroupPrivacy.Open, groups.Single(g => g.Id == "C01ALLM").Privacy);
    }

    [Fact]
    public async Task Channel_members_are_memberships_once_each_and_the_export_names_no_admins()
    {
        var (memberships, _) = await Read(Nordlys, (p, i) => p.ReadMembershipsAsync(i, default));

        Assert.Equal(["U02BJORN", "U03CHEN"], memberships.Where(m => m.GroupId == "C02SALJ").Select(m => m.PersonId));
        Assert.Equal(["U04DORA", "U01ANNA", "U05EINO"], memberships.Where(m => m.GroupId == "G01HRLE").Select(m => m.PersonId));
        Assert.All(memberships, m => Assert.Equal(MembershipRole.Member, m.Role));
        Assert.Equal(DataCapabilities.Memberships | DataCapabilities.Departures | DataCapabilities.GroupCreators | DataCapabilities.Reactions, Provider(Nordlys).Capabilities);
    }

    [Fact]
    public async Task Thread_starters_and_plain_messages_are_posts_and_events_are_left_out_with_one_note()
    {
        var (posts, issues) = await Read(Nordlys, (p, i) => p.ReadPostsAsync(i, default));

        Assert.Equal(
            [
                Thread, "C01ALLM/1788260400.000000", "C01ALLM/1788262200.000000", "C01ALLM/1788264000.000000", "C01ALLM/1788267600.000000",
                "C01ALLM/1788271200.000000", "C01ALLM/1788274800.000000", Tombstone,
                "C02SALJ/1788415200.000000", "C02SALJ/1788426000.000000", "C02SALJ/1788512400.000000", "C02SALJ/1788512700.000000",
                "G01HRLE/1788598800.000000",
            ],
            posts.Select(p => p.Id));
        var kickoff = posts[0];
        Assert.Equal(("C01ALLM", "U01ANNA"), (kickoff.GroupId, kickoff.AuthorId));
        Assert.Equal(new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero).AddTicks(1000), kickoff.CreatedAt);
        Assert.Equal(PostType.Post, kickoff.Type);

        // A bot_message by a bot user's bot_id is the bot user's; one without a user is the bot's own.
        Assert.Equal("UBOTDEPLOY", posts.Single(p => p.Text == "Deployed build 1234 to production.").AuthorId);
        Assert.Equal("B0JIRA", posts.Single(p => p.Id == "C01ALLM/1788262200.000000").AuthorId);
        Assert.Equal("UBOTDEPLOY", posts.Single(p => p.Text == "Nightly report: 12 new leads.").AuthorId);

        // The unknown author is kept; the engine reports the reference.
        Assert.Equal("U99GHOST", posts.Single(p => p.Text == "Hej från en okänd person.").AuthorId);
        Assert.Equal("dricker kaffe", posts.Single(p => p.AuthorId == "U02BJORN" && p.GroupId == "C01ALLM").Text);

        var deleted = posts.Single(p => p.Id == Tombstone);
        Assert.Equal((null, null, "C01ALLM"), (deleted.AuthorId, deleted.Text, deleted.GroupId));

        Assert.Equal(
            [
                "Left out 3 join, leave and channel-change events: they are not conversation.",
                "Read 1 deleted first message of a thread ('This message was deleted.') as posts without author or text, so their replies keep their thread.",
            ],
            issues.Notes.Select(n => n.Message));
    }

    [Fact]
    public async Task Replies_are_comments_on_their_thread_starter_even_in_a_later_day_file_and_a_broadcast_counts_once()
    {
        var (comments, issues) = await Read(Nordlys, (p, i) => p.ReadCommentsAsync(i, default));
        var (posts, _) = await Read(Nordlys, (p, i) => p.ReadPostsAsync(i, default));

        Assert.Empty(issues.Issues);
        Assert.Equal(
            [
                ("C01ALLM/1788255000.000000", Thread, "U02BJORN"),
                ("C01ALLM/1788257100.000000", Thread, "U03CHEN"),
                ("C01ALLM/1788343200.000000", Thread, "U05EINO"),
                ("C01ALLM/1788336900.000000", Tombstone, "U02BJORN"),
                ("C01ALLM/1788339600.000000", "C01ALLM/1700000000.000001", "U03CHEN"),
            ],
            comments.Select(c => (c.Id, c.PostId, c.AuthorId!)));
        Assert.All(comments, c => Assert.Null(c.ParentId));
        Assert.DoesNotContain(posts, p => comments.Any(c => c.Id == p.Id));
        Assert.Equal("Sent svar: jag är med.", comments[2].Text);
        Assert.Equal(new DateTimeOffset(2026, 9, 2, 10, 0, 0, TimeSpan.Zero), comments[2].CreatedAt);
    }

    [Fact]
    public async Task Each_person_and_emoji_is_one_reaction_without_a_time_and_unnamed_reactors_are_noted()
    {
        var (reactions, issues) = await Read(Nordlys, (p, i) => p.ReadReactionsAsync(i, default));

        Assert.Equal(
            [
                (Thread, "U02BJORN", "tada"), (Thread, "U03CHEN", "tada"), (Thread, "U05EINO", "tada"), (Thread, "U02BJORN", "+1"),
                ("C01ALLM/1788255000.000000", "U01ANNA", "heart"),
                ("C02SALJ/1788415200.000000", "U02BJORN", "eyes"), ("C02SALJ/1788415200.000000", "U03CHEN", "eyes"),
            ],
            reactions.Select(r => (r.TargetId, r.PersonId, r.Type!)));
        Assert.All(reactions, r => Assert.Null(r.CreatedAt));
        Assert.Equal(["Left out 3 reactions whose people the export does not name: Slack lists only the first people who reacted with an emoji, and counts the rest."], issues.Notes.Select(n => n.Message));
    }

    [Fact]
    public async Task Markup_reads_as_a_reader_sees_it_and_every_link_is_in_the_text()
    {
        var (posts, _) = await Read(Nordlys, (p, i) => p.ReadPostsAsync(i, default));
        var (comments, _) = await Read(Nordlys, (p, i) => p.ReadCommentsAsync(i, default));

        Assert.Equal(
            "Välkommen @Eino Mäkinen! Kickoff för Q4 är på fredag, agendan finns på intranätet (https://intranet.nordlys.example/q4_plan) & i #försäljning-göteborg. @here fil: snake_case_namn",
            posts[0].Text);
        Assert.Equal("Bilderna ligger här: https://wetransfer.com/downloads/q4-kickoff", comments[1].Text);
        Assert.Equal("Ny kund i Mölndal! Oops order@molndal.example", posts.Single(p => p.Id == "C02SALJ/1788426000.000000").Text);

        // Links only in a preview or a shared file are added, the export's download token taken off.
        Assert.Equal("NOR-12 Fix the login page\nhttps://jira.nordlys.example/browse/NOR-12", posts.Single(p => p.AuthorId == "B0JIRA").Text);
        Assert.Equal(
            "Budgeten är klar\nhttps://nordlys.slack.com/files/U06ASA/F01/budget.xlsx\nhttps://files.slack.com/files-pri/T0NORDLYS-F01/budget.xlsx",
            posts.Single(p => p.AuthorId == "U06ASA").Text);
        Assert.Equal("Hittade den här: https://example.com/artikel\nhttps://example.com/artikel?ref=slack", posts.Single(p => p.AuthorId == "U05EINO").Text);
    }

    [Fact]
    public async Task A_broken_day_file_and_unreadable_messages_are_reported_where_they_are_and_the_rest_is_read()
    {
        var (posts, issues) = await Read(Nordlys, (p, i) => p.ReadPostsAsync(i, default));

        var located = issues.Issues.Select(i => (Relative(i.Source), i.Line, i.Kind)).ToList();
        Assert.Equal(
            [
                ("allmänt/2026-09-01.json", 131L, DataIssueKind.MalformedRecord),
                ("allmänt/2026-09-02.json", 48L, DataIssueKind.MalformedRecord),
                ("försäljning-göteborg/2026-09-04.json", 17L, DataIssueKind.MalformedRecord),
            ],
            located);
        Assert.Equal("message 9 has no valid 'ts' (its time, which is also its identifier), so it was left out", issues.Issues[0].Message);
        Assert.Equal("message 6 cannot be read: 'ts' should be text", issues.Issues[1].Message);
        Assert.Equal("the file is not valid JSON after message 2 ('0x0A' is invalid within a JSON string. The string should be correctly escaped); the rest of this day's messages in the channel were not read", issues.Issues[2].Message);

        // The messages before the break, and the other files, are read.
        Assert.Contains(posts, p => p.Text == "Andra före brottet");
        Assert.Contains(posts, p => p.Text == "Lönerevisionen börjar i oktober.");
    }

    [Fact]
    public async Task A_zip_of_the_export_reads_the_same_as_its_folder()
    {
        using var temp = new TempFolder();
        var zip = temp.File("nordlys.zip");
        ZipFile.CreateFromDirectory(Nordlys, zip);

        var (fromZip, zipIssues) = await Read(zip, (p, i) => p.ReadPostsAsync(i, default));
        var (fromFolder, _) = await Read(Nordlys, (p, i) => p.ReadPostsAsync(i, default));

        Assert.Equal(fromFolder, fromZip);
        Assert.Equal(3, zipIssues.Issues.Count);
        Assert.True(SlackExportFormat.Instance.Recognizes(zip));
    }

    [Fact]
    public async Task A_zip_cut_off_inside_a_day_file_reads_the_files_before_it_and_reports_the_cut_one()
    {
        using var temp = new TempFolder();
        var zip = temp.File("cut.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            foreach (var name in new[] { "users.json", "channels.json", "groups.json", "allmänt/2026-09-01.json", "allmänt/2026-09-02.json" })
            {
                archive.CreateEntryFromFile(Path.Combine(Nordlys, name), name, CompressionLevel.NoCompression);
            }
        }

        var bytes = await File.ReadAllBytesAsync(zip);
        var cut = bytes.AsSpan().IndexOf("allmänt/2026-09-02.json"u8) + 200;
        await File.WriteAllBytesAsync(zip, bytes[..cut]);

        var provider = SlackExportFormat.Instance.CreateSource(zip).Build();
        var issues = new IssueList();
        var people = await provider.ReadPeopleAsync(issues, default).ToListAsync();
        var posts = await provider.ReadPostsAsync(issues, default).ToListAsync();

        Assert.Contains(people, p => p.Id == "U01ANNA");
        Assert.Contains(posts, p => p.Id == Thread);
        Assert.DoesNotContain(posts, p => p.Id == Tombstone);
        var cutOff = issues.Issues[0];
        Assert.Equal((DataIssueKind.MalformedRecord, zip + "/allmänt/2026-09-02.json"), (cutOff.Kind, cutOff.Source));
        Assert.Contains("the zip file ends inside 'allmänt/2026-09-02.json'", cutOff.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreadable_users_and_channels_are_reported_and_the_rest_read()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("users.json"), "[\n  {\"id\": \"U1\", \"real_name\": \"Åsa\"},\n  {\"name\": \"no-id\"},\n  {\"id\": \"U2\", \"deleted\": \"yes\"},\n  {\"id\": \"U3\"}\n]");
        await File.WriteAllTextAsync(temp.File("channels.json"), "[{\"id\": \"C1\", \"name\": \"ett\", \"created\": \"1452837318\"}, 17]");

        var provider = SlackExportFormat.Instance.CreateSource(temp.Path).Build();
        var issues = new IssueList();
        var people = await provider.ReadPeopleAsync(issues, default).ToListAsync();
        var groups = await provider.ReadGroupsAsync(issues, default).ToListAsync();

        Assert.Equal(["U1", "U3"], people.Select(p => p.Id));
        Assert.Equal(new DateTimeOffset(2016, 1, 15, 5, 55, 18, TimeSpan.Zero), Assert.Single(groups).CreatedAt);
        Assert.Equal(
            [
                ("users.json", 3L, "user 2 has no 'id', so it was left out"),
                ("users.json", 4L, "user 3 cannot be read: 'deleted' should be true or false"),
                ("channels.json", 1L, "channel 2 is not a record ('{ ... }')"),
            ],
            issues.Issues.Select(i => (Path.GetFileName(i.Source), i.Line!.Value, i.Message)));
    }

    [Fact]
    public void A_folder_without_the_channel_list_is_not_a_slack_export()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("users.json"), "[]");

        Assert.False(SlackExportFormat.Instance.Recognizes(temp.Path));
        var error = Assert.Throws<DataSourceException>(() => SlackExportFormat.Instance.CreateSource(temp.Path).Build());
        Assert.Contains("is not a Slack export: it has no channels.json and users.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_format_recognises_an_enterprise_export_with_org_users()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("org_users.json"), "[]");
        File.WriteAllText(temp.File("channels.json"), "[]");

        Assert.True(SlackExportFormat.Instance.Recognizes(temp.Path));
        Assert.False(SlackExportFormat.Instance.Recognizes(TestInputs.Network("clean")));
    }

    [Fact]
    public async Task The_builder_extension_adds_the_export_with_its_options()
    {
        var provider = new NetworkSourceBuilder().AddSlackExport(Nordlys, options => options.PrivateChannelPrivacy = GroupPrivacy.Secret).Build();

        var groups = await provider.ReadGroupsAsync(new IssueList(), default).ToListAsync();

        Assert.Equal(GroupPrivacy.Secret, groups.Single(g => g.Id == "G01HRLE").Privacy);
    }

    internal static INetworkProvider Provider(string path) => SlackExportFormat.Instance.CreateSource(path).Build();

    private static async Task<(List<T> Items, IssueList Issues)> Read<T>(string path, Func<INetworkProvider, IDataIssueReporter, IAsyncEnumerable<T>> read)
    {
        var issues = new IssueList();
        var items = await read(Provider(path), issues).ToListAsync();
        return (items, issues);
    }

    private static string Relative(string source) => Path.GetRelativePath(Nordlys, source).Replace('\\', '/');
}
