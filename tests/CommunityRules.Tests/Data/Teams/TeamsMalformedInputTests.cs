using CommunityRules.Data;
using CommunityRules.Data.Teams;
using CommunityRules.Engine;
using CommunityRules.Tests.Engine;
using Microsoft.Extensions.Time.Testing;
using static CommunityRules.Tests.Data.Teams.TempTeamsExport;

namespace CommunityRules.Tests.Data.Teams;

/// <summary>Bad input in a Teams export: each record that cannot be read is one located issue, and the rest is read.</summary>
public sealed class TeamsMalformedInputTests : IDisposable
{
    private readonly TempTeamsExport _export = new();

    public void Dispose() => _export.Dispose();

    [Fact]
    public async Task A_page_that_is_not_valid_json_is_reported_with_its_line_and_the_other_pages_are_read()
    {
        _export.Write($"{ChannelPath}/messages.json", PageWithLink("https://graph.microsoft.com/v1.0/next", Message("1", "u-1", "<p>Ett</p>")));
        _export.Write($"{ChannelPath}/messages-2.json", "{\n  \"value\": [\n    " + Message("2", "u-1", "<p>Två</p>") + ",\n    { \"id\": \"3\", oops }\n  ]\n}");
        _export.Write($"{ChannelPath}/messages-3.json", Page(Message("4", "u-2", "<p>Fyra</p>")));

        var read = await _export.ReadAsync();

        Assert.Equal(["1", "2", "4"], read.Posts.Select(p => p.Id.Split('/')[1]));
        var issue = Assert.Single(read.Issues.Issues);
        Assert.Equal(DataIssueKind.MalformedRecord, issue.Kind);
        Assert.Equal(Path.Combine(_export.Folder, $"{ChannelPath}/messages-2.json").Replace('\\', '/'), issue.Source.Replace('\\', '/'));
        Assert.Equal(4, issue.Line);
        Assert.StartsWith("the page is not valid JSON (column ", issue.Message, StringComparison.Ordinal);
        Assert.EndsWith("1 of its items were read before it, the rest of the page is not", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_without_id_is_reported_by_its_index_and_the_others_are_read()
    {
        _export.Write($"{ChannelPath}/messages.json", Page(
            Message("1", "u-1", "<p>Ett</p>"),
            """{ "messageType": "message", "createdDateTime": "2026-03-01T10:00:00Z", "body": { "contentType": "html", "content": "<p>Utan id</p>" } }""",
            Message("3", "u-2", "<p>Tre</p>")));

        var read = await _export.ReadAsync();

        Assert.Equal(["1", "3"], read.Posts.Select(p => p.Id.Split('/')[1]));
        var issue = Assert.Single(read.Issues.Issues);
        Assert.EndsWith($"{ChannelPath}/messages.json", issue.Source.Replace('\\', '/'), StringComparison.Ordinal);
        Assert.Equal("value[1]: the message has no id; it is left out", issue.Message);
    }

    [Fact]
    public async Task A_field_of_the_wrong_kind_spoils_only_its_message()
    {
        _export.Write($"{ChannelPath}/messages.json", Page(
            """{ "id": "1", "messageType": "message", "createdDateTime": 20260301, "body": { "contentType": "html", "content": "x" } }""",
            """{ "id": "2", "messageType": "message", "createdDateTime": "den första mars", "body": { "contentType": "html", "content": "x" } }""",
            Message("3", "u-2", "<p>Tre</p>")));

        var read = await _export.ReadAsync();

        Assert.Equal(["3"], read.Posts.Select(p => p.Id.Split('/')[1]));
        Assert.Equal(
            ["value[0]: 'createdDateTime' should be text; it is left out", "value[1]: 'createdDateTime' is not a date: 'den första mars'; the message is left out"],
            read.Issues.Issues.Select(i => i.Message));
    }

    [Fact]
    public async Task A_reply_to_a_message_that_is_not_there_is_reported_and_the_other_replies_are_read()
    {
        _export.Write($"{ChannelPath}/messages.json", Page(Message("1", "u-1", "<p>Fråga</p>", extra: """, "replies": [ """ + Message("2", "u-2", "<p>Svar</p>", "1") + " ]")));
        _export.Write($"{ChannelPath}/messages/1/replies.json", Page(Message("3", "u-2", "<p>Svar två</p>", "1")));
        _export.Write($"{ChannelPath}/messages/999/replies.json", Page(Message("4", "u-2", "<p>Vilse</p>", "999")));

        var read = await _export.ReadAsync();

        Assert.Equal(["3"], read.Comments.Select(c => c.Id.Split('/')[1]));
        var issue = Assert.Single(read.Issues.Issues);
        Assert.EndsWith($"{ChannelPath}/messages/999/replies.json", issue.Source.Replace('\\', '/'), StringComparison.Ordinal);
        Assert.Equal("value[0]: the reply is to message 999, which is not among the channel's saved messages; the reply is left out", issue.Message);
        Assert.Equal("4", issue.RecordId);
    }

    [Fact]
    public async Task A_reply_among_the_messages_whose_thread_is_not_there_is_reported()
    {
        _export.Write($"{ChannelPath}/messages.json", Page(Message("1", "u-1", "<p>Fråga</p>"), Message("2", "u-2", "<p>Svar</p>", replyToId: "77")));

        var read = await _export.ReadAsync();

        Assert.Empty(read.Comments);
        var issue = Assert.Single(read.Issues.Issues);
        Assert.Equal("value[1]: the reply is to message 77, which is not among the channel's saved messages; the reply is left out", issue.Message);
    }

    [Fact]
    public async Task An_unknown_author_is_kept_and_the_engine_reports_the_reference()
    {
        _export.Write($"{ChannelPath}/messages.json", Page(Message("1", "u-ghost", "<p>Hallå?</p>"), Message("2", "u-1", "<p>Hej</p>")));

        var read = await _export.ReadAsync();
        var load = TestInputs.CreateLoader().LoadText("extends: [builtin:posting-guidelines]\n", "teams.yaml");
        var result = await new RuleEngine(new FakeTimeProvider(TestInputs.ClockNow)).AnalyzeAsync(load.RuleSet!, new TeamsExportSource(_export.Folder).Build(), new AnalysisOptions());

        Assert.Equal("u-ghost", read.Posts[0].AuthorId);
        Assert.Empty(read.Issues.Issues);
        var issue = Assert.Single(result.DataIssues);
        Assert.Equal(DataIssueKind.UnknownReference, issue.Kind);
        Assert.Contains("'u-ghost', who is not in the data", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_next_link_whose_page_is_not_saved_is_reported_naming_the_missing_file()
    {
        _export.Write($"{ChannelPath}/messages.json", PageWithLink("https://graph.microsoft.com/v1.0/teams/team-1/channels/x/messages?$skiptoken=2", Message("1", "u-1", "<p>Ett</p>")));
        _export.Write($"{ChannelPath}/messages-3.json", Page(Message("3", "u-1", "<p>Tre</p>")));
        _export.Write("teams/team-1/members.json", PageWithLink("https://graph.microsoft.com/v1.0/groups/team-1/members?$skiptoken=2", """{ "id": "u-1" }"""));

        var read = await _export.ReadAsync();

        Assert.Equal(["1", "3"], read.Posts.Select(p => p.Id.Split('/')[1]));
        Assert.Equal(
            [
                ("teams/team-1/members.json", "the page has an @odata.nextLink, but the page it leads to is not saved as members-2.json: the members on it and any later pages are missing. Save every page the links lead to"),
                ($"{ChannelPath}/messages.json", "the page has an @odata.nextLink, but the page it leads to is not saved as messages-2.json: the messages on it are missing. Save every page the links lead to"),
            ],
            read.Issues.Issues.Select(i => (i.Source[(_export.Folder.Length + 1)..].Replace('\\', '/'), i.Message)));
    }

    [Fact]
    public async Task Inline_replies_cut_short_without_their_reply_file_are_reported()
    {
        var extra = """, "replies@odata.nextLink": "https://graph.microsoft.com/v1.0/x/replies?$skiptoken=2", "replies": [ """ + Message("2", "u-2", "<p>Svar</p>", "1") + " ]";
        _export.Write($"{ChannelPath}/messages.json", Page(Message("1", "u-1", "<p>Fråga</p>", extra: extra)));

        var read = await _export.ReadAsync();

        Assert.Single(read.Comments);
        var issue = Assert.Single(read.Issues.Issues);
        Assert.StartsWith("value[0]: the message has more replies than its page holds (replies@odata.nextLink), but messages/1/replies.json is not saved", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reaction_without_a_user_is_reported_and_the_others_are_kept()
    {
        var reactions = """, "reactions": [ { "reactionType": "like", "createdDateTime": "2026-03-01T11:00:00Z", "user": { "user": null } }, { "reactionType": "heart", "createdDateTime": "2026-03-01T11:01:00Z", "user": { "user": { "id": "u-2" } } } ]""";
        _export.Write($"{ChannelPath}/messages.json", Page(Message("1", "u-1", "<p>Ett</p>", extra: reactions)));

        var read = await _export.ReadAsync();

        Assert.Equal([("u-2", "heart")], read.Reactions.Select(r => (r.PersonId, r.Type)));
        Assert.Equal("value[0].reactions[0]: the reaction has no user id; it is left out", Assert.Single(read.Issues.Issues).Message);
    }

    [Fact]
    public async Task A_broken_html_body_is_read_as_text()
    {
        _export.Write($"{ChannelPath}/messages.json", Page(Message("1", "u-1", "<div><p>Mötet <b>flyttas <p>till <a href=\"https://intranet.example/möte\">fredag</div></table> &amp c:a 14", extra: string.Empty)));

        var read = await _export.ReadAsync();

        Assert.Empty(read.Issues.Issues);
        // Mended as a browser does: the unclosed link goes on after the closed block.
        Assert.Equal("Mötet flyttas\ntill fredag (https://intranet.example/möte)\n& c:a 14 (https://intranet.example/möte)", Assert.Single(read.Posts).Text);
    }

    [Fact]
    public async Task Two_files_for_the_same_page_are_reported_and_the_first_is_read()
    {
        _export.Write($"{ChannelPath}/messages.json", Page(Message("1", "u-1", "<p>Ett</p>")));
        _export.Write($"{ChannelPath}/messages-1.json", Page(Message("1", "u-1", "<p>Ett igen</p>")));

        var read = await _export.ReadAsync();

        Assert.Equal("Ett", Assert.Single(read.Posts).Text);
        var issue = Assert.Single(read.Issues.Issues);
        Assert.EndsWith("messages-1.json", issue.Source, StringComparison.Ordinal);
        Assert.StartsWith("the file names a page number that another messages page already has", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_without_id_is_reported_and_the_others_are_read()
    {
        _export.Write("users.json", Page("""{ "displayName": "Ingen Id", "accountEnabled": true }""", """{ "id": "u-1", "displayName": "Åsa Öberg", "accountEnabled": true }"""));

        var read = await _export.ReadAsync();

        Assert.Contains(read.People, p => p.Id == "u-1");
        Assert.Equal("value[0]: the user has no id; it is left out", Assert.Single(read.Issues.Issues).Message);
    }
}
