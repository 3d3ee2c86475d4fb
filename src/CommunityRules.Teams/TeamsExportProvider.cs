using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CommunityRules.Data.Archives;
using CommunityRules.Data.Snapshot;
using CommunityRules.Model;

namespace CommunityRules.Data.Teams;

/// <summary>
/// Reads a Teams export saved from Microsoft Graph (see docs/providers/teams.md): a team is a group, its owners are
/// admins, and the messages of all its channels are the group's posts, their replies the comments. Each pass reads
/// one page file at a time and one message at a time; what a pass learns of the threads is message ids only.
/// </summary>
internal sealed class TeamsExportProvider : INetworkProvider
{
    private const string UserType = "#microsoft.graph.user";
    private const string ServicePrincipalType = "#microsoft.graph.servicePrincipal";
    private const string ApplicationType = "#microsoft.graph.application";

    private readonly TeamsLayout _layout;

    /// <summary>Initializes a new instance of the <see cref="TeamsExportProvider"/> class.</summary>
    /// <param name="path">The export's folder or zip file.</param>
    /// <exception cref="DataSourceException">The path is missing, unreadable or holds no saved teams.</exception>
    public TeamsExportProvider(string path)
    {
        Path = path;
        using var archive = ExportArchive.Open(path);
        _layout = TeamsLayout.Find(archive.Entries) is { Groups: not null } layout
            ? layout
            : throw new DataSourceException($"'{path}' is not a saved Teams export: it has no groups.json. Expected groups.json (the teams' groups, as Graph returns them) and a teams/ folder with each team's owners, members and channel messages; see docs/providers/teams.md.");

        var teams = _layout.Teams;
        Capabilities = DataCapabilities.Reactions | DataCapabilities.ReactionTimes
            | (teams.Count > 0 && teams.All(team => team.Members is not null) ? DataCapabilities.Memberships : DataCapabilities.None)
            | (teams.Count > 0 && teams.All(team => team.Owners is not null) ? DataCapabilities.Admins : DataCapabilities.None)
            | (SavesAccountEnabled(archive) ? DataCapabilities.Departures : DataCapabilities.None);
    }

    /// <summary>Gets the export's folder or zip file.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public string Description => Path;

    /// <inheritdoc/>
    /// <remarks>
    /// Reactions with their times always; memberships and admins when every team folder has its members and owners
    /// pages; departures when the users pages hold <c>accountEnabled</c>. Never group creators, question types or
    /// accepted answers: Graph has none of them for teams.
    /// </remarks>
    public DataCapabilities Capabilities { get; }

    /// <inheritdoc/>
    public ValueTask<NetworkManifest?> ReadManifestAsync(CancellationToken cancellationToken) => ValueTask.FromResult<NetworkManifest?>(null);

    /// <inheritdoc/>
    public async IAsyncEnumerable<Person> ReadPeopleAsync(IDataIssueReporter issues, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issues);
        using var archive = ExportArchive.Open(Path);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (_layout.Users is { } users)
        {
            await foreach (var item in ReadPagesAsync(archive, users, GraphJsonContext.Default.GraphUser, issues, cancellationToken).ConfigureAwait(false))
            {
                if (string.IsNullOrWhiteSpace(item.Value.Id))
                {
                    Malformed(issues, archive, item.Entry, $"value[{item.Index}]: the user has no id; it is left out");
                    continue;
                }

                seen.Add(item.Value.Id);
                yield return ToPerson(item.Value, item.Value.Id);
            }
        }

        // Owners and members who are not in the users pages (or when none were saved); their problems are reported
        // when the memberships are read.
        foreach (var team in _layout.Teams)
        {
            foreach (var series in new[] { team.Owners, team.Members })
            {
                if (series is null)
                {
                    continue;
                }

                await foreach (var item in ReadPagesAsync(archive, series, GraphJsonContext.Default.GraphUser, NoIssues.Instance, cancellationToken).ConfigureAwait(false))
                {
                    if (item.Value.Id is { Length: > 0 } id && KindOf(item.Value) is not null && seen.Add(id))
                    {
                        yield return ToPerson(item.Value, id);
                    }
                }
            }
        }

