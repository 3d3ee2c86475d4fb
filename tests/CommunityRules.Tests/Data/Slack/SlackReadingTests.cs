using System.Text;
using System.Text.Json;
using CommunityRules.Data.Archives;
using CommunityRules.Data.Slack;
using CommunityRules.ExportWriters;
using CommunityRules.Model;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Data.Slack;

/// <summary>
/// How the Slack provider reads a large export fast without changing what it reads: its own message parser, the
/// later passes that open only the day files a posts pass saw replies or reactions in, long day files, and the test
/// writer's posts in groups the network does not have.
/// </summary>
public sealed class SlackReadingTests
{
    private static readonly string[] Exports =
    [
        SlackExportProviderTests.Nordlys,
        Path.Combine(TestInputs.DataRoot, "Exports", "slack", "slack-export-viewer", "extracted"),
    ];

    public static TheoryData<string> Irregular =>
    [
        """{"t\u0073":"1700000000.000100","text":"escaped field name"}""",
        """{"ts":1700000000.0001}""",
        """{"ts":"1700000000.000100","reactions":[{"name":"+1","users":["U1"],"count":"2"}]}""",
        """{"ts":"1700000000.000100","reactions":[{"name":"+1","count":1.5}]}""",
        """{"ts":"1700000000.000100","reactions":{"name":"+1"}}""",
        """{"ts":"1700000000.000100","hidden":"true"}""",
        """{"ts":"1700000000.000100","files":[{"permalink":7}]}""",
        """{"ts":"1700000000.000100","bot_profile":"Jira"}""",
        """["not a message"]""",
    ];

    public static TheoryData<string> Regular =>
    [
        """{"type":"message","ts":"1.000001","ts":"2.000002","text":"the later ts counts"}""",
        """{"type":null,"user":null,"text":"Grüße\nå ä ö \u00f8 \"quoted\"","thread_ts":"1.0","reactions":null,"files":null}""",
        """{"ts":"1.0","reactions":[null,{"name":"like","users":["U1",null],"count":2,"extra":[1,{"a":2}]},{"users":[]}]}""",
        """{"ts":"1.0","files":[null,{"permalink":"https://x/p","url_private":"https://x/u?t=xoxe-1","name":"a.pdf"}],"file":{"permalink":null}}""",
        """{"ts":"1.0","attachments":[null,{"fallback":"f","from_url":"https://a","title_link":"https://b","fields":[{"v":1}]}]}""",
        """{"ts":"1.0","bot_id":"B1","username":"Deploy","bot_profile":{"name":"Deploy","icons":{}},"comment":{"user":"U9","comment":"c"}}""",
        """{"ts":"1.0","subtype":"bot_message","hidden":false,"unknown":{"deep":[[[{"x":null}]]]},"blocks":[]}""",
    ];

    [Theory]
    [MemberData(nameof(Regular))]
    public void The_message_parser_reads_a_message_as_the_serializer_does(string json)
    {
        var parsed = SlackMessageParser.TryParse(Encoding.UTF8.GetBytes(json));

        Assert.NotNull(parsed);
        Assert.Equal(Serialized(JsonSerializer.Deserialize(json, SlackJsonContext.Default.SlackMessage)), Serialized(parsed));
    }

    [Theory]
    [MemberData(nameof(Irregular))]
    public void The_message_parser_leaves_anything_irregular_to_the_serializer(string json) =>
        Assert.Null(SlackMessageParser.TryParse(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void The_message_parser_leaves_text_that_is_not_utf8_to_the_serializer()
    {
        byte[] json = [.. """{"ts":"1.0","text":" """u8, 0xC3, 0x28, .. "\"}"u8];

        Assert.Null(SlackMessageParser.TryParse(json));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, SlackJsonContext.Default.SlackMessage));
    }

    [Fact]
    public async Task The_message_parser_reads_every_message_of_the_test_exports_as_the_serializer_does()
    {
        var compared = 0;
        foreach (var file in Exports.SelectMany(export => Directory.EnumerateFiles(export, "????-??-??.json", SearchOption.AllDirectories)))
        {
            // The provider's own reader gives the elements, up to where a broken file breaks.
            using var reader = new JsonItemReader(File.OpenRead(file), file, JsonItemLayout.BareList);
            while (await reader.ReadAsync(default))
            {
                var bytes = reader.Current.ToArray();
                var expected = TryDeserialize(bytes);
                var parsed = SlackMessageParser.TryParse(bytes);
                if (parsed is not null)
                {
                    Assert.Equal(expected, Serialized(parsed));
                    compared++;
                }
                else
                {
                    Assert.Null(expected);
                }
            }
        }

        Assert.True(compared > 40, $"only {compared} messages compared");
    }

