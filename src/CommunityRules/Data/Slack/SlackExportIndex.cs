using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CommunityRules.Data.Archives;
using CommunityRules.Data.Snapshot;
using CommunityRules.Model;

namespace CommunityRules.Data.Slack;

/// <summary>A channel of the export with the day files of its folder, in date order.</summary>
/// <param name="Id">The channel's id.</param>
/// <param name="Channel">The channel as the export lists it.</param>
/// <param name="IsPrivate">Whether it is a private channel, from <c>groups.json</c>.</param>
/// <param name="Folder">The folder of its day files, or <see langword="null"/> when it has none.</param>
/// <param name="Days">The days of its <c>YYYY-MM-DD.json</c> files, in order: four bytes a file, not its name.</param>
/// <param name="FirstDayFile">The number of its first day file among all channels' day files, in channel order.</param>
internal sealed record SlackChannelInfo(string Id, SlackChannel Channel, bool IsPrivate, string? Folder, IReadOnlyList<DateOnly> Days, int FirstDayFile)
{
    /// <summary>Names the entry of one of its day files.</summary>
    /// <param name="day">The day file's place in <see cref="Days"/>.</param>
    /// <returns>The entry, such as <c>general/2026-01-02.json</c>.</returns>
    public string DayFile(int day) => string.Create(CultureInfo.InvariantCulture, $"{Folder}/{Days[day]:yyyy-MM-dd}.json");
}

/// <summary>
/// What a Slack export says besides its messages: its people, its channels and which folder holds each channel's day
/// files. Held for the whole run, as the engine holds people and groups anyway; messages are never held. It grows with
/// the people, the channels with their members, and the day files (four bytes each: the day, not the file's name).
/// </summary>
internal sealed class SlackExportIndex
{
    public const string UsersFile = "users.json";
    public const string OrgUsersFile = "org_users.json";
    public const string ChannelsFile = "channels.json";
    public const string PrivateChannelsFile = "groups.json";
    public const string DirectMessagesFile = "dms.json";
    public const string GroupDirectMessagesFile = "mpims.json";

    // Slackbot posts reminders and system notices; it is in users.json like a person.
    private const string SlackbotId = "USLACKBOT";

    private readonly Dictionary<string, Person> _peopleById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _userByBotId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _channelNames = new(StringComparer.Ordinal);

    private SlackExportIndex()
    {
    }

    /// <summary>Gets the people of users.json (and org_users.json), in file order.</summary>
    public List<Person> People { get; } = [];

    /// <summary>Gets the public channels, then the private ones, in file order.</summary>
    public List<SlackChannelInfo> Channels { get; } = [];

    /// <summary>Gets the number of the channels' day files, counted channel by channel.</summary>
    public int DayFileCount { get; private set; }

    /// <summary>Gets the records of users.json that could not be read, and the entries of a damaged zip.</summary>
    public List<DataIssue> PeopleIssues { get; } = [];

    /// <summary>Gets the records of the channel lists that could not be read.</summary>
    public List<DataIssue> ChannelIssues { get; } = [];

    /// <summary>Gets what was left out of the channels by design (direct messages) or for want of a channel list.</summary>
    public List<DataNote> ChannelNotes { get; } = [];

    /// <summary>Loads the index.</summary>
    /// <param name="archive">The export.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The index.</returns>
    public static async Task<SlackExportIndex> LoadAsync(ExportArchive archive, CancellationToken cancellationToken)
    {
        var index = new SlackExportIndex();
        foreach (var problem in archive.Problems)
        {
            index.PeopleIssues.Add(new DataIssue(DataIssueKind.MalformedRecord, problem.Entry.Length > 0 ? archive.Describe(problem.Entry) : archive.Path, null, problem.Message));
        }

        foreach (var file in new[] { UsersFile, OrgUsersFile })
        {
            // An Enterprise Grid export may hold both; a person in both is read once.
            await foreach (var user in ReadListAsync(archive, file, SlackJsonContext.Default.SlackUser, "user", u => u.Id, index.PeopleIssues, cancellationToken).ConfigureAwait(false))
            {
                if (!index._peopleById.ContainsKey(user.Id!))
                {
                    index.AddPerson(user);
                }
            }
        }

        var folders = DayFolders(archive);
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        await index.AddChannelsAsync(archive, ChannelsFile, isPrivate: false, folders, claimed, cancellationToken).ConfigureAwait(false);
        var directMessages = await index.AddChannelsAsync(archive, PrivateChannelsFile, isPrivate: true, folders, claimed, cancellationToken).ConfigureAwait(false);
        foreach (var file in new[] { DirectMessagesFile, GroupDirectMessagesFile })
        {
            await foreach (var conversation in ReadListAsync(archive, file, SlackJsonContext.Default.SlackChannel, "conversation", c => c.Id, index.ChannelIssues, cancellationToken).ConfigureAwait(false))
            {
                directMessages.Add(conversation);
            }
        }

        index.NoteLeftOut(archive, directMessages, folders, claimed);
        return index;
    }