        // Apps that posted are bots. A first pass over the messages that keeps only the ids of the people it has;
        // the messages' problems are reported when posts and comments are read.
        await foreach (var item in WalkAsync(archive, GraphMessageViews.Senders, withReplies: true, NoIssues.Instance, NoIssues.Instance, new LeftOut(), cancellationToken).ConfigureAwait(false))
        {
            if (item.Message.From?.Application is { Id: { Length: > 0 } appId } app && item.Message.From.User?.Id is not { Length: > 0 } && seen.Add(appId))
            {
                yield return new Person { Id = appId, Name = app.DisplayName, Kind = PersonKind.Bot };
            }
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<Group> ReadGroupsAsync(IDataIssueReporter issues, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issues);
        using var archive = ExportArchive.Open(Path);
        await foreach (var item in ReadPagesAsync(archive, _layout.Groups!, GraphJsonContext.Default.GraphGroup, issues, cancellationToken).ConfigureAwait(false))
        {
            var group = item.Value;
            if (string.IsNullOrWhiteSpace(group.Id))
            {
                Malformed(issues, archive, item.Entry, $"value[{item.Index}]: the group has no id; it is left out");
                continue;
            }

            if (!TryParseDate(group.CreatedDateTime, out var createdAt))
            {
                Malformed(issues, archive, item.Entry, $"value[{item.Index}]: 'createdDateTime' is not a date: '{group.CreatedDateTime}'; the group is left out", group.Id);
                continue;
            }

            yield return new Group
            {
                Id = group.Id,
                Name = group.DisplayName,
                Description = group.Description,
                Privacy = PrivacyOf(group.Visibility),
                CreatedAt = createdAt,
            };
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<Membership> ReadMembershipsAsync(IDataIssueReporter issues, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issues);
        using var archive = ExportArchive.Open(Path);
        var notPeople = 0;
        foreach (var team in _layout.Teams)
        {
            var listed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (series, role) in new[] { (team.Owners, MembershipRole.Admin), (team.Members, MembershipRole.Member) })
            {
                if (series is null)
                {
                    continue;
                }

                await foreach (var item in ReadPagesAsync(archive, series, GraphJsonContext.Default.GraphUser, issues, cancellationToken).ConfigureAwait(false))
                {
                    if (string.IsNullOrWhiteSpace(item.Value.Id))
                    {
                        Malformed(issues, archive, item.Entry, $"value[{item.Index}]: the {(role == MembershipRole.Admin ? "owner" : "member")} has no id; it is left out");
                        continue;
                    }

                    if (KindOf(item.Value) is null)
                    {
                        notPeople++;
                        continue;
                    }

                    // Graph lists a team's owners among its members too: the owner's membership is the admin one.
                    if (listed.Add(item.Value.Id))
                    {
                        yield return new Membership { GroupId = team.Id, PersonId = item.Value.Id, Role = role };
                    }
                }
            }
        }

        if (notPeople > 0)
        {
            issues.Report(Note($"Left out {Count(notPeople)} owners and members that are neither users nor apps (nested groups, devices, contacts): they are not people."));
        }

        await ReportMissingTeamFilesAsync(archive, issues, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<Post> ReadPostsAsync(IDataIssueReporter issues, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issues);
        using var archive = ExportArchive.Open(Path);
        var html = new HtmlText();
        var leftOut = new LeftOut();
        await foreach (var item in WalkAsync(archive, GraphMessageViews.WithoutReplies, withReplies: false, issues, NoIssues.Instance, leftOut, cancellationToken).ConfigureAwait(false))
        {
            var message = item.Message;
            yield return new Post
            {
                Id = IdOf(item.Channel, message.Id!),
                GroupId = item.Team.Id,
                AuthorId = AuthorOf(message),
                CreatedAt = item.CreatedAt,
                Title = string.IsNullOrWhiteSpace(message.Subject) ? null : message.Subject,
                Text = TextOf(message, html),
            };
        }

        ReportLeftOut(issues, leftOut.Roots, "messages");
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<Comment> ReadCommentsAsync(IDataIssueReporter issues, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issues);
        using var archive = ExportArchive.Open(Path);
        var html = new HtmlText();
        var leftOut = new LeftOut();
        await foreach (var item in WalkAsync(archive, GraphMessageViews.Full, withReplies: true, NoIssues.Instance, issues, leftOut, cancellationToken).ConfigureAwait(false))
        {
            if (item.RootId is null)
            {
                continue;
            }

            var reply = item.Message;
            yield return new Comment
            {
                Id = IdOf(item.Channel, reply.Id!),
                PostId = IdOf(item.Channel, item.RootId),
                AuthorId = AuthorOf(reply),
                CreatedAt = item.CreatedAt,
                Text = TextOf(reply, html),
            };
        }

        ReportLeftOut(issues, leftOut.Replies, "replies");
        if (leftOut.RepliesWithTheirMessage > 0)
        {
            issues.Report(Note($"Left out {Count(leftOut.RepliesWithTheirMessage)} replies to messages that were left out (deleted, system or unreadable messages)."));
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<Reaction> ReadReactionsAsync(IDataIssueReporter issues, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issues);
        using var archive = ExportArchive.Open(Path);
        var leftOut = new LeftOut();
        await foreach (var item in WalkAsync(archive, GraphMessageViews.WithoutText, withReplies: true, NoIssues.Instance, NoIssues.Instance, leftOut, cancellationToken).ConfigureAwait(false))
        {
            if (item.Message.Reactions is not { } reactions)
            {
                continue;
            }

            var targetId = IdOf(item.Channel, item.Message.Id!);
            for (var index = 0; index < reactions.Count; index++)
            {
                var reaction = reactions[index];
                var personId = reaction?.User?.User?.Id is { Length: > 0 } userId ? userId : reaction?.User?.Application?.Id;
                if (reaction is null || string.IsNullOrWhiteSpace(personId))
                {
                    Malformed(issues, archive, item.Entry, $"{item.Where}.reactions[{index}]: the reaction has no user id; it is left out", targetId);
                    continue;
                }

                if (!TryParseDate(reaction.CreatedDateTime, out var createdAt))
                {
                    Malformed(issues, archive, item.Entry, $"{item.Where}.reactions[{index}]: 'createdDateTime' is not a date: '{reaction.CreatedDateTime}'; the reaction is left out", targetId);
                    continue;
                }

                yield return new Reaction { TargetId = targetId, PersonId = personId, Type = reaction.ReactionType ?? reaction.DisplayName, CreatedAt = createdAt };
            }
        }

        if (leftOut.ReactionsWithTheirMessage > 0)
        {
            issues.Report(Note($"Left out {Count(leftOut.ReactionsWithTheirMessage)} reactions to messages that were left out (deleted, system or unreadable messages)."));
        }
    }

    // Every message of every channel that a pass keeps: the threads' first messages, then (withReplies) the replies,
    // inline ($expand=replies) or from messages/{id}/replies*.json, which win over the inline ones when saved. Memory
    // per channel: the ids of its first messages, to match replies to them.
    private async IAsyncEnumerable<ThreadItem> WalkAsync(
        ExportArchive archive,
        JsonTypeInfo<GraphMessage> view,
        bool withReplies,
        IDataIssueReporter rootIssues,
        IDataIssueReporter replyIssues,
        LeftOut leftOut,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var team in _layout.Teams)
        {
            foreach (var channel in team.Channels)
            {
                var kept = new HashSet<string>(StringComparer.Ordinal);
                var dropped = new HashSet<string>(StringComparer.Ordinal);
                var repliesAmongMessages = false;
                if (channel.Messages is { } messages)
                {
                    await foreach (var item in ReadPagesAsync(archive, messages, view, rootIssues, cancellationToken).ConfigureAwait(false))
                    {
                        var message = item.Value;
                        if (!string.IsNullOrEmpty(message.ReplyToId))
                        {
                            // A reply saved among the messages, as the delta query gives them: read once all first messages are known.
                            repliesAmongMessages = true;
                            continue;
                        }

                        var where = $"value[{item.Index}]";
                        if (!Check(archive, message, item.Entry, where, "message", rootIssues, out var createdAt) || (Reason(message) is { } reason && leftOut.CountRoot(reason, message)))
                        {
                            var hasId = !string.IsNullOrEmpty(message.Id);
                            if (hasId)
                            {
                                dropped.Add(message.Id!);
                            }

                            if (withReplies && !(hasId && channel.Replies.ContainsKey(message.Id!)))
                            {
                                message.Replies?.ForEach(leftOut.CountWithMessage);
                            }

                            continue;
                        }

                        kept.Add(message.Id!);
                        yield return new ThreadItem(team, channel, message, createdAt, null, item.Entry, where);
                        if (!withReplies || channel.Replies.ContainsKey(message.Id!))
                        {
                            continue;
                        }

                        for (var index = 0; index < (message.Replies?.Count ?? 0); index++)
                        {
                            var reply = message.Replies![index];
                            var replyWhere = $"{where}.replies[{index}]";
                            if (reply is null)
                            {
                                Malformed(replyIssues, archive, item.Entry, $"{replyWhere}: the reply is null, not a message");
                            }
                            else if (Check(archive, reply, item.Entry, replyWhere, "reply", replyIssues, out var replyCreatedAt) && !(Reason(reply) is { } replyReason && leftOut.CountReply(replyReason, reply)))
                            {
                                yield return new ThreadItem(team, channel, reply, replyCreatedAt, message.Id, item.Entry, replyWhere);
                            }
                        }

                        if (message.RepliesNextLink is not null)
                        {
                            Malformed(replyIssues, archive, item.Entry, $"{where}: the message has more replies than its page holds (replies@odata.nextLink), but messages/{message.Id}/replies.json is not saved in the channel's folder: the later replies are missing", message.Id);
                        }
                    }
                }

                if (!withReplies)
                {
                    continue;
                }

                if (repliesAmongMessages)
                {
                    await foreach (var item in ReadPagesAsync(archive, channel.Messages!, view, NoIssues.Instance, cancellationToken).ConfigureAwait(false))
                    {
                        if (item.Value.ReplyToId is { Length: > 0 } rootId && Reply(archive, item.Value, rootId, item.Entry, $"value[{item.Index}]", kept, dropped, replyIssues, leftOut, out var createdAt))
                        {
                            yield return new ThreadItem(team, channel, item.Value, createdAt, rootId, item.Entry, $"value[{item.Index}]");
                        }
                    }
                }

                foreach (var (rootId, series) in channel.Replies.OrderBy(pair => pair.Key, StringComparer.Ordinal))
                {
                    var reporter = dropped.Contains(rootId) ? NoIssues.Instance : replyIssues;
                    await foreach (var item in ReadPagesAsync(archive, series, view, reporter, cancellationToken).ConfigureAwait(false))
                    {
                        if (Reply(archive, item.Value, rootId, item.Entry, $"value[{item.Index}]", kept, dropped, replyIssues, leftOut, out var createdAt))
                        {
                            yield return new ThreadItem(team, channel, item.Value, createdAt, rootId, item.Entry, $"value[{item.Index}]");
                        }
                    }
                }
            }
        }
    }

    // Whether a reply found apart from its thread's first message is kept: that message must have been kept.
    private static bool Reply(ExportArchive archive, GraphMessage reply, string rootId, string entry, string where, HashSet<string> kept, HashSet<string> dropped, IDataIssueReporter issues, LeftOut leftOut, out DateTimeOffset? createdAt)
    {
        createdAt = null;
        if (dropped.Contains(rootId))
        {
            leftOut.CountWithMessage(reply);
            return false;
        }

        if (!kept.Contains(rootId))
        {
            Malformed(issues, archive, entry, $"{where}: the reply is to message {rootId}, which is not among the channel's saved messages; the reply is left out", reply.Id);
            return false;
        }

        return Check(archive, reply, entry, where, "reply", issues, out createdAt) && !(Reason(reply) is { } reason && leftOut.CountReply(reason, reply));
    }

    private static bool Check(ExportArchive archive, GraphMessage message, string entry, string where, string noun, IDataIssueReporter issues, out DateTimeOffset? createdAt)
    {
        createdAt = null;
        if (string.IsNullOrWhiteSpace(message.Id))
        {
            Malformed(issues, archive, entry, $"{where}: the {noun} has no id; it is left out");
            return false;
        }

        if (!TryParseDate(message.CreatedDateTime, out createdAt))
        {
            Malformed(issues, archive, entry, $"{where}: 'createdDateTime' is not a date: '{message.CreatedDateTime}'; the {noun} is left out", message.Id);
            return false;
        }

        return true;
    }

    // Why a message is not conversation, or null when it is.
    private static string? Reason(GraphMessage message) =>
        !string.IsNullOrEmpty(message.DeletedDateTime) ? "deleted"
        : message.MessageType is null || string.Equals(message.MessageType, "message", StringComparison.OrdinalIgnoreCase) ? null
        : message.MessageType;

    private static async IAsyncEnumerable<PageItem<T>> ReadPagesAsync<T>(
        ExportArchive archive,
        PageSeries series,
        JsonTypeInfo<T> typeInfo,
        IDataIssueReporter issues,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        foreach (var duplicate in series.Duplicates)
        {
            Malformed(issues, archive, duplicate, $"the file names a page number that another {series.Name} page already has; it is not read. Name the pages {series.FileName(1)}, {series.FileName(2)}, {series.FileName(3)}…");
        }

        for (var pageIndex = 0; pageIndex < series.Pages.Count; pageIndex++)
        {
            var page = series.Pages[pageIndex];
            var readToEnd = false;
            using (var reader = new JsonItemReader(archive.OpenRead(page.Entry), archive.Describe(page.Entry), GraphPage))
            {
                while (true)
                {
                    if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        if (reader.Fault is { } fault)
                        {
                            issues.Report(new DataIssue(DataIssueKind.MalformedRecord, reader.Source, fault.Line, Describe(fault, reader.Count)));
                        }
                        else
                        {
                            readToEnd = true;
                        }

                        break;
                    }

                    T? value = null;
                    string? error = null;
                    try
                    {
                        value = JsonSerializer.Deserialize(reader.Current.Span, typeInfo);
                    }
                    catch (JsonException ex)
                    {
                        error = JsonErrors.Describe(ex);
                    }

                    if (value is null)
                    {
                        Malformed(issues, archive, page.Entry, $"value[{reader.Index}]: {error ?? "the item is null"}; it is left out");
                        continue;
                    }

                    yield return new PageItem<T>(value, page.Entry, reader.Index);
                }

                if (readToEnd && reader.Captured is not null && !(pageIndex + 1 < series.Pages.Count && series.Pages[pageIndex + 1].Number == page.Number + 1))
                {
                    Malformed(issues, archive, page.Entry, $"the page has an @odata.nextLink, but the page it leads to is not saved as {series.FileName(page.Number + 1)}: the {series.Name} on it{(pageIndex + 1 < series.Pages.Count ? string.Empty : " and any later pages")} are missing. Save every page the links lead to");
                }
            }
        }
    }

