using System.Runtime.CompilerServices;
using System.Text;
using CommunityRules.Data.Archives;
using CommunityRules.Model;

namespace CommunityRules.Data.Slack;

/// <summary>
/// Reads a Slack export (a folder or its .zip): people from <c>users.json</c>, public and private channels with their
/// members from <c>channels.json</c> and <c>groups.json</c>, and messages from each channel's day files. A thread's
/// first message is a post and its replies are comments; reactions say who, not when.
/// </summary>
/// <remarks>
/// The day files are read one message at a time in up to four passes, in the engine's order: bots that users.json
/// lacks (with the people), posts, comments, reactions. Each pass opens a day file once and reads it into a pooled
/// buffer, 64 KB at a time (most day files in one read). What is held grows with the people and the channels' members
/// (<see cref="SlackExportIndex"/>), with the day files (four bytes each for their days, one byte each for
/// <see cref="DayFileFacts"/>) and with the bots found; never with the messages, reactions or threads. The time grows
/// with the number of day files opened: on an export of many small day files, opening them is most of it.
/// </remarks>
internal sealed class SlackExportProvider : INetworkProvider
{
    // Messages Slack writes about the channel rather than in it; they are counted and left out.
    private static readonly HashSet<string> EventSubtypes = new(StringComparer.Ordinal)
    {
        "channel_join", "channel_leave", "group_join", "group_leave", "channel_topic", "channel_purpose", "channel_name",
        "channel_archive", "channel_unarchive", "group_topic", "group_purpose", "group_name", "group_archive",
        "group_unarchive", "pinned_item", "unpinned_item", "bot_add", "bot_remove", "bot_enable", "bot_disable",
        "channel_convert_to_private", "channel_convert_to_public", "channel_posting_permissions", "app_conversation_join",
        "app_conversation_leave", "joiner_notification", "reminder_add", "sh_room_created", "message_deleted",
        "message_changed", "ekm_access_denied", "channel_canvas_updated",
    };

    private static readonly byte[] BotIdField = "\"bot_id\""u8.ToArray();
    private static readonly byte[] ThreadTsField = "\"thread_ts\""u8.ToArray();
    private static readonly byte[] ReactionsField = "\"reactions\""u8.ToArray();

    private readonly SlackExportOptions _options;
    private SlackExportIndex? _index;

    // What the last whole posts pass saw in each day file, so the comments and reactions passes open only the files
    // that hold replies or reactions; null until a posts pass has read every file. One byte per day file.
    private DayFileFacts[]? _facts;

    /// <summary>Initializes a new instance of the <see cref="SlackExportProvider"/> class.</summary>
    /// <param name="path">The export's folder or .zip file.</param>
    /// <param name="options">How the export is read.</param>
    /// <exception cref="DataSourceException">The path is missing, unreadable or not a Slack export.</exception>
    public SlackExportProvider(string path, SlackExportOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(options);
        using (var archive = ExportArchive.Open(path))
        {
            if (!archive.Contains(SlackExportIndex.ChannelsFile) || !(archive.Contains(SlackExportIndex.UsersFile) || archive.Contains(SlackExportIndex.OrgUsersFile)))
            {
                throw new DataSourceException($"'{path}' is not a Slack export: it has no {SlackExportIndex.ChannelsFile} and {SlackExportIndex.UsersFile} (or {SlackExportIndex.OrgUsersFile}) at its top level. Pass the folder or .zip file that Slack's export gave, unchanged.");
            }
        }

        ExportPath = path;
        _options = options;
    }

    /// <summary>Gets the export's folder or .zip file.</summary>
    public string ExportPath { get; }

    /// <inheritdoc/>
    public string Description => ExportPath;