    /// <summary>Finds a person's display name, for mentions.</summary>
    public string? PersonName(string id) => _peopleById.TryGetValue(id, out var person) ? person.Name : null;

    /// <summary>Finds a channel's name, for channel links.</summary>
    public string? ChannelName(string id) => _channelNames.TryGetValue(id, out var name) ? name : null;

    /// <summary>Says whether users.json has a person.</summary>
    public bool HasPerson(string id) => _peopleById.ContainsKey(id);

    /// <summary>Finds the bot user that posts as a bot id, as its profile says.</summary>
    public string? UserForBot(string botId) => _userByBotId.GetValueOrDefault(botId);

    /// <summary>
    /// Reads a file that holds one JSON array of records, one at a time (users.json can hold 100,000 people, and each
    /// raw record is dropped once it has been made into what is kept); a record that cannot be read is an issue, the
    /// rest are read.
    /// </summary>
    public static async IAsyncEnumerable<T> ReadListAsync<T>(
        ExportArchive archive,
        string entry,
        JsonTypeInfo<T> typeInfo,
        string what,
        Func<T, string?> id,
        List<DataIssue> issues,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        if (!archive.Contains(entry))
        {
            yield break;
        }

        var source = archive.Describe(entry);
        using var reader = new JsonItemReader(archive.OpenRead(entry), source, JsonItemLayout.BareList);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var record = Deserialize(reader, typeInfo, what, issues);
            if (record is null)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(id(record)))
            {
                issues.Add(new DataIssue(DataIssueKind.MalformedRecord, source, reader.Line, $"{what} {reader.Index + 1} has no 'id', so it was left out"));
                continue;
            }