    // When not every team folder has owners or members pages, the capability is not declared; say which teams lack them.
    private async Task ReportMissingTeamFilesAsync(ExportArchive archive, IDataIssueReporter issues, CancellationToken cancellationToken)
    {
        foreach (var (name, missing) in new[] { ("owners", _layout.Teams.Where(team => team.Owners is null).ToList()), ("members", _layout.Teams.Where(team => team.Members is null).ToList()) })
        {
            if (missing.Count > 0 && missing.Count < _layout.Teams.Count)
            {
                issues.Report(Note($"{Count(missing.Count)} of {Count(_layout.Teams.Count)} team folders have no {name}.json ({Names(missing.Select(team => team.Folder))}): the {name} of no team are used, so rules that need them are not run. Save {name}.json for every team."));
            }
        }

        var folders = _layout.Teams.Select(team => team.Id).ToHashSet(StringComparer.Ordinal);
        var unsaved = new List<string>();
        await foreach (var item in ReadPagesAsync(archive, _layout.Groups!, GraphJsonContext.Default.GraphGroup, NoIssues.Instance, cancellationToken).ConfigureAwait(false))
        {
            if (item.Value.Id is { Length: > 0 } id && !folders.Contains(id))
            {
                unsaved.Add(item.Value.DisplayName ?? id);
            }
        }

        if (unsaved.Count > 0)
        {
            issues.Report(Note($"{Count(unsaved.Count)} teams in groups.json have no folder under teams/ ({Names(unsaved)}): their owners, members and messages were not saved, so they look empty."));
        }
    }

