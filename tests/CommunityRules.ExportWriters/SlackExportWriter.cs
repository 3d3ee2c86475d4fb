using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CommunityRules.Model;

namespace CommunityRules.ExportWriters;

/// <summary>
/// Writes a network as a Slack workspace export folder: users.json, channels.json (open groups), groups.json (closed
/// and secret ones), and a folder per channel with a YYYY-MM-DD.json file per day. Person and group ids are kept as
/// Slack user and channel ids; a post's id becomes its ts (its time in microseconds, made unique in its channel), a
/// comment is a thread reply in the day file of its own time, and a bot's messages are bot_message with the bot user's
/// profile.bot_id. Text is written as Slack escapes it (&amp;amp; &amp;lt; &amp;gt;) with links in &lt;...&gt;.
/// </summary>
/// <remarks>
/// What Slack cannot hold is lost: admins (the export names no channel managers), post titles and types, accepted
/// answers, reaction times, the difference between closed and secret groups, and person fields Slack's profile lacks.
/// Text with *, _ or ~ around words reads back without them, as Slack shows it. A post in a group the network does not
/// have (a deleted group) goes, with its replies, to a folder named by the group id that no channel list names, as Slack
/// has no channel for it; the reader leaves that folder out with a note. Messages are written channel by channel and
/// day by day, straight to their files: beyond the network, the writer holds only index arrays.
/// </remarks>
public sealed class SlackExportWriter : IExportWriter
{
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Format => "slack";

    public void Write(ExportNetwork network, string folder)
    {
        ArgumentNullException.ThrowIfNull(network);
        Directory.CreateDirectory(folder);
        var bots = network.People.Where(p => p.Kind != PersonKind.Person).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        WriteUsers(network, Path.Combine(folder, "users.json"));

        var members = network.Memberships.ToLookup(m => m.GroupId, StringComparer.Ordinal);
        WriteChannels(network.Groups.Where(g => g.Privacy is null or GroupPrivacy.Open), members, Path.Combine(folder, "channels.json"));
        WriteChannels(network.Groups.Where(g => g.Privacy is GroupPrivacy.Closed or GroupPrivacy.Secret), members, Path.Combine(folder, "groups.json"));
        WriteMessages(network, folder, bots);
    }

