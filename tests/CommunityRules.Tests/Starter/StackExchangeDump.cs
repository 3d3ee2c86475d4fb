using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CommunityRules.ExportWriters;
using CommunityRules.Model;

namespace CommunityRules.Tests.Starter;

/// <summary>
/// A test-only converter of a Stack Exchange data dump (Users.xml, Posts.xml, Comments.xml) to a network: each tag is a
/// group; each question is a post in each of its tags' groups (the first tag's copy carries the thread); answers and
/// comments are comments on the question, a comment on an answer replying to it. The dump names no members, admins,
/// creators or descriptions, so the network has none, like a real export that lacks them.
/// </summary>
internal static partial class StackExchangeDump
{
    /// <summary>The trimmed History Meta dump kept with the tests (CC BY-SA, see its LICENSE-NOTE.txt).</summary>
    public static string HistoryMeta => Path.Combine(AppContext.BaseDirectory, "TestData", "Exports", "stackexchange", "history-meta");

    /// <summary>The day after the dump's last post, the moment it was taken.</summary>
    public static readonly DateTimeOffset AsOf = new(2018, 8, 30, 0, 0, 0, TimeSpan.Zero);

    public static ExportNetwork Read(string folder)
    {
        var network = new ExportNetwork { Name = "History Meta (Stack Exchange)", AsOf = AsOf };
        foreach (var user in Rows(folder, "Users.xml"))
        {
            var id = (string)user.Attribute("Id")!;
            network.People.Add(new Person { Id = "u" + id, Name = (string?)user.Attribute("DisplayName"), Kind = id == "-1" ? PersonKind.System : PersonKind.Person });
        }

        var posts = Rows(folder, "Posts.xml").ToList();
        var questions = new Dictionary<string, XElement>(StringComparer.Ordinal);
        var parentOfAnswer = new Dictionary<string, string>(StringComparer.Ordinal);
        var tagFirstUse = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var tagOrder = new List<string>();
        foreach (var post in posts)
        {
            var id = (string)post.Attribute("Id")!;
            if ((string?)post.Attribute("PostTypeId") == "2")
            {
                parentOfAnswer[id] = (string)post.Attribute("ParentId")!;
                continue;
            }

            questions[id] = post;
            var created = Date(post, "CreationDate");
            var tags = Tags(post);
            foreach (var tag in tags)
            {
                if (!tagFirstUse.TryGetValue(tag, out var first))
                {
                    tagOrder.Add(tag);
                    tagFirstUse[tag] = created;
                }
                else if (created < first)
                {
                    tagFirstUse[tag] = created;
                }

                network.Posts.Add(new Post
                {
                    Id = tag == tags[0] ? "q" + id : $"q{id}/{tag}",
                    GroupId = tag,
                    AuthorId = Author(post, "OwnerUserId"),
                    CreatedAt = created,
                    Type = PostType.Question,
                    Title = (string?)post.Attribute("Title"),
                    Text = Text((string?)post.Attribute("Body")),
                });
            }
        }

        network.Groups.AddRange(tagOrder.Select(tag => new Model.Group { Id = tag, Name = tag, CreatedAt = tagFirstUse[tag], Privacy = GroupPrivacy.Open }));

        foreach (var post in posts.Where(post => (string?)post.Attribute("PostTypeId") == "2"))
        {
            var id = (string)post.Attribute("Id")!;
            var parent = (string)post.Attribute("ParentId")!;
            if (!questions.TryGetValue(parent, out var question) || Tags(question).Count == 0)
            {
                continue;
            }

            network.Comments.Add(new Comment
            {
                Id = "a" + id,
                PostId = "q" + parent,
                AuthorId = Author(post, "OwnerUserId"),
                CreatedAt = Date(post, "CreationDate"),
                Text = Text((string?)post.Attribute("Body")),
                AcceptedAnswer = (string?)question.Attribute("AcceptedAnswerId") == id,
            });
        }

        foreach (var comment in Rows(folder, "Comments.xml"))
        {
            var on = (string)comment.Attribute("PostId")!;
            var onAnswer = parentOfAnswer.TryGetValue(on, out var question);
            question ??= on;
            if (!questions.TryGetValue(question, out var asked) || Tags(asked).Count == 0)
            {
                continue;
            }

            network.Comments.Add(new Comment
            {
                Id = "c" + (string)comment.Attribute("Id")!,
                PostId = "q" + question,
                ParentId = onAnswer ? "a" + on : null,
                AuthorId = Author(comment, "UserId"),
                CreatedAt = Date(comment, "CreationDate"),
                Text = (string?)comment.Attribute("Text"),
            });
        }

        return network;
    }

    /// <summary>Writes the network as a snapshot folder without memberships or reactions: the dump has neither.</summary>
    public static void WriteSnapshot(ExportNetwork network, string folder)
    {
        new SnapshotExportWriter().Write(network, folder);
        File.Delete(Path.Combine(folder, "memberships.jsonl"));
        File.Delete(Path.Combine(folder, "reactions.jsonl"));
    }

    private static IEnumerable<XElement> Rows(string folder, string file) => XDocument.Load(Path.Combine(folder, file)).Root!.Elements("row");

    private static List<string> Tags(XElement post) =>
        [.. TagPattern().Matches((string?)post.Attribute("Tags") ?? string.Empty).Select(match => match.Groups[1].Value)];

    private static string? Author(XElement row, string attribute) => (string?)row.Attribute(attribute) is { } id ? "u" + id : null;

    private static DateTimeOffset Date(XElement row, string attribute) =>
        DateTimeOffset.Parse((string)row.Attribute(attribute)!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static string? Text(string? html) => html is null ? null : WebUtility.HtmlDecode(HtmlTag().Replace(html, " ")).Trim();

    [GeneratedRegex("<([^>]+)>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex HtmlTag();
}