            yield return record;
        }

        if (reader.Fault is { } fault)
        {
            issues.Add(new DataIssue(DataIssueKind.MalformedRecord, source, fault.Line, $"{Describe(fault, reader.Count, what)}; the {what} records after it were not read"));
        }
    }

    /// <summary>Words why a file of the export, which should hold one list, could not be read to its end.</summary>
    /// <param name="fault">The fault.</param>
    /// <param name="read">How many elements were read before it.</param>
    /// <param name="what">What an element is, such as "message".</param>
    /// <returns>The plain words, without a full stop.</returns>
    public static string Describe(JsonItemFault fault, int read, string what) => fault.Kind switch
    {
        JsonItemFaultKind.Empty => "the file is empty",
        JsonItemFaultKind.NotJson => $"the file is not valid JSON after {what} {read} ({fault.Detail})",
        JsonItemFaultKind.CutOff => $"the file ends before the list of {what}s is closed with ']'; it may be cut off",
        JsonItemFaultKind.WrongRoot => $"the file does not hold a list ('[ ... ]') but {fault.Detail}",
        _ => $"{what} {read + 1} is longer than {JsonItemReader.MaxItemBytes / (1024 * 1024)} MB; the file is taken as damaged from here",
    };

    /// <summary>Turns the reader's current element into a record, or reports why it cannot be read.</summary>
    public static T? Deserialize<T>(JsonItemReader reader, JsonTypeInfo<T> typeInfo, string what, List<DataIssue>? issues)
        where T : class
    {
        if (reader.Current.Span[0] != (byte)'{')
        {
            issues?.Add(new DataIssue(DataIssueKind.MalformedRecord, reader.Source, reader.Line, $"{what} {reader.Index + 1} is not a record ('{{ ... }}')"));
            return null;
        }

        try
        {
            var record = JsonSerializer.Deserialize(reader.Current.Span, typeInfo);
            return record;
        }
        catch (JsonException ex)
        {
            issues?.Add(new DataIssue(DataIssueKind.MalformedRecord, reader.Source, reader.Line + (ex.LineNumber ?? 0), $"{what} {reader.Index + 1} cannot be read: {JsonErrors.Describe(ex)}"));
            return null;
        }
    }

    /// <summary>Returns a text that holds more than white space, or <see langword="null"/>.</summary>
    public static string? NonBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    // The folders that hold day files (YYYY-MM-DD.json), each with its days in order. A day is all that is kept of a
    // file: its name is made again from it, and the export's list of names is never held.
    private static Dictionary<string, List<DateOnly>> DayFolders(ExportArchive archive)
    {
        var folders = new Dictionary<string, List<DateOnly>>(StringComparer.Ordinal);
        var byName = folders.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var entry in archive.EnumerateEntries())
        {
            var slash = entry.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0 || entry.IndexOf('/', slash + 1) >= 0 || !IsDayFile(entry.AsSpan(slash + 1), out var day))
            {
                continue;
            }

            var folder = entry.AsSpan(0, slash);
            if (!byName.TryGetValue(folder, out var days))
            {
                days = [];
                byName[folder] = days;
            }

            days.Add(day);
        }

        foreach (var days in folders.Values)
        {
            days.Sort();
        }

        return folders;
    }

    private static bool IsDayFile(ReadOnlySpan<char> name, out DateOnly day)
    {
        day = default;
        return name.Length == "2026-01-02.json".Length && name.EndsWith(".json", StringComparison.Ordinal)
            && DateOnly.TryParseExact(name[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }

    private void AddPerson(SlackUser user)
    {
        var id = user.Id!;
        var profile = user.Profile;
        var roles = new List<string>(1);
        AddRole(roles, user.IsAdmin, "workspace-admin");
        AddRole(roles, user.IsOwner, "workspace-owner");
        AddRole(roles, user.IsPrimaryOwner, "workspace-primary-owner");
        AddRole(roles, user.IsRestricted, "guest");
        AddRole(roles, user.IsUltraRestricted, "single-channel-guest");
        var person = new Person
        {
            Id = id,
            Name = NonBlank(profile?.RealName) ?? NonBlank(user.RealName) ?? NonBlank(user.Name) ?? NonBlank(profile?.DisplayName),
            Email = NonBlank(profile?.Email),
            Title = NonBlank(profile?.Title),
            Roles = roles,
            Kind = id == SlackbotId ? PersonKind.System : user.IsBot == true || user.IsAppUser == true ? PersonKind.Bot : PersonKind.Person,
            Active = user.Deleted != true,
        };
        People.Add(person);
        _peopleById.Add(id, person);
        if (NonBlank(profile?.BotId) is { } botId)
        {
            _userByBotId.TryAdd(botId, id);
        }

        static void AddRole(List<string> roles, bool? flag, string role)
        {
            if (flag == true)
            {
                roles.Add(role);
            }
        }
    }

    // Returns the group direct messages that old exports list in groups.json, to be left out with the other DMs.
    private async Task<List<SlackChannel>> AddChannelsAsync(
        ExportArchive archive,
        string file,
        bool isPrivate,
        Dictionary<string, List<DateOnly>> folders,
        HashSet<string> claimed,
        CancellationToken cancellationToken)
    {
        var directMessages = new List<SlackChannel>();
        await foreach (var channel in ReadListAsync(archive, file, SlackJsonContext.Default.SlackChannel, "channel", c => c.Id, ChannelIssues, cancellationToken).ConfigureAwait(false))
        {
            if (channel.IsMpim == true)
            {
                directMessages.Add(channel);
                continue;
            }

            // Members are held for the run: each names a person by the person's own id string, not a copy of it.
            var members = channel.Members ?? [];
            for (var i = 0; i < members.Length; i++)
            {
                if (members[i] is { } member && _peopleById.TryGetValue(member, out var person))
                {
                    members[i] = person.Id;
                }
            }

            var folder = FolderOf(channel, folders);
            if (folder is not null)
            {
                claimed.Add(folder);
            }

            var days = folder is null ? [] : folders[folder];
            Channels.Add(new SlackChannelInfo(channel.Id!, channel, isPrivate, folder, days, DayFileCount));
            DayFileCount += days.Count;
            if (channel.Name is not null)
            {
                _channelNames.TryAdd(channel.Id!, channel.Name);
            }
        }

        return directMessages;
    }

    // Slack names a channel's folder by the channel's name; some export tools use its id.
    private static string? FolderOf(SlackChannel channel, Dictionary<string, List<DateOnly>> folders) =>
        channel.Name is { } name && folders.ContainsKey(name) ? name
        : folders.ContainsKey(channel.Id!) ? channel.Id
        : null;

    private void NoteLeftOut(ExportArchive archive, List<SlackChannel> directMessages, Dictionary<string, List<DateOnly>> folders, HashSet<string> claimed)
    {
        if (directMessages.Count > 0)
        {
            var dayFiles = 0;
            foreach (var conversation in directMessages)
            {
                if (FolderOf(conversation, folders) is { } folder && claimed.Add(folder))
                {
                    dayFiles += folders[folder].Count;
                }
            }

            ChannelNotes.Add(new DataNote($"Left out {Count(directMessages.Count, "direct-message conversation")} ({Count(dayFiles, "day file")}): direct messages are private, not community conversation.") { Source = archive.Path });
        }

        var unlisted = folders.Keys.Where(folder => !claimed.Contains(folder)).Order(StringComparer.Ordinal).ToList();
        if (unlisted.Count > 0)
        {
            var files = unlisted.Sum(folder => folders[folder].Count);
            var names = string.Join(", ", unlisted.Take(10).Select(folder => $"'{folder}'")) + (unlisted.Count > 10 ? $" and {unlisted.Count - 10} more" : string.Empty);
            ChannelNotes.Add(new DataNote($"Left out {Count(files, "day file")} in {Count(unlisted.Count, "folder")} that no channel in {ChannelsFile} or {PrivateChannelsFile} names: {names}. If they are channels, the channel lists of the export are incomplete; export again.") { Source = archive.Path });
        }
    }

    /// <summary>Writes a count with its noun, in the singular for one.</summary>
    public static string Count(long count, string noun) =>
        count == 1 ? $"1 {noun}" : string.Create(CultureInfo.InvariantCulture, $"{count:N0} {noun}s");
}
