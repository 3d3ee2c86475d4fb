using System.IO.Compression;
using System.Text;
using CommunityRules.Data;
using CommunityRules.Data.VivaEngage;
using CommunityRules.Model;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Data.VivaEngage;

/// <summary>The checked-in Viva Engage export <c>nordlys</c>, copies of it to spoil, and reading one whole.</summary>
internal static class VivaEngageExport
{
    public const string MessagesHeader = "\"id\",\"replied_to_id\",\"parent_id\",\"thread_id\",\"conversation_id\",\"group_id\",\"group_name\",\"participants\",\"in_private_group\",\"in_private_conversation\",\"sender_id\",\"sender_type\",\"sender_name\",\"sender_email\",\"body\",\"delegate_id\",\"api_url\",\"attachments\",\"deleted_by_id\",\"deleted_by_type\",\"created_at\",\"deleted_at\",\"title\",\"html_body\",\"message_type\",\"gdpr_delete_url\"";

    public static string Nordlys => Path.Combine(TestInputs.DataRoot, "Exports", "vivaengage", "nordlys");

    /// <summary>A copy of the <c>nordlys</c> export in a temporary folder.</summary>
    public static TempFolder CopyOfNordlys()
    {
        var folder = new TempFolder();
        foreach (var file in Directory.EnumerateFiles(Nordlys))
        {
            File.Copy(file, folder.File(Path.GetFileName(file)));
        }

        return folder;
    }

    /// <summary>One row of <c>Messages.csv</c> in the full header's order, every field quoted.</summary>
    public static string Message(string id, string thread, string group, string sender, string body, string createdAt, string repliedTo = "", string type = "update") =>
        string.Join(",", new[] { id, repliedTo, string.Empty, thread, string.Empty, group, string.Empty, string.Empty, "false", "false", sender, "user", string.Empty, string.Empty, body, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, createdAt, string.Empty, string.Empty, string.Empty, type, string.Empty }
            .Select(field => "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

    /// <summary>Writes a CSV file as an export does: UTF-8 with a byte order mark, CRLF after each line.</summary>
    public static void WriteCsv(string path, params string[] lines) =>
        File.WriteAllText(path, string.Concat(lines.Select(line => line + "\r\n")), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

    /// <summary>Zips a folder's files under a folder of their own, with lower-case names, as some tools do.</summary>
    public static void ZipLowerCase(string folder, string zipPath, string inner)
    {
        using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create, Encoding.UTF8);
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            zip.CreateEntryFromFile(file, inner + "/" + Path.GetFileName(file).ToLowerInvariant());
        }
    }

    public static async Task<Read> ReadAsync(string path)
    {
        var provider = new VivaEngageExportSource(path).Build();
        var issues = new IssueList();
        var people = await provider.ReadPeopleAsync(issues, CancellationToken.None).ToListAsync();
        var groups = await provider.ReadGroupsAsync(issues, CancellationToken.None).ToListAsync();
        var memberships = await provider.ReadMembershipsAsync(issues, CancellationToken.None).ToListAsync();
        var posts = await provider.ReadPostsAsync(issues, CancellationToken.None).ToListAsync();
        var comments = await provider.ReadCommentsAsync(issues, CancellationToken.None).ToListAsync();
        var reactions = await provider.ReadReactionsAsync(issues, CancellationToken.None).ToListAsync();
        Assert.Empty(memberships);
        Assert.Empty(reactions);
        return new Read(provider, people, groups, posts, comments, issues);
    }

    internal sealed record Read(INetworkProvider Provider, List<Person> People, List<Group> Groups, List<Post> Posts, List<Comment> Comments, IssueList Issues)
    {
        public Post Post(string id) => Posts.Single(post => post.Id == id);

        public Comment Comment(string id) => Comments.Single(comment => comment.Id == id);

        public List<string> Notes => [.. Issues.Notes.Select(note => note.Message)];
    }
}
