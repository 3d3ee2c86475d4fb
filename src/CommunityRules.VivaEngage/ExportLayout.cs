namespace CommunityRules.Data.VivaEngage;

/// <summary>
/// Where an export's CSV files are: at its top, or in one folder below it (a zip that was made of a folder, or an export
/// with external networks, which has one folder per network). Names are matched ignoring case.
/// </summary>
internal sealed class ExportLayout
{
    public const string MessagesFile = "Messages.csv";
    public const string UsersFile = "Users.csv";
    public const string GroupsFile = "Groups.csv";
    public const string AdminsFile = "Admins.csv";
    public const string NetworksFile = "Networks.csv";

    private static readonly string[] KnownFiles = [MessagesFile, UsersFile, GroupsFile, AdminsFile, NetworksFile];

    private readonly Dictionary<string, string> _files;

    private ExportLayout(string folder, Dictionary<string, string> files, IReadOnlyList<string> otherFolders)
    {
        Folder = folder;
        _files = files;
        OtherFolders = otherFolders;
    }

    /// <summary>Gets the folder inside the export that is read: empty for its top, else a name ending in '/'.</summary>
    public string Folder { get; }

    /// <summary>Gets the other folders that hold a network's files too (external networks); they are not read.</summary>
    public IReadOnlyList<string> OtherFolders { get; }

    public string? Messages => Entry(MessagesFile);

    public string? Users => Entry(UsersFile);

    public string? Groups => Entry(GroupsFile);

    public string? Admins => Entry(AdminsFile);

    public string? Networks => Entry(NetworksFile);

    /// <summary>Finds the folder to read among an export's entries.</summary>
    /// <param name="entries">The entries, with '/' separators.</param>
    /// <returns>The layout, or <see langword="null"/> when no folder looks like a Viva Engage export.</returns>
    public static ExportLayout? Find(IReadOnlyList<string> entries)
    {
        var folders = new SortedDictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var slash = entry.LastIndexOf('/');
            var folder = slash < 0 ? string.Empty : entry[..(slash + 1)];
            if (folder.IndexOf('/', StringComparison.Ordinal) != folder.Length - 1)
            {
                continue; // deeper than one folder: attachments and the like
            }

            var name = entry[(slash + 1)..];
            var known = Array.Find(KnownFiles, file => string.Equals(file, name, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                continue;
            }

            if (!folders.TryGetValue(folder, out var files))
            {
                files = new Dictionary<string, string>(StringComparer.Ordinal);
                folders.Add(folder, files);
            }

            files.TryAdd(known, entry);
        }

        var qualifying = folders.Where(folder => IsExport(folder.Value)).Select(folder => folder.Key).ToList();
        if (qualifying.Count == 0)
        {
            return null;
        }

        // The top wins; otherwise the first folder by name. Networks.csv of an export with external networks is at the top.
        var chosen = qualifying[0];
        var chosenFiles = new Dictionary<string, string>(folders[chosen], StringComparer.Ordinal);
        if (!chosenFiles.ContainsKey(NetworksFile) && folders.TryGetValue(string.Empty, out var top) && top.TryGetValue(NetworksFile, out var networks))
        {
            chosenFiles.Add(NetworksFile, networks);
        }

        return new ExportLayout(chosen, chosenFiles, qualifying.Skip(1).ToList());
    }

    // Messages.csv alone is enough; a users-only export has Users.csv with Admins.csv and Networks.csv beside it.
    private static bool IsExport(Dictionary<string, string> files) =>
        files.ContainsKey(MessagesFile) || (files.ContainsKey(UsersFile) && (files.ContainsKey(GroupsFile) || files.ContainsKey(AdminsFile) || files.ContainsKey(NetworksFile)));

    private string? Entry(string file) => _files.GetValueOrDefault(file);
}
