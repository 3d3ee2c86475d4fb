using System.Globalization;
using System.Text;
using CommunityRules.Model;

namespace CommunityRules.ExportWriters;

/// <summary>
/// Writes a network as a Viva Engage network data export: <c>Users.csv</c>, <c>Groups.csv</c>, <c>Messages.csv</c>,
/// <c>Networks.csv</c> and, when someone has the <c>network-admin</c> role, <c>Admins.csv</c>. Like a real export, the
/// files are UTF-8 with a byte order mark, CRLF line ends, every field quoted (RFC 4180), and there are no memberships,
/// group admins or reactions. The model's ids are written as they are. Rows are written as they go, so a million
/// messages take no more memory than the network itself.
/// </summary>
public sealed class VivaEngageExportWriter : IExportWriter
{
    private const string NetworkAdminRole = "network-admin";

    private static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    private static readonly string[] UserColumns = ["id", "name", "email", "job_title", "location", "department", "guid", "state", "joined_at", "suspended_at", "deleted_at"];

    private static readonly string[] GroupColumns = ["id", "name", "description", "private", "external", "deleted", "created_at", "updated_at"];

    private static readonly string[] MessageColumns =
    [
        "id", "replied_to_id", "parent_id", "thread_id", "conversation_id", "group_id", "group_name", "participants", "in_private_group",
        "in_private_conversation", "sender_id", "sender_type", "sender_name", "sender_email", "body", "delegate_id", "api_url", "attachments",
        "deleted_by_id", "deleted_by_type", "created_at", "deleted_at", "title", "html_body", "message_type", "gdpr_delete_url",
    ];

    public string Format => "vivaengage";

    public void Write(ExportNetwork network, string folder)
    {
        ArgumentNullException.ThrowIfNull(network);
        Directory.CreateDirectory(folder);
        var people = new Dictionary<string, Person>(StringComparer.Ordinal);
        network.People.ForEach(person => people.TryAdd(person.Id, person));
        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
        network.Groups.ForEach(group => groups.TryAdd(group.Id, group));

        using (var csv = new CsvFile(Path.Combine(folder, "Networks.csv"), ["id", "name"]))
        {
            csv.Row("1", network.Name);
        }

        using (var csv = new CsvFile(Path.Combine(folder, "Users.csv"), UserColumns))
        {
            foreach (var p in network.People)
            {
                csv.Row(p.Id, p.Name, p.Email, p.Title, p.Office, p.Department, string.Empty, p.Active ? "active" : "soft_delete", string.Empty, string.Empty, p.Active ? string.Empty : Date(network.AsOf));
            }
        }

        var admins = network.People.Where(p => p.Roles.Contains(NetworkAdminRole, StringComparer.Ordinal)).ToList();
        if (admins.Count > 0)
        {
            using var csv = new CsvFile(Path.Combine(folder, "Admins.csv"), ["id", "name", "email"]);
            admins.ForEach(p => csv.Row(p.Id, p.Name, p.Email));
        }

        using (var csv = new CsvFile(Path.Combine(folder, "Groups.csv"), GroupColumns))
        {
            foreach (var g in network.Groups)
            {
                var isPrivate = g.Privacy switch { null => string.Empty, GroupPrivacy.Open => "false", _ => "true" };
                csv.Row(g.Id, g.Name, g.Description, isPrivate, "false", g.Archived ? "true" : "false", Date(g.CreatedAt), Date(g.CreatedAt));
            }
        }

        var groupOfPost = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var csv = new CsvFile(Path.Combine(folder, "Messages.csv"), MessageColumns))
        {
            foreach (var post in network.Posts)
            {
                groupOfPost.TryAdd(post.Id, post.GroupId);
                var type = post.Type switch { PostType.Question => "question", PostType.Announcement => "announcement", PostType.Poll => "poll", _ => "update" };
                Message(csv, post.Id, string.Empty, post.Id, post.GroupId, post.AuthorId, post.Text, post.CreatedAt, post.Title, type);
            }

            foreach (var comment in network.Comments)
            {
                var groupId = groupOfPost.GetValueOrDefault(comment.PostId, string.Empty);
                Message(csv, comment.Id, comment.ParentId ?? comment.PostId, comment.PostId, groupId, comment.AuthorId, comment.Text, comment.CreatedAt, null, "update");
            }
        }

        void Message(CsvFile csv, string id, string repliedTo, string thread, string groupId, string? authorId, string? text, DateTimeOffset? createdAt, string? title, string type)
        {
            var group = groups.GetValueOrDefault(groupId);
            var author = authorId is null ? null : people.GetValueOrDefault(authorId);
            var senderType = author?.Kind switch { PersonKind.Bot => "bot", PersonKind.System => "system", _ => "user" };
            var inPrivateGroup = group?.Privacy is GroupPrivacy.Closed or GroupPrivacy.Secret ? "true" : "false";
            csv.Row(
                id, repliedTo, string.Empty, thread, string.Empty, groupId, group?.Name, string.Empty, inPrivateGroup,
                "false", authorId, senderType, author?.Name, author?.Email, text, string.Empty, string.Empty, string.Empty,
                string.Empty, string.Empty, Date(createdAt), string.Empty, title, string.Empty, type, string.Empty);
        }
    }

    // The export's own form; a time with a fraction of a second keeps it in ISO 8601, which the reader takes too.
    private static string Date(DateTimeOffset? value)
    {
        if (value is not { } date)
        {
            return string.Empty;
        }

        var utc = date.UtcDateTime;
        return utc.Ticks % TimeSpan.TicksPerSecond == 0
            ? utc.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>A CSV file written by hand: every field quoted, quotes doubled, CRLF after each row.</summary>
    private sealed class CsvFile : IDisposable
    {
        private readonly StreamWriter _writer;

        public CsvFile(string path, string[] header)
        {
            _writer = new StreamWriter(path, append: false, Utf8WithBom, bufferSize: 1 << 20) { NewLine = "\r\n" };
            Row(header);
        }

        public void Row(params string?[] fields)
        {
            for (var i = 0; i < fields.Length; i++)
            {
                if (i > 0)
                {
                    _writer.Write(',');
                }

                _writer.Write('"');
                var value = fields[i].AsSpan();
                int quote;
                while ((quote = value.IndexOf('"')) >= 0)
                {
                    _writer.Write(value[..(quote + 1)]);
                    _writer.Write('"');
                    value = value[(quote + 1)..];
                }

                _writer.Write(value);
                _writer.Write('"');
            }

            _writer.WriteLine();
        }

        public void Dispose() => _writer.Dispose();
    }
}