    /// <inheritdoc/>
    /// <remarks>
    /// Channel members, who left (deleted accounts), who created each channel and who reacted with which emoji. Not
    /// who runs a channel: the export names no channel managers, and its creator may long since have handed it on.
    /// </remarks>
    public DataCapabilities Capabilities =>
        DataCapabilities.Memberships | DataCapabilities.Departures | DataCapabilities.GroupCreators | DataCapabilities.Reactions
        | (_options.ChannelCreatorsAreAdmins ? DataCapabilities.Admins : DataCapabilities.None);

    /// <inheritdoc/>
    public ValueTask<NetworkManifest?> ReadManifestAsync(CancellationToken cancellationToken) => ValueTask.FromResult<NetworkManifest?>(null);

    /// <inheritdoc/>
    public async IAsyncEnumerable<Person> ReadPeopleAsync(IDataIssueReporter issues, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issues);
        var index = await GetIndexAsync(cancellationToken).ConfigureAwait(false);
        index.PeopleIssues.ForEach(issues.Report);
        foreach (var person in index.People)
        {
            yield return person;
        }

        // A bot_message names a bot_id that users.json may not have (integrations, webhooks); the bot becomes a person
        // record of kind bot, so its messages have a known author. This pass keeps only the bots' ids and names.
        var bots = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var at in ReadMessagesAsync(index, issues: null, DayFileFacts.None, BotIdField, cancellationToken).ConfigureAwait(false))
        {
            var message = at.Message;
            if (Classify(message, out _) is MessageKind.Post or MessageKind.Reply
                && message.User is null && message.Comment?.User is null && message.BotId is { Length: > 0 } botId
                && index.UserForBot(botId) is null && !index.HasPerson(botId) && bots.Add(botId))
            {
                yield return new Person
                {
                    Id = botId,
                    Name = SlackExportIndex.NonBlank(message.Username) ?? SlackExportIndex.NonBlank(message.BotProfile?.Name) ?? botId,
                    Kind = PersonKind.Bot,
                };
            }
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<Group> ReadGroupsAsync(IDataIssueReporter issues, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issues);
        var index = await GetIndexAsync(cancellationToken).ConfigureAwait(false);
        index.ChannelIssues.ForEach(issues.Report);
        index.ChannelNotes.ForEach(issues.Report);
        foreach (var info in index.Channels)
        {
            var channel = info.Channel;
            yield return new Group
            {
                Id = info.Id,
                Name = channel.Name,
                Description = Markup(channel.Purpose?.Value, index) ?? Markup(channel.Topic?.Value, index),
                Privacy = info.IsPrivate ? _options.PrivateChannelPrivacy : GroupPrivacy.Open,
                CreatedAt = SlackTimestamp.FromSeconds(channel.Created),
                CreatedBy = SlackExportIndex.NonBlank(channel.Creator),
                Archived = channel.IsArchived == true,
            };
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<Membership> ReadMembershipsAsync(IDataIssueReporter issues, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var index = await GetIndexAsync(cancellationToken).ConfigureAwait(false);
        foreach (var info in index.Channels)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var admin = _options.ChannelCreatorsAreAdmins ? SlackExportIndex.NonBlank(info.Channel.Creator) : null;
            foreach (var member in info.Channel.Members ?? [])
            {
                if (!string.IsNullOrWhiteSpace(member) && seen.Add(member))
                {
                    yield return new Membership { GroupId = info.Id, PersonId = member, Role = member == admin ? MembershipRole.Admin : MembershipRole.Member };
                }
            }

            // A creator who has left the channel (or the company) is still the one it was left to.
            if (admin is not null && seen.Add(admin))
            {
                yield return new Membership { GroupId = info.Id, PersonId = admin, Role = MembershipRole.Admin };
            }
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<Post> ReadPostsAsync(IDataIssueReporter issues, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issues);
        var index = await GetIndexAsync(cancellationToken).ConfigureAwait(false);
        long events = 0, tombstones = 0;
        var facts = new DayFileFacts[index.DayFileCount];
        await foreach (var at in ReadMessagesAsync(index, issues, DayFileFacts.None, onlyIfContains: null, cancellationToken).ConfigureAwait(false))
        {
            var message = at.Message;
            var kind = Classify(message, out var time);
            facts[at.DayFile] |= (kind == MessageKind.Reply ? DayFileFacts.Replies : DayFileFacts.None)
                | (message.Reactions is { Length: > 0 } ? DayFileFacts.Reactions : DayFileFacts.None);
            switch (kind)
            {
                case MessageKind.Event:
                    events++;
                    break;
                case MessageKind.NoTime:
                    issues.Report(new DataIssue(DataIssueKind.MalformedRecord, at.Source, at.Line, $"message {at.Index + 1} has no valid 'ts' (its time, which is also its identifier), so it was left out"));
                    break;
                case MessageKind.Tombstone:
                    // The thread happened; its replies need their post, even if the first message is gone.
                    tombstones++;
                    yield return new Post { Id = MessageId(at.Channel, message.Ts!), GroupId = at.Channel.Id, CreatedAt = time };
                    break;
                case MessageKind.Post:
                    yield return new Post { Id = MessageId(at.Channel, message.Ts!), GroupId = at.Channel.Id, AuthorId = AuthorOf(message, index), CreatedAt = time, Text = TextOf(message, index) };
                    break;
            }
        }

        _facts = facts;
        if (events > 0)
        {
            issues.Report(new DataNote($"Left out {SlackExportIndex.Count(events, "join, leave and channel-change event")}: they are not conversation.") { Source = ExportPath });
        }

        if (tombstones > 0)
        {
            issues.Report(new DataNote($"Read {SlackExportIndex.Count(tombstones, "deleted first message")} of a thread ('This message was deleted.') as posts without author or text, so their replies keep their thread.") { Source = ExportPath });
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<Comment> ReadCommentsAsync(IDataIssueReporter issues, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var index = await GetIndexAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var at in ReadMessagesAsync(index, issues: null, DayFileFacts.Replies, ThreadTsField, cancellationToken).ConfigureAwait(false))
        {
            var message = at.Message;
            if (Classify(message, out var time) == MessageKind.Reply)
            {
                // Slack threads are flat: every reply answers the thread's first message. A reply whose first message
                // is not in the export still names it; the run reports the unknown post.
                yield return new Comment
                {
                    Id = MessageId(at.Channel, message.Ts!),
                    PostId = MessageId(at.Channel, message.ThreadTs!),
                    AuthorId = AuthorOf(message, index),
                    CreatedAt = time,
                    Text = TextOf(message, index),
                };
            }
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<Reaction> ReadReactionsAsync(IDataIssueReporter issues, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issues);
        var index = await GetIndexAsync(cancellationToken).ConfigureAwait(false);
        long onEvents = 0, unnamed = 0;
        var seen = new HashSet<(string, string)>();
        await foreach (var at in ReadMessagesAsync(index, issues: null, DayFileFacts.Reactions, ReactionsField, cancellationToken).ConfigureAwait(false))
        {
            var message = at.Message;
            if (message.Reactions is not { Length: > 0 } reactions)
            {
                continue;
            }

            var kind = Classify(message, out _);
            if (kind is not (MessageKind.Post or MessageKind.Reply or MessageKind.Tombstone))
            {
                onEvents += reactions.Sum(r => r?.Users?.Length ?? 0);
                continue;
            }

            var target = MessageId(at.Channel, message.Ts!);
            seen.Clear();
            foreach (var reaction in reactions)
            {
                if (reaction?.Name is not { Length: > 0 } emoji)
                {
                    continue;
                }

                var users = reaction.Users ?? [];
                unnamed += Math.Max(0, (reaction.Count ?? 0) - users.Length);
                foreach (var user in users)
                {
                    if (!string.IsNullOrWhiteSpace(user) && seen.Add((user, emoji)))
                    {
                        yield return new Reaction { TargetId = target, PersonId = user, Type = emoji };
                    }
                }
            }
        }

        if (onEvents > 0)
        {
            issues.Report(new DataNote($"Left out {SlackExportIndex.Count(onEvents, "reaction")} to join, leave and channel-change events.") { Source = ExportPath });
        }

        if (unnamed > 0)
        {
            issues.Report(new DataNote($"Left out {SlackExportIndex.Count(unnamed, "reaction")} whose people the export does not name: Slack lists only the first people who reacted with an emoji, and counts the rest.") { Source = ExportPath });
        }
    }

    /// <summary>A post's or comment's id: the channel and the message's ts, which Slack keeps unique in a channel.</summary>
    internal static string MessageId(SlackChannelInfo channel, string ts) => string.Concat(channel.Id, "/", ts);

    private static MessageKind Classify(SlackMessage message, out DateTimeOffset time)
    {
        time = default;
        if ((message.Type is not null && message.Type != "message") || message.Hidden == true || (message.Subtype is { } subtype && EventSubtypes.Contains(subtype)))
        {
            return MessageKind.Event;
        }

        if (!SlackTimestamp.TryParse(message.Ts, out time))
        {
            return MessageKind.NoTime;
        }

        // A thread_broadcast is a reply also shown in the channel: it counts once, as the reply it is.
        var isReply = message.ThreadTs is { Length: > 0 } threadTs && threadTs != message.Ts;
        return message.Subtype == "tombstone" ? (isReply ? MessageKind.Event : MessageKind.Tombstone)
            : isReply ? MessageKind.Reply
            : MessageKind.Post;
    }

    private static string? AuthorOf(SlackMessage message, SlackExportIndex index) =>
        SlackExportIndex.NonBlank(message.User)
        ?? SlackExportIndex.NonBlank(message.Comment?.User)
        ?? (SlackExportIndex.NonBlank(message.BotId) is { } botId ? index.UserForBot(botId) ?? botId : null);

    private static string? Markup(string? text, SlackExportIndex index) =>
        SlackExportIndex.NonBlank(text) is { } value ? SlackMarkup.ToPlainText(value, index.PersonName, index.ChannelName) : null;

    // The text a reader sees, and after it every link of the message's files and previews that the text does not
    // show, so link checks see them: a bot's card or a shared file can carry a link the words never name.
    private static string? TextOf(SlackMessage message, SlackExportIndex index)
    {
        var raw = message.Text;
        if (string.IsNullOrWhiteSpace(raw) && message.Attachments is { Length: > 0 } cards)
        {
            raw = string.Join('\n', cards.Select(card => card?.Fallback).Where(fallback => !string.IsNullOrWhiteSpace(fallback)));
        }

        var text = string.IsNullOrEmpty(raw) ? string.Empty : SlackMarkup.ToPlainText(raw, index.PersonName, index.ChannelName);
        StringBuilder? withLinks = null;
        foreach (var link in LinksOf(message))
        {
            if (!text.Contains(link, StringComparison.Ordinal) && (withLinks is null || !withLinks.ToString().Contains(link, StringComparison.Ordinal)))
            {
                withLinks ??= new StringBuilder(text);
                (withLinks.Length > 0 ? withLinks.Append('\n') : withLinks).Append(link);
            }
        }

        var result = withLinks?.ToString() ?? text;
        return result.Length == 0 ? null : result;
    }

    private static IEnumerable<string> LinksOf(SlackMessage message)
    {
        foreach (var card in message.Attachments ?? [])
        {
            if (SlackExportIndex.NonBlank(card?.FromUrl) is { } from)
            {
                yield return from;
            }

            if (SlackExportIndex.NonBlank(card?.TitleLink) is { } title)
            {
                yield return title;
            }
        }

        foreach (var file in (message.Files ?? []).Append(message.File))
        {
            if (SlackExportIndex.NonBlank(file?.Permalink) is { } permalink)
            {
                yield return permalink;
            }

            if (SlackExportIndex.NonBlank(file?.UrlPrivate) is { } url)
            {
                yield return WithoutExportToken(url);
            }
        }
    }

    // Slack adds the export's download token (?t=xoxe-...) to file links; it is a credential, not part of the link.
    private static string WithoutExportToken(string url)
    {
        var at = url.IndexOf("?t=xox", StringComparison.Ordinal) is >= 0 and var question ? question : url.IndexOf("&t=xox", StringComparison.Ordinal);
        if (at < 0)
        {
            return url;
        }

        var end = url.IndexOf('&', at + 1);
        return end < 0 ? url[..at] : url[..(at + 1)] + url[(end + 1)..];
    }

    private async ValueTask<SlackExportIndex> GetIndexAsync(CancellationToken cancellationToken)
    {
        if (_index is null)
        {
            using var archive = ExportArchive.Open(ExportPath);
            _index = await SlackExportIndex.LoadAsync(archive, cancellationToken).ConfigureAwait(false);
        }

        return _index;
    }

    // Every message of every channel, in channel order, day by day, one at a time. Only the posts pass reports the
    // files and messages that cannot be read, so each problem is reported once. A pass that needs only the files with
    // replies or reactions opens only those once a posts pass has told which they are; a pass that needs only messages
    // with a field passes over the files without it and skips the other messages before deserializing them.
    private async IAsyncEnumerable<MessageAt> ReadMessagesAsync(SlackExportIndex index, IDataIssueReporter? issues, DayFileFacts needed, byte[]? onlyIfContains, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var facts = needed == DayFileFacts.None ? null : _facts;

        // A folder is not listed again: its day files are opened by name. A zip is opened for the pass and closed after it.
        using var archive = ExportArchive.Open(ExportPath);
        var problems = issues is null ? null : new List<DataIssue>();
        foreach (var channel in index.Channels)
        {
            for (var day = 0; day < channel.Days.Count; day++)
            {
                var dayFile = channel.FirstDayFile + day;
                if (facts is not null && (facts[dayFile] & needed) == 0)
                {
                    continue;
                }

                using var reader = new JsonItemReader(archive, channel.DayFile(day), JsonItemLayout.BareList);
                if (onlyIfContains is not null && !await reader.MayContainAsync(onlyIfContains, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (onlyIfContains is not null && reader.Current.Span.IndexOf(onlyIfContains) < 0)
                    {
                        continue;
                    }

                    var message = SlackMessageParser.TryParse(reader.Current.Span)
                        ?? SlackExportIndex.Deserialize(reader, SlackJsonContext.Default.SlackMessage, "message", problems);
                    if (problems is { Count: > 0 })
                    {
                        problems.ForEach(issues!.Report);
                        problems.Clear();
                    }

                    if (message is not null)
                    {
                        yield return new MessageAt(channel, dayFile, reader, message);
                    }
                }

                if (reader.Fault is { } fault)
                {
                    issues?.Report(new DataIssue(DataIssueKind.MalformedRecord, reader.Source, fault.Line, $"{SlackExportIndex.Describe(fault, reader.Count, "message")}; the rest of this day's messages in the channel were not read"));
                }
            }
        }
    }

    private enum MessageKind
    {
        Event,
        NoTime,
        Post,
        Tombstone,
        Reply,
    }

    // What the posts pass learns of a day file for the later passes.
    [Flags]
    private enum DayFileFacts : byte
    {
        None = 0,
        Replies = 1,
        Reactions = 2,
    }

    // A message and where it is; the reader's place is valid until the next message.
    private readonly record struct MessageAt(SlackChannelInfo Channel, int DayFile, JsonItemReader Reader, SlackMessage Message)
    {
        public string Source => Reader.Source;

        public long Line => Reader.Line;

        public int Index => Reader.Index;
    }
}
