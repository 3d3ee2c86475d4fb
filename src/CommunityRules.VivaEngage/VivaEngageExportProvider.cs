using System.Runtime.CompilerServices;
using CommunityRules.Data.Archives;
using CommunityRules.Model;

namespace CommunityRules.Data.VivaEngage;

/// <summary>
/// Reads a Viva Engage network data export: people from <c>Users.csv</c> (and <c>Admins.csv</c>), communities from
/// <c>Groups.csv</c>, posts and replies from <c>Messages.csv</c>. The export has no memberships, group admins or
/// reactions. Posts and replies are streamed row by row, each in its own pass over <c>Messages.csv</c>; between the
/// passes the provider keeps only the ids of the threads' first messages.
/// </summary>
internal sealed class VivaEngageExportProvider : INetworkProvider
{
    /// <summary>The group that messages without a group (the All Company feed of older networks) are put in.</summary>
    internal const string AllCompanyGroupId = "all-company";

    internal const string AllCompanyGroupName = "All Company";

    /// <summary>The role people listed in <c>Admins.csv</c> get: they run the network, not its groups.</summary>
    internal const string NetworkAdminRole = "network-admin";

    private static readonly string[] UserColumns = ["id"];
    private static readonly string[] GroupColumns = ["id"];
    private static readonly string[] MessageColumns = ["id", "thread_id", "group_id"];

    private readonly string _path;
    private readonly ExportLayout _layout;
    private MessageFacts? _facts;
    private Dictionary<string, string>? _names;
    private ThreadIndex? _threads;

    /// <summary>Initializes a new instance of the <see cref="VivaEngageExportProvider"/> class.</summary>
    /// <param name="path">The export's folder or <c>.zip</c> file.</param>
    /// <exception cref="DataSourceException">The path is not a readable export, or a file lacks a required column.</exception>
    public VivaEngageExportProvider(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = path;
        using var archive = ExportArchive.Open(path);
        _layout = ExportLayout.Find(archive.Entries) ?? throw new DataSourceException(
            $"'{path}' holds no Messages.csv, Users.csv or Groups.csv, so it is not a Viva Engage network data export. Pass the folder or .zip that the admin center's data export made.");

        // Every file's header is checked now, so a wrong file stops the run before anything is read.
        var capabilities = DataCapabilities.None;
        if (_layout.Users is { } users)
        {
            var table = CsvTable.Open(archive, users, UserColumns);
            capabilities |= table.Column("state") >= 0 || table.Column("deleted_at") >= 0 ? DataCapabilities.Departures : DataCapabilities.None;
        }

        if (_layout.Groups is { } groups)
        {
            CsvTable.Open(archive, groups, GroupColumns);
        }

        if (_layout.Messages is { } messages)
        {
            var table = CsvTable.Open(archive, messages, MessageColumns);
            capabilities |= table.Column("message_type") >= 0 ? DataCapabilities.QuestionType : DataCapabilities.None;
        }

        if (_layout.Admins is { } admins)
        {
            var table = CsvTable.Open(archive, admins);
            if (table.Column("id") < 0 && table.Column("email") < 0)
            {
                throw new DataSourceException($"'{table.Source}' has neither an id nor an email column, so its admins cannot be matched to people. Pass the CSV files as the export made them.");
            }
        }

        Capabilities = capabilities;
    }

    /// <inheritdoc/>
    public string Description => _path;

    /// <inheritdoc/>
    /// <remarks>
    /// Who left (from <c>Users.csv</c>) and which posts are questions (from <c>message_type</c>). There is no column for
    /// memberships, group admins, group creators, reactions or accepted answers.
    /// </remarks>
    public DataCapabilities Capabilities { get; }