    [Fact]
    public async Task Comments_and_reactions_read_after_a_posts_pass_are_those_read_without_one()
    {
        // After a whole posts pass the provider opens only the day files that pass saw replies or reactions in.
        int allComments = 0, allReactions = 0;
        foreach (var export in Exports)
        {
            var issues = new IssueList();
            var warm = SlackExportProviderTests.Provider(export);
            _ = await warm.ReadPostsAsync(issues, default).ToListAsync();
            var comments = await warm.ReadCommentsAsync(issues, default).ToListAsync();
            var reactions = await warm.ReadReactionsAsync(issues, default).ToListAsync();

            allComments += comments.Count;
            allReactions += reactions.Count;
            Assert.Equal(await SlackExportProviderTests.Provider(export).ReadCommentsAsync(new IssueList(), default).ToListAsync(), comments);
            Assert.Equal(await SlackExportProviderTests.Provider(export).ReadReactionsAsync(new IssueList(), default).ToListAsync(), reactions);
        }

        Assert.True(allComments > 3 && allReactions > 3, $"{allComments} comments and {allReactions} reactions compared");
    }

    [Fact]
    public async Task A_day_file_longer_than_the_read_buffer_is_read_whole_with_its_lines()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("users.json"), """[{"id":"U1","real_name":"Åsa Öberg"}]""");
        File.WriteAllText(temp.File("channels.json"), """[{"id":"C1","name":"allmänt","members":["U1"]}]""");
        Directory.CreateDirectory(temp.File("allmänt"));
        var day = new StringBuilder("[\n");
        for (var i = 0; i < 3000; i++)
        {
            day.Append(i == 0 ? string.Empty : ",\n").Append(Invariant($$"""  {"type":"message","user":"U1","text":"Meddelande {{i}}: {{new string('ø', 40)}}","ts":"1788253200.{{i:D6}}"}"""));
        }

        // One message the serializer refuses, far past the first 64 KB, is reported on its own line.
        day.Append(",\n  {\"type\":\"message\",\"user\":\"U1\",\"ts\":17}\n]");
        File.WriteAllText(temp.File("allmänt/2026-09-01.json"), day.ToString());
        Assert.True(new FileInfo(temp.File("allmänt/2026-09-01.json")).Length > 3 * 64 * 1024);

        var issues = new IssueList();
        var posts = await SlackExportProviderTests.Provider(temp.Path).ReadPostsAsync(issues, default).ToListAsync();

        Assert.Equal(3000, posts.Count);
        Assert.Equal("Meddelande 2999: " + new string('ø', 40), posts[^1].Text);
        var issue = Assert.Single(issues.Issues);
        Assert.Equal((3002L, "message 3001 cannot be read: 'ts' should be text"), (issue.Line!.Value, issue.Message));
    }

    [Fact]
    public async Task The_test_writer_puts_a_post_in_a_group_the_network_lacks_in_a_folder_no_channel_names_and_the_reader_notes_it()
    {
        var network = new ExportNetwork { AsOf = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero) };
        network.People.Add(new Person { Id = "p1", Name = "Åsa Öberg", Email = "asa@nordlys.example" });
        network.Groups.Add(new Group { Id = "g1", Name = "allmänt", Privacy = GroupPrivacy.Open });
        network.Posts.Add(new Post { Id = "post1", GroupId = "g1", AuthorId = "p1", CreatedAt = new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero), Text = "Hej alla" });
        network.Posts.Add(new Post { Id = "post2", GroupId = "g-deleted", AuthorId = "p1", CreatedAt = new DateTimeOffset(2026, 9, 2, 9, 0, 0, TimeSpan.Zero), Text = "I en borttagen grupp" });
        network.Comments.Add(new Comment { Id = "c1", PostId = "post2", AuthorId = "p1", CreatedAt = new DateTimeOffset(2026, 9, 3, 9, 0, 0, TimeSpan.Zero), Text = "Svar" });
        using var temp = new TempFolder();
        new SlackExportWriter().Write(network, temp.Path);

        var issues = new IssueList();
        var provider = SlackExportProviderTests.Provider(temp.Path);
        _ = await provider.ReadGroupsAsync(issues, default).ToListAsync();
        var posts = await provider.ReadPostsAsync(issues, default).ToListAsync();

        Assert.Equal(["Hej alla"], posts.Select(p => p.Text));
        Assert.Equal(2, Directory.GetFiles(temp.File("g-deleted")).Length);
        Assert.Contains(issues.Notes, n => n.Message.StartsWith("Left out 2 day files in 1 folder that no channel in channels.json or groups.json names: 'g-deleted'.", StringComparison.Ordinal));
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private static string? TryDeserialize(byte[] json)
    {
        try
        {
            return Serialized(JsonSerializer.Deserialize(json, SlackJsonContext.Default.SlackMessage));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Serialized(SlackMessage? message) => JsonSerializer.Serialize(message, SlackJsonContext.Default.SlackMessage);
}
