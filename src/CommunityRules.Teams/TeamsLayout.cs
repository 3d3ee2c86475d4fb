using System.Globalization;

namespace CommunityRules.Data.Teams;

/// <summary>
/// The files of a saved Teams export, found by their names alone (see docs/providers/teams.md): pages of users and
/// groups at the top, and per team its owners, members and, per channel, messages and replies. A collection saved
/// over several pages is <c>NAME.json</c>, <c>NAME-2.json</c>, <c>NAME-3.json</c>…, read in page order.
/// </summary>
internal sealed class TeamsLayout
{
    public const string UsersName = "users";
    public const string GroupsName = "groups";
    public const string TeamsFolder = "teams";
    public const string OwnersName = "owners";
    public const string MembersName = "members";
    public const string ChannelsName = "channels";
    public const string MessagesName = "messages";
    public const string RepliesName = "replies";

    private TeamsLayout(string root, PageSeries? users, PageSeries? groups, IReadOnlyList<TeamFolder> teams)
    {
        Root = root;
        Users = users;
        Groups = groups;
        Teams = teams;
    }

    /// <summary>Gets the folder inside the export that holds the files: empty, or one wrapping folder such as <c>export/</c>.</summary>
    public string Root { get; }

    /// <summary>Gets the pages of users, if saved.</summary>
    public PageSeries? Users { get; }

    /// <summary>Gets the pages of groups (the teams).</summary>
    public PageSeries? Groups { get; }

    /// <summary>Gets the team folders, in ordinal order of their names.</summary>
    public IReadOnlyList<TeamFolder> Teams { get; }

    /// <summary>Says whether a list of entries has the layout: groups pages and at least one team's data.</summary>
    public static bool Recognizes(IReadOnlyList<string> entries)
    {
        var root = FindRoot(entries);
        return root is not null && entries.Any(entry => entry.StartsWith(root, StringComparison.Ordinal) && IsTeamData(entry.AsSpan(root.Length)));
    }

    /// <summary>Finds the export's files among the entries of a folder or zip.</summary>
    /// <returns>The layout, or <see langword="null"/> when the entries hold no groups pages.</returns>
    public static TeamsLayout? Find(IReadOnlyList<string> entries)
    {
        var root = FindRoot(entries);
        if (root is null)
        {
            return null;
        }

        var top = new List<(string Entry, string File)>();
        var teams = new SortedDictionary<string, TeamBuilder>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!entry.StartsWith(root, StringComparison.Ordinal))
            {
                continue;
            }

            var parts = entry[root.Length..].Split('/');
            if (parts.Length == 1)
            {
                top.Add((entry, parts[0]));
                continue;
            }

            if (parts[0] != TeamsFolder || parts.Length < 3)
            {
                continue;
            }

            var team = Team(teams, parts[1]);
            switch (parts.Length)
            {
                case 3:
                    team.Files.Add((entry, parts[2]));
                    break;
                case 5 when parts[2] == ChannelsName:
                    team.Channel(parts[3]).Files.Add((entry, parts[4]));
                    break;
                case 7 when parts[2] == ChannelsName && parts[4] == MessagesName:
                    team.Channel(parts[3]).Reply(parts[5]).Add((entry, parts[6]));
                    break;
                default:
                    break;
            }
        }

        return new TeamsLayout(root, PageSeries.Find(top, UsersName), PageSeries.Find(top, GroupsName), [.. teams.Values.Select(team => team.Build())]);

        static TeamBuilder Team(SortedDictionary<string, TeamBuilder> teams, string folder)
        {
            if (!teams.TryGetValue(folder, out var team))
            {
                team = new TeamBuilder(folder);
                teams.Add(folder, team);
            }

            return team;
        }
    }

    /// <summary>Turns a folder name back into the id it holds: ids with characters a file name cannot hold are saved %-escaped.</summary>
    public static string IdOf(string folderName) => folderName.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(folderName) : folderName;

    // The files sit at the top of the folder or zip, or in the one folder that a zip made from a folder wraps them in.
    private static string? FindRoot(IReadOnlyList<string> entries)
    {
        if (entries.Any(entry => !entry.Contains('/', StringComparison.Ordinal) && PageSeries.IsPageOf(entry, GroupsName)))
        {
            return string.Empty;
        }

        var first = entries.Count > 0 ? entries[0] : string.Empty;
        var slash = first.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return null;
        }

        var wrapper = first[..(slash + 1)];
        return entries.All(entry => entry.StartsWith(wrapper, StringComparison.Ordinal))
            && entries.Any(entry => entry.LastIndexOf('/') == slash && PageSeries.IsPageOf(entry.AsSpan(wrapper.Length), GroupsName))
            ? wrapper
            : null;
    }

    // teams/{team}/owners|members|channels page, or teams/{team}/channels/{channel}/messages page: what no Slack
    // export or snapshot has.
    private static bool IsTeamData(ReadOnlySpan<char> entry)
    {
        Span<Range> parts = stackalloc Range[6];
        var count = entry.Split(parts, '/');
        if (count < 3 || !entry[parts[0]].SequenceEqual(TeamsFolder))
        {
            return false;
        }

        return count switch
        {
            3 => PageSeries.IsPageOf(entry[parts[2]], OwnersName) || PageSeries.IsPageOf(entry[parts[2]], MembersName) || PageSeries.IsPageOf(entry[parts[2]], ChannelsName),
            5 => entry[parts[2]].SequenceEqual(ChannelsName) && PageSeries.IsPageOf(entry[parts[4]], MessagesName),
            _ => false,
        };
    }

    private sealed class TeamBuilder(string folder)
    {
        private readonly SortedDictionary<string, ChannelBuilder> _channels = new(StringComparer.Ordinal);

        public List<(string Entry, string File)> Files { get; } = [];

        public ChannelBuilder Channel(string name)
        {
            if (!_channels.TryGetValue(name, out var channel))
            {
                channel = new ChannelBuilder(name);
                _channels.Add(name, channel);
            }

            return channel;
        }

        public TeamFolder Build() => new(
            IdOf(folder),
            $"{TeamsFolder}/{folder}",
            PageSeries.Find(Files, OwnersName),
            PageSeries.Find(Files, MembersName),
            [.. _channels.Values.Select(channel => channel.Build()).Where(channel => channel.Messages is not null || channel.Replies.Count > 0)]);
    }

    private sealed class ChannelBuilder(string folder)
    {
        private readonly SortedDictionary<string, List<(string Entry, string File)>> _replies = new(StringComparer.Ordinal);

        public List<(string Entry, string File)> Files { get; } = [];

        public List<(string Entry, string File)> Reply(string messageFolder)
        {
            if (!_replies.TryGetValue(messageFolder, out var files))
            {
                files = [];
                _replies.Add(messageFolder, files);
            }

            return files;
        }

        public ChannelFolder Build()
        {
            var replies = new Dictionary<string, PageSeries>(StringComparer.Ordinal);
            foreach (var (messageFolder, files) in _replies)
            {
                if (PageSeries.Find(files, RepliesName) is { } series)
                {
                    replies[IdOf(messageFolder)] = series;
                }
            }

            return new ChannelFolder(IdOf(folder), folder, PageSeries.Find(Files, MessagesName), replies);
        }
    }
}

