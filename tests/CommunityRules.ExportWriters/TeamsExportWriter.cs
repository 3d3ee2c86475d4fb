using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CommunityRules.Model;
using Group = CommunityRules.Model.Group;

namespace CommunityRules.ExportWriters;

/// <summary>
/// Writes a network as a Teams export saved from Microsoft Graph (docs/providers/teams.md): users.json, groups.json,
/// and per team owners.json, members.json, channels.json and each channel's messages.json with HTML bodies. Every
/// collection of two or more items is split over pages linked by @odata.nextLink (larger ones in pages of
/// <see cref="PageSize"/>). Questions go to a second channel, so a team's posts come from two channels; every other
/// thread's replies are saved apart (messages/{id}/replies.json) and the rest inline, as $expand=replies gives them;
/// each channel starts with a system event message, as Graph lists them. Bots are apps: service principals among the
/// members, <c>from.application</c> on their messages.
/// </summary>
public sealed partial class TeamsExportWriter : IExportWriter
{
    private const string Graph = "https://graph.microsoft.com/v1.0";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Format => "teams";

    /// <summary>Gets the most items a page holds.</summary>
    public int PageSize { get; init; } = 50;

    public void Write(ExportNetwork network, string folder)
    {
        Directory.CreateDirectory(folder);
        var people = network.People.ToDictionary(person => person.Id, StringComparer.Ordinal);
        WritePages(folder, "users", $"{Graph}/users", [.. network.People.Where(person => person.Kind == PersonKind.Person).Select(User)]);
        WritePages(folder, "groups", $"{Graph}/groups", [.. network.Groups.Select(GroupObject)]);

        var postsByGroup = network.Posts.ToLookup(post => post.GroupId, StringComparer.Ordinal);
        var commentsByPost = network.Comments.ToLookup(comment => comment.PostId, StringComparer.Ordinal);
        var reactionsByTarget = network.Reactions.ToLookup(reaction => reaction.TargetId, StringComparer.Ordinal);
        for (var index = 0; index < network.Groups.Count; index++)
        {
            var group = network.Groups[index];
            var team = Path.Combine(folder, "teams", Uri.EscapeDataString(group.Id));
            Directory.CreateDirectory(team);
            var members = network.Memberships.Where(m => m.GroupId == group.Id && people.ContainsKey(m.PersonId)).ToList();
            WritePages(team, "owners", $"{Graph}/groups/{group.Id}/owners", [.. members.Where(m => m.Role == MembershipRole.Admin).Select(m => Member(people[m.PersonId]))]);

            // Graph lists the owners among the members too.
            WritePages(team, "members", $"{Graph}/groups/{group.Id}/members", [.. members.Select(m => Member(people[m.PersonId]))]);

            var channels = new[]
            {
                (Id: string.Create(CultureInfo.InvariantCulture, $"19:{index:D4}general@thread.tacv2"), Name: "General", Posts: postsByGroup[group.Id].Where(p => p.Type != PostType.Question).ToList()),
                (Id: string.Create(CultureInfo.InvariantCulture, $"19:{index:D4}questions@thread.tacv2"), Name: "Frågor & svar", Posts: postsByGroup[group.Id].Where(p => p.Type == PostType.Question).ToList()),
            };
            WritePages(team, "channels", $"{Graph}/teams/{group.Id}/channels", [.. channels.Select(c => new JsonObject { ["id"] = c.Id, ["displayName"] = c.Name, ["membershipType"] = "standard" })]);
            foreach (var channel in channels)
            {
                var channelFolder = Path.Combine(team, "channels", Uri.EscapeDataString(channel.Id));
                Directory.CreateDirectory(channelFolder);
                var url = $"{Graph}/teams/{group.Id}/channels/{channel.Id}/messages";
                var messages = new List<JsonNode> { SystemEvent(group, channel.Id) };
                var threadsWithReplies = 0;
                foreach (var post in channel.Posts)
                {
                    var message = Message(post.Id, null, post.AuthorId, post.CreatedAt, post.Title, post.Text, people, reactionsByTarget[post.Id], group.Id, channel.Id);
                    var replies = commentsByPost[post.Id].Select(c => Message(c.Id, post.Id, c.AuthorId, c.CreatedAt, null, c.Text, people, reactionsByTarget[c.Id], group.Id, channel.Id)).ToList();
                    if (replies.Count > 0 && threadsWithReplies++ % 2 == 0)
                    {
                        var repliesFolder = Path.Combine(channelFolder, "messages", Uri.EscapeDataString(post.Id));
                        Directory.CreateDirectory(repliesFolder);
                        WritePages(repliesFolder, "replies", $"{url}/{post.Id}/replies", [.. replies]);
                        message["replies"] = new JsonArray();
                    }
                    else
                    {
                        message["replies"] = new JsonArray([.. replies]);
                    }

                    messages.Add(message);
                }

                WritePages(channelFolder, "messages", url, messages);
            }
        }
    }