    private static void WriteUsers(ExportNetwork network, string path)
    {
        WriteArray(path, network.People, (json, person) =>
        {
            json.WriteStartObject();
            json.WriteString("id", person.Id);
            json.WriteString("name", person.Name is null ? string.Empty : Handle(person));
            json.WriteBoolean("deleted", !person.Active);
            if (person.Name is not null)
            {
                json.WriteString("real_name", person.Name);
            }

            json.WriteBoolean("is_admin", person.Roles.Contains("workspace-admin"));
            json.WriteBoolean("is_owner", person.Roles.Contains("workspace-owner"));
            json.WriteBoolean("is_bot", person.Kind != PersonKind.Person);
            json.WriteBoolean("is_app_user", false);
            json.WriteStartObject("profile");
            json.WriteString("title", person.Title ?? string.Empty);
            if (person.Name is not null)
            {
                json.WriteString("real_name", person.Name);
            }

            json.WriteString("display_name", string.Empty);
            if (person.Email is not null)
            {
                json.WriteString("email", person.Email);
            }

            if (person.Kind != PersonKind.Person)
            {
                json.WriteString("bot_id", person.Id);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        });
    }

    private static string Handle(Person person) =>
        (person.Email is { } email && email.IndexOf('@', StringComparison.Ordinal) is > 0 and var at ? email[..at] : person.Id).ToLowerInvariant();

    private static void WriteChannels(IEnumerable<Group> groups, ILookup<string, Membership> members, string path)
    {
        WriteArray(path, groups, (json, group) =>
        {
            json.WriteStartObject();
            json.WriteString("id", group.Id);
            json.WriteString("name", group.Name ?? group.Id);
            json.WriteNumber("created", group.CreatedAt?.ToUnixTimeSeconds() ?? 0);
            json.WriteString("creator", group.CreatedBy ?? string.Empty);
            json.WriteBoolean("is_archived", group.Archived);
            json.WriteBoolean("is_general", false);
            json.WriteStartArray("members");
            foreach (var membership in members[group.Id])
            {
                json.WriteStringValue(membership.PersonId);
            }

            json.WriteEndArray();
            WriteChannelText(json, "topic", null);
            WriteChannelText(json, "purpose", group.Description);
            json.WriteEndObject();
        });
    }

    private static void WriteChannelText(Utf8JsonWriter json, string name, string? value)
    {
        json.WriteStartObject(name);
        json.WriteString("value", value is null ? string.Empty : SlackText(value));
        json.WriteString("creator", string.Empty);
        json.WriteNumber("last_set", 0);
        json.WriteEndObject();
    }

    private static void WriteMessages(ExportNetwork network, string folder, HashSet<string> bots)
    {
        var groupIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < network.Groups.Count; i++)
        {
            groupIndex.TryAdd(network.Groups[i].Id, i);
        }

        // A post in a group the network does not have (a deleted group) cannot be in a listed channel: it goes to a
        // folder named by the group's id that no channel list names, as in an export whose channel lists lack it, and
        // the reader reports the folder as left out. Dropping it here would lose it without a word.
        var unlisted = new List<string>();
        foreach (var post in network.Posts)
        {
            if (!groupIndex.ContainsKey(post.GroupId))
            {
                groupIndex.Add(post.GroupId, network.Groups.Count + unlisted.Count);
                unlisted.Add(post.GroupId);
            }
        }

        var postIndex = new Dictionary<string, int>(network.Posts.Count, StringComparer.Ordinal);
        for (var i = 0; i < network.Posts.Count; i++)
        {
            postIndex.TryAdd(network.Posts[i].Id, i);
        }

        // Every message as (group, time, kind, index), sorted into channel and time order; ts made unique per channel.
        var fallback = network.AsOf.ToUnixTimeMilliseconds() * 1000;
        var messages = new List<Message>(network.Posts.Count + network.Comments.Count);
        var replies = new int[network.Posts.Count];
        for (var i = 0; i < network.Posts.Count; i++)
        {
            if (groupIndex.TryGetValue(network.Posts[i].GroupId, out var group))
            {
                messages.Add(new Message(group, Micros(network.Posts[i].CreatedAt, fallback), false, i));
            }
        }

        for (var i = 0; i < network.Comments.Count; i++)
        {
            if (postIndex.TryGetValue(network.Comments[i].PostId, out var post) && groupIndex.TryGetValue(network.Posts[post].GroupId, out var group))
            {
                replies[post]++;
                messages.Add(new Message(group, Micros(network.Comments[i].CreatedAt, fallback), true, i));
            }
        }

        messages.Sort();
        var postTs = new long[network.Posts.Count];
        var commentTs = new long[network.Comments.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            var ts = i > 0 && messages[i - 1].Group == message.Group ? Math.Max(message.Micros, Ts(messages[i - 1], postTs, commentTs) + 1) : message.Micros;
            (message.IsComment ? commentTs : postTs)[message.Index] = ts;
        }

        var reactions = network.Reactions.ToLookup(r => r.TargetId, StringComparer.Ordinal);
        var folders = FolderNames(network.Groups, unlisted);
        var people = network.People.ToDictionary(p => p.Id, StringComparer.Ordinal);
        Utf8JsonWriter? json = null;
        FileStream? file = null;
        (int Group, DateOnly Day) current = (-1, default);
        try
        {
            foreach (var message in messages)
            {
                var ts = Ts(message, postTs, commentTs);
                var day = DateOnly.FromDateTime(DateTime.UnixEpoch.AddTicks(ts * 10));
                if (current != (message.Group, day))
                {
                    Close(json, file);
                    current = (message.Group, day);
                    var channelFolder = Path.Combine(folder, folders[message.Group]);
                    Directory.CreateDirectory(channelFolder);
                    file = File.Create(Path.Combine(channelFolder, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".json"));
                    json = new Utf8JsonWriter(file, JsonOptions);
                    json.WriteStartArray();
                }

                if (message.IsComment)
                {
                    var comment = network.Comments[message.Index];
                    var post = postIndex[comment.PostId];
                    WriteMessage(json!, comment.AuthorId, comment.Text, ts, postTs[post], network.Posts[post].AuthorId, 0, reactions[comment.Id], bots, people);
                }
                else
                {
                    var post = network.Posts[message.Index];
                    WriteMessage(json!, post.AuthorId, post.Text, ts, replies[message.Index] > 0 ? ts : null, null, replies[message.Index], reactions[post.Id], bots, people);
                }
            }
        }
        finally
        {
            Close(json, file);
        }
    }

