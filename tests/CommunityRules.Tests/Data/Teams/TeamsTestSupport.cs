using CommunityRules.Data;
using CommunityRules.Data.Teams;
using CommunityRules.Model;

namespace CommunityRules.Tests.Data.Teams;

/// <summary>Everything a Teams export provider streams, with the issues and notes it reported.</summary>
internal sealed record TeamsRead(
    DataCapabilities Capabilities,
    List<Person> People,
    List<Group> Groups,
    List<Membership> Memberships,
    List<Post> Posts,
    List<Comment> Comments,
    List<Reaction> Reactions,
    IssueList Issues)
{
    public static string Fixture => Path.Combine(AppContext.BaseDirectory, "TestData", "Exports", "teams", "nordlys");

    public static async Task<TeamsRead> ReadAsync(string path)
    {
        var provider = new TeamsExportSource(path).Build();
        var issues = new IssueList();
        var token = CancellationToken.None;
        return new TeamsRead(
            provider.Capabilities,
            await provider.ReadPeopleAsync(issues, token).ToListAsync(),
            await provider.ReadGroupsAsync(issues, token).ToListAsync(),
            await provider.ReadMembershipsAsync(issues, token).ToListAsync(),
            await provider.ReadPostsAsync(issues, token).ToListAsync(),
            await provider.ReadCommentsAsync(issues, token).ToListAsync(),
            await provider.ReadReactionsAsync(issues, token).ToListAsync(),
            issues);
    }

    public Post Post(string id) => Posts.Single(post => post.Id == id);

    public Comment Comment(string id) => Comments.Single(comment => comment.Id == id);
}

/// <summary>A small Teams export written by a test into a temporary folder: one team, one channel, files as given.</summary>
internal sealed class TempTeamsExport : IDisposable
{
    public const string TeamId = "team-1";
    public const string ChannelId = "19:chan@thread.tacv2";
    public const string ChannelPath = "teams/team-1/channels/19%3Achan%40thread.tacv2";

    public TempTeamsExport()
    {
        Write("groups.json", Page("""{ "id": "team-1", "displayName": "Sälj Malmö", "visibility": "Public", "createdDateTime": "2025-01-01T00:00:00Z" }"""));
        Write("users.json", Page("""{ "id": "u-1", "displayName": "Åsa Öberg", "accountEnabled": true }""", """{ "id": "u-2", "displayName": "Øystein Bø", "accountEnabled": true }"""));
        Write("teams/team-1/owners.json", Page("""{ "id": "u-1", "displayName": "Åsa Öberg" }"""));
        Write("teams/team-1/members.json", Page("""{ "id": "u-1" }""", """{ "id": "u-2" }"""));
    }

    public string Folder { get; } = Directory.CreateTempSubdirectory("communityrules-teams-").FullName;

    /// <summary>A Graph page of the items given as JSON, with a next link when given.</summary>
    public static string Page(params string[] items) => PageWithLink(null, items);

    public static string PageWithLink(string? nextLink, params string[] items) =>
        "{\n  \"@odata.context\": \"https://graph.microsoft.com/v1.0/$metadata#x\",\n"
        + (nextLink is null ? string.Empty : $"  \"@odata.nextLink\": \"{nextLink}\",\n")
        + "  \"value\": [\n    " + string.Join(",\n    ", items) + "\n  ]\n}\n";

    /// <summary>A channel message as Graph gives it; <paramref name="extra"/> is more JSON properties, such as a replies list.</summary>
    public static string Message(string id, string from, string html, string? replyToId = null, string extra = "") =>
        $$"""{ "id": "{{id}}", "replyToId": {{(replyToId is null ? "null" : $"\"{replyToId}\"")}}, "messageType": "message", "createdDateTime": "2026-03-01T10:00:00Z", "deletedDateTime": null, "from": { "application": null, "device": null, "user": { "id": "{{from}}", "displayName": null } }, "body": { "contentType": "html", "content": {{System.Text.Json.JsonSerializer.Serialize(html)}} }{{extra}} }""";

    public void Write(string relativePath, string content)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public void Delete(string relativePath) => File.Delete(Path.Combine(Folder, relativePath));

    public Task<TeamsRead> ReadAsync() => TeamsRead.ReadAsync(Folder);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