    private void WritePages(string folder, string name, string url, List<JsonNode> items)
    {
        var pageSize = items.Count is > 1 and <= 50 ? Math.Min(PageSize, (items.Count + 1) / 2) : PageSize;
        var pageCount = Math.Max(1, (items.Count + pageSize - 1) / pageSize);
        for (var page = 1; page <= pageCount; page++)
        {
            var json = new JsonObject { ["@odata.context"] = $"{Graph}/$metadata#{name}" };
            if (page < pageCount)
            {
                // Graph puts the link to the next page before the items.
                json["@odata.nextLink"] = string.Create(CultureInfo.InvariantCulture, $"{url}?$skiptoken=page{page + 1}");
            }

            json["value"] = new JsonArray([.. items.Skip((page - 1) * pageSize).Take(pageSize).Select(item => item.DeepClone())]);
            var file = page == 1 ? $"{name}.json" : string.Create(CultureInfo.InvariantCulture, $"{name}-{page}.json");
            File.WriteAllText(Path.Combine(folder, file), json.ToJsonString(Options));
        }
    }

    private static JsonObject User(Person person) => new()
    {
        ["@odata.type"] = "#microsoft.graph.user",
        ["id"] = person.Id,
        ["displayName"] = person.Name,
        ["mail"] = person.Email,
        ["userPrincipalName"] = person.Email,
        ["jobTitle"] = person.Title,
        ["department"] = person.Department,
        ["companyName"] = person.Company,
        ["officeLocation"] = person.Office,
        ["country"] = person.Country,
        ["accountEnabled"] = person.Active,
        ["businessPhones"] = new JsonArray(),
    };

    // A member as Graph lists it: a user without accountEnabled (not selected there), or an app's service principal.
    private static JsonObject Member(Person person) => person.Kind == PersonKind.Person
        ? new JsonObject { ["@odata.type"] = "#microsoft.graph.user", ["id"] = person.Id, ["displayName"] = person.Name, ["mail"] = person.Email, ["jobTitle"] = person.Title }
        : new JsonObject { ["@odata.type"] = "#microsoft.graph.servicePrincipal", ["id"] = person.Id, ["displayName"] = person.Name, ["appId"] = "00000000-0000-0000-0000-000000000000" };

    private static JsonObject GroupObject(Group group) => new()
    {
        ["id"] = group.Id,
        ["displayName"] = group.Name,
        ["description"] = group.Description,
        ["mailNickname"] = group.Name,
        ["visibility"] = group.Privacy switch
        {
            GroupPrivacy.Open => "Public",
            GroupPrivacy.Closed => "Private",
            GroupPrivacy.Secret => "HiddenMembership",
            _ => null,
        },
        ["createdDateTime"] = Date(group.CreatedAt),
        ["renewedDateTime"] = Date(group.CreatedAt),
        ["expirationDateTime"] = null,
        ["resourceProvisioningOptions"] = new JsonArray("Team"),
    };