    private static string Names(IEnumerable<string> names)
    {
        var list = names.ToList();
        return string.Join(", ", list.Take(5)) + (list.Count > 5 ? $" and {Count(list.Count - 5)} more" : string.Empty);
    }

    // The first user in the users pages says whether the script selected accountEnabled (Graph leaves it out otherwise).
    private bool SavesAccountEnabled(ExportArchive archive)
    {
        foreach (var page in _layout.Users?.Pages ?? [])
        {
            // A page that breaks is reported when the people are read; here the next page is looked at.
            using var reader = new JsonItemReader(archive.OpenRead(page.Entry), archive.Describe(page.Entry), GraphPage);
            while (reader.Read())
            {
                try
                {
                    if (JsonSerializer.Deserialize(reader.Current.Span, GraphJsonContext.Default.GraphUser) is { Id.Length: > 0 } user)
                    {
                        return user.AccountEnabled is not null;
                    }
                }
                catch (JsonException)
                {
                    // Reported when the people are read; look at the next user.
                }
            }
        }

        return false;
    }

    private static Person ToPerson(GraphUser user, string id) => new()
    {
        Id = id,
        Name = user.DisplayName,
        Email = user.Mail,
        Title = user.JobTitle,
        Department = user.Department,
        Company = user.CompanyName,
        Office = user.OfficeLocation,
        Country = user.Country,
        Kind = KindOf(user) ?? PersonKind.Person,
        Active = user.AccountEnabled != false,
    };