    /// <inheritdoc/>
    public async ValueTask<NetworkManifest?> ReadManifestAsync(CancellationToken cancellationToken)
    {
        string? name = null;
        if (_layout.Networks is { } networks)
        {
            using var archive = ExportArchive.Open(_path);
            var table = CsvTable.Open(archive, networks);
            var column = table.Column("name");
            await foreach (var row in table.ReadAsync(null, cancellationToken).ConfigureAwait(false))
            {
                name = row.Value(column);
                break;
            }
        }

        return new NetworkManifest { Name = name, Source = "Viva Engage network data export" };
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<Person> ReadPeopleAsync(IDataIssueReporter issues, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issues);
        using (var archive = ExportArchive.Open(_path))
        {
            archive.ReportProblems(issues);
        }

        if (_layout.OtherFolders.Count > 0)
        {
            issues.Report(new DataNote(
                $"The export holds {_layout.OtherFolders.Count + 1} networks, each in its own folder; only '{_layout.Folder}' was read, not {string.Join(", ", _layout.OtherFolders.Select(folder => $"'{folder}'"))}. Unzip the export and pass each network's folder with --data of its own.")
            { Source = _path });
        }

        var facts = await FactsAsync(cancellationToken).ConfigureAwait(false);
        var admins = await AdminsAsync(cancellationToken).ConfigureAwait(false);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (_layout.Users is { } users)
        {
            using var archive = ExportArchive.Open(_path);
            var table = CsvTable.Open(archive, users, UserColumns);
            var (id, name, email, title, location, department, state, deletedAt) = (table.Column("id"), table.Column("name"), table.Column("email"), table.Column("job_title"), table.Column("location"), table.Column("department"), table.Column("state"), table.Column("deleted_at"));
            await foreach (var row in table.ReadAsync(issues, cancellationToken).ConfigureAwait(false))
            {
                var personId = row.Value(id);
                if (personId is null)
                {
                    issues.Report(new DataIssue(DataIssueKind.MalformedRecord, table.Source, row.Line, $"{table.FileName} line {row.Line}: the id is empty; the person was left out"));
                    continue;
                }

                var person = new Person
                {
                    Id = personId,
                    Name = row.Text(name),
                    Email = row.Value(email),
                    Title = row.Text(title),
                    Office = row.Text(location),
                    Department = row.Text(department),

                    // soft_delete is what the export says of people who left; a deletion date says it too.
                    Active = !(row.Is(state, "soft_delete"u8) || row.Is(state, "deleted"u8) || row.Is(state, "suspended"u8) || row.IsSet(deletedAt)),
                    Kind = facts.Automated.TryGetValue(personId, out var sender) ? sender.Kind : PersonKind.Person,
                    Roles = admins.Contains(personId) || (row.Value(email) is { } address && admins.Contains(address)) ? [NetworkAdminRole] : [],
                };
                seen.Add(personId);
                if (person.Name is not null)
                {
                    names.TryAdd(personId, person.Name);
                }

                yield return person;
            }
        }

        var added = 0;
        foreach (var (senderId, sender) in facts.Automated)
        {
            if (seen.Add(senderId))
            {
                added++;
                if (sender.Name is not null)
                {
                    names.TryAdd(senderId, sender.Name);
                }

                yield return new Person { Id = senderId, Name = sender.Name, Kind = sender.Kind };
            }
        }

        _names = names;
        if (added > 0)
        {
            issues.Report(new DataNote($"Added {added:N0} bots or system accounts that sent messages but are not in Users.csv, named as Messages.csv names them (sender_name).") { Source = _path });
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<Group> ReadGroupsAsync(IDataIssueReporter issues, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issues);
        var facts = await FactsAsync(cancellationToken).ConfigureAwait(false);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (_layout.Groups is { } groups)
        {
            using var archive = ExportArchive.Open(_path);
            var table = CsvTable.Open(archive, groups, GroupColumns);
            var (id, name, description, isPrivate, deleted, createdAt) = (table.Column("id"), table.Column("name"), table.Column("description"), table.Column("private"), table.Column("deleted"), table.Column("created_at"));
            await foreach (var row in table.ReadAsync(issues, cancellationToken).ConfigureAwait(false))
            {
                var groupId = row.Value(id);
                if (groupId is null)
                {
                    issues.Report(new DataIssue(DataIssueKind.MalformedRecord, table.Source, row.Line, $"{table.FileName} line {row.Line}: the id is empty; the group was left out"));
                    continue;
                }

                if (!TryDate(row, createdAt, table, issues, $"group '{groupId}'", out var created))
                {
                    continue;
                }

                seen.Add(groupId);
                yield return new Group
                {
                    Id = groupId,
                    Name = row.Text(name),
                    Description = row.Text(description),

                    // A private community is listed for everyone but read only by its members: closed, not secret.
                    Privacy = row.IsSet(isPrivate) ? (row.IsTrue(isPrivate) ? GroupPrivacy.Closed : GroupPrivacy.Open) : null,
                    CreatedAt = created,
                    Archived = row.IsTrue(deleted),
                };
            }
        }

        var added = 0;
        foreach (var (groupId, group) in facts.Groups)
        {
            if (seen.Add(groupId))
            {
                added++;
                yield return new Group { Id = groupId, Name = group.Name, Privacy = group.Private switch { true => GroupPrivacy.Closed, false => GroupPrivacy.Open, null => null } };
            }
        }

        if (added > 0)
        {
            issues.Report(new DataNote($"Added {added:N0} groups that messages are in but Groups.csv does not list (an export for a date range lists only the groups changed in it), named as Messages.csv names them (group_name).") { Source = _path });
        }

        if (facts.AllCompany && seen.Add(AllCompanyGroupId))
        {
            issues.Report(new DataNote($"Messages without a group, the All Company feed, are read as posts in a group named '{AllCompanyGroupName}' with the id '{AllCompanyGroupId}'.") { Source = _path });
            yield return new Group { Id = AllCompanyGroupId, Name = AllCompanyGroupName, Privacy = GroupPrivacy.Open };
        }
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<Membership> ReadMembershipsAsync(IDataIssueReporter issues, CancellationToken cancellationToken) => AsyncEnumerable.Empty<Membership>();

    /// <inheritdoc/>
    public IAsyncEnumerable<Post> ReadPostsAsync(IDataIssueReporter issues, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issues);
        return ReadPostsCoreAsync(issues, cancellationToken);
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<Comment> ReadCommentsAsync(IDataIssueReporter issues, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issues);
        if (_layout.Messages is not { } messages)
        {
            yield break;
        }

        var threads = _threads ?? await IndexThreadsAsync(cancellationToken).ConfigureAwait(false);
        var names = await NamesAsync(cancellationToken).ConfigureAwait(false);
        using var archive = ExportArchive.Open(_path);
        var table = CsvTable.Open(archive, messages, MessageColumns);
        var c = new Columns(table);
        long repliesLeftOut = 0;

        // The posts pass reported the rows that are not valid CSV and counted what is left out by design.
        await foreach (var row in table.ReadAsync(null, cancellationToken).ConfigureAwait(false))
        {
            var id = row.Value(c.Id);
            var thread = row.Value(c.Thread) ?? id;
            if (id is null || thread == id || Exclusion(row, c) != LeftOut.None)
            {
                continue;
            }

            if (!threads.Posts.Contains(thread!))
            {
                if (threads.LeftOut.Contains(thread!))
                {
                    repliesLeftOut++;
                }
                else
                {
                    issues.Report(new DataIssue(DataIssueKind.MalformedRecord, table.Source, row.Line,
                        $"{table.FileName} line {row.Line}: reply '{id}' belongs to thread '{thread}', whose first message is not in {table.FileName}; the reply was left out. An export for a date range holds the replies of older threads without their first messages: export from an earlier date.",
                        id));
                }

                continue;
            }

            if (!TryDate(row, c.CreatedAt, table, issues, $"reply '{id}'", out var created))
            {
                continue;
            }

            var repliedTo = row.Value(c.RepliedTo);
            yield return new Comment
            {
                Id = id,
                PostId = thread!,
                ParentId = repliedTo is not null && repliedTo != thread ? repliedTo : null,
                AuthorId = row.Value(c.Sender),
                DelegateId = DelegateOf(row, c),
                CreatedAt = created,
                Text = MessageText.Compose(row.Text(c.Body), row.Text(c.Attachments), names),
            };
        }

        if (repliesLeftOut > 0)
        {
            issues.Report(new DataNote($"Left out {repliesLeftOut:N0} replies in threads whose first message was left out (private, deleted, a system message or unreadable).") { Source = table.Source });
        }
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<Reaction> ReadReactionsAsync(IDataIssueReporter issues, CancellationToken cancellationToken) => AsyncEnumerable.Empty<Reaction>();

    private static LeftOut Exclusion(CsvTable.CsvRow row, Columns c) =>
        row.IsTrue(c.PrivateConversation) ? LeftOut.Private
        : row.IsSet(c.DeletedAt) ? LeftOut.Deleted
        : row.Is(c.Type, "system"u8) ? LeftOut.System
        : LeftOut.None;

    private static PostType TypeOf(CsvTable.CsvRow row, Columns c, Dictionary<string, long> unknownTypes)
    {
        if (row.Is(c.Type, "question"u8))
        {
            return PostType.Question;
        }

        if (row.Is(c.Type, "announcement"u8))
        {
            return PostType.Announcement;
        }

        if (row.Is(c.Type, "poll"u8))
        {
            return PostType.Poll;
        }

        // update is the ordinary post; praise is a post that thanks someone.
        if (row.IsSet(c.Type) && !row.Is(c.Type, "update"u8) && !row.Is(c.Type, "praise"u8) && unknownTypes.Count < 20)
        {
            var type = row.Value(c.Type)!;
            unknownTypes[type] = unknownTypes.GetValueOrDefault(type) + 1;
        }

        return PostType.Post;
    }

    // An empty date is unknown; a date that cannot be read makes the record unreadable, as in the snapshot format.
    private static bool TryDate(CsvTable.CsvRow row, int column, CsvTable table, IDataIssueReporter? issues, string what, out DateTimeOffset? value)
    {
        value = null;
        if (row.Text(column) is not { } text)
        {
            return true;
        }

        if (ExportValues.TryParseDate(text, out var date))
        {
            value = date;
            return true;
        }

        issues?.Report(new DataIssue(DataIssueKind.MalformedRecord, table.Source, row.Line,
            $"{table.FileName} line {row.Line}: created_at '{Shorten(text)}' of {what} is not a date such as 2026-09-20 09:00:00 UTC; it was left out"));
        return false;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private async IAsyncEnumerable<Post> ReadPostsCoreAsync(IDataIssueReporter? issues, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_layout.Messages is not { } messages)
        {
            yield break;
        }

        var names = await NamesAsync(cancellationToken).ConfigureAwait(false);
        using var archive = ExportArchive.Open(_path);
        var table = CsvTable.Open(archive, messages, MessageColumns);
        var c = new Columns(table);
        var posts = new IdSet();
        var leftOutThreads = new IdSet();
        var leftOut = new long[4];
        var unknownTypes = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        await foreach (var row in table.ReadAsync(issues, cancellationToken).ConfigureAwait(false))
        {
            var id = row.Value(c.Id);
            if (id is null)
            {
                issues?.Report(new DataIssue(DataIssueKind.MalformedRecord, table.Source, row.Line, $"{table.FileName} line {row.Line}: the id is empty; the message was left out"));
                continue;
            }

            // Replies are counted here, so each note counts every message once; the replies pass reads them.
            var thread = row.Value(c.Thread) ?? id;
            var isFirst = thread == id;
            var exclusion = Exclusion(row, c);
            if (exclusion != LeftOut.None)
            {
                leftOut[(int)exclusion]++;
                if (isFirst)
                {
                    leftOutThreads.Add(id);
                }

                continue;
            }

            if (!isFirst)
            {
                continue;
            }

            if (!TryDate(row, c.CreatedAt, table, issues, $"message '{id}'", out var created))
            {
                leftOutThreads.Add(id);
                continue;
            }

            posts.Add(id);
            yield return new Post
            {
                Id = id,
                GroupId = row.Value(c.Group) ?? AllCompanyGroupId,
                AuthorId = row.Value(c.Sender),
                DelegateId = DelegateOf(row, c),
                CreatedAt = created,
                Type = TypeOf(row, c, unknownTypes),
                Title = row.Text(c.Title),
                Text = MessageText.Compose(row.Text(c.Body), row.Text(c.Attachments), names),
            };
        }

        _threads = new ThreadIndex(posts, leftOutThreads);
        if (issues is null)
        {
            yield break;
        }

        Note(leftOut[(int)LeftOut.Private], "private messages (in_private_conversation is true): they are conversations between people, not community content");
        Note(leftOut[(int)LeftOut.Deleted], "deleted messages (deleted_at is set)");
        Note(leftOut[(int)LeftOut.System], "system messages (message_type system): they are not conversation");
        if (unknownTypes.Count > 0)
        {
            issues.Report(new DataNote($"Read {unknownTypes.Values.Sum():N0} posts of a message_type the reader does not know ({string.Join(", ", unknownTypes.Keys.Order(StringComparer.Ordinal))}) as ordinary posts.") { Source = table.Source });
        }

        void Note(long count, string what)
        {
            if (count > 0)
            {
                issues.Report(new DataNote($"Left out {count:N0} {what}.") { Source = table.Source });
            }
        }
    }

    // The replies pass needs to know which threads' first messages became posts; without a posts pass, learn it quietly.
    private async Task<ThreadIndex> IndexThreadsAsync(CancellationToken cancellationToken)
    {
        await foreach (var post in ReadPostsCoreAsync(null, cancellationToken).ConfigureAwait(false))
        {
            _ = post;
        }

        return _threads!;
    }

    private async ValueTask<Dictionary<string, string>> NamesAsync(CancellationToken cancellationToken)
    {
        if (_names is not null)
        {
            return _names;
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (_layout.Users is { } users)
        {
            using var archive = ExportArchive.Open(_path);
            var table = CsvTable.Open(archive, users, UserColumns);
            var (id, name) = (table.Column("id"), table.Column("name"));
            await foreach (var row in table.ReadAsync(null, cancellationToken).ConfigureAwait(false))
            {
                if (row.Value(id) is { } personId && row.Text(name) is { } personName)
                {
                    names.TryAdd(personId, personName);
                }
            }
        }

        foreach (var (senderId, sender) in (await FactsAsync(cancellationToken).ConfigureAwait(false)).Automated)
        {
            if (sender.Name is not null)
            {
                names.TryAdd(senderId, sender.Name);
            }
        }

        return _names = names;
    }

    private async ValueTask<HashSet<string>> AdminsAsync(CancellationToken cancellationToken)
    {
        // Ids and e-mail addresses in one set: an address never looks like an id.
        var admins = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (_layout.Admins is { } file)
        {
            using var archive = ExportArchive.Open(_path);
            var table = CsvTable.Open(archive, file);
            var (id, email) = (table.Column("id"), table.Column("email"));
            await foreach (var row in table.ReadAsync(null, cancellationToken).ConfigureAwait(false))
            {
                if (row.Value(id) is { } adminId)
                {
                    admins.Add(adminId);
                }

                if (row.Value(email) is { } address)
                {
                    admins.Add(address);
                }
            }
        }

        return admins;
    }

    // One quiet pass over Messages.csv before people and groups: the senders that are not people, the groups messages
    // are in, and whether any message has no group. It keeps one entry per such sender and per group.
    private async ValueTask<MessageFacts> FactsAsync(CancellationToken cancellationToken)
    {
        if (_facts is not null)
        {
            return _facts;
        }

        var facts = new MessageFacts();
        if (_layout.Messages is { } messages)
        {
            using var archive = ExportArchive.Open(_path);
            var table = CsvTable.Open(archive, messages, MessageColumns);
            var c = new Columns(table);
            await foreach (var row in table.ReadAsync(null, cancellationToken).ConfigureAwait(false))
            {
                if (row.IsSet(c.SenderType) && !row.Is(c.SenderType, "user"u8) && row.Value(c.Sender) is { } sender && !facts.Automated.ContainsKey(sender))
                {
                    facts.Automated.Add(sender, (row.Is(c.SenderType, "system"u8) ? PersonKind.System : PersonKind.Bot, row.Text(c.SenderName)));
                }

                if (Exclusion(row, c) != LeftOut.None)
                {
                    continue;
                }

                if (row.Value(c.Group) is not { } group)
                {
                    facts.AllCompany = true;
                }
                else if (!facts.Groups.ContainsKey(group))
                {
                    facts.Groups.Add(group, (row.Text(c.GroupName), c.PrivateGroup >= 0 ? row.IsTrue(c.PrivateGroup) : null));
                }
            }
        }

        return _facts = facts;
    }

    private enum LeftOut
    {
        None,
        Private,
        Deleted,
        System,
    }

    /// <summary>The columns of <c>Messages.csv</c> the reader uses; -1 for those the file lacks.</summary>
    /// <summary>The delegate who typed a message for its sender (a leader's assistant); none when the sender typed it.</summary>
    private static string? DelegateOf(CsvTable.CsvRow row, Columns c) =>
        row.Value(c.Delegate) is { } delegateId && delegateId != row.Value(c.Sender) ? delegateId : null;

    private sealed class Columns(CsvTable table)
    {
        public int Id { get; } = table.Column("id");

        public int Thread { get; } = table.Column("thread_id");

        public int RepliedTo { get; } = table.Column("replied_to_id");

        public int Group { get; } = table.Column("group_id");

        public int GroupName { get; } = table.Column("group_name");

        public int PrivateGroup { get; } = table.Column("in_private_group");

        public int PrivateConversation { get; } = table.Column("in_private_conversation");

        public int Sender { get; } = table.Column("sender_id");

        public int SenderType { get; } = table.Column("sender_type");

        public int SenderName { get; } = table.Column("sender_name");

        public int Delegate { get; } = table.Column("delegate_id");

        public int Body { get; } = table.Column("body");

        public int Attachments { get; } = table.Column("attachments");

        public int CreatedAt { get; } = table.Column("created_at");

        public int DeletedAt { get; } = table.Column("deleted_at");

        public int Title { get; } = table.Column("title");

        public int Type { get; } = table.Column("message_type");
    }

    private sealed class MessageFacts
    {
        public Dictionary<string, (PersonKind Kind, string? Name)> Automated { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, (string? Name, bool? Private)> Groups { get; } = new(StringComparer.Ordinal);

        public bool AllCompany { get; set; }
    }

    /// <summary>The threads whose first message became a post, and those whose first message was left out.</summary>
    private sealed record ThreadIndex(IdSet Posts, IdSet LeftOut);
}