    private static JsonObject SystemEvent(Group group, string channelId) => new()
    {
        ["id"] = "0000000000001",
        ["replyToId"] = null,
        ["messageType"] = "systemEventMessage",
        ["createdDateTime"] = Date(group.CreatedAt),
        ["deletedDateTime"] = null,
        ["from"] = null,
        ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = "<systemEventMessage/>" },
        ["channelIdentity"] = new JsonObject { ["teamId"] = group.Id, ["channelId"] = channelId },
        ["attachments"] = new JsonArray(),
        ["mentions"] = new JsonArray(),
        ["reactions"] = new JsonArray(),
        ["eventDetail"] = new JsonObject { ["@odata.type"] = "#microsoft.graph.channelAddedEventMessageDetail", ["channelId"] = channelId },
    };

    private static JsonObject Message(string id, string? replyToId, string? authorId, DateTimeOffset? createdAt, string? subject, string? text, Dictionary<string, Person> people, IEnumerable<Reaction> reactions, string teamId, string channelId)
    {
        var author = authorId is not null && people.TryGetValue(authorId, out var person) ? person : null;
        var identity = new JsonObject { ["id"] = authorId, ["displayName"] = author?.Name };
        return new JsonObject
        {
            ["id"] = id,
            ["replyToId"] = replyToId,
            ["etag"] = id,
            ["messageType"] = "message",
            ["createdDateTime"] = Date(createdAt),
            ["lastModifiedDateTime"] = Date(createdAt),
            ["lastEditedDateTime"] = null,
            ["deletedDateTime"] = null,
            ["subject"] = subject,
            ["summary"] = null,
            ["chatId"] = null,
            ["importance"] = "normal",
            ["locale"] = "en-us",
            ["webUrl"] = $"https://teams.microsoft.com/l/message/{Uri.EscapeDataString(channelId)}/{id}",
            ["channelIdentity"] = new JsonObject { ["teamId"] = teamId, ["channelId"] = channelId },
            ["from"] = authorId is null ? null : author?.Kind == PersonKind.Bot
                ? new JsonObject { ["application"] = identity.AddType("applicationIdentityType", "bot"), ["device"] = null, ["user"] = null }
                : new JsonObject { ["application"] = null, ["device"] = null, ["user"] = identity.AddType("userIdentityType", "aadUser") },
            ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = Html(text ?? string.Empty) },
            ["attachments"] = new JsonArray(),
            ["mentions"] = new JsonArray(),
            ["reactions"] = new JsonArray([.. reactions.Select(r => (JsonNode)new JsonObject
            {
                ["reactionType"] = r.Type,
                ["displayName"] = r.Type,
                ["createdDateTime"] = Date(r.CreatedAt),
                ["user"] = new JsonObject
                {
                    ["application"] = null,
                    ["device"] = null,
                    ["user"] = new JsonObject { ["id"] = r.PersonId, ["displayName"] = null, ["userIdentityType"] = "aadUser" },
                },
            })]),
        };
    }

    // A body as Teams writes it: a paragraph, lines joined by <br>, entities for markup characters, addresses as links.
    private static string Html(string text) =>
        "<p>" + string.Join("<br>", text.Split('\n').Select(line => Address().Replace(WebUtility.HtmlEncode(line), match => $"<a href=\"{match.Value}\" rel=\"noreferrer noopener\" target=\"_blank\" title=\"{match.Value}\">{match.Value}</a>"))) + "</p>";

    private static string? Date(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"https?://[^\s<>""&]*[^\s<>""&.,;:!?)]")]
    private static partial Regex Address();
}

internal static class JsonObjectExtensions
{
    public static JsonObject AddType(this JsonObject identity, string name, string value)
    {
        identity[name] = value;
        return identity;
    }
}