    private static void WriteMessage(Utf8JsonWriter json, string? authorId, string? text, long ts, long? threadTs, string? parentUser, int replyCount, IEnumerable<Reaction> reactions, HashSet<string> bots, Dictionary<string, Person> people)
    {
        json.WriteStartObject();
        json.WriteString("type", "message");
        if (authorId is null && text is null)
        {
            // A post whose author and text are gone is what Slack shows for a deleted thread starter.
            json.WriteString("subtype", "tombstone");
            json.WriteString("user", "USLACKBOT");
            json.WriteString("text", "This message was deleted.");
        }
        else
        {
            if (authorId is not null && bots.Contains(authorId))
            {
                json.WriteString("subtype", "bot_message");
                json.WriteString("bot_id", authorId);
                json.WriteString("username", people.TryGetValue(authorId, out var bot) ? bot.Name ?? authorId : authorId);
            }
            else if (authorId is not null)
            {
                json.WriteString("user", authorId);
            }

            json.WriteString("text", text is null ? string.Empty : SlackText(text));
        }

        json.WriteString("ts", FormatTs(ts));
        if (threadTs is { } thread)
        {
            json.WriteString("thread_ts", FormatTs(thread));
        }

        if (replyCount > 0)
        {
            json.WriteNumber("reply_count", replyCount);
        }

        if (parentUser is not null)
        {
            json.WriteString("parent_user_id", parentUser);
        }

        var byEmoji = reactions.GroupBy(r => r.Type ?? "+1", StringComparer.Ordinal).ToList();
        if (byEmoji.Count > 0)
        {
            json.WriteStartArray("reactions");
            foreach (var emoji in byEmoji)
            {
                json.WriteStartObject();
                json.WriteString("name", emoji.Key);
                json.WriteStartArray("users");
                var count = 0;
                foreach (var reaction in emoji)
                {
                    json.WriteStringValue(reaction.PersonId);
                    count++;
                }

                json.WriteEndArray();
                json.WriteNumber("count", count);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    /// <summary>Escapes text as Slack does and puts its links in angle brackets, as Slack stores them.</summary>
    internal static string SlackText(string text)
    {
        var escaped = text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
        var output = new StringBuilder(escaped.Length + 8);
        var i = 0;
        while (i < escaped.Length)
        {
            var atWordStart = i == 0 || char.IsWhiteSpace(escaped[i - 1]);
            if (atWordStart && (escaped.AsSpan(i).StartsWith("https://", StringComparison.Ordinal) || escaped.AsSpan(i).StartsWith("http://", StringComparison.Ordinal)))
            {
                var end = i;
                while (end < escaped.Length && !char.IsWhiteSpace(escaped[end]))
                {
                    end++;
                }

                output.Append('<').Append(escaped, i, end - i).Append('>');
                i = end;
                continue;
            }

            output.Append(escaped[i++]);
        }

        return output.ToString();
    }

    private static string[] FolderNames(List<Group> groups, List<string> unlisted)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var invalid = Path.GetInvalidFileNameChars().Concat(['/', '\\', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var names = new string[groups.Count + unlisted.Count];
        for (var i = 0; i < groups.Count; i++)
        {
            // Slack names the folder by the channel; a name that cannot be a folder name (or clashes) uses the id.
            var name = groups[i].Name;
            names[i] = name is { Length: > 0 } && name is not ("." or "..") && !name.Any(invalid.Contains) && used.Add(name) ? name
                : used.Add(groups[i].Id) ? groups[i].Id
                : throw new NotSupportedException($"Group '{groups[i].Id}' has an id that cannot be a folder name.");
        }

        for (var i = 0; i < unlisted.Count; i++)
        {
            var id = unlisted[i];
            names[groups.Count + i] = id.Length > 0 && id is not ("." or "..") && !id.Any(invalid.Contains) && used.Add(id) ? id
                : throw new NotSupportedException($"Group '{id}', which the network does not have, has an id that cannot be a folder name.");
        }

        return names;
    }

    private static long Micros(DateTimeOffset? time, long fallback) =>
        time is { } t ? (t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10 : fallback;

    private static long Ts(Message message, long[] postTs, long[] commentTs) => (message.IsComment ? commentTs : postTs)[message.Index];

    private static string FormatTs(long micros) =>
        string.Create(CultureInfo.InvariantCulture, $"{micros / 1_000_000}.{micros % 1_000_000:D6}");

    private static void WriteArray<T>(string path, IEnumerable<T> items, Action<Utf8JsonWriter, T> write)
    {
        using var file = File.Create(path);
        using var json = new Utf8JsonWriter(file, JsonOptions);
        json.WriteStartArray();
        foreach (var item in items)
        {
            write(json, item);
        }

        json.WriteEndArray();
    }

    private static void Close(Utf8JsonWriter? json, FileStream? file)
    {
        if (json is not null)
        {
            json.WriteEndArray();
            json.Dispose();
        }

        file?.Dispose();
    }

    private readonly record struct Message(int Group, long Micros, bool IsComment, int Index) : IComparable<Message>
    {
        public int CompareTo(Message other) =>
            Group != other.Group ? Group.CompareTo(other.Group)
            : Micros != other.Micros ? Micros.CompareTo(other.Micros)
            : IsComment != other.IsComment ? IsComment.CompareTo(other.IsComment)
            : Index.CompareTo(other.Index);
    }
}