/// <summary>A team's folder: <c>teams/{teamId}/</c>.</summary>
/// <param name="Id">The team's id (its group's id).</param>
/// <param name="Folder">The folder inside the export, for messages.</param>
/// <param name="Owners">The owners pages, if saved.</param>
/// <param name="Members">The members pages, if saved.</param>
/// <param name="Channels">The channels with saved messages, in ordinal order of their folder names.</param>
internal sealed record TeamFolder(string Id, string Folder, PageSeries? Owners, PageSeries? Members, IReadOnlyList<ChannelFolder> Channels);

/// <summary>A channel's folder: <c>teams/{teamId}/channels/{channelId}/</c>.</summary>
/// <param name="Id">The channel's id.</param>
/// <param name="Folder">The folder's name.</param>
/// <param name="Messages">The messages pages, if saved.</param>
/// <param name="Replies">The replies pages saved per message id, <c>messages/{messageId}/replies.json</c>.</param>
internal sealed record ChannelFolder(string Id, string Folder, PageSeries? Messages, IReadOnlyDictionary<string, PageSeries> Replies);

/// <summary>One saved page of a collection.</summary>
/// <param name="Number">The page number: 1 for <c>NAME.json</c>, n for <c>NAME-n.json</c>.</param>
/// <param name="Entry">The entry in the export.</param>
internal sealed record Page(int Number, string Entry);

/// <summary>The saved pages of one collection, in page order.</summary>
/// <param name="Name">The collection's name, such as <c>messages</c>.</param>
/// <param name="Pages">The pages, in page order.</param>
/// <param name="Duplicates">Files that name a page number another file already has (<c>NAME.json</c> and <c>NAME-1.json</c>).</param>
internal sealed record PageSeries(string Name, IReadOnlyList<Page> Pages, IReadOnlyList<string> Duplicates)
{
    /// <summary>The file name of a page number: <c>NAME.json</c> for page 1, <c>NAME-n.json</c> after.</summary>
    public string FileName(int number) => number == 1 ? $"{Name}.json" : string.Create(CultureInfo.InvariantCulture, $"{Name}-{number}.json");

    public static bool IsPageOf(ReadOnlySpan<char> file, string name) => PageNumber(file, name) is not null;

    public static PageSeries? Find(IEnumerable<(string Entry, string File)> files, string name)
    {
        var pages = new SortedDictionary<int, string>();
        var duplicates = new List<string>();

        // NAME.json before NAME-1.json, so the usual name of page 1 is the one read when both are there.
        var candidates = files
            .Select(file => (file.Entry, file.File, Number: PageNumber(file.File, name)))
            .Where(file => file.Number is not null)
            .OrderBy(file => file.Number)
            .ThenBy(file => file.File.Length)
            .ThenBy(file => file.Entry, StringComparer.Ordinal);
        foreach (var (entry, _, number) in candidates)
        {
            if (!pages.TryAdd(number!.Value, entry))
            {
                duplicates.Add(entry);
            }
        }

        return pages.Count == 0 ? null : new PageSeries(name, [.. pages.Select(page => new Page(page.Key, page.Value))], duplicates);
    }

    // NAME.json is page 1; NAME-n.json is page n. Names are compared without case: scripts on Windows vary them.
    private static int? PageNumber(ReadOnlySpan<char> file, string name)
    {
        if (!file.StartsWith(name, StringComparison.OrdinalIgnoreCase) || !file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var middle = file[name.Length..^".json".Length];
        if (middle.IsEmpty)
        {
            return 1;
        }

        return middle.Length is > 1 and <= 7 && middle[0] == '-' && int.TryParse(middle[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : null;
    }
}