    // A directory object is a person (a user) or a bot (an app's service principal); anything else is no one.
    private static PersonKind? KindOf(GraphUser user) => user.ODataType switch
    {
        null or UserType => PersonKind.Person,
        ServicePrincipalType or ApplicationType => PersonKind.Bot,
        _ => null,
    };

    private static GroupPrivacy? PrivacyOf(string? visibility) => visibility switch
    {
        _ when string.Equals(visibility, "Public", StringComparison.OrdinalIgnoreCase) => GroupPrivacy.Open,
        _ when string.Equals(visibility, "Private", StringComparison.OrdinalIgnoreCase) => GroupPrivacy.Closed,
        _ when string.Equals(visibility, "HiddenMembership", StringComparison.OrdinalIgnoreCase) => GroupPrivacy.Secret,
        _ => null,
    };

    private static string? AuthorOf(GraphMessage message) =>
        message.From?.User?.Id is { Length: > 0 } userId ? userId
        : message.From?.Application?.Id is { Length: > 0 } appId ? appId
        : null;

    // Message ids are unique within a channel only (they are the time the thread began, in milliseconds), so the
    // network's id is the channel's id and the message's.
    private static string IdOf(ChannelFolder channel, string messageId) => $"{channel.Id}/{messageId}";

    // The body as a reader sees it, then the address of each attached file the text does not show yet.
    private static string? TextOf(GraphMessage message, HtmlText html)
    {
        var content = message.Body?.Content ?? string.Empty;
        var text = string.Equals(message.Body?.ContentType, "html", StringComparison.OrdinalIgnoreCase)
            ? html.ToText(content)
            : content.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (message.Attachments is { Count: > 0 } attachments)
        {
            var withFiles = new StringBuilder(text);
            foreach (var attachment in attachments)
            {
                if (attachment?.ContentUrl is not { } url
                    || !(url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
                    || withFiles.ToString().Contains(url, StringComparison.Ordinal))
                {
                    continue;
                }

                if (withFiles.Length > 0)
                {
                    withFiles.Append('\n');
                }

                withFiles.Append(string.IsNullOrWhiteSpace(attachment.Name) || attachment.Name == url ? url : $"{attachment.Name} ({url})");
            }

            text = withFiles.ToString();
        }

        return text.Length == 0 ? null : text;
    }

    private static bool TryParseDate(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        // Graph's times carry 'Z'; one without an offset is UTC, never the machine's time zone.
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    // Why a page could not be read to its end, after the items read before the fault.
    private static string Describe(JsonItemFault fault, int read)
    {
        var problem = fault.Kind switch
        {
            JsonItemFaultKind.NotJson => $"is not valid JSON{(fault.Column is { } column ? $" (column {column})" : string.Empty)}: {fault.Detail}",
            JsonItemFaultKind.Empty => "is empty; a page is an object such as { \"value\": [ … ] }",
            JsonItemFaultKind.CutOff => "ends before its JSON does; it may have been cut off while saving",
            JsonItemFaultKind.WrongRoot => $"is not a Graph page but {fault.Detail}: a page is an object such as {{ \"value\": [ … ] }}",
            JsonItemFaultKind.NoList => "has no 'value' list: a page is an object such as { \"value\": [ … ] }",
            JsonItemFaultKind.ListNotAList => $"has {fault.Detail} as its 'value', which should be a list of items",
            JsonItemFaultKind.ErrorResponse => "holds a Graph error response instead of items; run the script for it again",
            _ => $"has an item larger than {JsonItemReader.MaxItemBytes / (1024 * 1024)} MB",
        };
        return $"the page {problem}; {(read == 0 ? "none" : Count(read))} of its items were read before it, the rest of the page is not";
    }

    private static readonly JsonItemLayout GraphPage = new("value", CapturedProperty: "@odata.nextLink");

    private static string Count(int count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private void ReportLeftOut(IDataIssueReporter issues, SortedDictionary<string, int> counts, string noun)
    {
        foreach (var (reason, count) in counts)
        {
            issues.Report(Note(reason switch
            {
                "deleted" => $"Left out {Count(count)} deleted {noun}: Teams keeps no text of them.",
                _ when string.Equals(reason, "systemEventMessage", StringComparison.OrdinalIgnoreCase) => $"Left out {Count(count)} system event {noun} (members added, channels renamed and the like): they are not conversation.",
                _ => $"Left out {Count(count)} {noun} of type '{reason}': they are not conversation.",
            }));
        }
    }

    private DataNote Note(string message) => new(message) { Source = Description };

    private static void Malformed(IDataIssueReporter issues, ExportArchive archive, string entry, string message, string? recordId = null) =>
        issues.Report(new DataIssue(DataIssueKind.MalformedRecord, archive.Describe(entry), null, message, recordId));

    private readonly record struct PageItem<T>(T Value, string Entry, int Index);

    private readonly record struct ThreadItem(TeamFolder Team, ChannelFolder Channel, GraphMessage Message, DateTimeOffset? CreatedAt, string? RootId, string Entry, string Where);

    // What a pass leaves out by design, counted for its notes: messages and replies by reason, and what went with them.
    private sealed class LeftOut
    {
        public SortedDictionary<string, int> Roots { get; } = new(StringComparer.Ordinal);

        public SortedDictionary<string, int> Replies { get; } = new(StringComparer.Ordinal);

        public int RepliesWithTheirMessage { get; private set; }

        public int ReactionsWithTheirMessage { get; private set; }

        public bool CountRoot(string reason, GraphMessage message) => Count(Roots, reason, message);

        public bool CountReply(string reason, GraphMessage message) => Count(Replies, reason, message);

        public void CountWithMessage(GraphMessage? reply)
        {
            RepliesWithTheirMessage++;
            ReactionsWithTheirMessage += reply?.Reactions?.Count ?? 0;
        }

        private bool Count(SortedDictionary<string, int> counts, string reason, GraphMessage message)
        {
            counts[reason] = counts.GetValueOrDefault(reason) + 1;
            ReactionsWithTheirMessage += message.Reactions?.Count ?? 0;
            return true;
        }
    }

    private sealed class NoIssues : IDataIssueReporter
    {
        public static readonly NoIssues Instance = new();

        public void Report(DataIssue issue)
        {
        }

        public void Report(DataNote note)
        {
        }
    }
}
