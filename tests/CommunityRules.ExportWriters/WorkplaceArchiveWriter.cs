using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CommunityRules.Model;
using Group = CommunityRules.Model.Group;

namespace CommunityRules.ExportWriters;

/// <summary>
/// Writes a network as a Workplace from Meta archive, laid out as docs/providers/workplace.md describes: Graph API
/// pages of members, groups, group admins and members, feeds split over several pages, and comments and reactions
/// saved as files per post. The model's ids are kept as the Graph ids.
/// </summary>
public sealed partial class WorkplaceArchiveWriter : IExportWriter
{
    // Small pages, so the reader's page order is exercised: feed.json, feed-2.json, ...
    private const int PageSize = 2;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public string Format => "workplace";

    public void Write(ExportNetwork network, string folder)
    {
        Directory.CreateDirectory(folder);
        var names = network.People.ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal);
        Save(Path.Combine(folder, "export.json"), new JsonObject { ["name"] = network.Name, ["exported_time"] = Time(network.AsOf) });

        // Workplace has people and integrations' bot pages; it has no system accounts to write.
        WritePages(folder, "members", network.People.Where(p => p.Kind == PersonKind.Person).Select(Member));
        WritePages(folder, "bots", network.People.Where(p => p.Kind == PersonKind.Bot).Select(p => new JsonObject { ["id"] = p.Id, ["name"] = p.Name }));
        WritePages(folder, "groups", network.Groups.Select(g => Group(g, names)));

        foreach (var group in network.Groups)
        {
            var groupFolder = Path.Combine(folder, "groups", group.Id);
            var members = network.Memberships.Where(m => m.GroupId == group.Id).ToList();
            WritePages(groupFolder, "admins", members.Where(m => m.Role == MembershipRole.Admin).Select(m => Profile(m.PersonId, names)));

            // As the Graph API does: the members listing holds the admins too, flagged.
            WritePages(groupFolder, "members", members.Select(m => WithAdministrator(Profile(m.PersonId, names), m.Role == MembershipRole.Admin)));

            var posts = network.Posts.Where(p => p.GroupId == group.Id).OrderByDescending(p => p.CreatedAt).ToList();
            WritePages(groupFolder, "feed", posts.Select(p => Post(p, names)));
            foreach (var post in posts)
            {
                var postFolder = Path.Combine(groupFolder, "posts", post.Id);
                var comments = network.Comments.Where(c => c.PostId == post.Id).ToList();
                WriteIfAny(postFolder, "comments", comments.Select(c => Comment(c, names)));
                WriteIfAny(postFolder, "reactions", Reactions(network, post.Id, names));
                foreach (var comment in comments)
                {
                    WriteIfAny(Path.Combine(postFolder, "comments", comment.Id), "reactions", Reactions(network, comment.Id, names));
                }
            }
        }
    }

    private static JsonObject Member(Person person) => new()
    {
        ["id"] = person.Id,
        ["name"] = person.Name,
        ["email"] = person.Email,
        ["title"] = person.Title,
        ["department"] = person.Department,
        ["organization"] = person.Company,
        ["active"] = person.Active,
    };

    private static JsonObject Group(Group group, Dictionary<string, string?> names)
    {
        var json = new JsonObject
        {
            ["id"] = group.Id,
            ["name"] = group.Name,
            ["description"] = group.Description,
            ["privacy"] = group.Privacy?.ToString().ToUpperInvariant(),
            ["archived"] = group.Archived,
        };
        if (group.CreatedBy is not null)
        {
            json["owner"] = Profile(group.CreatedBy, names);
        }

        if (group.CreatedAt is { } created)
        {
            json["created_time"] = Time(created);
        }

        return json;
    }

    private static JsonObject Post(Post post, Dictionary<string, string?> names)
    {
        var json = new JsonObject { ["id"] = post.Id, ["message"] = post.Text, ["type"] = "status", ["formatting"] = "PLAINTEXT" };
        if (post.AuthorId is not null)
        {
            json["from"] = Profile(post.AuthorId, names);
        }

        if (post.CreatedAt is { } created)
        {
            json["created_time"] = Time(created);
            json["updated_time"] = Time(created);
        }

        // A shared link is also in the message, as Workplace shows it; the reader must not add it twice.
        if (post.Text is not null && Url().Match(post.Text) is { Success: true } url)
        {
            json["type"] = "link";
            json["link"] = url.Value;
        }

        if (post.Type == PostType.Poll)
        {
            json["poll"] = new JsonObject { ["id"] = post.Id + "-poll" };
        }

        return json;
    }

    private static JsonObject Comment(Comment comment, Dictionary<string, string?> names)
    {
        var json = new JsonObject { ["id"] = comment.Id, ["message"] = comment.Text };
        if (comment.AuthorId is not null)
        {
            json["from"] = Profile(comment.AuthorId, names);
        }

        if (comment.CreatedAt is { } created)
        {
            json["created_time"] = Time(created);
        }

        if (comment.ParentId is not null)
        {
            json["parent"] = new JsonObject { ["id"] = comment.ParentId };
        }

        return json;
    }

    private static IEnumerable<JsonObject> Reactions(ExportNetwork network, string targetId, Dictionary<string, string?> names) =>
        network.Reactions.Where(r => r.TargetId == targetId)
            .Select(r => WithType(Profile(r.PersonId, names), (r.Type ?? "like").ToUpperInvariant()));

    private static JsonObject Profile(string id, Dictionary<string, string?> names) =>
        new() { ["id"] = id, ["name"] = names.GetValueOrDefault(id) };

    private static JsonObject WithAdministrator(JsonObject json, bool administrator)
    {
        json["administrator"] = administrator;
        return json;
    }

    private static JsonObject WithType(JsonObject json, string type)
    {
        json["type"] = type;
        return json;
    }

    private static string Time(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+0000'", CultureInfo.InvariantCulture);

    private static void WriteIfAny(string folder, string name, IEnumerable<JsonObject> items)
    {
        var list = items.ToList();
        if (list.Count > 0)
        {
            WritePages(folder, name, list);
        }
    }

    // Always at least page 1, as a script saves an empty feed too.
    private static void WritePages(string folder, string name, IEnumerable<JsonObject> items)
    {
        Directory.CreateDirectory(folder);
        var chunks = items.Chunk(PageSize).ToList();
        if (chunks.Count == 0)
        {
            chunks.Add([]);
        }

        for (var i = 0; i < chunks.Count; i++)
        {
            var page = new JsonObject { ["data"] = new JsonArray([.. chunks[i]]) };
            if (i + 1 < chunks.Count)
            {
                page["paging"] = new JsonObject { ["cursors"] = new JsonObject { ["after"] = $"page{i + 2}" }, ["next"] = $"https://graph.example/{name}?after=page{i + 2}" };
            }

            Save(Path.Combine(folder, i == 0 ? name + ".json" : $"{name}-{i + 1}.json"), page);
        }
    }

    private static void Save(string file, JsonNode json) => File.WriteAllText(file, json.ToJsonString(Indented));

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();
}
